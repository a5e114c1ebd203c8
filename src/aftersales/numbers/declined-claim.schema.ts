/**
 * Claims the policy declined when they were submitted (issue 11 point 4): such a claim opens no case (the
 * customer gets a 422), so this append-only table is the only trace the owner's numbers can count. It holds
 * no personal data: the order line and product, the kind, the engine's deciding clauses, the policy version
 * and the time. A row is never updated; the numbers count rows by `declinedAt`.
 */
import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { productCategory, products } from '../../catalog/schema.ts';
import { orderLines } from '../../orders/schema.ts';
import { claimKind, policyVersions } from '../schema.ts';

export const declinedClaims = pgTable(
  'declined_claims',
  {
    id: uuid().primaryKey(),
    orderLineId: uuid()
      .notNull()
      .references(() => orderLines.id, { onDelete: 'cascade' }),
    productId: uuid()
      .notNull()
      .references(() => products.id),
    /** The line's category, copied: the owner's numbers filter by it without reading the order lines. */
    category: productCategory().notNull(),
    kind: claimKind().notNull(),
    /** The engine's reasons' clause IDs (AS-DOA-1, AS-GEN-3 …), in the order it applied them, each once. */
    clauses: text().array().notNull(),
    policyVersion: integer()
      .notNull()
      .references(() => policyVersions.version),
    declinedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('declined_claims_at_idx').on(t.declinedAt)],
);
