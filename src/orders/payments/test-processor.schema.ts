/**
 * The test card processor's own records. A hosted processor keeps these on its side; the test processor runs
 * in-process, so it keeps them in the shop's database, written in the caller's transaction. The shop's code
 * never reads them: only test-processor.ts does.
 */
import { sql } from 'drizzle-orm';
import { check, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/** One row per authorisation. `tokenId` is unique: a card token pays once (a second use is refused). */
export const testProcessorCharges = pgTable(
  'test_processor_charges',
  {
    reference: text().primaryKey(),
    tokenId: text().notNull(),
    amountCents: integer().notNull(),
    /** The test card's behaviour on refund: 4000 0000 0000 5126 refuses every refund. */
    refundOutcome: text().$type<'succeed' | 'fail'>().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('test_processor_charges_token_key').on(t.tokenId)],
);

/** Refunds the processor accepted; the same idempotency key returns the same refund. */
export const testProcessorRefunds = pgTable(
  'test_processor_refunds',
  {
    id: text().primaryKey(),
    chargeReference: text()
      .notNull()
      .references(() => testProcessorCharges.reference, { onDelete: 'cascade' }),
    idempotencyKey: text().notNull(),
    amountCents: integer().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('test_processor_refunds_idempotency_key').on(t.idempotencyKey),
    check('test_processor_refunds_amount_check', sql`${t.amountCents} > 0`),
  ],
);
