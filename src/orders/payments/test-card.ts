/**
 * The shop's side of the test card processor (PV-PAY-1): it receives a token, never a card, asks the
 * processor to authorise it, and keeps only the processor's reference.
 */
import { ValidationError } from '../../shared/errors.ts';
import { PaymentDeclined, type PaymentProvider, RefundRefused } from './provider.ts';
import type { TestProcessor } from './test-processor.ts';

export function testCardProvider(processor: TestProcessor): PaymentProvider {
  return {
    method: 'test_card',
    async authorize({ payment, amountCents, now, db }) {
      if (payment.method !== 'test_card') throw new Error('test_card provider called for another method');
      const outcome = await processor.authorize(db, payment.token, amountCents, now);
      if (outcome.result === 'invalid_token') {
        throw new ValidationError([
          { field: 'payment.token', message: 'The card token is invalid or expired; enter the card again' },
        ]);
      }
      if (outcome.result === 'token_used') {
        throw new ValidationError([
          {
            field: 'payment.token',
            message: 'This card token has already paid for an order; enter the card again',
          },
        ]);
      }
      if (outcome.result === 'declined') throw new PaymentDeclined();
      return { status: 'authorized', processorReference: outcome.reference };
    },
    async void(reference) {
      processor.void(reference);
    },
    async settle(authorization, amountCents, deliver, now) {
      if (!authorization.processorReference) return;
      await deliver(processor.captureWebhook(authorization.processorReference, amountCents, now));
    },
    async refund({ db, reference, amountCents, idempotencyKey, now }) {
      const outcome = await processor.refund(db, { reference, amountCents, idempotencyKey }, now);
      if (outcome.result === 'refused') throw new RefundRefused(outcome.message);
      return { refundId: outcome.refundId };
    },
    async settleRefund(reference, refundId, amountCents, deliver, now) {
      await deliver(processor.refundWebhook(reference, refundId, amountCents, now));
    },
  };
}
