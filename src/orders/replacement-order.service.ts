/**
 * A replacement: a new, zero-priced order for the same item, shipped through the ordinary order flow. It is
 * written `paid` (nothing is owed), so staff ship it from the back office like any order: carrier and tracking
 * number (SH-ORD-1), the shipped email, delivery. Stock is taken with checkout's own `takeStock`. The order
 * names the order it replaces (`replacesOrderId`); the after-sales case links to it (case_remedies).
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { Conflict, NotFound, ValidationError } from '../shared/errors.ts';
import { uuidv7 } from '../shared/ids.ts';
import { ORDER_REFERENCE_PREFIX } from './checkout.service.ts';
import { recordOrderEvent } from './order-events.ts';
import { nextOrderReferenceSql } from './references.ts';
import { orderLines, orders } from './schema.ts';
import { stockOf, takeStock } from './stock.ts';

export const REPLACEMENT_PAYMENT_METHOD = 'replacement';

export interface ReplacementOrderInput {
  /** The line of the original order whose item is replaced. */
  orderLineId: string;
  /** Units to send, 1 to the line's quantity. */
  quantity: number;
  /** Why, for the timeline (e.g. the case's RMA reference). */
  note: string;
  actor: { type: 'staff'; id: string; name: string } | { type: 'system' };
  now: Date;
}

/**
 * Writes the replacement order in `tx` and takes its stock; returns the new order's id and reference.
 * Errors: 404 unknown line; 400 `quantity` outside 1..the line's quantity; 409 `variantId` (naming the
 * variant) when it is out of stock.
 */
export async function placeReplacementOrder(
  tx: Db,
  input: ReplacementOrderInput,
): Promise<{ orderId: string; reference: string }> {
  const [line] = await tx.select().from(orderLines).where(eq(orderLines.id, input.orderLineId));
  if (!line) throw new NotFound('Order line');
  if (!Number.isSafeInteger(input.quantity) || input.quantity < 1 || input.quantity > line.quantity) {
    throw new ValidationError([
      { field: 'quantity', message: `must be between 1 and ${line.quantity}, the units bought` },
    ]);
  }
  const [original] = await tx.select().from(orders).where(eq(orders.id, line.orderId));
  if (!original) throw new NotFound('Order');

  // Stock first: nothing is numbered or written when the item cannot be sent.
  if (!(await takeStock(tx, { variantId: line.variantId, quantity: input.quantity }))) {
    const left = (await stockOf(tx, line.variantId))?.stock ?? 0;
    throw new Conflict(
      `${line.productName} (${line.variantName}) is out of stock: ${left} left, ${input.quantity} needed for the replacement`,
      { field: 'variantId', variantId: line.variantId, stock: left },
    );
  }
  const orderId = uuidv7(input.now.getTime());
  const [order] = await tx
    .insert(orders)
    .values({
      id: orderId,
      reference: nextOrderReferenceSql(ORDER_REFERENCE_PREFIX, input.now),
      email: original.email,
      status: 'paid',
      currency: original.currency,
      subtotalCents: 0,
      shippingCents: 0,
      discountCents: 0,
      totalCents: 0,
      shippingMethod: original.shippingMethod,
      shippingAddress: original.shippingAddress,
      paymentMethod: REPLACEMENT_PAYMENT_METHOD,
      replacesOrderId: original.id,
      placedAt: input.now,
      paidAt: input.now,
      createdAt: input.now,
      updatedAt: input.now,
    })
    .returning({ id: orders.id, reference: orders.reference });
  if (!order) throw new Error('the order insert returned no row');
  await tx.insert(orderLines).values({
    id: uuidv7(input.now.getTime()),
    orderId,
    productId: line.productId,
    variantId: line.variantId,
    productName: line.productName,
    variantName: line.variantName,
    sku: line.sku,
    category: line.category,
    unitPriceCents: 0,
    quantity: input.quantity,
    clearance: line.clearance,
    specialWarranty: line.specialWarranty,
    orderedAt: input.now,
  });
  await recordOrderEvent(tx, {
    orderId,
    type: 'replacement_placed',
    to: 'paid',
    actor: input.actor,
    data: { replacesOrder: original.reference, note: input.note },
    at: input.now,
    first: true,
  });
  await recordOrderEvent(tx, {
    orderId: original.id,
    type: 'replacement_ordered',
    actor: input.actor,
    data: { replacementOrder: order.reference, note: input.note },
    at: input.now,
  });
  return { orderId: order.id, reference: order.reference };
}
