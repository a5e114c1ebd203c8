/**
 * What staff do to an order: mark a bank transfer paid, ship, record delivery, complete, cancel. Each action
 * locks the order, checks the move against the lifecycle table (409 naming the allowed moves), and writes
 * the change, its timeline row and any email in one transaction, at the clock's time.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { productVariants } from '../catalog/schema.ts';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/client.ts';
import type { CancelledEmailRefund } from '../messaging/templates/order-cancelled.ts';
import { Conflict, NotFound, ValidationError } from '../shared/errors.ts';
import { enqueueOrderCancelledEmail, enqueueOrderShippedEmail } from './order-emails.ts';
import { type Actor, recordOrderEvent } from './order-events.ts';
import { type OrderStatus, transition } from './order-status.ts';
import { loadAdminOrderDetail } from './order-view.ts';
import {
  isCaptured,
  isVoidable,
  type PaymentStatus,
  refundableCents,
  transitionPayment,
} from './payments/payment-lifecycle.ts';
import type { PaymentProviders } from './payments/provider.ts';
import { refundPayment, submitRefund } from './payments/refunds.service.ts';
import type { WebhookDelivery } from './payments/webhook-delivery.ts';
import { orderLines, orders, payments, refunds } from './schema.ts';
import type { AdminOrderDetail, PaymentMethod } from './schemas.ts';
import { shippingMethod, shippingMethodCodes } from './shipping.ts';

type ActionCtx = Pick<AppContext, 'db' | 'clock' | 'config' | 'secret'>;
type OrderRow = typeof orders.$inferSelect;
export type StaffActor = Extract<Actor, { type: 'staff' }>;

async function changeOrder(
  ctx: ActionCtx,
  orderId: string,
  change: (tx: Db, order: OrderRow, now: Date) => Promise<void>,
): Promise<AdminOrderDetail> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [order] = await tx.select().from(orders).where(eq(orders.id, orderId)).for('update');
    if (!order) throw new NotFound('Order');
    await change(tx, order, now);
    return (await loadAdminOrderDetail(tx, orderId)) as AdminOrderDetail;
  });
}

/**
 * The one way an action moves an order: the lifecycle table decides (409 naming the allowed moves), then the
 * row and its timeline entry change together.
 */
async function moveOrder(
  tx: Db,
  order: OrderRow,
  to: OrderStatus,
  move: {
    actor: StaffActor;
    now: Date;
    changes?: Partial<typeof orders.$inferInsert>;
    data?: Record<string, unknown>;
  },
): Promise<OrderRow> {
  const status = transition(order.status, to);
  const [moved] = await tx
    .update(orders)
    .set({ ...move.changes, status, updatedAt: move.now })
    .where(eq(orders.id, order.id))
    .returning();
  await recordOrderEvent(tx, {
    orderId: order.id,
    type: status,
    from: order.status,
    to: status,
    actor: move.actor,
    data: move.data ?? null,
    at: move.now,
  });
  return moved as OrderRow;
}

// Actions call `transition` first as a check, so an illegal move is refused before the input is judged.

/** A time given by staff: not in the future, not before `notBefore`. */
function staffTime(value: string | undefined, now: Date, notBefore: Date | null, field: string): Date {
  if (value === undefined) return now;
  const at = new Date(value);
  if (at.getTime() > now.getTime())
    throw new ValidationError([{ field, message: 'cannot be in the future' }]);
  if (notBefore && at.getTime() < notBefore.getTime()) {
    throw new ValidationError([{ field, message: `cannot be before ${notBefore.toISOString()}` }]);
  }
  return at;
}

/** Bank transfer: the money arrived. Card payments are confirmed by the processor only. */
export function markPaid(ctx: ActionCtx, orderId: string, actor: StaffActor): Promise<AdminOrderDetail> {
  return changeOrder(ctx, orderId, async (tx, order, now) => {
    transition(order.status, 'paid');
    if ((order.paymentMethod as PaymentMethod) !== 'bank_transfer') {
      throw new Conflict('Card payments are confirmed by the payment processor, not marked paid by hand', {
        field: 'paymentMethod',
      });
    }
    // Pending → captured by the payment lifecycle; a payment already captured is left as it is.
    const pending = await tx
      .select({ id: payments.id, status: payments.status })
      .from(payments)
      .where(and(eq(payments.orderId, order.id), eq(payments.status, 'pending')))
      .for('update');
    for (const p of pending) {
      await tx
        .update(payments)
        .set({ status: transitionPayment(p.status, 'captured'), updatedAt: now })
        .where(eq(payments.id, p.id));
    }
    await moveOrder(tx, order, 'paid', {
      actor,
      now,
      changes: { paidAt: now },
      data: { payment: 'bank_transfer' },
    });
  });
}

export interface ShipInput {
  carrier: string;
  trackingNumber?: string | undefined;
  shippedAt?: string | undefined;
}

/** SH-ORD-1: records carrier, tracking number and shipment date, and emails the customer. */
export function shipOrder(
  ctx: ActionCtx,
  orderId: string,
  actor: StaffActor,
  input: ShipInput,
): Promise<AdminOrderDetail> {
  return changeOrder(ctx, orderId, async (tx, order, now) => {
    transition(order.status, 'shipped');
    const code = shippingMethodCodes.find((c) => c === order.shippingMethod);
    if (code && shippingMethod(code, 0).tracked && !input.trackingNumber) {
      throw new ValidationError([
        {
          field: 'trackingNumber',
          message: 'Enter the tracking number: this order goes by a tracked service',
        },
      ]);
    }
    const shippedAt = staffTime(input.shippedAt, now, order.placedAt, 'shippedAt');
    const shipped = await moveOrder(tx, order, 'shipped', {
      actor,
      now,
      changes: { shippedAt, carrier: input.carrier, trackingNumber: input.trackingNumber ?? null },
      data: {
        carrier: input.carrier,
        trackingNumber: input.trackingNumber ?? null,
        shippedAt: shippedAt.toISOString(),
      },
    });
    await enqueueOrderShippedEmail(tx, ctx, shipped, now);
  });
}

export type DeliverInput = { deliveredAt?: string | undefined } | { untraceable: true };

/** SH-ORD-1: the delivery date, or that the carrier cannot tell it (AS-DOA-1 then counts from shipment). */
export function deliverOrder(
  ctx: ActionCtx,
  orderId: string,
  actor: StaffActor,
  input: DeliverInput,
): Promise<AdminOrderDetail> {
  return changeOrder(ctx, orderId, async (tx, order, now) => {
    transition(order.status, 'delivered');
    const untraceable = 'untraceable' in input;
    const deliveredAt = untraceable
      ? null
      : staffTime(input.deliveredAt, now, order.shippedAt, 'deliveredAt');
    await moveOrder(tx, order, 'delivered', {
      actor,
      now,
      changes: { deliveredAt, deliveryUntraceable: untraceable },
      data: untraceable ? { untraceable: true } : { deliveredAt: deliveredAt?.toISOString() },
    });
  });
}

export function completeOrder(ctx: ActionCtx, orderId: string, actor: StaffActor): Promise<AdminOrderDetail> {
  return changeOrder(ctx, orderId, async (tx, order, now) => {
    await moveOrder(tx, order, 'completed', { actor, now, changes: { completedAt: now } });
  });
}

/**
 * Before shipment only: the units go back to stock, and each payment is settled by what it is (payment
 * lifecycle table): money not yet taken (an authorisation, a transfer not received) is voided; money taken
 * is refunded in full through `refundPayment`, to the card (the processor is asked after commit and
 * confirms by webhook) or owed by bank transfer until staff enter the transfer's reference. The order, the
 * stock, the refund rows, the timeline and the email change in one transaction; the processor is called
 * after it (see refunds.service.ts for what happens when it refuses).
 */
export async function cancelOrder(
  ctx: ActionCtx,
  providers: PaymentProviders,
  orderId: string,
  actor: StaffActor,
  reason: string,
  deliver: WebhookDelivery,
): Promise<AdminOrderDetail> {
  const toRelease: Array<{ method: PaymentMethod; reference: string }> = [];
  const toRefund: string[] = [];
  await changeOrder(ctx, orderId, async (tx, order, now) => {
    transition(order.status, 'cancelled');
    const lines = await tx
      .select({ variantId: orderLines.variantId, quantity: orderLines.quantity })
      .from(orderLines)
      .where(eq(orderLines.orderId, order.id))
      .orderBy(asc(orderLines.variantId));
    for (const line of lines) {
      await tx
        .update(productVariants)
        .set({ stock: sql`${productVariants.stock} + ${line.quantity}` })
        .where(eq(productVariants.id, line.variantId));
    }
    const cancelled = await moveOrder(tx, order, 'cancelled', {
      actor,
      now,
      changes: { cancelledAt: now },
      data: {
        reason,
        stockReturned: lines.map((l) => ({ variantId: l.variantId, quantity: l.quantity })),
      },
    });
    // Then the money, each payment by its lifecycle: its timeline entries follow the cancellation.
    const orderPayments = await tx
      .select()
      .from(payments)
      .where(eq(payments.orderId, order.id))
      .orderBy(asc(payments.createdAt))
      .for('update');
    const refundsMade: CancelledEmailRefund[] = [];
    for (const payment of orderPayments) {
      const status = payment.status as PaymentStatus;
      if (isVoidable(status)) {
        await tx
          .update(payments)
          .set({ status: transitionPayment(status, 'voided'), updatedAt: now })
          .where(eq(payments.id, payment.id));
        if (payment.processorReference) {
          toRelease.push({
            method: payment.provider as PaymentMethod,
            reference: payment.processorReference,
          });
        }
      } else if (isCaptured(status)) {
        const left = refundableCents({
          capturedCents: payment.amountCents,
          refunds: await tx.select().from(refunds).where(eq(refunds.paymentId, payment.id)),
        });
        if (left === 0) continue;
        const refund = await refundPayment(tx, {
          paymentId: payment.id,
          amountCents: left,
          reason: `Order cancelled: ${reason}`,
          idempotencyKey: `cancel:${order.id}:${payment.id}`,
          actor,
          now,
        });
        if (refund.status === 'pending') toRefund.push(refund.id);
        refundsMade.push({ method: refund.provider, status: refund.status, amountCents: refund.amountCents });
      }
    }
    await enqueueOrderCancelledEmail(tx, ctx, cancelled, refundsMade, now);
  });
  // After commit, the external calls: release authorisations (nothing was taken, so a failure costs the
  // customer nothing and the processor lets them lapse), and ask the processor for the refunds.
  for (const p of toRelease) await providers[p.method]?.void(p.reference).catch(() => {});
  for (const refundId of toRefund) await submitRefund(ctx, providers, refundId, deliver);
  return (await loadAdminOrderDetail(ctx.db, orderId)) as AdminOrderDetail;
}
