/**
 * Signing in and out, and the session behind a cookie (issue 12 points 3 and 4; PV-ACC-2 lockout).
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { sha256 } from '../../shared/crypto.ts';
import { AppError } from '../../shared/errors.ts';
import type { authenticationResponseInput } from '../passkeys/schemas.ts';
import { finishPasskeySignIn } from '../passkeys/sign-in.ts';
import { verifyPassword } from '../passwords.ts';
import {
  type CustomerPrincipal,
  type CustomerView,
  customerView,
  endSessions,
  issueAccountToken,
  joinGuestOrders,
  NO_META,
  normaliseEmail,
  openSession,
  queueAccountMail,
  type RequestMeta,
  recordSecurityEvent,
} from './account-records.ts';
import { afterFailedAttempt, afterSuccess, isLocked, lockoutSettings } from './lockout.rules.ts';
import { normalisePassword } from './password.rules.ts';
import { customerSessions, customers } from './schema.ts';

type Ctx = Pick<AppContext, 'db' | 'clock' | 'config'>;

/** How stale a session's lastSeenAt may get before a request writes it again: one write a minute at most. */
const LAST_SEEN_RESOLUTION_MS = 60_000;

/**
 * One answer for an unknown email, a wrong password and a locked account (no enumeration, issue 12 point 3):
 * the lockout itself is told by email to the account's owner.
 */
export const SIGN_IN_REFUSED = 'Email or password is incorrect';

function refused(): AppError {
  return new AppError('unauthenticated', SIGN_IN_REFUSED, { field: 'password' });
}

/**
 * Signs a customer in with `{ email, password }` (the email is normalised, the password NFKC-normalised):
 * a new session with a new random token (no fixation), living CUSTOMER_SESSION_DAYS at most, and the guest
 * orders of the verified address join the account.
 *
 * Refusals: an unknown email, a wrong password, or any password while the account is locked → the same 401
 * (`SIGN_IN_REFUSED` on `password`), the password checked against a dummy hash when there is no account so
 * the time matches. PV-ACC-2: the CUSTOMER_LOCK_ATTEMPTS-th wrong password in a row locks sign-in (see
 * lockout.rules.ts), ends every session of the account, writes a `lockout` security event and emails the
 * owner a reset link (a reset lifts the lock); an attempt inside the lock writes `sign_in_while_locked`.
 * The right password on an account whose address is not verified yet → 403 on `email`, and a fresh link.
 */
export async function signInCustomer(
  ctx: Ctx,
  input: { email: string; password: string },
  meta: RequestMeta,
): Promise<{ token: string; expiresAt: Date; customer: CustomerView }> {
  const email = normaliseEmail(input.email);
  const [customer] = await ctx.db.select().from(customers).where(eq(customers.email, email));
  const ok = await verifyPassword(customer?.passwordHash ?? null, normalisePassword(input.password));
  if (!customer) throw refused();
  const now = ctx.clock.now();
  if (isLocked(customer, now)) {
    await recordSecurityEvent(ctx.db, now, {
      reason: 'sign_in_while_locked',
      customerId: customer.id,
      email,
      meta,
    });
    throw refused();
  }
  if (!ok) {
    await failedAttempt(ctx, customer.id, now, meta);
    throw refused();
  }
  if (!customer.emailVerifiedAt) {
    await ctx.db.transaction(async (tx) => {
      const token = await issueAccountToken(tx, ctx, now, customer.id, 'verify_email');
      await queueAccountMail(tx, ctx, now, email, {
        kind: 'verify',
        token,
        hours: ctx.config.ACCOUNT_LINK_HOURS,
      });
    });
    throw new AppError(
      'forbidden',
      'Confirm your email address first: follow the link we emailed you (we have just sent a new one)',
      { field: 'email' },
    );
  }
  return ctx.db.transaction(async (tx) => {
    await tx
      .update(customers)
      .set({ ...afterSuccess(), lastActiveAt: now })
      .where(eq(customers.id, customer.id));
    await joinGuestOrders(tx, customer.id, customer.email);
    const session = await openSession(tx, ctx, now, customer.id, meta);
    return { token: session.token, expiresAt: session.expiresAt, customer: customerView(customer) };
  });
}

/**
 * Signs a customer in with a passkey (issue 12 point 5): the answer of the browser to the challenge bound to
 * the sign-in cookie's `binding` (see finishPasskeySignIn for every refusal), then, in one transaction with the
 * passkey's counter, a new session with a new token, the account's last activity and its guest orders joined,
 * as a password sign-in does.
 *
 * PV-ACC-2's lockout guards the password against guessing: it neither refuses a passkey sign-in nor is lifted
 * by one. A passkey cannot be guessed (it proves the device and, with user verification, the person), so
 * refusing it would let anyone who types three wrong passwords lock the owner out of their own account; and
 * leaving the lock in place keeps whoever was guessing the password locked out of that path.
 */
export async function signInCustomerWithPasskey(
  ctx: Ctx,
  binding: string | undefined,
  response: z.infer<typeof authenticationResponseInput>,
  meta: RequestMeta,
): Promise<{ token: string; expiresAt: Date; customer: CustomerView }> {
  const now = ctx.clock.now();
  return finishPasskeySignIn(ctx, 'customer', binding, response, meta, async (tx, account) => {
    const [customer] = await tx.select().from(customers).where(eq(customers.id, account.id)).for('update');
    if (!customer) throw refused();
    await tx.update(customers).set({ lastActiveAt: now }).where(eq(customers.id, customer.id));
    await joinGuestOrders(tx, customer.id, customer.email);
    const session = await openSession(tx, ctx, now, customer.id, meta);
    return { token: session.token, expiresAt: session.expiresAt, customer: customerView(customer) };
  });
}

/**
 * A wrong password: counted under a row lock (two wrong attempts at the same instant both count), and at
 * the limit the account is locked, its sessions end, the event is written and the owner emailed.
 */
export async function failedAttempt(
  ctx: Ctx,
  customerId: string,
  now: Date,
  meta: RequestMeta,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx.select().from(customers).where(eq(customers.id, customerId)).for('update');
    if (!row) return;
    const next = afterFailedAttempt(row, now, lockoutSettings(ctx.config));
    await tx
      .update(customers)
      .set({ failedAttempts: next.failedAttempts, lockouts: next.lockouts, lockedUntil: next.lockedUntil })
      .where(eq(customers.id, customerId));
    if (!next.locked || !next.lockedUntil) return;
    await endSessions(tx, now, customerId);
    await recordSecurityEvent(tx, now, { reason: 'lockout', customerId, email: row.email, meta });
    const token = await issueAccountToken(tx, ctx, now, customerId, 'reset_password');
    await queueAccountMail(tx, ctx, now, row.email, {
      kind: 'locked',
      until: next.lockedUntil,
      token,
      hours: ctx.config.ACCOUNT_LINK_HOURS,
    });
  });
}

/**
 * The customer behind a session token, or null when the token is unknown, the session ended (signed out,
 * revoked, past CUSTOMER_SESSION_DAYS) or went unused for CUSTOMER_SESSION_IDLE_DAYS. A token of a session
 * that was signed out or revoked writes a `session_after_sign_out` security event (a stolen cookie tried
 * again). Using a session keeps it alive: lastSeenAt (and the account's lastActiveAt) move to now, written at
 * most once a minute.
 */
export async function customerFromToken(
  ctx: Ctx,
  token: string,
  meta: RequestMeta = NO_META,
): Promise<CustomerPrincipal | null> {
  const now = ctx.clock.now();
  const [row] = await ctx.db
    .select({
      sessionId: customerSessions.id,
      revokedAt: customerSessions.revokedAt,
      expiresAt: customerSessions.expiresAt,
      lastSeenAt: customerSessions.lastSeenAt,
      id: customers.id,
      email: customers.email,
      name: customers.name,
      phone: customers.phone,
    })
    .from(customerSessions)
    .innerJoin(customers, eq(customers.id, customerSessions.customerId))
    .where(eq(customerSessions.tokenHash, sha256(token)));
  if (!row) return null;
  if (row.revokedAt) {
    await recordSecurityEvent(ctx.db, now, {
      reason: 'session_after_sign_out',
      customerId: row.id,
      email: row.email,
      meta,
    });
    return null;
  }
  const idleSince = now.getTime() - ctx.config.CUSTOMER_SESSION_IDLE_DAYS * 86_400_000;
  if (row.expiresAt.getTime() <= now.getTime() || row.lastSeenAt.getTime() <= idleSince) return null;
  if (now.getTime() - row.lastSeenAt.getTime() >= LAST_SEEN_RESOLUTION_MS) {
    await ctx.db.transaction(async (tx) => {
      await tx
        .update(customerSessions)
        .set({ lastSeenAt: now })
        .where(and(eq(customerSessions.id, row.sessionId), isNull(customerSessions.revokedAt)));
      await tx
        .update(customers)
        .set({ lastActiveAt: sql`greatest(${customers.lastActiveAt}, ${now.toISOString()}::timestamptz)` })
        .where(eq(customers.id, row.id));
    });
  }
  return { id: row.id, email: row.email, name: row.name, phone: row.phone, sessionId: row.sessionId };
}

/** Signs out: the session is revoked; its cookie, if presented again, is refused and logged. */
export async function signOutCustomer(
  ctx: Pick<AppContext, 'db' | 'clock'>,
  sessionId: string,
): Promise<void> {
  await ctx.db
    .update(customerSessions)
    .set({ revokedAt: ctx.clock.now() })
    .where(and(eq(customerSessions.id, sessionId), isNull(customerSessions.revokedAt)));
}
