import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { ShippingAddress } from '../../orders/schema.ts';

/** A customer's account: signs in with email and password once the address is verified. */
export const customers = pgTable(
  'customers',
  {
    id: uuid().primaryKey(),
    /** Normalised (trimmed, lower-cased): one account per address however it is typed. */
    email: text().notNull(),
    name: text().notNull(),
    phone: text(),
    /** argon2id of the NFKC-normalised password (PV-SEC-1, PV-ACC-1). */
    passwordHash: text().notNull(),
    /** Null until the customer followed the verification link: such an account cannot sign in. */
    emailVerifiedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** The last sign-in or use of a session (PV-ACC-3 deletes accounts idle for long). */
    lastActiveAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Wrong passwords since the last successful sign-in or lockout (PV-ACC-2). */
    failedAttempts: integer().notNull().default(0),
    /** Sign-in refused until this instant (PV-ACC-2); a password reset lifts it. */
    lockedUntil: timestamp({ withTimezone: true }),
    /** Lockouts in a row: each one lasts twice as long as the one before (capped by a setting). */
    lockouts: integer().notNull().default(0),
    /** Last change of the password: reset links asked for before it are dead. */
    passwordChangedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /**
     * PV-ACC-3: when the "your idle account will be deleted" email was queued. It counts only while later than
     * lastActiveAt: signing in (or using a session) after it cancels the deletion, and a new idle period warns
     * again.
     */
    idleWarnedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex('customers_email_key').on(t.email),
    index('customers_last_active_idx').on(t.lastActiveAt),
    check('customers_failed_attempts_check', sql`${t.failedAttempts} >= 0`),
    check('customers_lockouts_check', sql`${t.lockouts} >= 0`),
  ],
);

/** Only the SHA-256 of the session token is stored, as for staff: a database leak gives no usable sessions. */
export const customerSessions = pgTable(
  'customer_sessions',
  {
    id: uuid().primaryKey(),
    customerId: uuid()
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    tokenHash: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** The absolute end (CUSTOMER_SESSION_DAYS); CUSTOMER_SESSION_IDLE_DAYS ends it sooner when unused. */
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    revokedAt: timestamp({ withTimezone: true }),
    /** Where the session was opened from, shown to the customer only as a /24 (IPv4) or /48 (IPv6) range. */
    ip: text().notNull(),
    userAgent: text().notNull(),
  },
  (t) => [
    uniqueIndex('customer_sessions_token_hash_key').on(t.tokenHash),
    index('customer_sessions_customer_idx').on(t.customerId),
  ],
);

export const accountTokenPurpose = pgEnum('account_token_purpose', [
  'verify_email',
  'reset_password',
  'change_email',
]);

/** One-time links sent by email; only the SHA-256 of the token is kept. */
export const accountTokens = pgTable(
  'account_tokens',
  {
    id: uuid().primaryKey(),
    customerId: uuid()
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    purpose: accountTokenPurpose().notNull(),
    tokenHash: text().notNull(),
    /** change_email: the (normalised) address the account moves to once the link is followed. */
    newEmail: text(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    /** Set when the link was followed, or when a later event (a password change) made it void. */
    usedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('account_tokens_token_hash_key').on(t.tokenHash),
    index('account_tokens_customer_idx').on(t.customerId, t.purpose),
  ],
);

/**
 * The account's address book (issue 12 point 6): addresses the customer keeps to ship to, in the order's own
 * shape (`ShippingAddress`, checked by the checkout's `shippingAddressSchema`). At most one is the default: the
 * partial unique index holds that even for two requests at the same instant. How many an account keeps is
 * `CUSTOMER_ADDRESSES_MAX`.
 */
export const customerAddresses = pgTable(
  'customer_addresses',
  {
    id: uuid().primaryKey(),
    customerId: uuid()
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    address: jsonb().$type<ShippingAddress>().notNull(),
    isDefault: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('customer_addresses_customer_idx').on(t.customerId, t.createdAt),
    uniqueIndex('customer_addresses_default_key').on(t.customerId).where(sql`${t.isDefault}`),
  ],
);
