/**
 * The lifecycles of a payment and of a refund, as data (STYLE.md: "lifecycles are tables"). One table per
 * lifecycle drives the 409 message, the back office's buttons and the tests. Pure: no database, no clock.
 *
 * A payment: a bank transfer starts `pending` (nothing received) and becomes `captured` when staff mark it
 * paid; a card starts `authorized` (the processor holds the amount) and becomes `captured` by the processor's
 * webhook. Only money not yet taken can be `voided`; money taken is given back by refunds, never voided, and
 * the payment becomes `partially_refunded` or `refunded` as refunds succeed. A voided card payment can still
 * become `captured` when the processor's capture crossed the release: the money was taken, so it is
 * recorded as taken and refunded (capture.service.ts).
 *
 * A refund: to a card it is `pending` once recorded (the processor is asked after commit) until the processor
 * confirms it by webhook (`succeeded`); when the processor refuses it, it is `failed` and staff may retry it
 * (back to `pending`). By bank transfer it is `owed` until staff enter the reference of the transfer they made.
 */
import { defineLifecycle } from '../../shared/lifecycle.ts';

export const paymentStatuses = [
  'pending',
  'authorized',
  'captured',
  'partially_refunded',
  'refunded',
  'failed',
  'voided',
] as const;
export type PaymentStatus = (typeof paymentStatuses)[number];

export const paymentTransitions: Readonly<Record<PaymentStatus, readonly PaymentStatus[]>> = {
  pending: ['captured', 'voided', 'failed'],
  authorized: ['captured', 'voided', 'failed'],
  captured: ['partially_refunded', 'refunded'],
  partially_refunded: ['partially_refunded', 'refunded'],
  refunded: [],
  failed: [],
  // A processor's capture that crossed our release: the money was taken after all, and is refunded at once.
  voided: ['captured'],
};

export const refundStatuses = ['pending', 'owed', 'succeeded', 'failed'] as const;
export type RefundStatus = (typeof refundStatuses)[number];

export const refundTransitions: Readonly<Record<RefundStatus, readonly RefundStatus[]>> = {
  pending: ['succeeded', 'failed'],
  owed: ['succeeded'],
  succeeded: [],
  failed: ['pending'],
};

const paymentLifecycle = defineLifecycle<PaymentStatus>('payment', paymentTransitions);
const refundLifecycle = defineLifecycle<RefundStatus>('refund', refundTransitions);

/** The payment's new status, or a 409 naming the moves it allows. */
export function transitionPayment(from: PaymentStatus, to: PaymentStatus): PaymentStatus {
  return paymentLifecycle.transition(from, to);
}

/** The refund's new status, or a 409 naming the moves it allows. */
export function transitionRefund(from: RefundStatus, to: RefundStatus): RefundStatus {
  return refundLifecycle.transition(from, to);
}

/** Money has been taken: giving it back needs a refund, a void would be a lie. */
export function isCaptured(status: PaymentStatus): boolean {
  return status === 'captured' || status === 'partially_refunded';
}

/** Money not yet taken: releasing it is a void. */
export function isVoidable(status: PaymentStatus): boolean {
  return paymentTransitions[status].includes('voided');
}

/** A refund that still counts against what may be refunded (only a failed one gives its amount back). */
export function refundCounts(status: RefundStatus): boolean {
  return status !== 'failed';
}

export interface RefundAmounts {
  /** What the payment took, in cents. */
  capturedCents: number;
  /** Every refund of the payment so far, failed ones included (they count for nothing). */
  refunds: ReadonlyArray<{ amountCents: number; status: RefundStatus }>;
}

/** Cents that may still be refunded: captured minus every refund that has not failed. Never negative. */
export function refundableCents({ capturedCents, refunds }: RefundAmounts): number {
  const committed = refunds.filter((r) => refundCounts(r.status)).reduce((s, r) => s + r.amountCents, 0);
  return Math.max(0, capturedCents - committed);
}

/**
 * The payment's status once its refunds stand as given: `refunded` when the succeeded ones reach the captured
 * amount, `partially_refunded` when some succeeded, else unchanged.
 */
export function paymentStatusAfterRefunds(current: PaymentStatus, amounts: RefundAmounts): PaymentStatus {
  const succeeded = amounts.refunds
    .filter((r) => r.status === 'succeeded')
    .reduce((s, r) => s + r.amountCents, 0);
  if (succeeded <= 0) return current;
  return succeeded >= amounts.capturedCents ? 'refunded' : 'partially_refunded';
}
