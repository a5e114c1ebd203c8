/**
 * The newsletter (PV-USE-1): who asked for offers by email, with the proof of their double opt-in, and every
 * campaign sent. No table here lists addresses for anyone but the sender itself (PV-USE-2).
 */
import { index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { customers } from '../../accounts/customers/schema.ts';
import { staffUsers } from '../../accounts/schema.ts';

export const newsletterStatus = pgEnum('newsletter_status', ['pending', 'confirmed', 'unsubscribed']);

/**
 * One row per address. `pending` until the emailed confirmation link is followed (double opt-in); only
 * `confirmed` rows receive campaigns. The consent times are the proof of opt-in and of its withdrawal.
 */
export const newsletterSubscribers = pgTable(
  'newsletter_subscribers',
  {
    id: uuid().primaryKey(),
    /** Normalised (trimmed, lower-cased): one subscription per address however it is typed. */
    email: text().notNull(),
    /**
     * The account that subscribed from its profile, if any. Deleting the account deletes the subscription
     * (cascade): a customer who removes their data expects no more offers (PV-RGT-1).
     */
    customerId: uuid().references(() => customers.id, { onDelete: 'cascade' }),
    status: newsletterStatus().notNull().default('pending'),
    /** SHA-256 of the confirmation link's token; the token itself is only in the email. */
    confirmTokenHash: text(),
    confirmExpiresAt: timestamp({ withTimezone: true }),
    /**
     * When the address last asked to subscribe and was sent a confirmation link (asking again within
     * NEWSLETTER_RESEND_MINUTES sends none and leaves this as it is).
     */
    requestedAt: timestamp({ withTimezone: true }).notNull(),
    /** When the opt-in was confirmed (the link followed, or the account's verified address ticked). */
    confirmedAt: timestamp({ withTimezone: true }),
    unsubscribedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex('newsletter_subscribers_email_idx').on(t.email),
    uniqueIndex('newsletter_subscribers_token_idx').on(t.confirmTokenHash),
    index('newsletter_subscribers_customer_idx').on(t.customerId),
    index('newsletter_subscribers_status_idx').on(t.status),
  ],
);

/** A campaign as sent: what it said, who sent it, when, and to how many confirmed subscribers. */
export const newsletterCampaigns = pgTable(
  'newsletter_campaigns',
  {
    id: uuid().primaryKey(),
    subject: text().notNull(),
    body: text().notNull(),
    /** The owner who sent it; kept as null if that member's row is ever removed. */
    sentBy: uuid().references(() => staffUsers.id, { onDelete: 'set null' }),
    sentAt: timestamp({ withTimezone: true }).notNull(),
    recipientCount: integer().notNull(),
  },
  (t) => [index('newsletter_campaigns_sent_idx').on(t.sentAt)],
);
