/**
 * Payment confirmations: the test processor's capture and refund webhooks, and staff marking a bank transfer
 * as arrived (see order-actions.service.ts). A repeated confirmation changes nothing.
 */
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { AppError, NotFound, ValidationError } from '../../shared/errors.ts';
import { text } from '../../shared/text.ts';
import { recordOrderEvent } from '../order-events.ts';
import { transition } from '../order-status.ts';
import { orders, payments } from '../schema.ts';
import { transitionPayment } from './payment-lifecycle.ts';
import { applyRefundSucceeded, refundPayment } from './refunds.service.ts';

export const testCardEventSchema = z.object({
  id: text().min(1).max(100),
  type: text().min(1).max(100),
  created: z.number().int(),
  data: z.object({
    reference: text().min(1).max(200),
    /** refund.succeeded: the processor's refund id. */
    refundId: text().min(1).max(200).optional(),
    amountCents: z.number().int(),
    currency: z.string(),
  }),
});
export type TestCardEvent = z.infer<typeof testCardEventSchema>;

export const webhookOutcomes = [
  'captured',
  'already_captured',
  'refunded',
  'already_refunded',
  'ignored',
] as const;
export type WebhookOutcome = (typeof webhookOutcomes)[number];

export interface AppliedEvent {
  outcome: WebhookOutcome;
  /** A refund this event made necessary, to submit to the processor after commit. */
  refundToSubmit: string | null;
}

/**
 * Applies one verified event of the test processor: `payment.captured` (the order becomes paid) or
 * `refund.succeeded` (the refund and its payment become refunded). Repeats change nothing.
 */
export async function applyTestCardEvent(
  ctx: Pick<AppContext, 'db' | 'clock'>,
  event: TestCardEvent,
): Promise<AppliedEvent> {
  if (event.type === 'refund.succeeded') {
    if (!event.data.refundId) {
      throw new ValidationError([{ field: 'data.refundId', message: 'is required for refund.succeeded' }]);
    }
    const outcome = await applyRefundSucceeded(ctx, {
      provider: 'test_card',
      refundId: event.data.refundId,
      amountCents: event.data.amountCents,
      currency: event.data.currency,
    });
    return { outcome, refundToSubmit: null };
  }
  if (event.type !== 'payment.captured') return { outcome: 'ignored', refundToSubmit: null };
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx): Promise<AppliedEvent> => {
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
    if (payment.status !== 'authorized' && payment.status !== 'voided') {
      return { outcome: payment.status === 'failed' ? 'ignored' : 'already_captured', refundToSubmit: null };
    }

    await tx
      .update(payments)
      .set({ status: transitionPayment(payment.status, 'captured'), updatedAt: now })
      .where(eq(payments.id, payment.id));
    const actor = { type: 'payment_processor', name: 'Test card processor' } as const;
    if (payment.status === 'voided') {
      // The processor captured before our release reached it: the money of a cancelled order was taken
      // after all. It is recorded as taken, then refunded in full at once (submitted after commit).
      await recordOrderEvent(tx, {
        orderId: payment.orderId,
        type: 'payment_captured',
        actor,
        data: { event: event.id, afterCancellation: true },
        at: now,
      });
      const refund = await refundPayment(tx, {
        paymentId: payment.id,
        amountCents: payment.amountCents,
        reason: 'Captured by the processor after the order was cancelled',
        idempotencyKey: `late-capture:${payment.id}`,
        actor,
        now,
      });
      return { outcome: 'captured', refundToSubmit: refund.status === 'pending' ? refund.id : null };
    }
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
    return { outcome: 'captured', refundToSubmit: null };
  });
}
