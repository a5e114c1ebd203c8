/**
 * The demo's after-sales money steps (issue 11: the owner's numbers page shows the demo shop's costs), each
 * through the shop's own use cases as staff and customers take them: the return postage reimbursed from a
 * receipt (AS-GEN-3, as `POST /api/admin/cases/:id/return-shipping` does) and a case's coupon spent at the
 * checkout (as the storefront's checkout does). Card refunds and payments settle through the test processor's
 * in-process webhook, so the demo needs no network and no running server.
 */
import { eq } from 'drizzle-orm';
import { submitCaseRefunds } from '../aftersales/remedies/refund-case.ts';
import { reimburseReturnShipping } from '../aftersales/remedies/reimburse-return-shipping.ts';
import { afterSalesCases } from '../aftersales/schema.ts';
import { productVariants } from '../catalog/schema.ts';
import type { AppContext } from '../context.ts';
import { addCartLine } from '../orders/cart.service.ts';
import { checkout } from '../orders/checkout.service.ts';
import { coupons } from '../orders/coupons/coupon.schema.ts';
import { paymentProviders, testProcessorFor } from '../orders/payments/providers.ts';
import { directTestCardDelivery } from '../orders/payments/test-card-webhook.ts';
import { orders } from '../orders/schema.ts';

type Ctx = Pick<AppContext, 'db' | 'clock' | 'config' | 'secret'>;

/** The demo customers' card: the test processor approves it and its refunds. */
const DEMO_CARD = { cardNumber: '4242 4242 4242 4242', expMonth: 12, cvc: '123' } as const;

/** How staff's refunds and the customers' card payments reach the test processor and come back. */
export function demoMoney(ctx: Ctx) {
  return { providers: paymentProviders(ctx), deliver: directTestCardDelivery(ctx) };
}

/**
 * AS-GEN-3: staff reimburse the return postage of case `caseId` from a receipt of `receiptCents` (integer
 * cents), in one transaction, then hand the refund to the card processor. Throws what
 * `reimburseReturnShipping` throws (404 case, 409 above what the order has left to refund); a demo whose
 * engine owes nothing for the receipt fails loudly rather than seeding a case without its cost.
 */
export async function reimburseDemoPostage(
  ctx: Ctx,
  c: { id: string; reference: string },
  receiptCents: number,
  staff: { id: string; name: string },
): Promise<void> {
  const { decision, refund } = await ctx.db.transaction((tx) =>
    reimburseReturnShipping(tx, {
      caseId: c.id,
      receiptCents,
      idempotencyKey: `demo-return-shipping-${c.reference}`,
      staff,
      now: ctx.clock.now(),
    }),
  );
  if (!refund) {
    throw new Error(`Demo case ${c.reference}: no postage reimbursed (${decision.reasons[0]?.message})`);
  }
  const { providers, deliver } = demoMoney(ctx);
  await submitCaseRefunds(ctx, providers, refund.refunds, deliver);
}

/**
 * The customer of case `caseId` spends the coupon or voucher the case issued on a new order of one unit of
 * `sku`, shipped to the address of the case's order and paid by card: cart, checkout with the code (which
 * marks it redeemed with what came off the order), then the processor's capture. Returns the new order's
 * reference. Throws when the case issued no code, or the checkout's errors (409 sold out, code used).
 */
export async function spendDemoCode(ctx: Ctx, c: { id: string; reference: string }, sku: string) {
  const [code] = await ctx.db
    .select({ code: coupons.code, email: orders.email, address: orders.shippingAddress })
    .from(coupons)
    .innerJoin(afterSalesCases, eq(afterSalesCases.id, coupons.sourceCaseId))
    .innerJoin(orders, eq(orders.id, afterSalesCases.orderId))
    .where(eq(coupons.sourceCaseId, c.id));
  if (!code) throw new Error(`Demo case ${c.reference} issued no code to spend`);
  const [variant] = await ctx.db
    .select({ id: productVariants.id })
    .from(productVariants)
    .where(eq(productVariants.sku, sku));
  if (!variant) throw new Error(`Demo: unknown SKU ${sku}`);

  const now = ctx.clock.now();
  const { token: cartToken } = await addCartLine(ctx, undefined, variant.id, 1);
  const card = testProcessorFor(ctx).tokenize({ ...DEMO_CARD, expYear: now.getUTCFullYear() + 3 }, now);
  const { providers, deliver } = demoMoney(ctx);
  const placed = await checkout(ctx, providers, {
    cartToken,
    idempotencyKey: `demo-spend-${c.reference}`,
    input: {
      email: code.email,
      shippingAddress: code.address,
      shippingMethod: 'post',
      payment: { method: 'test_card', token: card.token },
      couponCode: code.code,
    },
  });
  if (placed.created) {
    await providers.test_card.settle?.(
      placed.created.authorization,
      placed.created.amountCents,
      deliver,
      now,
    );
  }
  return placed.body.order.reference;
}
