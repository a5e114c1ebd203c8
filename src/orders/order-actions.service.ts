/**
 * What staff do to an order: mark a bank transfer paid, ship, record delivery, complete, cancel. Each action
 * locks the order, checks the move against the lifecycle table (409 naming the allowed moves), and writes
 * the change, its timeline row and any email in one transaction, at the clock's time.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { productVariants } from '../catalog/schema.ts';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/client.ts';
import { Conflict, NotFound, ValidationError } from '../shared/errors.ts';
import { enqueueOrderCancelledEmail, enqueueOrderShippedEmail } from './order-emails.ts';
import { type Actor, recordOrderEvent } from './order-events.ts';
import { type OrderStatus, transition } from './order-status.ts';
import { loadAdminOrderDetail } from './order-view.ts';
import type { PaymentProviders } from './payments/provider.ts';
import { orderLines, orders, payments } from './schema.ts';
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
    await tx
      .update(payments)
      .set({ status: 'captured', updatedAt: now })
      .where(and(eq(payments.orderId, order.id), eq(payments.status, 'pending')));
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
 * Before shipment only: the units go back to stock and the payment is voided, in the same transaction.
 * A card payment already captured is marked for a refund in the timeline; the processor is told after commit.
 */
export async function cancelOrder(
  ctx: ActionCtx,
  providers: PaymentProviders,
  orderId: string,
  actor: StaffActor,
  reason: string,
): Promise<AdminOrderDetail> {
  const toRelease: Array<{ method: PaymentMethod; reference: string }> = [];
  const detail = await changeOrder(ctx, orderId, async (tx, order, now) => {
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
    const voided = await tx
      .update(payments)
      .set({ status: 'voided', updatedAt: now })
      .where(
        and(eq(payments.orderId, order.id), inArray(payments.status, ['pending', 'authorized', 'captured'])),
      )
      .returning({ provider: payments.provider, reference: payments.processorReference });
    for (const p of voided) {
      if (p.reference) toRelease.push({ method: p.provider as PaymentMethod, reference: p.reference });
    }
    const refundDue = order.paidAt !== null;
    const cancelled = await moveOrder(tx, order, 'cancelled', {
      actor,
      now,
      changes: { cancelledAt: now },
      data: {
        reason,
        stockReturned: lines.map((l) => ({ variantId: l.variantId, quantity: l.quantity })),
        refundDue,
      },
    });
    await enqueueOrderCancelledEmail(tx, ctx, cancelled, refundDue, now);
  });
  for (const p of toRelease) await providers[p.method]?.void(p.reference).catch(() => {});
  return detail;
}
