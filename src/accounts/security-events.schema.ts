import { sql } from 'drizzle-orm';
import { index, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { customers } from './customers/schema.ts';
import { staffUsers } from './schema.ts';

export const securitySubjectType = pgEnum('security_subject_type', ['customer', 'staff']);

/**
 * What `security_events.reason` holds. Text, not an enum type, so a new reason needs no migration; the
 * back office lists them for follow-up by staff (PV-ACC-2).
 */
export const securityReasons = [
  'lockout',
  'sign_in_while_locked',
  'token_reused',
  'token_expired',
  'token_unknown',
  'session_after_sign_out',
  'password_reset',
  'password_changed',
  'email_changed',
  'session_ended',
  // Staff (the back office's own sign-in): a wrong password for a staff email, a wrong or replayed
  // authenticator or recovery code, and the owner resetting a member's second factor.
  'staff_sign_in_failed',
  'second_factor_failed',
  'second_factor_reset',
  // Staff lifecycle (PV-STF-2): a sign-in with an email that is no member's (nothing of the email is kept), a
  // refused invitation link (forged, expired, used or replaced), a member deactivated by an owner (`by`), and
  // a member replacing their own recovery codes.
  'staff_sign_in_unknown_email',
  'staff_invitation_refused',
  'staff_deactivated',
  'recovery_codes_regenerated',
  // Passkeys (customers and staff): a response to another challenge than the one handed out, a credential the
  // shop does not know or that belongs to another account, a signature that does not verify, a signature
  // counter that went backwards (a cloned authenticator), and passkeys added or removed.
  'passkey_challenge_mismatch',
  'passkey_unknown',
  'passkey_wrong_account',
  'passkey_signature_failed',
  'passkey_counter_regression',
  'passkey_added',
  'passkey_removed',
] as const;
export type SecurityReason = (typeof securityReasons)[number];

/**
 * Security events of accounts (PV-ACC-2): lockouts, refused links, ended sessions, password and email
 * changes. Staff review them in the back office (`reviewedAt`, `reviewedBy`).
 */
export const securityEvents = pgTable(
  'security_events',
  {
    id: uuid().primaryKey(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    subjectType: securitySubjectType().notNull(),
    customerId: uuid().references(() => customers.id, { onDelete: 'set null' }),
    staffId: uuid().references(() => staffUsers.id, { onDelete: 'set null' }),
    /** The account's normalised email at the time (kept when the account is gone), or null when unknown. */
    email: text(),
    ip: text().notNull(),
    userAgent: text().notNull(),
    reason: text().$type<SecurityReason>().notNull(),
    /** The member who made the change the event records (an owner deactivating someone), when not the subject. */
    byStaffId: uuid().references(() => staffUsers.id, { onDelete: 'set null' }),
    reviewedAt: timestamp({ withTimezone: true }),
    reviewedBy: uuid().references(() => staffUsers.id, { onDelete: 'set null' }),
  },
  (t) => [
    index('security_events_at_idx').on(t.at, t.id),
    index('security_events_customer_idx').on(t.customerId, t.at),
    index('security_events_unreviewed_idx').on(t.at).where(sql`${t.reviewedAt} is null`),
  ],
);
