import { sql } from 'drizzle-orm';
import {
  bigint,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

export const staffRole = pgEnum('staff_role', ['owner', 'customer_service', 'technician']);

export const staffUsers = pgTable(
  'staff_users',
  {
    id: uuid().primaryKey(),
    email: text().notNull(),
    name: text().notNull(),
    /** argon2id (PV-SEC-1) */
    passwordHash: text().notNull(),
    role: staffRole().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastLoginAt: timestamp({ withTimezone: true }),
    /** PV-STF-2: set when the employee leaves; every session stops working at once. */
    disabledAt: timestamp({ withTimezone: true }),
    /**
     * The TOTP secret (RFC 6238), encrypted with a key derived from the app secret (AES-256-GCM): never sent
     * again once enrolment shows it. Set while enrolling, before `totpConfirmedAt`.
     */
    totpSecret: text(),
    /** When the member proved the authenticator with a first code: from then on sign-in asks for a code. */
    totpConfirmedAt: timestamp({ withTimezone: true }),
    /** The 30-second step of the last code accepted: that code and every earlier one are refused (replay). */
    totpLastStep: bigint({ mode: 'number' }),
    /**
     * PV-STF-3: the version of the confidentiality agreement the member last accepted, and when. Null until they
     * accept; the back office answers 403 while it is not the current version (src/accounts/staff-lifecycle/agreement.ts).
     */
    agreementVersion: integer(),
    agreementAcceptedAt: timestamp({ withTimezone: true }),
  },
  (t) => [uniqueIndex('staff_users_email_key').on(t.email)],
);

/** Only the SHA-256 of the session token is stored: a database leak gives no usable sessions. */
export const staffSessions = pgTable(
  'staff_sessions',
  {
    id: uuid().primaryKey(),
    staffId: uuid()
      .notNull()
      .references(() => staffUsers.id, { onDelete: 'cascade' }),
    tokenHash: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex('staff_sessions_token_hash_key').on(t.tokenHash),
    index('staff_sessions_staff_idx').on(t.staffId),
  ],
);

/**
 * Single-use recovery codes of a member's second factor, for a lost authenticator. Only SHA-256 is stored: the
 * codes are 50 random bits each, so a slow hash would add nothing but latency.
 */
export const staffRecoveryCodes = pgTable(
  'staff_recovery_codes',
  {
    id: uuid().primaryKey(),
    staffId: uuid()
      .notNull()
      .references(() => staffUsers.id, { onDelete: 'cascade' }),
    codeHash: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    usedAt: timestamp({ withTimezone: true }),
  },
  (t) => [uniqueIndex('staff_recovery_codes_staff_code_key').on(t.staffId, t.codeHash)],
);

/**
 * PV-STF-2: the owner's invitation of a new member (or of one who left, to come back). The emailed link carries a
 * random token; only its SHA-256 is stored. It works once, until `expiresAt` (STAFF_INVITATION_HOURS), and dies
 * when a newer invitation to the same address replaces it (`revokedAt`) or the member is deactivated. The staff
 * row is written when the invitee sets a password (`acceptedAt`), so an unanswered invitation gives no access.
 */
export const staffInvitations = pgTable(
  'staff_invitations',
  {
    id: uuid().primaryKey(),
    /** Normalised (trimmed, lower case), as staff_users.email. */
    email: text().notNull(),
    name: text().notNull(),
    role: staffRole().notNull(),
    tokenHash: text().notNull(),
    invitedBy: uuid().references(() => staffUsers.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    acceptedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
    /**
     * Why `revokedAt` is set: `replaced` by a newer invitation to the address, `withdrawn` because the member or
     * the one who sent it was deactivated. Null on rows revoked before the reason was kept: read as replaced.
     */
    revokedReason: text({ enum: ['replaced', 'withdrawn'] }),
  },
  (t) => [
    uniqueIndex('staff_invitations_token_hash_key').on(t.tokenHash),
    // At most one open invitation per address: re-inviting revokes the older one in the same transaction.
    uniqueIndex('staff_invitations_open_email_key')
      .on(t.email)
      .where(sql`${t.acceptedAt} is null and ${t.revokedAt} is null`),
  ],
);
