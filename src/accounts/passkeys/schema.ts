import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  index,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { customers } from '../customers/schema.ts';
import { staffUsers } from '../schema.ts';
import { securitySubjectType } from '../security-events.schema.ts';

/**
 * Passkeys (WebAuthn credentials, issue 12 points 5 and 7) of customers and staff in one table: the ceremonies,
 * the checks and the credential id's uniqueness are the same for both, so one table keeps one code path and
 * one unique index (a credential can never belong to a customer and a member at once). Exactly one of
 * `customerId` and `staffId` is set.
 */
export const passkeys = pgTable(
  'passkeys',
  {
    id: uuid().primaryKey(),
    customerId: uuid().references(() => customers.id, { onDelete: 'cascade' }),
    staffId: uuid().references(() => staffUsers.id, { onDelete: 'cascade' }),
    /** The credential id as the browser gives it (base64url). */
    credentialId: text().notNull(),
    /** The COSE public key (base64url): a public key, nothing secret. */
    publicKey: text().notNull(),
    /** The authenticator's signature counter; 0 for authenticators that keep none (synced passkeys). */
    counter: bigint({ mode: 'number' }).notNull().default(0),
    /** How the browser can reach the authenticator (`internal`, `hybrid`, `usb`, …), as it reported them. */
    transports: text().array().notNull().default(sql`'{}'::text[]`),
    /** The name the person gave it ("Work laptop"). */
    name: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex('passkeys_credential_id_key').on(t.credentialId),
    index('passkeys_customer_idx').on(t.customerId),
    index('passkeys_staff_idx').on(t.staffId),
    check('passkeys_one_owner_check', sql`(${t.customerId} is null) <> (${t.staffId} is null)`),
  ],
);

export const passkeyCeremony = pgEnum('passkey_ceremony', ['register', 'sign_in']);

/**
 * Challenges handed to a browser for one ceremony: single-use (deleted when answered), short-lived
 * (PASSKEY_CHALLENGE_MINUTES) and bound to who asked: a registration to the session that asked, a sign-in to
 * a random value in an HttpOnly cookie. Only hashes are stored, so the table gives nothing to answer with.
 * A new request for the same binding replaces the older challenge: only the newest works.
 */
export const passkeyChallenges = pgTable(
  'passkey_challenges',
  {
    id: uuid().primaryKey(),
    audience: securitySubjectType().notNull(),
    ceremony: passkeyCeremony().notNull(),
    /** SHA-256 of what the challenge is bound to (`session:<id>` or `cookie:<random>`). */
    bindingHash: text().notNull(),
    /** SHA-256 of the challenge (base64url) as sent to the browser. */
    challengeHash: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('passkey_challenges_binding_key').on(t.audience, t.ceremony, t.bindingHash),
    index('passkey_challenges_expires_idx').on(t.expiresAt),
  ],
);
