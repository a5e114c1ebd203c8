/** PV-SEC-1: encryption in transit (HSTS, Secure cookies) and passwords stored only as slow salted hashes. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { hashPassword } from '../../src/accounts/passwords.ts';
import { staffUsers } from '../../src/accounts/schema.ts';
import { json, OWNER_EMAIL, OWNER_PASSWORD, startTestApp, type TestApp } from '../helpers/app.ts';

describe('transport and password security, PV-SEC-1', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ seed: true });
  });
  after(() => t.close());

  it('every answer, API and page, tells browsers to use HTTPS only for a year (HSTS), PV-SEC-1', async () => {
    for (const url of ['/api/health', '/api/products', '/', '/admin/sign-in', '/no-such-page']) {
      const res = await t.app.inject({ method: 'GET', url });
      assert.equal(res.headers['strict-transport-security'], 'max-age=31536000; includeSubDomains', url);
    }
  });

  it('the session and cart cookies are Secure and HttpOnly, so they never travel over plain HTTP, PV-SEC-1', async () => {
    const session = await t.app.inject({
      method: 'POST',
      url: '/api/staff/session',
      payload: { email: OWNER_EMAIL, password: OWNER_PASSWORD },
    });
    const products = json<{ items: Array<{ slug: string }> }>(
      await t.app.inject({ method: 'GET', url: '/api/products?limit=1' }),
    );
    const slug = products.items[0]?.slug as string;
    const product = json<{ variants: Array<{ id: string }> }>(
      await t.app.inject({ method: 'GET', url: `/api/products/${slug}` }),
    );
    const cart = await t.app.inject({
      method: 'POST',
      url: '/api/cart/lines',
      payload: { variantId: product.variants[0]?.id, quantity: 1 },
    });
    assert.equal(cart.statusCode, 200, cart.body);
    for (const [res, name] of [
      [session, '__Host-ac_staff'],
      [cart, '__Host-ac_cart'],
    ] as const) {
      const cookie = res.cookies.find((c) => c.name === name);
      assert.ok(cookie, `${name} is set`);
      assert.equal(cookie.secure, true, `${name} is Secure`);
      assert.equal(cookie.httpOnly, true, `${name} is HttpOnly`);
    }
  });

  it('a password is stored only as an argon2id hash at OWASP cost, salted: the same password twice gives two hashes, PV-SEC-1', async () => {
    const [owner] = await t.ctx.db
      .select({ hash: staffUsers.passwordHash })
      .from(staffUsers)
      .where(eq(staffUsers.email, OWNER_EMAIL));
    const stored = owner?.hash ?? '';
    assert.match(stored, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    assert.ok(!stored.includes(OWNER_PASSWORD));
    assert.notEqual(await hashPassword(OWNER_PASSWORD), await hashPassword(OWNER_PASSWORD));
  });
});
