/**
 * Where a value ended up in the database: every column of every table of the shop's schema, read back as
 * text and searched for the value. For PV-COL-1's tests: a collection point keeps each kind of personal data
 * only where the clause says, and what it does not collect (the browser, the IP address) nowhere.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../src/db/client.ts';

/** `table.column` of every stored value containing each marker (case-insensitive), sorted. */
export async function whereStored<K extends string>(
  db: Db,
  markers: Record<K, string>,
): Promise<Record<K, string[]>> {
  const tables = (await db.execute(
    sql.raw(
      "select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not like '\\_\\_drizzle%' order by 1",
    ),
  )) as unknown as { rows: Array<{ name: string }> };
  const found = Object.fromEntries(Object.keys(markers).map((k) => [k, new Set<string>()])) as Record<
    K,
    Set<string>
  >;
  for (const { name } of tables.rows) {
    const rows = (await db.execute(
      sql.raw(`select row_to_json(t)::text as row from "${name}" t`),
    )) as unknown as {
      rows: Array<{ row: string }>;
    };
    for (const { row } of rows.rows) {
      const record = JSON.parse(row) as Record<string, unknown>;
      for (const [column, value] of Object.entries(record)) {
        const text = (typeof value === 'string' ? value : (JSON.stringify(value) ?? '')).toLowerCase();
        for (const [kind, marker] of Object.entries(markers) as Array<[K, string]>) {
          if (text.includes(marker.toLowerCase())) found[kind].add(`${name}.${column}`);
        }
      }
    }
  }
  return Object.fromEntries(
    Object.entries(found).map(([k, set]) => [k, [...(set as Set<string>)].sort()]),
  ) as Record<K, string[]>;
}
