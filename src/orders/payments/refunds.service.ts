/**
 * Refunds: money given back on a captured payment, through the provider that took it.
 *
 * `refundPayment` records a refund inside the caller's transaction (cancelling an order, and later the
 * after-sales cases, call it); it never lets the refunds of a payment add up to more than it captured.
 * A card refund is `pending` until the processor confirms it; a bank-transfer refund is `owed` until staff
 * enter the reference of the transfer they made (`recordRefundTransfer`).
 *
 * The external call comes after commit (`submitRefund`), never inside a transaction: a processor cannot
 * take part in our rollback, and a refund it made must never be forgotten because our commit failed. So the
 * undo (STYLE.md) is explicit and one-sided: when the processor refuses or cannot be reached, nothing was
 * refunded and nothing needs reversing; the refund becomes `failed`, with the processor's words, visible to
 * staff, who retry it (`retryRefund`, same idempotency key, so a refund the processor did make despite an
 * error is never made twice). The order's other changes (a cancellation, stock returned) stand: they are
 * true whatever the processor says.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { AppError, Conflict, NotFound, ValidationError } from '../../shared/errors.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { type Actor, recordOrderEvent } from '../order-events.ts';
import { loadAdminOrderDetail } from '../order-view.ts';
import { orders, payments, refunds } from '../schema.ts';
import type { AdminOrderDetail, PaymentMethod } from '../schemas.ts';
import {
  isCaptured,
  type PaymentStatus,
  paymentStatusAfterRefunds,
  type RefundStatus,
  refundableCents,
  transitionPayment,
  transitionRefund,
} from './payment-lifecycle.ts';
import type { PaymentProviders } from './provider.ts';
import { RefundRefused } from './provider.ts';
import type { WebhookDelivery } from './webhook-delivery.ts';

export type RefundRow = typeof refunds.$inferSelect;
type PaymentRow = typeof payments.$inferSelect;
type RefundCtx = Pick<AppContext, 'db' | 'clock'>;

export interface RefundPaymentInput {
  paymentId: string;
  /** Positive integer cents, at most what the payment captured minus its refunds that have not failed. */
  amountCents: number;
  /** Staff's reason (internal: never shown to the customer). */
  reason: string;
  /** The same key again returns the refund already recorded for it (a retried request refunds once). */
  idempotencyKey: string;
  actor: Actor;
  now: Date;
}

/** How a refund of this payment starts: to the card through its processor, or owed by bank transfer. */
export function initialRefundStatus(provider: string): RefundStatus {
  return provider === 'bank_transfer' ? 'owed' : 'pending';
}

async function refundsOf(tx: Db, paymentId: string): Promise<RefundRow[]> {
  return tx.select().from(refunds).where(eq(refunds.paymentId, paymentId)).orderBy(asc(refunds.createdAt));
}

/**
 * Records a refund of `amountCents` on the payment, with its timeline entry, in `tx` (the caller's
 * transaction, which should already hold the order's row lock). Locks the payment row, so two refunds of one
 * payment are judged one after the other. Errors: 404 unknown payment; 400 `amountCents` not a positive
 * integer; 409 `paymentId` when the payment took no money (pending, authorised, voided), 409 `amountCents`
 * when it exceeds what is left, 409 `idempotencyKey` when the key was used for another refund.
 * The money moves later: `submitRefund` after commit for a card; staff's transfer for a bank transfer.
 */
export async function refundPayment(tx: Db, input: RefundPaymentInput): Promise<RefundRow> {
  if (!Number.isSafeInteger(input.amountCents) || input.amountCents <= 0) {
    throw new ValidationError([{ field: 'amountCents', message: 'must be a positive number of cents' }]);
  }
  const [payment] = await tx.select().from(payments).where(eq(payments.id, input.paymentId)).for('update');
  if (!payment) throw new NotFound('Payment');

  const [same] = await tx.select().from(refunds).where(eq(refunds.idempotencyKey, input.idempotencyKey));
  if (same) {
    if (same.paymentId === payment.id && same.amountCents === input.amountCents) return same;
    throw new Conflict('This idempotency key was already used for another refund', {
      field: 'idempotencyKey',
    });
  }
  const status = payment.status as PaymentStatus;
  if (!isCaptured(status)) {
    throw new Conflict(`This payment has taken no money to refund (it is ${status})`, {
      field: 'paymentId',
      status,
    });
  }
  const existing = await refundsOf(tx, payment.id);
  const left = refundableCents({ capturedCents: payment.amountCents, refunds: existing });
  if (input.amountCents > left) {
    throw new Conflict(
      `At most ${left} cents can still be refunded on this payment (captured ${payment.amountCents})`,
      { field: 'amountCents', refundableCents: left },
    );
  }
  const refundStatus = initialRefundStatus(payment.provider);
  const [refund] = await tx
    .insert(refunds)
    .values({
      id: uuidv7(input.now.getTime()),
      paymentId: payment.id,
      orderId: payment.orderId,
      provider: payment.provider,
      status: refundStatus,
      amountCents: input.amountCents,
      currency: payment.currency,
      reason: input.reason,
      idempotencyKey: input.idempotencyKey,
      requestedByType: input.actor.type,
      requestedById: input.actor.type === 'staff' ? input.actor.id : null,
      requestedByName:
        input.actor.type === 'staff' || input.actor.type === 'payment_processor' ? input.actor.name : null,
      createdAt: input.now,
      updatedAt: input.now,
    })
    .returning();
  if (!refund) throw new Error('the refund insert returned no row');
  await recordOrderEvent(tx, {
    orderId: payment.orderId,
    type: refundStatus === 'owed' ? 'refund_owed' : 'refund_requested',
    actor: input.actor,
    data: { refundId: refund.id, amountCents: refund.amountCents, method: payment.provider },
    at: input.now,
  });
  return refund;
}

/** Moves the refund and, when it succeeded, its payment's status, with a timeline entry. */
async function settle(
  tx: Db,
  payment: PaymentRow,
  refund: RefundRow,
  to: RefundStatus,
  change: {
    now: Date;
    actor: Actor;
    processorReference?: string;
    failureMessage?: string | null;
    event: string;
  },
): Promise<RefundRow> {
  const status = transitionRefund(refund.status, to);
  const [moved] = await tx
    .update(refunds)
    .set({
      status,
      updatedAt: change.now,
      ...(change.processorReference ? { processorReference: change.processorReference } : {}),
      ...(change.failureMessage !== undefined ? { failureMessage: change.failureMessage } : {}),
      ...(status === 'succeeded' ? { succeededAt: change.now } : {}),
    })
    .where(eq(refunds.id, refund.id))
    .returning();
  if (status === 'succeeded') {
    const all = await refundsOf(tx, payment.id);
    const next = paymentStatusAfterRefunds(payment.status as PaymentStatus, {
      capturedCents: payment.amountCents,
      refunds: all,
    });
    if (next !== payment.status) {
      await tx
        .update(payments)
        .set({ status: transitionPayment(payment.status as PaymentStatus, next), updatedAt: change.now })
        .where(eq(payments.id, payment.id));
    }
  }
  await recordOrderEvent(tx, {
    orderId: refund.orderId,
    type: change.event,
    actor: change.actor,
    data: {
      refundId: refund.id,
      amountCents: refund.amountCents,
      method: refund.provider,
      ...(change.processorReference ? { reference: change.processorReference } : {}),
    },
    at: change.now,
  });
  return moved as RefundRow;
}

/** Locks order → payment → refund (the lock order of every payment change), or 404s. */
async function lockRefund(
  tx: Db,
  where: { orderId: string; refundId: string } | { processorReference: string; provider: string },
): Promise<{ payment: PaymentRow; refund: RefundRow }> {
  const [found] = await tx
    .select({ id: refunds.id, orderId: refunds.orderId, paymentId: refunds.paymentId })
    .from(refunds)
    .where(
      'refundId' in where
        ? and(eq(refunds.id, where.refundId), eq(refunds.orderId, where.orderId))
        : and(eq(refunds.processorReference, where.processorReference), eq(refunds.provider, where.provider)),
    );
  if (!found) throw new NotFound('Refund');
  await tx.select({ id: orders.id }).from(orders).where(eq(orders.id, found.orderId)).for('update');
  const [payment] = await tx.select().from(payments).where(eq(payments.id, found.paymentId)).for('update');
  const [refund] = await tx.select().from(refunds).where(eq(refunds.id, found.id)).for('update');
  if (!payment || !refund) throw new NotFound('Refund');
  return { payment, refund };
}

const PROCESSOR: Actor = { type: 'payment_processor', name: 'Test card processor' };

/**
 * After commit: asks the payment's processor to make a `pending` refund, then lets it confirm by webhook
 * (`deliver`). Returns the refund as it stands afterwards. A refusal or an unreachable processor marks the
 * refund `failed` with the reason (see the file comment); nothing is thrown, the caller's change stands.
 */
export async function submitRefund(
  ctx: RefundCtx,
  providers: PaymentProviders,
  refundId: string,
  deliver: WebhookDelivery,
): Promise<void> {
  const [refund] = await ctx.db.select().from(refunds).where(eq(refunds.id, refundId));
  if (refund?.status !== 'pending') return;
  const [payment] = await ctx.db.select().from(payments).where(eq(payments.id, refund.paymentId));
  const provider = providers[refund.provider as PaymentMethod];
  if (!payment?.processorReference || !provider?.refund) return;

  let outcome: { refundId: string } | { failure: string };
  try {
    outcome = await provider.refund({
      db: ctx.db,
      reference: payment.processorReference,
      amountCents: refund.amountCents,
      idempotencyKey: refund.idempotencyKey,
      now: ctx.clock.now(),
    });
  } catch (error) {
    outcome = {
      failure:
        error instanceof RefundRefused ? error.message : 'The card processor could not be reached; retry',
    };
  }
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const locked = await lockRefund(tx, { orderId: refund.orderId, refundId: refund.id });
    if (locked.refund.status !== 'pending') return;
    if ('failure' in outcome) {
      await settle(tx, locked.payment, locked.refund, 'failed', {
        now,
        actor: PROCESSOR,
        failureMessage: outcome.failure,
        event: 'refund_failed',
      });
    } else {
      await tx
        .update(refunds)
        .set({ processorReference: outcome.refundId, failureMessage: null, updatedAt: now })
        .where(eq(refunds.id, refund.id));
    }
  });
  if ('failure' in outcome || !provider.settleRefund) return;
  // The processor confirms by webhook; if that delivery fails the refund stays pending until it comes.
  await provider
    .settleRefund(payment.processorReference, outcome.refundId, refund.amountCents, deliver, now)
    .catch(() => {});
}

/** The processor's `refund.succeeded` webhook: the refund and its payment become refunded. Idempotent. */
export async function applyRefundSucceeded(
  ctx: RefundCtx,
  event: { provider: string; refundId: string; amountCents: number; currency: string },
): Promise<'refunded' | 'already_refunded'> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const { payment, refund } = await lockRefund(tx, {
      processorReference: event.refundId,
      provider: event.provider,
    });
    if (refund.amountCents !== event.amountCents || refund.currency !== event.currency) {
      throw new AppError('validation_failed', 'The refunded amount does not match the refund', {
        field: 'data.amountCents',
      });
    }
    if (refund.status === 'succeeded') return 'already_refunded';
    await settle(tx, payment, refund, 'succeeded', {
      now,
      actor: PROCESSOR,
      failureMessage: null,
      event: 'refunded',
    });
    return 'refunded';
  });
}

/** Staff retry a failed card refund: it is pending again, and the processor is asked again after commit. */
export async function retryRefund(
  ctx: RefundCtx,
  providers: PaymentProviders,
  input: { orderId: string; refundId: string; actor: Actor },
  deliver: WebhookDelivery,
): Promise<AdminOrderDetail> {
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const { payment, refund } = await lockRefund(tx, input);
    transitionRefund(refund.status, 'pending');
    const others = (await refundsOf(tx, payment.id)).filter((r) => r.id !== refund.id);
    const left = refundableCents({ capturedCents: payment.amountCents, refunds: others });
    if (refund.amountCents > left) {
      throw new Conflict(`At most ${left} cents can still be refunded on this payment`, {
        field: 'amountCents',
        refundableCents: left,
      });
    }
    await settle(tx, payment, refund, 'pending', {
      now,
      actor: input.actor,
      failureMessage: null,
      event: 'refund_retried',
    });
  });
  await submitRefund(ctx, providers, input.refundId, deliver);
  return (await loadAdminOrderDetail(ctx.db, input.orderId)) as AdminOrderDetail;
}

/**
 * Staff made the bank transfer of an owed refund: its reference is recorded and the refund succeeded.
 * Errors: 404 unknown refund of this order; 409 when it is not owed (a card refund, or already done), or
 * when the reference was already recorded for another refund (field `reference`).
 */
export async function recordRefundTransfer(
  ctx: RefundCtx,
  input: { orderId: string; refundId: string; reference: string; actor: Actor },
): Promise<AdminOrderDetail> {
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const { payment, refund } = await lockRefund(tx, input);
    transitionRefund(refund.status, 'succeeded');
    if (refund.status !== 'owed') {
      throw new Conflict('Only a refund owed by bank transfer takes a transfer reference', {
        field: 'refundId',
      });
    }
    const [taken] = await tx
      .select({ id: refunds.id })
      .from(refunds)
      .where(and(eq(refunds.provider, refund.provider), eq(refunds.processorReference, input.reference)));
    if (taken) {
      throw new Conflict('This transfer reference is already recorded for another refund', {
        field: 'reference',
      });
    }
    await settle(tx, payment, refund, 'succeeded', {
      now,
      actor: input.actor,
      processorReference: input.reference,
      event: 'refunded',
    });
  });
  return (await loadAdminOrderDetail(ctx.db, input.orderId)) as AdminOrderDetail;
}
