/**
 * Payment confirmations: the test processor's capture webhook, and staff marking a bank transfer as arrived
 * (see order-actions.service.ts). A repeated confirmation changes nothing.
 */
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { AppError, NotFound } from '../../shared/errors.ts';
import { text } from '../../shared/text.ts';
import { recordOrderEvent } from '../order-events.ts';
import { transition } from '../order-status.ts';
import { orders, payments } from '../schema.ts';

export const testCardEventSchema = z.object({
  id: text().min(1).max(100),
  type: text().min(1).max(100),
  created: z.number().int(),
  data: z.object({
    reference: text().min(1).max(200),
    amountCents: z.number().int(),
    currency: z.string(),
  }),
});
export type TestCardEvent = z.infer<typeof testCardEventSchema>;

export type WebhookOutcome = 'captured' | 'already_captured' | 'ignored';

export async function applyTestCardEvent(
  ctx: Pick<AppContext, 'db' | 'clock'>,
  event: TestCardEvent,
): Promise<WebhookOutcome> {
  if (event.type !== 'payment.captured') return 'ignored';
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const byReference = and(
      eq(payments.provider, 'test_card'),
      eq(payments.processorReference, event.data.reference),
    );
    const [found] = await tx.select({ orderId: payments.orderId }).from(payments).where(byReference);
    if (!found) throw new NotFound('Payment');
    // Order first, then payment: the same lock order as staff actions, so the two cannot deadlock.
    const [order] = await tx.select().from(orders).where(eq(orders.id, found.orderId)).for('update');
    const [payment] = await tx.select().from(payments).where(byReference).for('update');
    if (!payment) throw new NotFound('Payment');
    if (payment.amountCents !== event.data.amountCents || event.data.currency !== payment.currency) {
      throw new AppError('validation_failed', 'The captured amount does not match the payment', {
        field: 'data.amountCents',
      });
    }
    if (payment.status === 'captured') return 'already_captured';
    // An order cancelled before the capture arrived keeps its voided payment; a refund is a staff matter.
    if (payment.status !== 'authorized') return 'ignored';

    await tx.update(payments).set({ status: 'captured', updatedAt: now }).where(eq(payments.id, payment.id));
    const actor = { type: 'payment_processor', name: 'Test card processor' } as const;
    if (order?.status === 'placed') {
      const to = transition(order.status, 'paid');
      await tx.update(orders).set({ status: to, paidAt: now, updatedAt: now }).where(eq(orders.id, order.id));
      await recordOrderEvent(tx, {
        orderId: order.id,
        type: 'paid',
        from: order.status,
        to,
        actor,
        data: { payment: 'test_card', event: event.id },
        at: now,
      });
    } else if (order) {
      await recordOrderEvent(tx, {
        orderId: order.id,
        type: 'payment_captured',
        actor,
        data: { event: event.id },
        at: now,
      });
    }
    return 'captured';
  });
}
