/**
 * Answers that carry personal data are sent with `Cache-Control: no-store` (issue 9 item 9): every route of
 * the OpenAPI document under the personal prefixes, signed in or not, success or error, and the personal
 * pages however their address is spelled. Public reads stay cacheable.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { json, startTestApp, type TestApp } from '../helpers/app.ts';
import { addToCart } from '../helpers/orders-fixtures.ts';

const SOME_UUID = '0190c3d2-0000-7000-8000-000000000000';
const PERSONAL_API = [
  '/api/admin/',
  '/api/cart',
  '/api/orders/',
  '/api/staff/',
  '/api/checkout',
  '/api/test-processor/',
];

describe('personal answers are never cacheable', () => {
  let t: TestApp;
  let staff = '';
  let routes: Array<{ method: string; url: string }> = [];
  before(async () => {
    t = await startTestApp({ seed: true });
    staff = await t.staffCookie();
    const doc = json<{ paths: Record<string, Record<string, unknown>> }>(
      await t.app.inject({ method: 'GET', url: '/api/docs/json' }),
    );
    routes = Object.entries(doc.paths)
      .filter(([path]) => PERSONAL_API.some((prefix) => path.startsWith(prefix)))
      .flatMap(([path, ops]) =>
        Object.keys(ops)
          .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
          .map((method) => ({ method: method.toUpperCase(), url: path.replace(/\{[^}]+\}/g, SOME_UUID) })),
      );
  });
  after(() => t.close());

  it('every personal API route answers no-store, anonymous or signed in', async () => {
    assert.ok(routes.length >= 25, `only ${routes.length} personal routes found`);
    for (const { method, url } of routes) {
      if (method === 'DELETE' && url === '/api/staff/session') continue; // would sign the walk out
      for (const cookie of [undefined, staff]) {
        const res = await t.app.inject({
          method: method as 'GET',
          url,
          headers: cookie ? { cookie } : {},
          ...(method === 'GET' || method === 'DELETE' ? {} : { payload: {} }),
        });
        assert.equal(res.headers['cache-control'], 'no-store', `${method} ${url} (${res.statusCode})`);
      }
    }
  });

  it('a staff session, a cart and an order lookup answer no-store when they succeed', async () => {
    const session = await t.app.inject({ url: '/api/staff/session', headers: { cookie: staff } });
    assert.equal(session.statusCode, 200);
    assert.equal(session.headers['cache-control'], 'no-store');
    const { cookie } = await addToCart(t.app, await someVariantId(t), 1);
    const cart = await t.app.inject({ url: '/api/cart', headers: { cookie } });
    assert.equal(cart.statusCode, 200);
    assert.equal(cart.headers['cache-control'], 'no-store');
  });

  it('personal pages answer no-store, however their address is spelled; public pages stay cacheable', async () => {
    for (const url of [
      '/cart',
      '/Cart/',
      '/cart.data',
      '/checkout',
      '/orders/lookup',
      '/orders/lookup.data',
      '/orders/view?t=not-a-token',
      '/orders/claim?token=not-a-token',
      '/orders/case.data?token=not-a-token&ref=RMA-26-00001',
      '/admin',
      '/admin/sign-in',
      '/Admin/Orders/',
      '/admin/settings.data',
    ]) {
      const res = await t.app.inject({ url, headers: { cookie: staff } });
      assert.equal(res.headers['cache-control'], 'no-store', `${url} (${res.statusCode})`);
    }
    const post = await t.app.inject({
      method: 'POST',
      url: '/orders/lookup',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' },
      payload: 'reference=AC-26-00001&email=a%40example.com',
    });
    assert.equal(post.headers['cache-control'], 'no-store', `POST /orders/lookup (${post.statusCode})`);
    for (const url of ['/', '/products', '/api/products']) {
      const res = await t.app.inject({ url });
      assert.notEqual(res.headers['cache-control'], 'no-store', url);
    }
  });
});

async function someVariantId(t: TestApp): Promise<string> {
  const list = json<{ items: Array<{ slug: string }> }>(await t.app.inject({ url: '/api/products' }));
  const product = json<{ variants: Array<{ id: string }> }>(
    await t.app.inject({ url: `/api/products/${list.items[0]?.slug}` }),
  );
  return product.variants[0]?.id as string;
}
