/**
 * Asking to subscribe to the newsletter (PV-USE-1, double opt-in): the address is recorded as pending and
 * sent a confirmation link; nothing marketing reaches it before the link is followed. The caller answers the
 * same whatever happened here, so nobody learns whether an address is on the list.
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

/**
 * `email` is normalised (trimmed, lower-cased) by the caller's schema. A new, pending or unsubscribed address
 * gets a fresh confirmation link (the previous one stops working); a confirmed address gets nothing. Returns
 * nothing on purpose: see above.
 */
export async function requestSubscription(
  ctx: Pick<AppContext, 'db' | 'clock' | 'config'>,
  email: string,
): Promise<void> {
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
    if (!row || onSubscribeRequest(row.status) === 'nothing') return;
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
