/**
 * Cookie-authenticated writes from anywhere but the shop's own origin are refused (issue 9 item 9): the
 * whole origin counts (scheme, host, port), and `Origin: null` is refused when cookies come with it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../helpers/app.ts';

describe('cross-origin writes', () => {
  let t: TestApp;
  let staff = '';
  before(async () => {
    t = await startTestApp({ env: { PUBLIC_URL: 'https://shop.example:8443' } });
    staff = await t.staffCookie();
  });
  after(() => t.close());

  /** A staff write with an empty body: 403 when refused before the handler, 400 when it got through. */
  const staffWrite = (headers: Record<string, string>) =>
    t.app.inject({
      method: 'POST',
      url: '/api/admin/products',
      headers: { cookie: staff, host: 'shop.internal:3000', ...headers },
      payload: {},
    });

  it('accepts the shop’s own origin: the public one and the one the request was addressed to', async () => {
    for (const origin of [
      'https://shop.example:8443',
      'HTTPS://SHOP.EXAMPLE:8443',
      'http://shop.internal:3000',
      undefined,
    ]) {
      const res = await staffWrite(origin ? { origin } : {});
      assert.notEqual(res.statusCode, 403, `${origin}: ${res.body}`);
      assert.equal(res.statusCode, 400, `${origin} reaches validation`);
    }
    assert.equal((await staffWrite({ 'sec-fetch-site': 'same-origin' })).statusCode, 400);
  });

  it('refuses another scheme, port, host or subdomain, a malformed Origin and cross-site fetches', async () => {
    for (const origin of [
      'http://shop.example:8443',
      'https://shop.example',
      'https://shop.example:443',
      'https://shop.example:9443',
      'https://evil.shop.example:8443',
      'https://shop.example.evil.test:8443',
      'https://shop.internal:3000',
      'http://shop.internal:3001',
      'http://shop.internal',
      'not an origin',
      'file://',
    ]) {
      const res = await staffWrite({ origin });
      assert.equal(res.statusCode, 403, origin);
      assert.equal(res.json().error.code, 'forbidden');
    }
    for (const site of ['cross-site', 'same-site']) {
      assert.equal((await staffWrite({ 'sec-fetch-site': site })).statusCode, 403, site);
    }
  });

  it('refuses Origin: null on writes that carry cookies, API and pages alike', async () => {
    assert.equal((await staffWrite({ origin: 'null' })).statusCode, 403);
    const page = await t.app.inject({
      method: 'POST',
      url: '/orders/lookup',
      headers: {
        origin: 'null',
        cookie: '__Host-ac_cart=x',
        'content-type': 'application/x-www-form-urlencoded',
      },
      payload: 'reference=AC-26-00001&email=a%40example.com',
    });
    assert.equal(page.statusCode, 403);
    // Without cookies there is no session to ride on: a cookieless client may still say null.
    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/api/orders/lookup',
      headers: { origin: 'null' },
      payload: { reference: 'AC-26-00001', email: 'a@example.com' },
    });
    assert.equal(anonymous.statusCode, 404);
  });

  it('reads are never refused, and signed webhooks are not cookie-authenticated', async () => {
    const read = await t.app.inject({
      url: '/api/admin/products',
      headers: { cookie: staff, origin: 'https://evil.test' },
    });
    assert.equal(read.statusCode, 200);
    const hook = await t.app.inject({
      method: 'POST',
      url: '/api/payments/webhooks/test-card',
      headers: { origin: 'https://processor.test', 'sec-fetch-site': 'cross-site' },
      payload: {},
    });
    assert.notEqual(hook.statusCode, 403);
  });
});
