/**
 * Asking to subscribe to the newsletter (PV-USE-1, double opt-in): the address is recorded as pending and
 * sent a confirmation link; nothing marketing reaches it before the link is followed. The caller answers the
 * same whatever happens here, so nobody learns whether an address is on the list: not from the answer, and
 * not from its time either, because the API and the page hand the request over (acceptSubscriptionRequest)
 * and answer before any of the work that differs by address starts.
 */
import { eq } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import { getShopSettings } from '../../settings/shop.ts';
import { sha256 } from '../../shared/crypto.ts';
import { randomToken, uuidv7 } from '../../shared/ids.ts';
import { enqueueMail } from '../outbox.ts';
import { renderNewsletterConfirmation } from '../templates/newsletter.ts';
import { confirmExpiry, confirmUrl, onSubscribeRequest } from './newsletter.rules.ts';
import { newsletterSubscribers } from './schema.ts';

type Ctx = Pick<AppContext, 'db' | 'clock' | 'config'>;

/**
 * `email` is normalised (trimmed, lower-cased) by the caller's schema. A new, pending or unsubscribed address
 * gets a fresh confirmation link (the previous one stops working), at most one per NEWSLETTER_RESEND_MINUTES
 * while the last one still works; a confirmed address gets nothing (onSubscribeRequest). Returns nothing on
 * purpose: see above.
 */
export async function requestSubscription(ctx: Ctx, email: string): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await tx
      .insert(newsletterSubscribers)
      .values({ id: uuidv7(now.getTime()), email, status: 'pending', requestedAt: now })
      .onConflictDoNothing({ target: newsletterSubscribers.email });
    const [row] = await tx
      .select()
      .from(newsletterSubscribers)
      .where(eq(newsletterSubscribers.email, email))
      .for('update');
    if (!row || onSubscribeRequest(row, now, ctx.config.NEWSLETTER_RESEND_MINUTES) === 'nothing') return;
    const token = randomToken();
    const hours = ctx.config.NEWSLETTER_CONFIRM_HOURS;
    await tx
      .update(newsletterSubscribers)
      .set({
        status: 'pending',
        confirmTokenHash: sha256(token),
        confirmExpiresAt: confirmExpiry(now, hours),
        requestedAt: now,
      })
      .where(eq(newsletterSubscribers.id, row.id));
    const shop = await getShopSettings(tx);
    const rendered = renderNewsletterConfirmation({
      shopName: shop.name,
      url: confirmUrl(ctx.config.PUBLIC_URL, token),
      hours,
    });
    await enqueueMail(
      tx,
      { template: 'newsletter_confirm', fromName: shop.name, to: email, ...rendered },
      now,
    );
  });
}

/** Sign-ups handed over and not yet written (module-wide: the API and the pages share one process's set). */
const accepted = new Set<Promise<void>>();

/**
 * Takes a sign-up and returns at once (PV-USE-1): requestSubscription runs on the next turn of the event
 * loop, after the caller has answered, so the answer's time is the same for a new, pending, confirmed or
 * throttled address alike. A failure is logged (the error only, never the address) and lost: the visitor
 * asks again. `log` is the request's logger.
 */
export function acceptSubscriptionRequest(
  ctx: Ctx,
  email: string,
  log: { error(obj: object, msg: string): void },
): void {
  const work: Promise<void> = new Promise<void>((resolve) => setImmediate(resolve))
    .then(() => requestSubscription(ctx, email))
    .catch((error: unknown) => log.error({ err: error }, 'newsletter sign-up failed'))
    .finally(() => accepted.delete(work));
  accepted.add(work);
}

/** Resolves once every accepted sign-up is written: the server's shutdown waits for it, and so do tests. */
export async function acceptedSubscriptionsSettled(): Promise<void> {
  while (accepted.size > 0) await Promise.all([...accepted]);
}
