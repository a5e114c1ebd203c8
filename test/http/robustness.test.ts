/**
 * Input that used to reach PostgreSQL or React Router unchecked and came back as a 500: each case here is now
 * a 4xx naming what was wrong. The fuzz suite (fuzz/suite.ts) walks every route; these pin the decisions
 * (which status, which field, which limit) one by one.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { productVariants } from '../../src/catalog/schema.ts';
import { MAX_ORDER_TOTAL_CENTS } from '../../src/shared/limits.ts';
import { json, startTestApp, type TestApp } from '../helpers/app.ts';
import {
  addToCart,
  checkoutPayload,
  countRows,
  createProduct,
  placeOrder,
  sampleAddress,
  stockOf,
} from '../helpers/orders-fixtures.ts';

type ErrorBody = { error: { code: string; message: string; field?: string } };
const FORM = { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' };
const cursorOf = (...parts: unknown[]) => Buffer.from(JSON.stringify(parts)).toString('base64url');
const SOME_UUID = '0190c3d2-0000-7000-8000-000000000000';

describe('robustness', () => {
  let t: TestApp;
  let staff = '';
  before(async () => {
    t = await startTestApp();
    staff = await t.staffCookie();
  });
  after(() => t.close());

  function expectField(res: { statusCode: number; body: string }, field: string, status = 400): void {
    assert.equal(res.statusCode, status, res.body);
    assert.equal(json<ErrorBody>(res as never).error.field, field, res.body);
  }

  describe('text that is not text is a 400 naming its field', () => {
    it('NUL in the catalog search, a product slug or a cursor', async () => {
      expectField(await t.app.inject({ method: 'GET', url: '/api/products?q=a%00' }), 'q');
      expectField(await t.app.inject({ method: 'GET', url: '/api/products/%00' }), 'slug');
      expectField(await t.app.inject({ method: 'GET', url: '/api/products?cursor=%00' }), 'cursor');
    });

    it('NUL or a lone surrogate in a checkout address, before any order is written', async () => {
      const product = await createProduct(t.ctx.db);
      const { cookie } = await addToCart(t.app, product.variantId, 1);
      for (const [field, value] of [
        ['name', 'Ada\u0000Lovelace'],
        ['line1', '12 Analytical Row \ud800'],
        ['city', 'Lon\udc00don'],
        ['line2', 'Flat\u00072'],
      ] as const) {
        const payload = checkoutPayload({ shippingAddress: { ...sampleAddress, [field]: value } });
        expectField(await placeOrder(t.app, cookie, payload), `shippingAddress.${field}`);
      }
      assert.equal(await countRows(t.ctx.db, 'orders'), 0);
      assert.equal(await stockOf(t.ctx.db, product.variantId), 5);
    });

    it('NUL in an order lookup reference or email', async () => {
      for (const body of [
        { reference: 'AC-26-\u000000001', email: 'a@example.com' },
        { reference: 'AC-26-00001', email: 'a\u0000@example.com' },
      ]) {
        const res = await t.app.inject({ method: 'POST', url: '/api/orders/lookup', payload: body });
        expectField(res, body.email.includes('\u0000') ? 'email' : 'reference');
      }
    });

    it('NUL in a back-office product name; line breaks stay allowed in a description', async () => {
      const product = {
        name: 'Phone\u0000',
        brand: 'Brand',
        category: 'smartphone',
        summary: 'A phone',
        description: 'First line.\nSecond line.',
        variants: [{ sku: 'ROB-1', name: '128 GB', priceCents: 100, stock: 1 }],
      };
      const headers = { cookie: staff };
      const url = '/api/admin/products';
      expectField(await t.app.inject({ method: 'POST', url, headers, payload: product }), 'name');
      const created = await t.app.inject({
        method: 'POST',
        url,
        headers,
        payload: { ...product, name: 'Phone' },
      });
      assert.equal(created.statusCode, 201, created.body);
      const withNul = { ...product, name: 'Phone', description: 'Tab\tand NUL\u0000' };
      expectField(await t.app.inject({ method: 'POST', url, headers, payload: withNul }), 'description');
    });

    it('NUL in a cancel reason', async () => {
      const product = await createProduct(t.ctx.db);
      const { cookie } = await addToCart(t.app, product.variantId, 1);
      const placed = await placeOrder(t.app, cookie);
      assert.equal(placed.statusCode, 201, placed.body);
      const list = await t.app.inject({
        method: 'GET',
        url: '/api/admin/orders',
        headers: { cookie: staff },
      });
      const id = json<{ items: Array<{ id: string }> }>(list).items[0]?.id;
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/admin/orders/${id}/cancel`,
        headers: { cookie: staff },
        payload: { reason: 'Out of\u0000stock' },
      });
      expectField(res, 'reason');
    });
  });

  describe('numbers and dates that pass a schema also fit their column', () => {
    it('the cart refuses a line that takes its subtotal past the largest order, and stores nothing of it', async () => {
      // The reported case: 22 variants at $100,000 × 10 would total 2,200,000,000 cents, past 32 bits.
      const dear = await Promise.all(
        Array.from({ length: 3 }, () => createProduct(t.ctx.db, { priceCents: 10_000_000, stock: 10 })),
      );
      const first = await addToCart(t.app, (dear[0] as { variantId: string }).variantId, 10);
      assert.equal(first.res.statusCode, 200, first.res.body);
      const second = await addToCart(t.app, (dear[1] as { variantId: string }).variantId, 10, first.cookie);
      expectField(second.res, 'quantity', 409);
      assert.match(json<ErrorBody>(second.res).error.message, /at most \$1,000,000\.00/);
      const cart = await t.app.inject({ method: 'GET', url: '/api/cart', headers: { cookie: first.cookie } });
      const view = json<{ cart: { lines: unknown[]; subtotalCents: number } }>(cart).cart;
      assert.equal(view.lines.length, 1);
      assert.equal(view.subtotalCents, MAX_ORDER_TOTAL_CENTS);
    });

    it('checkout refuses a cart whose prices rose past the largest order since, with nothing written', async () => {
      const a = await createProduct(t.ctx.db, { priceCents: 9_000_000, stock: 10 });
      const b = await createProduct(t.ctx.db, { priceCents: 10_000_000, stock: 10 });
      const { cookie } = await addToCart(t.app, a.variantId, 10);
      const both = await addToCart(t.app, b.variantId, 1, cookie);
      assert.equal(both.res.statusCode, 200, both.res.body);
      await t.ctx.db
        .update(productVariants)
        .set({ priceCents: 10_000_000 })
        .where(eq(productVariants.id, a.variantId));
      const orders = await countRows(t.ctx.db, 'orders');
      const res = await placeOrder(t.app, both.cookie);
      expectField(res, 'total', 409);
      assert.equal(await countRows(t.ctx.db, 'orders'), orders);
      assert.equal(await stockOf(t.ctx.db, a.variantId), 10);
      // Lowering a quantity in that cart stays possible, and then the order goes through.
      const lower = await t.app.inject({
        method: 'PATCH',
        url: `/api/cart/lines/${a.variantId}`,
        headers: { cookie: both.cookie },
        payload: { quantity: 9 },
      });
      assert.equal(lower.statusCode, 200, lower.body);
      assert.equal((await placeOrder(t.app, both.cookie)).statusCode, 201);
    });

    it('a cursor holding year 0000, month 13 or a rank no real holds is a 400 on cursor', async () => {
      for (const cursor of [
        cursorOf('newest', '0000-01-01T00:00:00.000000Z', SOME_UUID),
        cursorOf('newest', '2026-13-45T10:00:00.000000Z', SOME_UUID),
        cursorOf('price_asc', 2 ** 40, SOME_UUID),
      ]) {
        expectField(await t.app.inject({ method: 'GET', url: `/api/products?cursor=${cursor}` }), 'cursor');
      }
      const rank = cursorOf('relevance', '-0.1e-99999', SOME_UUID);
      expectField(
        await t.app.inject({ method: 'GET', url: `/api/products?q=phone&cursor=${rank}` }),
        'cursor',
      );
      const instant = cursorOf('newest', '0000-01-01T00:00:00.000Z', SOME_UUID);
      for (const url of [`/api/admin/orders?cursor=${instant}`, `/api/admin/mail?cursor=${instant}`]) {
        expectField(await t.app.inject({ method: 'GET', url, headers: { cookie: staff } }), 'cursor');
      }
    });

    it('an empty cursor is no cursor', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/products?cursor=' });
      assert.equal(res.statusCode, 200, res.body);
    });

    it('a date in year 0000 is a 400 on its field, with or without an offset', async () => {
      for (const [query, field] of [
        ['from=0000-01-01T00:00:00Z', 'from'],
        ['to=0001-01-01T00:30:00%2B01:00', 'to'],
        ['from=2026-02-30T00:00:00Z', 'from'],
      ] as const) {
        const res = await t.app.inject({
          method: 'GET',
          url: `/api/admin/orders?${query}`,
          headers: { cookie: staff },
        });
        expectField(res, field);
      }
    });
  });

  describe('pages answer 4xx for requests they cannot read', () => {
    it('a page action answers 415 for a body that is not a form and 400 for a broken multipart one', async () => {
      for (const url of ['/cart', '/checkout', '/orders/lookup', '/products/anything']) {
        const asJson = await t.app.inject({
          method: 'POST',
          url,
          headers: { ...FORM, 'content-type': 'application/json' },
          payload: '{"variantId":"x"}',
        });
        assert.equal(asJson.statusCode, 415, `${url}: ${asJson.statusCode}`);
        assert.match(asJson.body, /We could not handle that request/);
        const text = await t.app.inject({
          method: 'POST',
          url,
          headers: { ...FORM, 'content-type': 'text/plain' },
          payload: 'reference=AC',
        });
        assert.equal(text.statusCode, 415, `${url}: ${text.statusCode}`);
        const broken = await t.app.inject({
          method: 'POST',
          url,
          headers: { ...FORM, 'content-type': 'multipart/form-data; boundary=x' },
          payload: '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nno end',
        });
        assert.equal(broken.statusCode, 400, `${url}: ${broken.statusCode}`);
      }
    });

    it('the lookup form refuses NUL at its field and keeps what was typed', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/orders/lookup',
        headers: FORM,
        payload: 'reference=AC-26-%0000001&email=ada%40example.com',
      });
      assert.equal(res.statusCode, 400);
      assert.match(res.body, /Enter the order reference/);
      assert.match(res.body, /value="ada@example.com"/);
    });

    it('TRACE, PUT and DELETE on a page are 405 with the methods pages answer; PROPFIND is a 404', async () => {
      for (const method of ['TRACE', 'PUT', 'DELETE'] as const) {
        const res = await t.app.inject({ method: method as 'GET', url: '/cart', payload: 'x' });
        assert.equal(res.statusCode, 405, `${method}: ${res.statusCode}`);
        assert.equal(res.headers.allow, 'GET, HEAD, POST');
      }
      // Methods no route is registered for reach the not-found handler.
      assert.equal((await t.app.inject({ method: 'PROPFIND' as 'GET', url: '/' })).statusCode, 404);
    });

    it('a page requested with a Host header that is no host is a 400', async () => {
      for (const host of ['bad host', 'x:99999', '[::1']) {
        const res = await t.app.inject({ method: 'GET', url: '/', headers: { host } });
        assert.equal(res.statusCode, 400, `${host}: ${res.statusCode}`);
      }
    });

    it('a page address holding NUL or broken percent-encoding is a 400', async () => {
      for (const url of ['/search?q=%00', '/products/%00', '/products/%C0%80', '/products?cursor=a%00']) {
        const res = await t.app.inject({ method: 'GET', url });
        assert.equal(res.statusCode, 400, `${url}: ${res.statusCode}`);
      }
      // Line breaks in a query are text; the search simply finds nothing.
      assert.equal((await t.app.inject({ method: 'GET', url: '/search?q=a%0Ab' })).statusCode, 200);
    });
  });
});
