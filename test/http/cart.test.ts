import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { carts } from '../../src/orders/schema.ts';
import type { CartView } from '../../src/orders/schemas.ts';
import { sha256 } from '../../src/shared/crypto.ts';
import { json, startTestApp, type TestApp } from '../helpers/app.ts';
import {
  addToCart,
  createProduct,
  type ErrorShape,
  type ProductFixture,
} from '../helpers/orders-fixtures.ts';

describe('cart', () => {
  let t: TestApp;
  let phone: ProductFixture;
  let scarce: ProductFixture;
  before(async () => {
    t = await startTestApp();
    phone = await createProduct(t.ctx.db, { name: 'Pixel Test', priceCents: 79_900, stock: 50 });
    scarce = await createProduct(t.ctx.db, { name: 'Rare Watch', priceCents: 19_990, stock: 3 });
  });
  after(() => t.close());

  const cartOf = (body: string) => (JSON.parse(body) as { cart: CartView }).cart;

  it('GET /api/cart without a cookie is an empty cart and sets no cookie', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/cart' });
    assert.equal(res.statusCode, 200);
    assert.equal(res.cookies.length, 0);
    const cart = cartOf(res.body);
    assert.deepEqual(cart.lines, []);
    assert.equal(cart.subtotalCents, 0);
    assert.deepEqual(
      cart.shippingMethods.map((m) => [m.code, m.priceCents]),
      [
        ['post', 490],
        ['express', 1490],
      ],
    );
  });

  it('the first add sets an HttpOnly, Secure, SameSite=Lax cookie for 30 days; only its hash is stored', async () => {
    const { res, cookie } = await addToCart(t.app, phone.variantId, 2);
    assert.equal(res.statusCode, 200);
    const set = res.cookies.find((c) => c.name === '__Host-ac_cart');
    assert.ok(set);
    assert.equal(set.httpOnly, true);
    assert.equal(set.secure, true);
    assert.equal(set.sameSite, 'Lax');
    assert.equal(set.path, '/');
    assert.equal(set.maxAge, 30 * 86_400);
    const token = cookie.slice('__Host-ac_cart='.length);
    const stored = await t.ctx.db
      .select()
      .from(carts)
      .where(eq(carts.tokenHash, sha256(token)));
    assert.equal(stored.length, 1);
    const raw = await t.ctx.db.select().from(carts);
    assert.ok(raw.every((c) => c.tokenHash !== token));

    const cart = cartOf(res.body);
    assert.equal(cart.lines.length, 1);
    const line = cart.lines[0];
    assert.ok(line);
    assert.equal(line.productName, 'Pixel Test');
    assert.equal(line.variantName, phone.variantName);
    assert.match(line.imageUrl ?? '', /^\/media\/products\/.*\.svg$/);
    assert.ok(!line.imageUrl?.includes('-back'), 'the first image by position');
    assert.equal(line.unitPriceCents, 79_900);
    assert.equal(line.quantity, 2);
    assert.equal(line.lineTotalCents, 159_800);
    assert.equal(line.stock, 50);
    assert.equal(line.available, true);
    assert.equal(cart.subtotalCents, 159_800);
    assert.equal(cart.itemCount, 2);
  });

  it('adds to the same line, changes and removes lines, and GET shows the result', async () => {
    let { cookie } = await addToCart(t.app, phone.variantId, 1);
    ({ cookie } = await addToCart(t.app, phone.variantId, 2, cookie));
    ({ cookie } = await addToCart(t.app, scarce.variantId, 1, cookie));
    let res = await t.app.inject({ method: 'GET', url: '/api/cart', headers: { cookie } });
    let cart = cartOf(res.body);
    assert.deepEqual(
      cart.lines.map((l) => [l.variantId, l.quantity]),
      [
        [phone.variantId, 3],
        [scarce.variantId, 1],
      ],
    );
    assert.equal(cart.subtotalCents, 3 * 79_900 + 19_990);

    res = await t.app.inject({
      method: 'PATCH',
      url: `/api/cart/lines/${phone.variantId}`,
      headers: { cookie },
      payload: { quantity: 5 },
    });
    assert.equal(res.statusCode, 200);
    assert.equal(cartOf(res.body).lines[0]?.quantity, 5);

    res = await t.app.inject({
      method: 'PATCH',
      url: `/api/cart/lines/${phone.variantId}`,
      headers: { cookie },
      payload: { quantity: 0 },
    });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(
      cartOf(res.body).lines.map((l) => l.variantId),
      [scarce.variantId],
    );

    res = await t.app.inject({
      method: 'DELETE',
      url: `/api/cart/lines/${scarce.variantId}`,
      headers: { cookie },
    });
    assert.equal(res.statusCode, 200);
    cart = cartOf(res.body);
    assert.deepEqual(cart.lines, []);
    // Removing again changes nothing.
    res = await t.app.inject({
      method: 'DELETE',
      url: `/api/cart/lines/${scarce.variantId}`,
      headers: { cookie },
    });
    assert.equal(res.statusCode, 200);
  });

  it('refuses more than the stock with a 409 naming quantity', async () => {
    let { res, cookie } = await addToCart(t.app, scarce.variantId, 2);
    assert.equal(res.statusCode, 200);
    ({ res } = await addToCart(t.app, scarce.variantId, 2, cookie));
    assert.equal(res.statusCode, 409);
    const body = json<ErrorShape>(res);
    assert.equal(body.error.code, 'conflict');
    assert.equal(body.error.field, 'quantity');
    assert.match(body.error.message, /Only 3 of Rare Watch in stock/);
    res = await t.app.inject({
      method: 'PATCH',
      url: `/api/cart/lines/${scarce.variantId}`,
      headers: { cookie },
      payload: { quantity: 4 },
    });
    assert.equal(res.statusCode, 409);
    assert.equal(json<ErrorShape>(res).error.field, 'quantity');
  });

  it('refuses more than 10 of one item in total with a 409 naming quantity', async () => {
    let { res, cookie } = await addToCart(t.app, phone.variantId, 10);
    assert.equal(res.statusCode, 200);
    ({ res } = await addToCart(t.app, phone.variantId, 1, cookie));
    assert.equal(res.statusCode, 409);
    assert.equal(json<ErrorShape>(res).error.field, 'quantity');
  });

  it('unknown variants and products not on sale are a 404 naming variantId', async () => {
    const draft = await createProduct(t.ctx.db, { status: 'draft' });
    const archived = await createProduct(t.ctx.db, { status: 'archived' });
    for (const variantId of ['01900000-0000-7000-8000-000000000000', draft.variantId, archived.variantId]) {
      const { res } = await addToCart(t.app, variantId, 1);
      assert.equal(res.statusCode, 404, variantId);
      assert.equal(json<ErrorShape>(res).error.field, 'variantId');
      assert.equal(res.cookies.length, 0, 'no cart is created for a failed add');
    }
  });

  it('changing a line that is not in the cart is a 404 naming variantId', async () => {
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/cart/lines/${phone.variantId}`,
      payload: { quantity: 1 },
    });
    assert.equal(res.statusCode, 404);
    assert.equal(json<ErrorShape>(res).error.field, 'variantId');
  });

  it('a cookie for no cart is an empty cart; a forged cookie starts a new cart on add', async () => {
    const cookie = '__Host-ac_cart=forged-token-that-matches-nothing';
    let res = await t.app.inject({ method: 'GET', url: '/api/cart', headers: { cookie } });
    assert.deepEqual(cartOf(res.body).lines, []);
    const added = await addToCart(t.app, phone.variantId, 1, cookie);
    assert.equal(added.res.statusCode, 200);
    assert.notEqual(added.cookie, cookie);
    res = await t.app.inject({ method: 'GET', url: '/api/cart', headers: { cookie: added.cookie } });
    assert.equal(cartOf(res.body).lines.length, 1);
  });

  describe('bad input is a 400 naming the field', () => {
    const cases: Array<[string, unknown, string]> = [
      ['negative quantity', { quantity: -1 }, 'quantity'],
      ['zero quantity', { quantity: 0 }, 'quantity'],
      ['fractional quantity', { quantity: 1.5 }, 'quantity'],
      ['huge quantity', { quantity: 1e21 }, 'quantity'],
      ['quantity over 10', { quantity: 11 }, 'quantity'],
      ['quantity as text', { quantity: '2' }, 'quantity'],
      ['missing quantity', {}, 'quantity'],
      ['variantId not a uuid', { variantId: 'abc' }, 'variantId'],
    ];
    for (const [name, patch, field] of cases) {
      it(name, async () => {
        const payload = {
          variantId: '01900000-0000-7000-8000-000000000000',
          quantity: 1,
          ...(patch as object),
        };
        if (name === 'missing quantity') delete (payload as { quantity?: number }).quantity;
        const res = await t.app.inject({ method: 'POST', url: '/api/cart/lines', payload });
        assert.equal(res.statusCode, 400);
        const body = json<ErrorShape>(res);
        assert.equal(body.error.code, 'validation_failed');
        assert.equal(body.error.field, field);
      });
    }

    it('unknown fields', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/cart/lines',
        payload: { variantId: phone.variantId, quantity: 1, price: 1 },
      });
      assert.equal(res.statusCode, 400);
      assert.equal(json<ErrorShape>(res).error.field, 'price');
    });

    it('malformed JSON', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/cart/lines',
        headers: { 'content-type': 'application/json' },
        payload: '{"variantId": ',
      });
      assert.equal(res.statusCode, 400);
      assert.equal(json<ErrorShape>(res).error.code, 'validation_failed');
    });

    it('an oversized body is a 413', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/cart/lines',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ variantId: phone.variantId, quantity: 1, pad: 'x'.repeat(10_000) }),
      });
      assert.equal(res.statusCode, 413);
      assert.equal(json<ErrorShape>(res).error.code, 'payload_too_large');
    });

    it('a PATCH quantity over 10, negative or fractional, and a bad path id', async () => {
      for (const quantity of [11, -1, 0.5]) {
        const res = await t.app.inject({
          method: 'PATCH',
          url: `/api/cart/lines/${phone.variantId}`,
          payload: { quantity },
        });
        assert.equal(res.statusCode, 400);
        assert.equal(json<ErrorShape>(res).error.field, 'quantity');
      }
      const res = await t.app.inject({
        method: 'PATCH',
        url: '/api/cart/lines/nope',
        payload: { quantity: 1 },
      });
      assert.equal(res.statusCode, 400);
      assert.equal(json<ErrorShape>(res).error.field, 'variantId');
    });
  });

  it('GET /api/shipping-methods lists post and express', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/shipping-methods' });
    assert.equal(res.statusCode, 200);
    const body = json<{ methods: Array<{ code: string; tracked: boolean; priceCents: number }> }>(res);
    assert.deepEqual(
      body.methods.map((m) => [m.code, m.tracked, m.priceCents]),
      [
        ['post', false, 490],
        ['express', true, 1490],
      ],
    );
  });
});
