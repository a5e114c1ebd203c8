/**
 * What the passkey use cases need to know of an account, for either audience: customers and staff keep their
 * own tables and password rules, and everything else about passkeys is the same for both.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { ValidationError } from '../../shared/errors.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { normalisePassword } from '../customers/password.rules.ts';
import { customers } from '../customers/schema.ts';
import { verifyPassword } from '../passwords.ts';
import { staffUsers } from '../schema.ts';
import { type SecurityReason, securityEvents } from '../security-events.schema.ts';
import { passkeys } from './schema.ts';

/** Whose passkeys: the storefront's customers or the back office's staff (never one for the other). */
export type Audience = 'customer' | 'staff';

/** The account a ceremony is for. `id` is a customer id or a staff member id, by `audience`. */
export interface PasskeyAccount {
  audience: Audience;
  id: string;
  email: string;
  name: string;
}

/** Where a request came from, for security events: never logged. */
export interface RequestMeta {
  ip: string;
  userAgent: string;
}

/** The column of `passkeys` that points at an account of `audience`. */
export function ownerColumn(audience: Audience) {
  return audience === 'customer' ? passkeys.customerId : passkeys.staffId;
}

/**
 * Checks the account's current password as its own sign-in does (customers' NFKC-normalised, PV-ACC-1): a 400
 * naming `password` when it is wrong. Adding or removing a way to sign in asks for it, so a session left open
 * on a shared computer cannot plant a passkey of its own or take the owner's away.
 */
export async function requirePassword(db: Db, account: PasskeyAccount, password: string): Promise<void> {
  const [row] =
    account.audience === 'customer'
      ? await db.select({ hash: customers.passwordHash }).from(customers).where(eq(customers.id, account.id))
      : await db
          .select({ hash: staffUsers.passwordHash })
          .from(staffUsers)
          .where(eq(staffUsers.id, account.id));
  const typed = account.audience === 'customer' ? normalisePassword(password) : password;
  if (!(await verifyPassword(row?.hash ?? null, typed))) {
    throw new ValidationError([{ field: 'password', message: 'The password is not correct' }]);
  }
}

/**
 * A passkey security event (PV-ACC-2: listed in the back office for follow-up), for a known account or, when
 * the credential named none (`accountId` null), for the audience alone. `db` may be a transaction.
 */
export async function recordPasskeyEvent(
  db: Db,
  at: Date,
  event: { audience: Audience; accountId: string | null; email: string | null; reason: SecurityReason },
  meta: RequestMeta,
): Promise<void> {
  await db.insert(securityEvents).values({
    id: uuidv7(at.getTime()),
    at,
    subjectType: event.audience,
    customerId: event.audience === 'customer' ? event.accountId : null,
    staffId: event.audience === 'staff' ? event.accountId : null,
    email: event.email,
    ip: meta.ip.slice(0, 64),
    userAgent: meta.userAgent.slice(0, 400),
    reason: event.reason,
  });
}

/** The account of `audience` with `id`, as a ceremony names it, or null (gone, or a member who left). */
export async function passkeyAccount(db: Db, audience: Audience, id: string): Promise<PasskeyAccount | null> {
  if (audience === 'customer') {
    const [row] = await db
      .select({ id: customers.id, email: customers.email, name: customers.name })
      .from(customers)
      .where(eq(customers.id, id));
    return row ? { audience, ...row } : null;
  }
  const [row] = await db
    .select({
      id: staffUsers.id,
      email: staffUsers.email,
      name: staffUsers.name,
      disabledAt: staffUsers.disabledAt,
    })
    .from(staffUsers)
    .where(eq(staffUsers.id, id));
  // PV-STF-2: a member who left signs in with nothing, a passkey included.
  return row && !row.disabledAt ? { audience, id: row.id, email: row.email, name: row.name } : null;
}
