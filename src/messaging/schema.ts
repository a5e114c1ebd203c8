import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { orders } from '../orders/schema.ts';

export const mailStatus = pgEnum('mail_status', ['pending', 'sent', 'failed']);

/**
 * Every email the shop sends, written in the same transaction as the change that caused it (so an order
 * never exists without its confirmation, nor the reverse). With SMTP_URL set a dispatcher delivers them;
 * without it they stay here and the back office shows them.
 */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: uuid().primaryKey(),
    template: text().notNull(),
    toAddress: text().notNull(),
    /**
     * The sender's display name, the shop's name when the email was queued (its body names the shop the same
     * way); the address is MAIL_FROM's at sending. Null for emails queued before the column existed.
     */
    fromName: text(),
    subject: text().notNull(),
    textBody: text().notNull(),
    htmlBody: text().notNull(),
    orderId: uuid().references(() => orders.id, { onDelete: 'set null' }),
    /**
     * Extra headers to send with the email (a campaign's List-Unsubscribe and List-Unsubscribe-Post, RFC 8058);
     * null for transactional emails, which carry none.
     */
    headers: jsonb().$type<Record<string, string>>(),
    status: mailStatus().notNull().default('pending'),
    attempts: integer().notNull().default(0),
    lastError: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('mail_outbox_status_idx').on(t.status, t.createdAt),
    index('mail_outbox_order_idx').on(t.orderId),
  ],
);
