/**
 * Checkout: the cart becomes an order in ONE transaction. In order: claim the Idempotency-Key → close (and
 * so lock) the cart → authorise the payment (a decline, a used or expired card token rolls all of it back) →
 * write the order (with its coupon's discount, the coupon locked before the payment and spent with the order),
 * numbered by the database only now, so a declined attempt never uses up a reference → the
 * frozen lines, the payment, the first timeline entry and the confirmation email →
 * store the answer for retries → and last, reserve stock line by line (a conditional decrement, so two buyers can
 * never both take the last unit). Stock rows are the only rows every buyer of a product contends for, so
 * they are locked last and held only until the commit that follows. After commit the payment provider may
 * settle (the test processor's webhook).
 */
import { and, eq, isNull } from 'drizzle-orm';
import { keepCheckoutAddress } from '../accounts/customers/addresses/address-book.service.ts';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/client.ts';
import { type AppError, Conflict, ValidationError } from '../shared/errors.ts';
import { uuidv7 } from '../shared/ids.ts';
import { MAX_ORDER_TOTAL_CENTS } from '../shared/limits.ts';
import { type CartLineRow, loadCartLines, orderTooLarge, tokenHashOf } from './cart.service.ts';
import { orderTotals } from './coupons/coupon.rules.ts';
import { lockCoupon, markCouponRedeemed } from './coupons/redeem-coupon.ts';
import { claimIdempotencyKey, requestHash, storeIdempotentResponse } from './idempotency.ts';
import { enqueueOrderPlacedEmail, orderUrlOf } from './order-emails.ts';
import { recordOrderEvent } from './order-events.ts';
import { orderLinkToken } from './order-link.ts';
import { customerView } from './order-view.ts';
import type { Authorization, PaymentProviders } from './payments/provider.ts';
import { nextOrderReferenceSql } from './references.ts';
import { carts, orderLines, orders, payments } from './schema.ts';
import type { CheckoutInput, CheckoutResponse } from './schemas.ts';
import { shippingPriceCents } from './shipping.ts';
import { stockOf, takeStock } from './stock.ts';

const IDEMPOTENCY_SCOPE = 'checkout';
export const ORDER_REFERENCE_PREFIX = 'AC';

export interface CheckoutRequest {
  cartToken: string | undefined;
  idempotencyKey: string;
  input: CheckoutInput;
  /** The signed-in customer's account (their session cookie), which the order then belongs to; null for a guest. */
  customerId?: string | null;
}

export interface CheckoutResult {
  status: number;
  body: CheckoutResponse;
  /** Set when this call created the order (not a replay): what the provider may settle after commit. */
  created: { authorization: Authorization; amountCents: number } | null;
}

function cartEmpty(): AppError {
  return new Conflict('Your cart is empty: add something to it before checking out', { field: 'cart' });
}

/**
 * Takes the line's units from stock at the price the order was written with, or fails the whole checkout
 * naming the line (sold out, or repriced since the cart was read).
 */
async function reserveStock(tx: Db, line: CartLineRow): Promise<void> {
  const taken = await takeStock(tx, {
    variantId: line.variantId,
    quantity: line.quantity,
    priceCents: line.priceCents,
  });
  if (taken) return;
  const now = await stockOf(tx, line.variantId);
  const item = `${line.productName} (${line.variantName})`;
  if (now && now.priceCents !== line.priceCents) {
    throw new Conflict(`The price of ${item} has just changed; review your cart before paying`, {
      field: `lines.${line.variantId}.unitPriceCents`,
      variantId: line.variantId,
    });
  }
  const left = now?.stock ?? 0;
  throw new Conflict(
    left === 0
      ? `${item} has just sold out; remove it from your cart`
      : `Only ${left} of ${item} left; reduce the quantity in your cart`,
    { field: `lines.${line.variantId}.quantity`, variantId: line.variantId, stock: left },
  );
}

export async function checkout(
  ctx: Pick<AppContext, 'db' | 'clock' | 'config' | 'secret'>,
  providers: PaymentProviders,
  request: CheckoutRequest,
): Promise<CheckoutResult> {
  const { input, idempotencyKey } = request;
  if (input.saveAddress && !request.customerId) {
    throw new ValidationError([
      { field: 'saveAddress', message: 'Sign in to save the address to your account' },
    ]);
  }
  const now = ctx.clock.now();
  const cartHash = tokenHashOf(request.cartToken);
  // The cart is part of the request: the same key from another cart is another request, never its answer.
  const hash = requestHash({ cart: cartHash, input });
  const provider = providers[input.payment.method];
  let authorization: Authorization | null = null;

  try {
    return await ctx.db.transaction(async (tx): Promise<CheckoutResult> => {
      const claim = await claimIdempotencyKey(tx, IDEMPOTENCY_SCOPE, idempotencyKey, hash, now);
      if (!claim.claimed) {
        return { status: claim.status, body: claim.body as CheckoutResponse, created: null };
      }

      // Closing the cart locks it: a second checkout of the same cart waits here, then finds it closed.
      const [cart] = cartHash
        ? await tx
            .update(carts)
            .set({ checkedOutAt: now, updatedAt: now })
            .where(and(eq(carts.tokenHash, cartHash), isNull(carts.checkedOutAt)))
            .returning({ id: carts.id })
        : [];
      if (!cart) throw cartEmpty();
      const lines = await loadCartLines(tx, cart.id);
      if (lines.length === 0) throw cartEmpty();
      for (const line of lines) {
        if (line.productStatus !== 'active') {
          throw new Conflict(`${line.productName} is no longer for sale; remove it from your cart`, {
            field: `lines.${line.variantId}`,
            variantId: line.variantId,
          });
        }
      }
      const subtotalCents = lines.reduce((s, l) => s + l.priceCents * l.quantity, 0);
      // The cart keeps below this, but prices may have risen since the lines were added.
      if (subtotalCents > MAX_ORDER_TOTAL_CENTS) throw orderTooLarge(subtotalCents, 'total');
      // A coupon is locked now, before the payment: its discount decides the amount authorised.
      const coupon = input.couponCode ? await lockCoupon(tx, input.couponCode, now) : null;
      const { discountCents, shippingCents, totalCents } = orderTotals(
        subtotalCents,
        coupon?.valueCents ?? null,
        (goodsPaidCents) => shippingPriceCents(input.shippingMethod, goodsPaidCents),
      );

      // "Save this address to my account": written with the order or not at all, and a full address book
      // refuses the checkout before any payment is taken.
      if (input.saveAddress && request.customerId) {
        await keepCheckoutAddress(tx, ctx.config, request.customerId, input.shippingAddress, now);
      }

      // Before the order is numbered: the sequence cannot roll back, so a decline here must not take a number.
      authorization = await provider.authorize({
        payment: input.payment,
        amountCents: totalCents,
        currency: 'USD',
        now,
        db: tx,
      });

      const orderId = uuidv7(now.getTime());
      // PV-COL-1: order placement collects the kinds the clause lists and no more: the email, and the
      // shipping address with its name and phone (`shippingAddressSchema`, strict: an unknown field is a 400).
      // The client's IP address and browser are not kept with the order.
      const [order] = await tx
        .insert(orders)
        .values({
          id: orderId,
          reference: nextOrderReferenceSql(ORDER_REFERENCE_PREFIX, now),
          email: input.email,
          customerId: request.customerId ?? null,
          status: 'placed',
          subtotalCents,
          shippingCents,
          discountCents,
          couponCode: coupon?.code ?? null,
          totalCents,
          shippingMethod: input.shippingMethod,
          shippingAddress: input.shippingAddress,
          paymentMethod: input.payment.method,
          placedAt: now,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      if (!order) throw new Error('the order insert returned no row');
      if (coupon) await markCouponRedeemed(tx, coupon.id, { id: orderId, discountCents }, now);

      const orderLineRows = await tx
        .insert(orderLines)
        .values(
          lines.map((l) => ({
            id: uuidv7(now.getTime()),
            orderId,
            productId: l.productId,
            variantId: l.variantId,
            productName: l.productName,
            variantName: l.variantName,
            sku: l.sku,
            category: l.category,
            unitPriceCents: l.priceCents,
            quantity: l.quantity,
            clearance: l.clearance,
            specialWarranty: l.specialWarranty,
            orderedAt: now,
          })),
        )
        .returning();
      const paymentRows = await tx
        .insert(payments)
        .values({
          id: uuidv7(now.getTime()),
          orderId,
          provider: provider.method,
          status: authorization.status,
          amountCents: totalCents,
          processorReference: authorization.processorReference,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      const placed = await recordOrderEvent(tx, {
        orderId,
        type: 'placed',
        to: 'placed',
        actor: { type: 'customer' },
        data: { payment: provider.method, paymentStatus: authorization.status },
        at: now,
        first: true,
      });
      await enqueueOrderPlacedEmail(tx, ctx, order, now, orderLineRows);

      // The answer is built from the rows just written: reading them back would cost four round trips.
      const body: CheckoutResponse = {
        order: customerView({
          order,
          lines: orderLineRows,
          payments: paymentRows,
          events: [placed],
          refunds: [],
        }),
        accessToken: orderLinkToken(ctx.secret, orderId),
        orderUrl: orderUrlOf(ctx, orderId),
      };
      await storeIdempotentResponse(tx, IDEMPOTENCY_SCOPE, idempotencyKey, 201, body);

      // Variants in one global order, so concurrent checkouts of overlapping carts cannot deadlock.
      for (const line of [...lines].sort((a, b) => (a.variantId < b.variantId ? -1 : 1))) {
        await reserveStock(tx, line);
      }
      return { status: 201, body, created: { authorization, amountCents: totalCents } };
    });
  } catch (error) {
    // The payment was authorised but the order was not written: release the authorisation (the undo).
    const held = authorization as Authorization | null;
    if (held?.processorReference) await provider.void(held.processorReference).catch(() => {});
    throw error;
  }
}
