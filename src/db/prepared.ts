/**
 * Statements of fixed SQL text, for the hottest writes: drizzle's builders assemble a query again on every
 * request (walking every column and value), which for a write of a dozen values costs more CPU than the
 * database spends on it. Reads keep drizzle's own `.prepare(name)`.
 */
import { sql } from 'drizzle-orm';
import type { Db } from './client.ts';

type Run<T> = (values: readonly unknown[]) => Promise<T[]>;

const byDb = new WeakMap<Db, Map<string, Run<unknown>>>();

/**
 * `text` (SQL with `$1…$count`) prepared on `db` (the pool, or an open transaction's connection) under
 * `name`: on PostgreSQL a named prepared statement, parsed and planned once per connection; on PGlite a
 * parameterised query. A name always goes with the same text. Values are sent as text: pass instants as ISO
 * 8601 strings and JSON as `JSON.stringify`'s, and cast them in the SQL (`$4::timestamptz`, `$7::jsonb`).
 * The answer is the statement's rows as objects keyed by column name, values as the driver parses them.
 */
export function preparedStatement<T>(db: Db, name: string, text: string, count: number): Run<T> {
  let statements = byDb.get(db);
  if (!statements) {
    statements = new Map();
    byDb.set(db, statements);
  }
  const known = statements.get(name);
  if (known) return known as Run<T>;
  const params = Array.from({ length: count }, (_, i) => sql.placeholder(String(i)));
  const prepared = db._.session.prepareQuery({ sql: text, params }, undefined, name, false);
  const run: Run<T> = async (values) => {
    if (values.length !== count) throw new Error(`${name}: ${values.length} values for ${count} parameters`);
    const result = (await prepared.execute({ ...values })) as { rows: T[] };
    return result.rows;
  };
  statements.set(name, run as Run<unknown>);
  return run;
}
