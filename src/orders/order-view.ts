/**
 * Reads an order with its lines, payments and timeline, and shapes it for the customer (no staff names, no
 * internal notes) or for the back office (everything, plus the emails sent and the moves allowed next).
 */
import { asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { mailOutbox } from '../messaging/schema.ts';
import { formatAddress } from '../shared/format.ts';
import { allowedNext } from './order-status.ts';
import { bankTransferInstructions } from './payments/bank-transfer.ts';
import {
  paymentMethodLabel,
  paymentStatusLabel,
  refundSentence,
  refundStatusLabel,
} from './payments/payment-labels.ts';
import { refundTransitions } from './payments/payment-lifecycle.ts';
import { orderEvents, orderLines, orders, payments, refunds } from './schema.ts';
import type { AdminOrderDetail, OrderView } from './schemas.ts';
import { shippingMethodName } from './shipping.ts';

type OrderRow = typeof orders.$inferSelect;

/** A processor's refusal and staff's retries are the shop's business; the customer sees the refund. */
// Who at the shop handles the order (PV-STF-1) is the shop's business, like a processor's refusal.
const STAFF_ONLY_EVENTS = new Set(['refund_failed', 'refund_retried', 'assigned']);

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

async function loadParts(db: Db, orderId: string) {
  const [order] = await db.select().from(orders).where(eq(orders.id, orderId));
  if (!order) return null;
  // One after the other: `db` may be a transaction, which is one connection and runs one query at a time.
  const lines = await db
    .select()
    .from(orderLines)
    .where(eq(orderLines.orderId, orderId))
    .orderBy(asc(orderLines.id));
  const paymentRows = await db
    .select()
    .from(payments)
    .where(eq(payments.orderId, orderId))
    .orderBy(desc(payments.createdAt));
  const events = await db
    .select()
    .from(orderEvents)
    .where(eq(orderEvents.orderId, orderId))
    .orderBy(asc(orderEvents.createdAt), asc(orderEvents.id));
  const refundRows = await db
    .select()
    .from(refunds)
    .where(eq(refunds.orderId, orderId))
    .orderBy(asc(refunds.createdAt), asc(refunds.id));
  return { order, lines, payments: paymentRows, events, refunds: refundRows };
}

export interface OrderParts {
  order: OrderRow;
  lines: Array<typeof orderLines.$inferSelect>;
  /** Newest first. */
  payments: Array<typeof payments.$inferSelect>;
  /** Oldest first. */
  events: Array<typeof orderEvents.$inferSelect>;
  /** Oldest first. */
  refunds: Array<typeof refunds.$inferSelect>;
}

type Parts = OrderParts;

/** The customer's view of an order from rows already in hand (checkout has just written them). */
export function customerView({
  order,
  lines,
  payments: paymentRows,
  events,
  refunds: refundRows,
}: Parts): OrderView {
  const payment = paymentRows[0];
  const paymentStatus = payment?.status ?? 'pending';
  const awaitingTransfer =
    order.paymentMethod === 'bank_transfer' && order.status === 'placed' && paymentStatus === 'pending';
  return {
    reference: order.reference,
    status: order.status,
    email: order.email,
    placedAt: order.placedAt.toISOString(),
    lines: lines.map((l) => ({
      productName: l.productName,
      variantName: l.variantName,
      sku: l.sku,
      unitPriceCents: l.unitPriceCents,
      quantity: l.quantity,
      lineTotalCents: l.unitPriceCents * l.quantity,
    })),
    totals: {
      subtotalCents: order.subtotalCents,
      discountCents: order.discountCents,
      couponCode: order.couponCode,
      shippingCents: order.shippingCents,
      totalCents: order.totalCents,
      currency: 'USD',
    },
    shippingMethod: { code: order.shippingMethod, name: shippingMethodName(order.shippingMethod) },
    shippingAddress: order.shippingAddress,
    shippingAddressLines: formatAddress(order.shippingAddress),
    payment: {
      method: order.paymentMethod,
      methodLabel: paymentMethodLabel(order.paymentMethod),
      status: paymentStatus,
      statusLabel: paymentStatusLabel(order.paymentMethod, paymentStatus, 'customer'),
      instructions: awaitingTransfer ? bankTransferInstructions(order.reference, order.totalCents) : null,
      refunds: refundRows.map((r) => ({
        amountCents: r.amountCents,
        status: r.status,
        statusLabel: refundStatusLabel({ method: r.provider, status: r.status }, 'customer'),
        sentence: refundSentence(
          {
            method: r.provider,
            status: r.status,
            amountCents: r.amountCents,
            // The processor's refund id means nothing to the customer; a transfer reference does.
            reference: r.provider === 'bank_transfer' ? r.processorReference : null,
          },
          'customer',
        ),
        requestedAt: r.createdAt.toISOString(),
        refundedAt: iso(r.succeededAt),
      })),
    },
    tracking: order.carrier ? { carrier: order.carrier, trackingNumber: order.trackingNumber } : null,
    paidAt: iso(order.paidAt),
    shippedAt: iso(order.shippedAt),
    deliveredAt: iso(order.deliveredAt),
    deliveryUntraceable: order.deliveryUntraceable,
    completedAt: iso(order.completedAt),
    cancelledAt: iso(order.cancelledAt),
    timeline: events
      .filter((e) => !STAFF_ONLY_EVENTS.has(e.type))
      .map((e) => ({ type: e.type, status: e.toStatus, at: e.createdAt.toISOString() })),
  };
}

export async function loadOrderView(db: Db, orderId: string): Promise<OrderView | null> {
  const parts = await loadParts(db, orderId);
  return parts ? customerView(parts) : null;
}

export async function loadAdminOrderDetail(db: Db, orderId: string): Promise<AdminOrderDetail | null> {
  const parts = await loadParts(db, orderId);
  if (!parts) return null;
  const emails = await db
    .select({
      id: mailOutbox.id,
      template: mailOutbox.template,
      toAddress: mailOutbox.toAddress,
      subject: mailOutbox.subject,
      status: mailOutbox.status,
      createdAt: mailOutbox.createdAt,
      sentAt: mailOutbox.sentAt,
    })
    .from(mailOutbox)
    .where(eq(mailOutbox.orderId, orderId))
    .orderBy(asc(mailOutbox.createdAt), asc(mailOutbox.id));
  return {
    ...customerView(parts),
    id: parts.order.id,
    // Who handles it, what the member sees and may do with the assignment: set per member by showOrder
    // (order-visibility.ts, PV-STF-1); nothing leaves the back office without passing there.
    assignee: null,
    personalData: 'full',
    assignment: { mayTake: false, mayRelease: false, mayAssignOthers: false },
    allowedNext: [...allowedNext(parts.order.status)],
    timeline: parts.events.map((e) => ({
      type: e.type,
      fromStatus: e.fromStatus,
      status: e.toStatus,
      at: e.createdAt.toISOString(),
      actor: { type: e.actorType, id: e.actorId, name: e.actorName },
      data: e.data ?? null,
    })),
    refunds: parts.refunds.map((r) => ({
      id: r.id,
      paymentId: r.paymentId,
      method: r.provider,
      status: r.status,
      statusLabel: refundStatusLabel({ method: r.provider, status: r.status }, 'staff'),
      sentence: refundSentence(
        { method: r.provider, status: r.status, amountCents: r.amountCents, reference: r.processorReference },
        'staff',
      ),
      amountCents: r.amountCents,
      currency: r.currency,
      reason: r.reason,
      processorReference: r.processorReference,
      failureMessage: r.failureMessage,
      requestedBy: r.requestedByName,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
      succeededAt: iso(r.succeededAt),
      // What staff can do next, from the refund lifecycle table.
      canRetry: refundTransitions[r.status].includes('pending'),
      awaitsTransferReference: r.status === 'owed',
    })),
    payments: parts.payments.map((p) => ({
      id: p.id,
      provider: p.provider,
      methodLabel: paymentMethodLabel(p.provider),
      status: p.status,
      statusLabel: paymentStatusLabel(p.provider, p.status, 'staff'),
      amountCents: p.amountCents,
      currency: p.currency,
      processorReference: p.processorReference,
      createdAt: p.createdAt.toISOString(),
      updatedAt: p.updatedAt.toISOString(),
    })),
    emails: emails.map((m) => ({
      ...m,
      createdAt: m.createdAt.toISOString(),
      sentAt: iso(m.sentAt),
    })),
  };
}

export type { OrderRow };
