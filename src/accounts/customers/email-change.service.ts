/** Moving an account to another email address: the new address proves itself, the old one is told. */
import { and, eq, ne } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import { followAddressChange } from '../../messaging/newsletter/follow-address-change.ts';
import { Conflict, ValidationError } from '../../shared/errors.ts';
import { verifyPassword } from '../passwords.ts';
import {
  type CustomerPrincipal,
  followAccountLink,
  issueAccountToken,
  joinGuestOrders,
  NO_META,
  normaliseEmail,
  queueAccountMail,
  type RequestMeta,
  recordSecurityEvent,
} from './account-records.ts';
import { normalisePassword } from './password.rules.ts';
import { customers } from './schema.ts';

type Ctx = Pick<AppContext, 'db' | 'clock' | 'config'>;

/**
 * Asks to move the signed-in customer's account to `newEmail` (normalised). The password must be right (400
 * on `password`: a borrowed session cannot take the account), the address must differ from the current one
 * (400 on `email`). The answer is the same whether another account uses the address or not; the new address
 * gets either a confirmation link (ACCOUNT_LINK_HOURS, once) or "an account already uses this address".
 */
export async function requestEmailChange(
  ctx: Ctx,
  principal: CustomerPrincipal,
  newEmail: string,
  password: string,
  _meta: RequestMeta,
): Promise<void> {
  const address = normaliseEmail(newEmail);
  const [row] = await ctx.db
    .select({ passwordHash: customers.passwordHash })
    .from(customers)
    .where(eq(customers.id, principal.id));
  if (!row || !(await verifyPassword(row.passwordHash, normalisePassword(password)))) {
    throw new ValidationError([{ field: 'password', message: 'The password is not correct' }]);
  }
  if (address === principal.email) {
    throw new ValidationError([{ field: 'email', message: 'This is already the address of your account' }]);
  }
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: customers.id }).from(customers).where(eq(customers.email, address));
    if (taken) {
      await queueAccountMail(tx, ctx, now, address, { kind: 'email_taken' });
      return;
    }
    const token = await issueAccountToken(tx, ctx, now, principal.id, 'change_email', address);
    await queueAccountMail(tx, ctx, now, address, {
      kind: 'confirm_new_email',
      token,
      hours: ctx.config.ACCOUNT_LINK_HOURS,
    });
  });
}

/**
 * Follows the link sent to the new address: the account moves to it (verified by this very link), the old
 * address is told (so a taken-over account is noticed), an `email_changed` security event is written, guest
 * orders of the new address join the account, and a confirmed newsletter subscription moves to the new address
 * (followAddressChange, PV-USE-1). An unknown, used or expired link is a 400 on `token`; an address another
 * account took meanwhile is a 409 on `email`, nothing changed.
 */
export async function confirmEmailChange(
  ctx: Ctx,
  token: string,
  meta: RequestMeta = NO_META,
): Promise<{ customerId: string; email: string }> {
  return followAccountLink(ctx, token, 'change_email', meta, async (tx, row, customer) => {
    const address = row.newEmail as string;
    const now = ctx.clock.now();
    const [taken] = await tx
      .select({ id: customers.id })
      .from(customers)
      .where(and(eq(customers.email, address), ne(customers.id, customer.id)));
    if (taken) throw new Conflict('Another account uses this address now', { field: 'email' });
    await tx
      .update(customers)
      .set({ email: address, emailVerifiedAt: now })
      .where(eq(customers.id, customer.id));
    // PV-USE-1: a confirmed newsletter subscription moves with the account (this link verified the address).
    await followAddressChange(tx, customer.id, customer.email, address);
    await queueAccountMail(tx, ctx, now, customer.email, { kind: 'email_changed', newEmail: address });
    await recordSecurityEvent(tx, now, {
      reason: 'email_changed',
      customerId: customer.id,
      email: customer.email,
      meta,
    });
    await joinGuestOrders(tx, customer.id, address);
    return { customerId: customer.id, email: address };
  });
}
