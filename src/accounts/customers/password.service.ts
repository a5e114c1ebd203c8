/** Forgotten and changed passwords (issue 12 points 1, 3 and 4). */
import { eq } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { getShopSettings } from '../../settings/shop.ts';
import { ValidationError } from '../../shared/errors.ts';
import { hashPassword, verifyPassword } from '../passwords.ts';
import {
  type CustomerPrincipal,
  endSessions,
  followAccountLink,
  issueAccountToken,
  normaliseEmail,
  queueAccountMail,
  type RequestMeta,
  recordSecurityEvent,
  voidAccountTokens,
} from './account-records.ts';
import { afterSuccess } from './lockout.rules.ts';
import { customerPasswordProblem, normalisePassword } from './password.rules.ts';
import { customers } from './schema.ts';

type Ctx = Pick<AppContext, 'db' | 'clock' | 'config'>;

/**
 * Asks for a reset link. The answer never says whether the address has an account (no enumeration): the
 * email does — a reset link (ACCOUNT_LINK_HOURS, once; a newer one voids it) to an account's address, or "no
 * account uses this address" to any other.
 */
export async function requestPasswordReset(ctx: Ctx, email: string, _meta: RequestMeta): Promise<void> {
  const address = normaliseEmail(email);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const [customer] = await tx
      .select({ id: customers.id })
      .from(customers)
      .where(eq(customers.email, address));
    if (!customer) {
      await queueAccountMail(tx, ctx, now, address, { kind: 'reset_unknown' });
      return;
    }
    const token = await issueAccountToken(tx, ctx, now, customer.id, 'reset_password');
    await queueAccountMail(tx, ctx, now, address, {
      kind: 'reset',
      token,
      hours: ctx.config.ACCOUNT_LINK_HOURS,
    });
  });
}

/** PV-ACC-1 for a new password; `db` is the caller's transaction when it holds one (PGlite has one connection). */
async function passwordProblem(
  ctx: Ctx,
  db: Db,
  password: string,
  personal: string[],
): Promise<string | null> {
  const shop = await getShopSettings(db);
  return customerPasswordProblem(password, [...personal, shop.name], {
    minLength: ctx.config.CUSTOMER_PASSWORD_MIN_LENGTH,
  });
}

/**
 * Follows a reset link with the new password: PV-ACC-1 applies (400 on `password`, the link stays usable);
 * then in one transaction the password is replaced, every session of the account ends, the lockout is lifted
 * (PV-ACC-2: "or until reset by email"), the address counts as verified (the link proved it), other reset
 * links die, a `password_reset` security event is written and the owner is told. An unknown, used, voided
 * (a password change since) or expired link is a 400 on `token`.
 */
export async function resetPassword(
  ctx: Ctx,
  token: string,
  newPassword: string,
  meta: RequestMeta,
): Promise<{ customerId: string }> {
  // The password is judged before the link is claimed, so a refused password leaves the link usable; the
  // account's email and name come from the link's account (looked up once more inside the claim).
  const hash = await hashPasswordOnce(newPassword);
  return followAccountLink(ctx, token, 'reset_password', meta, async (tx, _row, customer) => {
    const problem = await passwordProblem(ctx, tx, newPassword, [customer.email, customer.name]);
    if (problem) throw new ValidationError([{ field: 'password', message: problem }]);
    const now = ctx.clock.now();
    await tx
      .update(customers)
      .set({
        passwordHash: await hash(),
        passwordChangedAt: now,
        ...afterSuccess(),
        emailVerifiedAt: customer.emailVerifiedAt ?? now,
      })
      .where(eq(customers.id, customer.id));
    await endSessions(tx, now, customer.id);
    await voidAccountTokens(tx, now, customer.id, 'reset_password');
    await recordSecurityEvent(tx, now, {
      reason: 'password_reset',
      customerId: customer.id,
      email: customer.email,
      meta,
    });
    await queueAccountMail(tx, ctx, now, customer.email, { kind: 'password_changed' });
    return { customerId: customer.id };
  });
}

/** The argon2 hash of the NFKC form, computed when first asked for (not for a refused password). */
function hashPasswordOnce(password: string): () => Promise<string> {
  let hashed: Promise<string> | undefined;
  return () => {
    hashed ??= hashPassword(normalisePassword(password));
    return hashed;
  };
}

/**
 * Changes the signed-in customer's password: the current one must be right (else 400 on `currentPassword`),
 * the new one must pass PV-ACC-1 and differ from it (else 400 on `newPassword`). In one transaction the hash
 * is replaced, every other session ends (the one asking stays), unused reset links die (a reset link
 * mailed earlier cannot undo this change), a `password_changed` event is written and the owner is told.
 */
export async function changePassword(
  ctx: Ctx,
  principal: CustomerPrincipal,
  current: string,
  next: string,
  meta: RequestMeta,
): Promise<{ sessionsEnded: number }> {
  const [row] = await ctx.db
    .select({ passwordHash: customers.passwordHash })
    .from(customers)
    .where(eq(customers.id, principal.id));
  if (!row || !(await verifyPassword(row.passwordHash, normalisePassword(current)))) {
    throw new ValidationError([{ field: 'currentPassword', message: 'The current password is not correct' }]);
  }
  const problem =
    normalisePassword(next) === normalisePassword(current)
      ? 'Choose a password different from the current one'
      : await passwordProblem(ctx, ctx.db, next, [principal.email, principal.name]);
  if (problem) throw new ValidationError([{ field: 'newPassword', message: problem }]);
  const passwordHash = await hashPassword(normalisePassword(next));
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    await tx
      .update(customers)
      .set({ passwordHash, passwordChangedAt: now })
      .where(eq(customers.id, principal.id));
    const sessionsEnded = await endSessions(tx, now, principal.id, principal.sessionId);
    await voidAccountTokens(tx, now, principal.id, 'reset_password');
    await recordSecurityEvent(tx, now, {
      reason: 'password_changed',
      customerId: principal.id,
      email: principal.email,
      meta,
    });
    await queueAccountMail(tx, ctx, now, principal.email, { kind: 'password_changed' });
    return { sessionsEnded };
  });
}
