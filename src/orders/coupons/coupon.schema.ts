/**
 * Coupons and vouchers: single-use codes worth an amount of money off one order. The after-sales cases issue
 * them (AS-GEN-5 coupon instead of a return, AS-INC-2 keep the incorrect item with a voucher); checkout redeems
 * them. They live in the orders feature because checkout spends them, and orders never import aftersales: a
 * coupon names the case that issued it by id only (the case's own table links back to the coupon with a
 * foreign key, src/aftersales/remedies/remedy.schema.ts).
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orders } from '../schema.ts';

export const coupons = pgTable(
  'coupons',
  {
    id: uuid().primaryKey(),
    /** AC-XXXX-XXXX-XXXX in Crockford's alphabet (coupon-code.ts): stored normalised, unique. */
    code: text().notNull(),
    /** What the coupon is worth, in cents of `currency` (at most this comes off an order's goods). */
    valueCents: integer().notNull(),
    currency: text().notNull().default('USD'),
    /** The clause it was issued under: 'AS-GEN-5' (coupon instead of a return) or 'AS-INC-2' (voucher). */
    clause: text().notNull(),
    /** The after-sales case that issued it (no foreign key: orders do not depend on aftersales). */
    sourceCaseId: uuid(),
    issuedAt: timestamp({ withTimezone: true }).notNull(),
    /** Redeemable strictly before this instant. */
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    /** Set once, by the checkout that spent it (a conditional update: a code is spent by one order only). */
    redeemedAt: timestamp({ withTimezone: true }),
    redeemedOrderId: uuid().references(() => orders.id, { onDelete: 'set null' }),
    /** What came off that order: the value, or the goods' subtotal when it was smaller. */
    redeemedDiscountCents: integer(),
  },
  (t) => [
    uniqueIndex('coupons_code_key').on(t.code),
    index('coupons_source_case_idx').on(t.sourceCaseId),
    check('coupons_value_check', sql`${t.valueCents} > 0`),
  ],
);

export type CouponRow = typeof coupons.$inferSelect;
