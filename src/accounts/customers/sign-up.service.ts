/** Opening an account: sign-up, then the emailed link that verifies the address (issue 12 point 1). */
import { eq } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import { getShopSettings } from '../../settings/shop.ts';
import { ValidationError } from '../../shared/errors.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { hashPassword } from '../passwords.ts';
import {
  followAccountLink,
  issueAccountToken,
  joinGuestOrders,
  NO_META,
  normaliseEmail,
  queueAccountMail,
  type RequestMeta,
} from './account-records.ts';
import { customerPasswordProblem, normalisePassword } from './password.rules.ts';
import { customers } from './schema.ts';

type Ctx = Pick<AppContext, 'db' | 'clock' | 'config'>;

/**
 * Sign-up: `{ email, password, name }` (email normalised here; the route has bounded the lengths). The
 * password must pass PV-ACC-1 (`customerPasswordProblem` with the email, the name and the shop's name as
 * words to avoid): else a 400 naming `password`. Otherwise the answer is the same whether the address has an
 * account or not (no enumeration, issue 12 point 3); the email says which:
 * - no account: one is created, unverified, and the verification link is sent (ACCOUNT_LINK_HOURS, once);
 * - an unverified account: nobody proved the address yet, so this sign-up's name and password replace the
 *   earlier ones (a stranger's earlier sign-up cannot keep a password on someone else's address) and a new
 *   link replaces the old one;
 * - a verified account: nothing changes and the address is told "you already have an account".
 * The password is hashed in every case so the answer takes as long either way.
 */
export async function signUp(
  ctx: Ctx,
  input: { email: string; password: string; name: string },
  _meta: RequestMeta = NO_META,
): Promise<void> {
  const email = normaliseEmail(input.email);
  const name = input.name.trim();
  const shop = await getShopSettings(ctx.db);
  const problem = customerPasswordProblem(input.password, [email, name, shop.name], {
    minLength: ctx.config.CUSTOMER_PASSWORD_MIN_LENGTH,
  });
  if (problem) throw new ValidationError([{ field: 'password', message: problem }]);
  const passwordHash = await hashPassword(normalisePassword(input.password));
  const now = ctx.clock.now();
  const hours = ctx.config.ACCOUNT_LINK_HOURS;
  // PV-COL-1: account creation collects the name and the email (and the password, kept only as its hash);
  // the IP address is collected when the account signs in (its session). Nothing else is asked or stored.
  await ctx.db.transaction(async (tx) => {
    const inserted = await tx
      .insert(customers)
      .values({
        id: uuidv7(now.getTime()),
        email,
        name,
        passwordHash,
        createdAt: now,
        lastActiveAt: now,
        passwordChangedAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: customers.id });
    const created = inserted[0];
    if (created) {
      const token = await issueAccountToken(tx, ctx, now, created.id, 'verify_email');
      await queueAccountMail(tx, ctx, now, email, { kind: 'verify', token, hours });
      return;
    }
    const [existing] = await tx.select().from(customers).where(eq(customers.email, email)).for('update');
    if (!existing) return;
    if (existing.emailVerifiedAt) {
      await queueAccountMail(tx, ctx, now, email, { kind: 'already_registered' });
      return;
    }
    await tx
      .update(customers)
      .set({ name, passwordHash, passwordChangedAt: now })
      .where(eq(customers.id, existing.id));
    const token = await issueAccountToken(tx, ctx, now, existing.id, 'verify_email');
    await queueAccountMail(tx, ctx, now, email, { kind: 'verify', token, hours });
  });
}

/**
 * Follows the verification link: the account's address is verified (it may sign in from now on) and the
 * guest orders bought with that exact address join the account, with their cases. The link works once and
 * for ACCOUNT_LINK_HOURS; an unknown, used or expired one is a 400 on `token` (see `followAccountLink`).
 */
export async function verifyEmail(
  ctx: Pick<AppContext, 'db' | 'clock'>,
  token: string,
  meta: RequestMeta = NO_META,
): Promise<{ customerId: string }> {
  return followAccountLink(ctx, token, 'verify_email', meta, async (tx, _row, customer) => {
    const now = ctx.clock.now();
    if (!customer.emailVerifiedAt) {
      await tx.update(customers).set({ emailVerifiedAt: now }).where(eq(customers.id, customer.id));
    }
    await joinGuestOrders(tx, customer.id, customer.email);
    return { customerId: customer.id };
  });
}
