/**
 * The after-sales conversations (issue 10 point 4): a message thread per case (AS-GEN-1 troubleshooting is a
 * conversation with customer service), and the questions a customer sends about a claim the policy declined,
 * which open no case and no return.
 */
import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { staffUsers } from '../accounts/schema.ts';
import { orderLines, orders } from '../orders/schema.ts';
import type { Assessment } from './policy.ts';
import { afterSalesCases, claimKind } from './schema.ts';

/** One message of a case's thread, written by the customer (through the order's signed link) or by staff. */
export const afterSalesCaseMessages = pgTable(
  'after_sales_case_messages',
  {
    id: uuid().primaryKey(),
    /** The thread's order: messages written in the same millisecond keep the order they were written in. */
    seq: bigserial({ mode: 'number' }).notNull(),
    caseId: uuid()
      .notNull()
      .references(() => afterSalesCases.id, { onDelete: 'cascade' }),
    /** 'customer' or 'staff'. */
    authorType: text().notNull(),
    /** The staff member who wrote it; null for the customer's messages (and once that account is removed). */
    staffId: uuid().references(() => staffUsers.id, { onDelete: 'set null' }),
    /** Validated by `messageText` (text(), at most MESSAGE_MAX_CHARS characters) before it is written. */
    body: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('after_sales_case_messages_case_idx').on(t.caseId, t.seq)],
);

/**
 * A question about one order line, sent instead of a claim the policy declined (or any claim the customer
 * prefers to ask about first). It opens no case and no return: customer service answers it once, in the back
 * office; the answer is emailed to the customer and shown on their order page.
 */
export const supportQuestions = pgTable(
  'support_questions',
  {
    id: uuid().primaryKey(),
    orderId: uuid()
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    orderLineId: uuid()
      .notNull()
      .references(() => orderLines.id, { onDelete: 'cascade' }),
    /** What the customer said happened. */
    kind: claimKind().notNull(),
    body: text().notNull(),
    /** The engine's answer the customer saw, judged again from the records when the question was sent. */
    assessment: jsonb().$type<Assessment>().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    /** Customer service's answer (validated by `messageText`); null until answered, written once. */
    answer: text(),
    /** Who answered; null before the answer (and once that account is removed: the answer stays). */
    answeredBy: uuid().references(() => staffUsers.id, { onDelete: 'set null' }),
    /** When it was answered; null while the question waits. Set with `answer`, in one statement. */
    answeredAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('support_questions_created_idx').on(t.createdAt, t.id),
    index('support_questions_order_idx').on(t.orderId),
  ],
);
