/**
 * What orders hold about a customer (PV-RGT-1 export, PV-ACC-4 deletion). Deletion keeps what accounting law
 * needs — the reference, the dates, the lines, the amounts, discount, shipping and tax basis (the destination
 * country and region), the payments and refunds with the processor's references — and removes who it was:
 * the email, the account link, the name, street, city, postal code and phone of the address, the tracking
 * number, the customer's name on the timeline.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { type CustomerDataEntry, iso } from '../privacy/data-subject.ts';
import { orderEvents, orderLines, orders, payments, refunds, type ShippingAddress } from './schema.ts';

/** What an order's address keeps after deletion: where it went, for tax, not to whom. */
export function anonymisedAddress(address: ShippingAddress): ShippingAddress {
  return {
    name: '',
    line1: '',
    city: '',
    postalCode: '',
    country: address.country,
    ...(address.region ? { region: address.region } : {}),
  };
}

export const orderData: CustomerDataEntry = {
  key: 'orders',
  async export(db, subject) {
    if (subject.orderIds.length === 0) return [];
    const ids = subject.orderIds;
    const [rows, lines, events, pays, backs] = [
      await db.select().from(orders).where(inArray(orders.id, ids)).orderBy(asc(orders.placedAt)),
      await db.select().from(orderLines).where(inArray(orderLines.orderId, ids)),
      await db
        .select()
        .from(orderEvents)
        .where(inArray(orderEvents.orderId, ids))
        .orderBy(asc(orderEvents.createdAt), asc(orderEvents.id)),
      await db.select().from(payments).where(inArray(payments.orderId, ids)),
      await db.select().from(refunds).where(inArray(refunds.orderId, ids)),
    ];
    return rows.map((o) => ({
      reference: o.reference,
      email: o.email,
      status: o.status,
      placedAt: iso(o.placedAt),
      paidAt: iso(o.paidAt),
      shippedAt: iso(o.shippedAt),
      deliveredAt: iso(o.deliveredAt),
      cancelledAt: iso(o.cancelledAt),
      currency: o.currency,
      subtotalCents: o.subtotalCents,
      discountCents: o.discountCents,
      shippingCents: o.shippingCents,
      totalCents: o.totalCents,
      couponCode: o.couponCode,
      shippingMethod: o.shippingMethod,
      shippingAddress: o.shippingAddress,
      carrier: o.carrier,
      trackingNumber: o.trackingNumber,
      paymentMethod: o.paymentMethod,
      lines: lines
        .filter((l) => l.orderId === o.id)
        .map((l) => ({
          product: l.productName,
          variant: l.variantName,
          sku: l.sku,
          quantity: l.quantity,
          unitPriceCents: l.unitPriceCents,
        })),
      statusHistory: events
        .filter((e) => e.orderId === o.id)
        .map((e) => ({ at: iso(e.createdAt), event: e.type, from: e.fromStatus, to: e.toStatus })),
      payments: pays
        .filter((p) => p.orderId === o.id)
        .map((p) => ({
          method: p.provider,
          status: p.status,
          amountCents: p.amountCents,
          at: iso(p.createdAt),
        })),
      refunds: backs
        .filter((r) => r.orderId === o.id)
        .map((r) => ({ status: r.status, amountCents: r.amountCents, at: iso(r.createdAt) })),
    }));
  },
  async erase(tx, subject, now) {
    let changed = 0;
    for (const id of subject.orderIds) {
      const [row] = await tx
        .select({ shippingAddress: orders.shippingAddress })
        .from(orders)
        .where(eq(orders.id, id))
        .for('update');
      if (!row) continue;
      await tx
        .update(orders)
        .set({
          email: '',
          customerId: null,
          shippingAddress: anonymisedAddress(row.shippingAddress),
          trackingNumber: null,
          updatedAt: now,
        })
        .where(eq(orders.id, id));
      changed += 1;
    }
    if (subject.orderIds.length > 0) {
      const named = await tx
        .update(orderEvents)
        .set({ actorName: null })
        .where(and(inArray(orderEvents.orderId, subject.orderIds), eq(orderEvents.actorType, 'customer')))
        .returning({ id: orderEvents.id });
      changed += named.length;
    }
    return changed;
  },
};
