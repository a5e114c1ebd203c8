/**
 * The newsletter box on a signed-in customer's profile (PV-USE-1). The account's address is verified (an
 * account cannot sign in before), so ticking the box is the opt-in itself: the subscription is confirmed at
 * once and the time recorded as the proof of consent. Unticking unsubscribes.
 */
import { and, eq, or } from 'drizzle-orm';
import type { CustomerPrincipal } from '../../accounts/customers/account-records.ts';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { newsletterSubscribers } from './schema.ts';

export interface AccountSubscription {
  subscribed: boolean;
  /** ISO 8601: when the current subscription was confirmed, null when not subscribed. */
  confirmedAt: string | null;
}

type Customer = Pick<CustomerPrincipal, 'id' | 'email'>;

function ofCustomer(customer: Customer) {
  return or(
    eq(newsletterSubscribers.customerId, customer.id),
    eq(newsletterSubscribers.email, customer.email),
  );
}

/** Whether the account's address (or the account itself) is a confirmed subscriber: `{ subscribed, confirmedAt }`. */
export async function accountSubscription(db: Db, customer: Customer): Promise<AccountSubscription> {
  const rows = await db
    .select({ status: newsletterSubscribers.status, confirmedAt: newsletterSubscribers.confirmedAt })
    .from(newsletterSubscribers)
    .where(and(ofCustomer(customer), eq(newsletterSubscribers.status, 'confirmed')));
  const row = rows[0];
  return { subscribed: Boolean(row), confirmedAt: row?.confirmedAt?.toISOString() ?? null };
}

/**
 * Subscribes (confirmed at once, to the account's verified address) or unsubscribes the account; answers the
 * state afterwards. Idempotent both ways.
 */
export async function setAccountSubscription(
  ctx: Pick<AppContext, 'db' | 'clock'>,
  customer: Customer,
  subscribed: boolean,
): Promise<AccountSubscription> {
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    if (!subscribed) {
      await tx
        .update(newsletterSubscribers)
        .set({ status: 'unsubscribed', unsubscribedAt: now, confirmTokenHash: null, confirmExpiresAt: null })
        .where(and(ofCustomer(customer), eq(newsletterSubscribers.status, 'confirmed')));
      await tx
        .update(newsletterSubscribers)
        .set({ status: 'unsubscribed', unsubscribedAt: now, confirmTokenHash: null, confirmExpiresAt: null })
        .where(and(ofCustomer(customer), eq(newsletterSubscribers.status, 'pending')));
      return;
    }
    const confirmed = {
      status: 'confirmed' as const,
      customerId: customer.id,
      confirmedAt: now,
      unsubscribedAt: null,
      confirmTokenHash: null,
      confirmExpiresAt: null,
    };
    const [byEmail] = await tx
      .select({ id: newsletterSubscribers.id, status: newsletterSubscribers.status })
      .from(newsletterSubscribers)
      .where(eq(newsletterSubscribers.email, customer.email))
      .for('update');
    if (byEmail) {
      // Already confirmed: the first consent's time stays the proof.
      if (byEmail.status === 'confirmed') {
        await tx
          .update(newsletterSubscribers)
          .set({ customerId: customer.id })
          .where(eq(newsletterSubscribers.id, byEmail.id));
      } else {
        await tx
          .update(newsletterSubscribers)
          .set({ ...confirmed, requestedAt: now })
          .where(eq(newsletterSubscribers.id, byEmail.id));
      }
      return;
    }
    // The account subscribed before under an address it has since changed: the row follows the account.
    const [byAccount] = await tx
      .select({ id: newsletterSubscribers.id })
      .from(newsletterSubscribers)
      .where(eq(newsletterSubscribers.customerId, customer.id))
      .limit(1)
      .for('update');
    if (byAccount) {
      await tx
        .update(newsletterSubscribers)
        .set({ ...confirmed, email: customer.email, requestedAt: now })
        .where(eq(newsletterSubscribers.id, byAccount.id));
      return;
    }
    await tx
      .insert(newsletterSubscribers)
      .values({ id: uuidv7(now.getTime()), email: customer.email, requestedAt: now, ...confirmed });
  });
  return accountSubscription(ctx.db, customer);
}
