/**
 * Products, carts and orders for the orders tests, made through the same API a customer uses. Products are
 * inserted directly (the catalog's own services are another feature's).
 */
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { productImages, products, productVariants } from '../../src/catalog/schema.ts';
import type { Db } from '../../src/db/client.ts';
import { uuidv7 } from '../../src/shared/ids.ts';

export interface ProductFixture {
  productId: string;
  variantId: string;
  sku: string;
  name: string;
  variantName: string;
  priceCents: number;
}

export interface ProductOptions {
  name?: string;
  variantName?: string;
  priceCents?: number;
  stock?: number;
  category?: 'smartphone' | 'tablet' | 'wearable' | 'accessory' | 'other';
  status?: 'active' | 'draft' | 'archived';
  clearance?: boolean;
  specialWarranty?: boolean;
  imageUrl?: string | null;
}

let sequence = 0;

export async function createProduct(db: Db, options: ProductOptions = {}): Promise<ProductFixture> {
  sequence += 1;
  const tag = `${Date.now().toString(36)}-${sequence}`;
  const name = options.name ?? `Test phone ${sequence}`;
  const variantName = options.variantName ?? '128 GB, black';
  const priceCents = options.priceCents ?? 49_900;
  const productId = uuidv7();
  const variantId = uuidv7();
  const sku = `TST-${tag}`.toUpperCase();
  await db.insert(products).values({
    id: productId,
    slug: `test-phone-${tag}`,
    name,
    brand: 'Testbrand',
    category: options.category ?? 'smartphone',
    summary: 'A phone for tests',
    description: 'A phone that exists only in tests.',
    status: options.status ?? 'active',
    clearance: options.clearance ?? false,
    specialWarranty: options.specialWarranty ?? false,
    priceFromCents: priceCents,
  });
  await db.insert(productVariants).values({
    id: variantId,
    productId,
    sku,
    name: variantName,
    priceCents,
    stock: options.stock ?? 5,
  });
  if (options.imageUrl !== null) {
    await db.insert(productImages).values([
      {
        id: uuidv7(),
        productId,
        url: options.imageUrl ?? `/media/products/${tag}.svg`,
        alt: name,
        position: 0,
      },
      { id: uuidv7(), productId, url: `/media/products/${tag}-back.svg`, alt: `${name}, back`, position: 1 },
    ]);
  }
  return { productId, variantId, sku, name, variantName, priceCents };
}

export async function stockOf(db: Db, variantId: string): Promise<number> {
  const [row] = await db
    .select({ stock: productVariants.stock })
    .from(productVariants)
    .where(eq(productVariants.id, variantId));
  return row?.stock as number;
}

export async function countRows(db: Db, table: string): Promise<number> {
  const result = (await db.execute(sql.raw(`select count(*)::int as n from ${table}`))) as unknown as {
    rows: Array<{ n: number }>;
  };
  return result.rows[0]?.n ?? 0;
}

/** The `__Host-ac_cart=...` pair a response set, or the one passed in when it set none. */
export function cartCookie(res: LightMyRequestResponse, previous = ''): string {
  const cookie = res.cookies.find((c) => c.name === '__Host-ac_cart');
  return cookie ? `__Host-ac_cart=${cookie.value}` : previous;
}

/** Adds to the cart; returns the response and the cart cookie to send next. */
export async function addToCart(
  app: FastifyInstance,
  variantId: string,
  quantity: number,
  cookie = '',
): Promise<{ res: LightMyRequestResponse; cookie: string }> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/cart/lines',
    headers: cookie ? { cookie } : {},
    payload: { variantId, quantity },
  });
  return { res, cookie: cartCookie(res, cookie) };
}

export const sampleAddress = {
  name: 'Ada Lovelace',
  line1: '12 Analytical Row',
  city: 'London',
  postalCode: 'N1 9GU',
  country: 'GB',
  phone: '+44 20 7946 0000',
};

export function checkoutPayload(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    email: 'ada@example.com',
    shippingAddress: sampleAddress,
    shippingMethod: 'post',
    payment: { method: 'bank_transfer' },
    ...overrides,
  };
}

export function newKey(): string {
  return `test-${randomUUID()}`;
}

export async function placeOrder(
  app: FastifyInstance,
  cookie: string,
  payload: Record<string, unknown> = checkoutPayload(),
  key: string | null = newKey(),
): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = {};
  if (cookie) headers.cookie = cookie;
  if (key !== null) headers['idempotency-key'] = key;
  return app.inject({ method: 'POST', url: '/api/checkout', headers, payload });
}

/** Buys one product in a fresh cart and returns the checkout response. */
export async function buy(
  app: FastifyInstance,
  variantId: string,
  quantity = 1,
  payload: Record<string, unknown> = checkoutPayload(),
): Promise<LightMyRequestResponse> {
  const { res, cookie } = await addToCart(app, variantId, quantity);
  if (res.statusCode !== 200) throw new Error(`add to cart failed: ${res.statusCode} ${res.body}`);
  return placeOrder(app, cookie, payload);
}

/** The processor's tokenisation endpoint, as the browser would call it. */
export async function cardToken(app: FastifyInstance, cardNumber: string): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/test-processor/tokens',
    payload: { cardNumber, expMonth: 12, expYear: 2099, cvc: '123' },
  });
  if (res.statusCode !== 201) throw new Error(`tokenisation failed: ${res.statusCode} ${res.body}`);
  return (res.json() as { token: string }).token;
}

export interface ErrorShape {
  error: { code: string; message: string; field?: string };
}
