/**
 * The customer-data entry of a table whose rows simply belong to a customer (PV-RGT-1 export, PV-ACC-4
 * deletion): export every row of `owner = customerId`, oldest first, shaped by `toExport`; erase deletes them
 * all and counts them. Tables that anonymise instead of deleting, or that are found another way, write their
 * own `CustomerDataEntry`.
 */
import { asc, eq } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { CustomerDataEntry } from './data-subject.ts';

/** A table with an `id` and a `createdAt` (the export's order). */
type OwnedTable = PgTable & { id: PgColumn; createdAt: PgColumn };

export function ownedRows<T extends OwnedTable>(
  key: string,
  table: T,
  owner: PgColumn,
  toExport: (row: T['$inferSelect']) => unknown,
): CustomerDataEntry {
  return {
    key,
    async export(db, subject) {
      const rows = await db
        .select()
        .from(table as PgTable)
        .where(eq(owner, subject.customerId))
        .orderBy(asc(table.createdAt));
      return rows.map((row) => toExport(row as T['$inferSelect']));
    },
    async erase(tx, subject) {
      const rows = await tx
        .delete(table as PgTable)
        .where(eq(owner, subject.customerId))
        .returning({ id: table.id });
      return rows.length;
    },
  };
}
