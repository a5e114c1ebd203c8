import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { products } from '../../src/catalog/schema.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { json, startTestApp, type TestApp } from '../helpers/app.ts';

interface List {
  items: Array<{ id: string; slug: string; name: string }>;
}

describe('catalog micro-cache', () => {
  let t: TestApp;
  const clock = fixedClock('2026-06-01T12:00:00Z');
  let first: { id: string; slug: string; name: string };
  let staff: string;

  before(async () => {
    t = await startTestApp({ seed: true, clock, env: { CATALOG_CACHE_MS: '1000' } });
    staff = await t.staffCookie();
    const list = json<List>(await t.app.inject({ method: 'GET', url: '/api/products?limit=5' }));
    first = list.items[0] as typeof first;
  });
  after(() => t.close());

  const names = async (headers: Record<string, string> = {}) =>
    json<List>(await t.app.inject({ method: 'GET', url: '/api/products?limit=5', headers })).items.map(
      (p) => p.name,
    );

  it('serves a list from memory within its time-to-live, then reads the database again', async () => {
    await names();
    await t.ctx.db
      .update(products)
      .set({ name: 'Renamed behind the cache' })
      .where(eq(products.id, first.id));
    assert.ok(!(await names()).includes('Renamed behind the cache'), 'still the cached copy');
    assert.ok(
      (await names({ 'cache-control': 'no-cache' })).includes('Renamed behind the cache'),
      'no-cache reads through',
    );
    clock.advance(1_001);
    assert.ok((await names()).includes('Renamed behind the cache'), 'expired: read again');
  });

  it('a change made through the back office shows at once', async () => {
    await names();
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/admin/products/${first.id}`,
      headers: { cookie: staff },
      payload: { name: 'Renamed by staff' },
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.ok((await names()).includes('Renamed by staff'));
  });

  it('a cached answer keeps its ETag, and a matching If-None-Match gets 304', async () => {
    const a = await t.app.inject({ method: 'GET', url: `/api/products/${first.slug}` });
    const b = await t.app.inject({ method: 'GET', url: `/api/products/${first.slug}` });
    assert.equal(a.statusCode, 200);
    assert.equal(b.body, a.body);
    assert.equal(b.headers.etag, a.headers.etag);
    assert.match(String(b.headers['cache-control']), /max-age=30/);
    const c = await t.app.inject({
      method: 'GET',
      url: `/api/products/${first.slug}`,
      headers: { 'if-none-match': String(a.headers.etag) },
    });
    assert.equal(c.statusCode, 304);
    assert.equal(c.body, '');
  });

  it('a cached answer still passes the security headers and the rate limit, and is the same bytes', async () => {
    const url = '/api/products?limit=3';
    const miss = await t.app.inject({ method: 'GET', url });
    const hit = await t.app.inject({ method: 'GET', url });
    assert.equal(hit.statusCode, 200);
    assert.equal(hit.headers.etag, miss.headers.etag, 'answered from the cache');
    assert.equal(hit.rawPayload.equals(miss.rawPayload), true);
    assert.equal(hit.headers['content-type'], 'application/json; charset=utf-8');
    assert.equal(hit.headers['content-length'], String(miss.rawPayload.length));
    for (const name of ['x-content-type-options', 'strict-transport-security', 'x-frame-options']) {
      assert.equal(hit.headers[name], miss.headers[name], name);
      assert.ok(hit.headers[name], name);
    }
    const remaining = (r: typeof hit) => Number(r.headers['x-ratelimit-remaining']);
    assert.equal(remaining(hit), remaining(miss) - 1, 'the hit is counted by the rate limit');
  });

  it('errors are never cached', async () => {
    const miss = await t.app.inject({ method: 'GET', url: '/api/products/no-such-product' });
    assert.equal(miss.statusCode, 404);
    assert.equal(miss.headers.etag, undefined);
  });
});
