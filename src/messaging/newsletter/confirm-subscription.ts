/**
 * Following the confirmation link (PV-USE-1's opt-in): the address becomes a confirmed subscriber and the
 * time is recorded as the proof of consent. Only a POST does this (the page's button, or the API): mail
 * scanners open links, and opening one must not subscribe anybody.
 */
import { eq } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import { sha256 } from '../../shared/crypto.ts';
import { AppError } from '../../shared/errors.ts';
import { CONFIRM_MESSAGES, confirmRefusal } from './newsletter.rules.ts';
import { newsletterSubscribers } from './schema.ts';

/**
 * Confirms the subscription whose link carries `token`. An unknown, already used or expired token is a 400
 * `validation_failed` on `token` whose message says which (clause PV-USE-1).
 */
export async function confirmSubscription(
  ctx: Pick<AppContext, 'db' | 'clock'>,
  token: string,
): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(newsletterSubscribers)
      .where(eq(newsletterSubscribers.confirmTokenHash, sha256(token)))
      .for('update');
    const refusal = confirmRefusal(row ?? null, now);
    if (refusal || !row) {
      throw new AppError('validation_failed', CONFIRM_MESSAGES[refusal ?? 'token_unknown'], {
        field: 'token',
        clause: 'PV-USE-1',
      });
    }
    await tx
      .update(newsletterSubscribers)
      .set({ status: 'confirmed', confirmedAt: now, unsubscribedAt: null, confirmExpiresAt: null })
      .where(eq(newsletterSubscribers.id, row.id));
  });
}
