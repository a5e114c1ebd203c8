/**
 * Every back-office route refuses a caller without a staff session. The list of routes comes from the
 * OpenAPI document, so a route added later is covered without touching this test.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { json, startTestApp, type TestApp } from '../helpers/app.ts';

const SOME_UUID = '0190c3d2-0000-7000-8000-000000000000';

describe('back-office authorization', () => {
  let t: TestApp;
  let routes: Array<{ method: string; url: string }> = [];
  before(async () => {
    t = await startTestApp();
    const doc = json<{ paths: Record<string, Record<string, unknown>> }>(
      await t.app.inject({ method: 'GET', url: '/api/docs/json' }),
    );
    routes = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/api/admin/'))
      .flatMap(([path, ops]) =>
        Object.keys(ops)
          .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
          .map((method) => ({ method: method.toUpperCase(), url: path.replace(/\{[^}]+\}/g, SOME_UUID) })),
      );
  });
  after(() => t.close());

  it('the OpenAPI document lists the back-office routes', () => {
    assert.ok(routes.length >= 15, `only ${routes.length} admin routes found`);
  });

  it('an anonymous caller gets 401 with the error shape on every /api/admin route', async () => {
    for (const { method, url } of routes) {
      const res = await t.app.inject({
        method: method as 'GET',
        url,
        ...(method === 'GET' || method === 'DELETE' ? {} : { payload: {} }),
      });
      assert.equal(res.statusCode, 401, `${method} ${url}`);
      assert.equal(json<{ error: { code: string } }>(res).error.code, 'unauthenticated', `${method} ${url}`);
    }
  });

  it('a forged or revoked session cookie gets 401 too', async () => {
    for (const { method, url } of routes.slice(0, 5)) {
      const res = await t.app.inject({
        method: method as 'GET',
        url,
        headers: { cookie: '__Host-ac_staff=forged-token' },
        ...(method === 'GET' || method === 'DELETE' ? {} : { payload: {} }),
      });
      assert.equal(res.statusCode, 401, `${method} ${url}`);
    }
  });
});
