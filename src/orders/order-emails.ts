/**
 * SH-ORD-1: the customer is told by email when the order is placed and when it ships, and also when the shop
 * cancels it. Each email is queued with the transaction that makes the change, so neither exists without
 * the other.
 */
import { asc, eq } from 'drizzle-orm';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/client.ts';
import { enqueueMail } from '../messaging/outbox.ts';
import {
  type CancelledEmailRefund,
  ORDER_CANCELLED_TEMPLATE,
  renderOrderCancelled,
} from '../messaging/templates/order-cancelled.ts';
import type { OrderEmailData } from '../messaging/templates/order-email.ts';
import { ORDER_PLACED_TEMPLATE, renderOrderPlaced } from '../messaging/templates/order-placed.ts';
import { ORDER_SHIPPED_TEMPLATE, renderOrderShipped } from '../messaging/templates/order-shipped.ts';
import { getShopSettings } from '../settings/shop.ts';
import { orderLinkToken, orderPageUrl } from './order-link.ts';
import { bankTransferInstructions } from './payments/bank-transfer.ts';
import { orderLines, type orders } from './schema.ts';
import { shippingMethodName } from './shipping.ts';

type EmailCtx = Pick<AppContext, 'config' | 'secret'>;
type OrderRow = typeof orders.$inferSelect;

export function orderUrlOf(ctx: EmailCtx, orderId: string): string {
  return orderPageUrl(ctx.config.PUBLIC_URL, orderLinkToken(ctx.secret, orderId));
}

type OrderLineRow = typeof orderLines.$inferSelect;

async function emailData(
  db: Db,
  ctx: EmailCtx,
  order: OrderRow,
  known?: OrderLineRow[],
): Promise<OrderEmailData> {
  // One after the other: `db` is usually a transaction, one connection.
  const lines =
    known ??
    (await db.select().from(orderLines).where(eq(orderLines.orderId, order.id)).orderBy(asc(orderLines.id)));
  const shop = await getShopSettings(db);
  return {
    // The name in the shop settings when the email is queued, not MAIL_FROM's: the owner renames the shop in
    // the back office. Queue time rather than send time because the outbox keeps the rendered email, which
    // staff preview; the sender's display name is stored with it so From and body always agree.
    shopName: shop.name,
    reference: order.reference,
    lines: lines.map((l) => ({
      productName: l.productName,
      variantName: l.variantName,
      quantity: l.quantity,
      unitPriceCents: l.unitPriceCents,
      lineTotalCents: l.unitPriceCents * l.quantity,
    })),
    subtotalCents: order.subtotalCents,
    discountCents: order.discountCents,
    couponCode: order.couponCode,
    shippingCents: order.shippingCents,
    totalCents: order.totalCents,
    shippingMethodName: shippingMethodName(order.shippingMethod),
    shippingAddress: order.shippingAddress,
    orderUrl: orderUrlOf(ctx, order.id),
  };
}

export async function enqueueOrderPlacedEmail(
  tx: Db,
  ctx: EmailCtx,
  order: OrderRow,
  now: Date,
  /** The order's lines when the caller has them (checkout has just written them). */
  lines?: OrderLineRow[],
): Promise<string> {
  const data = await emailData(tx, ctx, order, lines);
  const mail = renderOrderPlaced({
    ...data,
    payment:
      order.paymentMethod === 'bank_transfer'
        ? {
            method: 'bank_transfer',
            instructions: bankTransferInstructions(order.reference, order.totalCents),
          }
        : { method: 'test_card' },
  });
  return enqueueMail(
    tx,
    { template: ORDER_PLACED_TEMPLATE, fromName: data.shopName, to: order.email, orderId: order.id, ...mail },
    now,
  );
}

export async function enqueueOrderShippedEmail(
  tx: Db,
  ctx: EmailCtx,
  order: OrderRow,
  now: Date,
): Promise<string> {
  const data = await emailData(tx, ctx, order);
  const mail = renderOrderShipped({
    ...data,
    carrier: order.carrier ?? '',
    trackingNumber: order.trackingNumber,
    shippedAt: order.shippedAt ?? now,
  });
  return enqueueMail(
    tx,
    {
      template: ORDER_SHIPPED_TEMPLATE,
      fromName: data.shopName,
      to: order.email,
      orderId: order.id,
      ...mail,
    },
    now,
  );
}

export async function enqueueOrderCancelledEmail(
  tx: Db,
  ctx: EmailCtx,
  order: OrderRow,
  /** The refunds the cancellation recorded (none when no money had been taken). */
  refunds: CancelledEmailRefund[],
  now: Date,
): Promise<string> {
  const data = await emailData(tx, ctx, order);
  const mail = renderOrderCancelled({ ...data, refunds });
  return enqueueMail(
    tx,
    {
      template: ORDER_CANCELLED_TEMPLATE,
      fromName: data.shopName,
      to: order.email,
      orderId: order.id,
      ...mail,
    },
    now,
  );
}
