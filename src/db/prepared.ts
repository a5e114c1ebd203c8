/**
 * Prepared statements, one cache of them per database, and what keeps them cheap on PostgreSQL.
 * - `preparedStatement`: fixed SQL text, for the hottest writes: drizzle's builders assemble a query again on
 *   every request (walking every column and value), which for a write of a dozen values costs more CPU than
 *   the database spends on it. Reads keep drizzle's own `.prepare(name)`, made once through `oncePerDb`.
 * - `literalLimit`: page sizes in the text, so that PostgreSQL keeps one plan for a statement.
 */
import { type Placeholder, sql } from 'drizzle-orm';
import type { Db } from './client.ts';

type Run<T> = (values: readonly unknown[]) => Promise<T[]>;

/**
 * `text` (SQL with `$1…$count`) prepared on `db` (the pool, or an open transaction's connection) under
 * `name`: on PostgreSQL a named prepared statement, parsed and planned once per connection; on PGlite a
 * parameterised query. A name always goes with the same text. Values are sent as text: pass instants as ISO
 * 8601 strings and JSON as `JSON.stringify`'s, and cast them in the SQL (`$4::timestamptz`, `$7::jsonb`).
 * The answer is the statement's rows as objects keyed by column name, values as the driver parses them.
 */
export function preparedStatement<T>(db: Db, name: string, text: string, count: number): Run<T> {
  return oncePerDb(db, name, () => {
    const params = Array.from({ length: count }, (_, i) => sql.placeholder(String(i)));
    const prepared = db._.session.prepareQuery({ sql: text, params }, undefined, name, false);
    return async (values: readonly unknown[]) => {
      if (values.length !== count)
        throw new Error(`${name}: ${values.length} values for ${count} parameters`);
      const result = (await prepared.execute({ ...values })) as { rows: T[] };
      return result.rows;
    };
  });
}

/**
 * A page size written into a prepared statement's text instead of bound as `$n`, for `.limit()` (drizzle
 * accepts SQL there at run time; its type names only numbers and placeholders). PostgreSQL's generic plan
 * for `LIMIT $n` assumes a tenth of the rows are read, so it never beats the custom plan of a 26-row page and
 * the statement is planned again on every execution (half a millisecond of the database's CPU for the
 * staff queue, more than running it). The size joins the statement's name (`limit` is an integer the
 * request schema bounds): one statement per page size in use.
 * Throws on anything but a positive safe integer, so nothing else ever reaches the SQL text.
 */
export function literalLimit(rows: number): Placeholder {
  if (!Number.isSafeInteger(rows) || rows < 1) throw new Error(`literalLimit: ${rows} is no page size`);
  return sql.raw(String(rows)) as unknown as Placeholder;
}

/**
 * `make()` once per database (the pool, or PGlite) and `key`: the one cache of prepared statements. The key
 * is the statement's name, which PostgreSQL keeps per connection, so it must name everything `make` varies
 * by (for a statement per shape of a request: which filters, which sort, which page size).
 */
export function oncePerDb<T>(db: Db, key: string, make: () => T): T {
  let made = shapesByDb.get(db);
  if (!made) {
    made = new Map();
    shapesByDb.set(db, made);
  }
  if (!made.has(key)) made.set(key, make());
  return made.get(key) as T;
}

const shapesByDb = new WeakMap<Db, Map<string, unknown>>();
