/**
 * The money and goods a case gave the customer: each refund (the item's price, return-shipping reimbursement),
 * coupon, voucher and replacement, linked to the row that carries it (a refund on the order's payment, a coupon,
 * a replacement order). The case page lists them; what may still be refunded is read from the payments, which
 * hold every refund of the order whatever asked for it (a cancellation, another case).
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { staffUsers } from '../../accounts/schema.ts';
import { coupons } from '../../orders/coupons/coupon.schema.ts';
import { orders, refunds } from '../../orders/schema.ts';
import { afterSalesCases } from '../schema.ts';

export const remedyKinds = ['refund', 'return_shipping', 'coupon', 'voucher', 'replacement'] as const;
export type RemedyKind = (typeof remedyKinds)[number];

export const caseRemedies = pgTable(
  'case_remedies',
  {
    id: uuid().primaryKey(),
    caseId: uuid()
      .notNull()
      .references(() => afterSalesCases.id, { onDelete: 'cascade' }),
    /** One of `remedyKinds`. */
    kind: text().$type<RemedyKind>().notNull(),
    /** Money given, in cents (0 for a replacement: it is shipped free). */
    amountCents: integer().notNull(),
    /** The clause that decided it (AS-GEN-3, AS-GEN-5, AS-INC-2…) when one did. */
    clause: text(),
    refundId: uuid().references(() => refunds.id, { onDelete: 'set null' }),
    couponId: uuid().references(() => coupons.id, { onDelete: 'set null' }),
    replacementOrderId: uuid().references(() => orders.id, { onDelete: 'set null' }),
    /** Staff's words (internal). */
    note: text(),
    staffId: uuid().references(() => staffUsers.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    index('case_remedies_case_idx').on(t.caseId, t.createdAt),
    check('case_remedies_amount_check', sql`${t.amountCents} >= 0`),
  ],
);

export type CaseRemedyRow = typeof caseRemedies.$inferSelect;
