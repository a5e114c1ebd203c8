/**
 * The server-side cart. The customer holds only an opaque random token (HttpOnly cookie); the database holds
 * its SHA-256, so a leaked table gives no usable carts. A checked-out cart is never reused: the next add
 * starts a new one.
 */
import { and, asc, count, eq, isNull, lt, sql } from 'drizzle-orm';
import { productImages, products, productVariants } from '../catalog/schema.ts';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/client.ts';
import { sha256 } from '../shared/crypto.ts';
import { AppError, Conflict } from '../shared/errors.ts';
import { randomToken, uuidv7 } from '../shared/ids.ts';
import { MAX_ORDER_TOTAL_CENTS } from '../shared/limits.ts';
import { formatUsd } from '../shared/money.ts';
import { cartLines, carts } from './schema.ts';
import { type CartLineView, type CartView, MAX_QUANTITY_PER_LINE } from './schemas.ts';
import { shippingMethods } from './shipping.ts';

export const CART_COOKIE = 'ac_cart';
export const CART_DAYS = 30;
/** Distinct products per cart: a shop cart, not a warehouse order. */
export const MAX_CART_LINES = 50;

type CartCtx = Pick<AppContext, 'db' | 'clock'>;

/** Everything about a cart line that the view and checkout need, read in one query. */
export interface CartLineRow {
  variantId: string;
  productId: string;
  productSlug: string;
  productName: string;
  productStatus: 'active' | 'draft' | 'archived';
  category: 'smartphone' | 'tablet' | 'wearable' | 'accessory' | 'other';
  clearance: boolean;
  specialWarranty: boolean;
  variantName: string;
  sku: string;
  priceCents: number;
  stock: number;
  quantity: number;
  imageUrl: string | null;
}

export function tokenHashOf(token: string | undefined): string | null {
  return token && token.length <= 200 ? sha256(token) : null;
}

export async function loadCartLines(db: Db, cartId: string): Promise<CartLineRow[]> {
  return db
    .select({
      variantId: productVariants.id,
      productId: products.id,
      productSlug: products.slug,
      productName: products.name,
      productStatus: products.status,
      category: products.category,
      clearance: products.clearance,
      specialWarranty: products.specialWarranty,
      variantName: productVariants.name,
      sku: productVariants.sku,
      priceCents: productVariants.priceCents,
      stock: productVariants.stock,
      quantity: cartLines.quantity,
      imageUrl: sql<
        string | null
      >`(select ${productImages.url} from ${productImages} where ${productImages.productId} = ${products.id} order by ${productImages.position}, ${productImages.id} limit 1)`,
    })
    .from(cartLines)
    .innerJoin(productVariants, eq(productVariants.id, cartLines.variantId))
    .innerJoin(products, eq(products.id, productVariants.productId))
    .where(eq(cartLines.cartId, cartId))
    .orderBy(asc(cartLines.addedAt), asc(cartLines.variantId));
}

export function emptyCart(): CartView {
  return toView([]);
}

function toView(rows: CartLineRow[]): CartView {
  const lines: CartLineView[] = rows.map((r) => ({
    variantId: r.variantId,
    productId: r.productId,
    productSlug: r.productSlug,
    productName: r.productName,
    variantName: r.variantName,
    sku: r.sku,
    imageUrl: r.imageUrl,
    unitPriceCents: r.priceCents,
    quantity: r.quantity,
    lineTotalCents: r.priceCents * r.quantity,
    stock: r.stock,
    available: r.productStatus === 'active' && r.stock >= r.quantity,
  }));
  const subtotalCents = lines.reduce((sum, l) => sum + l.lineTotalCents, 0);
  return {
    lines,
    itemCount: lines.reduce((sum, l) => sum + l.quantity, 0),
    subtotalCents,
    currency: 'USD',
    maxQuantityPerLine: MAX_QUANTITY_PER_LINE,
    shippingMethods: shippingMethods(subtotalCents),
  };
}

/** Marks the open cart as used now and locks its row until the transaction ends; null when there is none. */
async function touchOpenCart(tx: Db, tokenHash: string, now: Date): Promise<string | null> {
  const [row] = await tx
    .update(carts)
    .set({ updatedAt: now })
    .where(and(eq(carts.tokenHash, tokenHash), isNull(carts.checkedOutAt)))
    .returning({ id: carts.id });
  return row?.id ?? null;
}

async function openCartId(db: Db, tokenHash: string): Promise<string | null> {
  const [row] = await db
    .select({ id: carts.id })
    .from(carts)
    .where(and(eq(carts.tokenHash, tokenHash), isNull(carts.checkedOutAt)));
  return row?.id ?? null;
}

/** The cart behind the cookie's token; an empty cart when there is none (nothing is created). */
export async function getCart(ctx: CartCtx, token: string | undefined): Promise<CartView> {
  const hash = tokenHashOf(token);
  const cartId = hash ? await openCartId(ctx.db, hash) : null;
  return cartId ? toView(await loadCartLines(ctx.db, cartId)) : emptyCart();
}

/** Units in the cart behind the cookie's token (the header's count): one query, 0 when there is no cart. */
export async function cartItemCount(ctx: Pick<AppContext, 'db'>, token: string | undefined): Promise<number> {
  const hash = tokenHashOf(token);
  if (!hash) return 0;
  const [row] = await ctx.db
    .select({ n: sql<number>`coalesce(sum(${cartLines.quantity}), 0)::int` })
    .from(cartLines)
    .innerJoin(carts, eq(carts.id, cartLines.cartId))
    .where(and(eq(carts.tokenHash, hash), isNull(carts.checkedOutAt)));
  return Number(row?.n ?? 0);
}

async function variantForSale(db: Db, variantId: string) {
  const [row] = await db
    .select({ stock: productVariants.stock, status: products.status, name: products.name })
    .from(productVariants)
    .innerJoin(products, eq(products.id, productVariants.productId))
    .where(eq(productVariants.id, variantId));
  if (row?.status !== 'active') {
    throw new AppError('not_found', 'This product is not for sale', { field: 'variantId' });
  }
  return row;
}

function checkQuantity(quantity: number, stock: number, name: string): void {
  if (quantity > MAX_QUANTITY_PER_LINE) {
    throw new Conflict(`At most ${MAX_QUANTITY_PER_LINE} of one item per order`, { field: 'quantity' });
  }
  if (quantity > stock) {
    throw new Conflict(
      stock === 0 ? `${name} is out of stock` : `Only ${stock} of ${name} in stock; reduce the quantity`,
      { field: 'quantity', stock },
    );
  }
}

/**
 * Refuses a cart whose subtotal is past the largest order the shop takes (MAX_ORDER_TOTAL_CENTS): order
 * totals are 32-bit columns, and an order that size is a mistake or a probe. Thrown inside the write's
 * transaction, so the line that would cross the limit is never stored. A 409 on `quantity`.
 */
function checkOrderLimit(cart: CartView): CartView {
  if (cart.subtotalCents > MAX_ORDER_TOTAL_CENTS) throw orderTooLarge(cart.subtotalCents, 'quantity');
  return cart;
}

/** The 409 for a subtotal past MAX_ORDER_TOTAL_CENTS, on `field`; checkout uses it too. */
export function orderTooLarge(subtotalCents: number, field: string): Conflict {
  return new Conflict(
    `One order can total at most ${formatUsd(MAX_ORDER_TOTAL_CENTS)}; this cart would come to ${formatUsd(subtotalCents)}. Lower a quantity or split it into several orders.`,
    { field },
  );
}

export interface CartChange {
  cart: CartView;
  /** The token to (re)send in the cookie: a new cart's, or the current one to extend its life. */
  token: string;
}

/** Adds units of a variant, creating the cart on the first add. One transaction; the cart row is locked. */
export async function addCartLine(
  ctx: CartCtx,
  token: string | undefined,
  variantId: string,
  quantity: number,
): Promise<CartChange> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const variant = await variantForSale(tx, variantId);
    const hash = tokenHashOf(token);
    // Touching the open cart locks it for this transaction.
    let cartId = hash ? await touchOpenCart(tx, hash, now) : null;
    let cartToken = token as string;
    if (cartId) {
      const [lines] = await tx
        .select({
          n: count(),
          existing: sql<
            number | null
          >`max(${cartLines.quantity}) filter (where ${cartLines.variantId} = ${variantId})`,
        })
        .from(cartLines)
        .where(eq(cartLines.cartId, cartId));
      const existing = lines?.existing ?? null;
      if (existing === null && (lines?.n ?? 0) >= MAX_CART_LINES) {
        throw new Conflict(`A cart holds at most ${MAX_CART_LINES} different items`, { field: 'variantId' });
      }
      checkQuantity((existing ?? 0) + quantity, variant.stock, variant.name);
    } else {
      checkQuantity(quantity, variant.stock, variant.name);
      cartToken = randomToken();
      cartId = uuidv7(now.getTime());
      await tx
        .insert(carts)
        .values({ id: cartId, tokenHash: sha256(cartToken), createdAt: now, updatedAt: now });
    }
    await tx
      .insert(cartLines)
      .values({ cartId, variantId, quantity, addedAt: now })
      .onConflictDoUpdate({
        target: [cartLines.cartId, cartLines.variantId],
        set: { quantity: sql`${cartLines.quantity} + ${quantity}` },
      });
    return { token: cartToken, cart: checkOrderLimit(toView(await loadCartLines(tx, cartId))) };
  });
}

/** Sets a line's quantity; 0 removes it. A line that is not in the cart is a 404 naming variantId. */
export async function setCartLineQuantity(
  ctx: CartCtx,
  token: string | undefined,
  variantId: string,
  quantity: number,
): Promise<CartChange> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const hash = tokenHashOf(token);
    const cartId = hash ? await touchOpenCart(tx, hash, now) : null;
    const notInCart = new AppError('not_found', 'This item is not in your cart', { field: 'variantId' });
    if (!cartId) throw notInCart;
    const where = and(eq(cartLines.cartId, cartId), eq(cartLines.variantId, variantId));
    const [existing] = await tx.select({ quantity: cartLines.quantity }).from(cartLines).where(where);
    if (!existing) throw notInCart;
    if (quantity === 0) {
      await tx.delete(cartLines).where(where);
    } else if (quantity !== existing.quantity) {
      // Lowering a quantity is always allowed; raising it needs the product on sale and in stock.
      if (quantity > existing.quantity) {
        const variant = await variantForSale(tx, variantId);
        checkQuantity(quantity, variant.stock, variant.name);
      }
      await tx.update(cartLines).set({ quantity }).where(where);
    }
    const cart = toView(await loadCartLines(tx, cartId));
    // Only a raise can cross the limit; lowering a quantity in a cart repriced past it must stay possible.
    return { token: token as string, cart: quantity > existing.quantity ? checkOrderLimit(cart) : cart };
  });
}

/** Removes a line; removing what is not there changes nothing (DELETE is idempotent). */
export async function removeCartLine(
  ctx: CartCtx,
  token: string | undefined,
  variantId: string,
): Promise<CartView> {
  const hash = tokenHashOf(token);
  return ctx.db.transaction(async (tx) => {
    const cartId = hash ? await touchOpenCart(tx, hash, ctx.clock.now()) : null;
    if (!cartId) return emptyCart();
    await tx.delete(cartLines).where(and(eq(cartLines.cartId, cartId), eq(cartLines.variantId, variantId)));
    return toView(await loadCartLines(tx, cartId));
  });
}

/** PV-MIN-1: carts untouched for longer than the cookie lives serve nothing; a retention job calls this. */
export async function deleteStaleCarts(db: Db, now: Date): Promise<number> {
  const before = new Date(now.getTime() - CART_DAYS * 86_400_000);
  const deleted = await db.delete(carts).where(lt(carts.updatedAt, before)).returning({ id: carts.id });
  return deleted.length;
}
