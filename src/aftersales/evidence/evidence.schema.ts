/**
 * The evidence files of an after-sales case (issue 10 point 3; AS-DOA-2, AS-DEF-6, AS-INC-3, and the postage
 * receipt of AS-DEF-5 / AS-GEN-3). The bytes live behind the storage interface (storage.ts) under the keys
 * written here; a row exists only once both stored files do, and the files are removed when the row is.
 */

import { sql } from 'drizzle-orm';
import { check, index, integer, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { evidenceKinds } from '../claim.schema.ts';
import { afterSalesCases } from '../schema.ts';

export const evidenceKind = pgEnum('evidence_kind', evidenceKinds);

export const afterSalesEvidence = pgTable(
  'after_sales_evidence',
  {
    id: uuid().primaryKey(),
    caseId: uuid()
      .notNull()
      .references(() => afterSalesCases.id, { onDelete: 'cascade' }),
    /** Which line of the assessment's evidence checklist this file answers. */
    kind: evidenceKind().notNull(),
    /** The stored original's type after re-encoding: image/jpeg, video/mp4 or video/quicktime. */
    mediaType: text().notNull(),
    /** The stored original's size in bytes (after re-encoding or metadata removal). */
    bytes: integer().notNull(),
    width: integer(),
    height: integer(),
    /** Videos only, in milliseconds. */
    durationMs: integer(),
    /** Storage keys (storage.ts), never a path a browser can reach. */
    storageKey: text().notNull(),
    thumbnailKey: text().notNull(),
    /** AS-GEN-3: the amount on a postage receipt, as the customer typed it (staff check it against the photo). */
    amountCents: integer(),
    /** 'customer' or 'staff'. */
    uploadedBy: text().notNull(),
    /** The member of staff who uploaded it; null for the customer. */
    staffId: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    index('after_sales_evidence_case_idx').on(t.caseId, t.createdAt),
    check('after_sales_evidence_uploaded_by_check', sql`${t.uploadedBy} in ('customer', 'staff')`),
    check('after_sales_evidence_amount_check', sql`${t.amountCents} is null or ${t.amountCents} >= 0`),
  ],
);

export type EvidenceRow = typeof afterSalesEvidence.$inferSelect;

/**
 * Stored files to remove once the transaction that dropped their rows has committed (a deleted account's
 * evidence, PV-ACC-4; evidence past its retention, PV-MIN-1). Written in that transaction, so a crash after
 * the commit leaves the task here for the next run of the retention job instead of files nobody points at.
 */
export const evidencePurges = pgTable('evidence_purges', {
  id: uuid().primaryKey(),
  /** A storage key, or a folder (`evidence/<case id>`) whose every key goes. */
  storagePrefix: text().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull(),
});
