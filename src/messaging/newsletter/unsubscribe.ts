/**
 * Leaving the newsletter from any campaign email (PV-USE-1's one-click unsubscribe): the link's token is the
 * subscriber's id signed with the app's secret, so it works from every email ever sent, without cookies.
 * Idempotent: unsubscribing twice, or after the row was erased, answers the same.
 */
import { and, eq, ne } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../shared/errors.ts';
import { subscriberOfToken, UNSUBSCRIBE_MESSAGE } from './newsletter.rules.ts';
import { newsletterSubscribers } from './schema.ts';

/**
 * Unsubscribes the holder of `token`; the next campaign skips them. A token not made by this shop is a 400
 * `validation_failed` on `token` (clause PV-USE-1). The consent times stay as the record of the opt-in and
 * of its withdrawal; a pending confirmation link stops working.
 */
export async function unsubscribeByToken(
  ctx: Pick<AppContext, 'db' | 'clock' | 'secret'>,
  token: string,
): Promise<void> {
  const id = subscriberOfToken(ctx.secret, token);
  if (!id)
    throw new AppError('validation_failed', UNSUBSCRIBE_MESSAGE, { field: 'token', clause: 'PV-USE-1' });
  await ctx.db
    .update(newsletterSubscribers)
    .set({
      status: 'unsubscribed',
      unsubscribedAt: ctx.clock.now(),
      confirmTokenHash: null,
      confirmExpiresAt: null,
    })
    .where(and(eq(newsletterSubscribers.id, id), ne(newsletterSubscribers.status, 'unsubscribed')));
}

/** Whether the token is one this shop made: the unsubscribe page shows its button only for those. */
export function isUnsubscribeToken(ctx: Pick<AppContext, 'secret'>, token: string): boolean {
  return subscriberOfToken(ctx.secret, token) !== null;
}
