/**
 * Session cookies carry the `__Host-` prefix when cookies are Secure (issue 9 item 9): set Secure, for
 * Path=/, without Domain; a bare cookie of the same name (planted by a sibling subdomain or over plain
 * HTTP) is not read. With COOKIE_SECURE=false (plain HTTP) the shop keeps working under the bare names.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { OWNER_EMAIL, OWNER_PASSWORD, startTestApp } from '../helpers/app.ts';
import { addToCart } from '../helpers/orders-fixtures.ts';

async function signedIn(t: Awaited<ReturnType<typeof startTestApp>>) {
  return t.app.inject({
    method: 'POST',
    url: '/api/staff/session',
    payload: { email: OWNER_EMAIL, password: OWNER_PASSWORD },
  });
}

async function someVariant(t: Awaited<ReturnType<typeof startTestApp>>): Promise<string> {
  const list = (await t.app.inject({ url: '/api/products?limit=1' })).json() as {
    items: Array<{ slug: string }>;
  };
  const product = (await t.app.inject({ url: `/api/products/${list.items[0]?.slug}` })).json() as {
    variants: Array<{ id: string }>;
  };
  return product.variants[0]?.id as string;
}

describe('session cookie names', () => {
  it('Secure cookies are __Host- cookies, and only the prefixed name is read', async () => {
    const t = await startTestApp({ seed: true });
    try {
      const session = await signedIn(t);
      const raw = String(session.headers['set-cookie']);
      assert.match(raw, /^__Host-ac_staff=[^;]+;/);
      assert.match(raw, /Path=\/(;|$)/);
      assert.match(raw, /Secure/);
      assert.doesNotMatch(raw, /Domain=/i);
      const token = session.cookies[0]?.value as string;
      const me = (cookie: string) => t.app.inject({ url: '/api/staff/session', headers: { cookie } });
      assert.equal((await me(`__Host-ac_staff=${token}`)).statusCode, 200);
      assert.equal((await me(`ac_staff=${token}`)).statusCode, 401, 'the bare name is not read');

      const { res } = await addToCart(t.app, await someVariant(t), 1);
      const cart = String(res.headers['set-cookie']);
      assert.match(cart, /^__Host-ac_cart=[^;]+;.*Path=\/;.*Secure/);
      assert.doesNotMatch(cart, /Domain=/i);
      const cartToken = res.cookies[0]?.value as string;
      const lines = async (cookie: string) =>
        (
          (await t.app.inject({ url: '/api/cart', headers: { cookie } })).json() as {
            cart: { lines: unknown[] };
          }
        ).cart.lines.length;
      assert.equal(await lines(`__Host-ac_cart=${cartToken}`), 1);
      assert.equal(await lines(`ac_cart=${cartToken}`), 0, 'the bare name is not read');

      const signOut = await t.app.inject({
        method: 'DELETE',
        url: '/api/staff/session',
        headers: { cookie: `__Host-ac_staff=${token}` },
      });
      assert.match(String(signOut.headers['set-cookie']), /^__Host-ac_staff=;.*Path=\/;.*Secure/);

      const doc = (await t.app.inject({ url: '/api/docs/json' })).json() as {
        components: { securitySchemes: Record<string, { name: string }> };
      };
      assert.equal(doc.components.securitySchemes.staffSession?.name, '__Host-ac_staff');
      assert.equal(doc.components.securitySchemes.cart?.name, '__Host-ac_cart');
    } finally {
      await t.close();
    }
  });

  it('on plain HTTP (COOKIE_SECURE=false) the bare names work, without Secure', async () => {
    const t = await startTestApp({ seed: true, env: { COOKIE_SECURE: 'false' } });
    try {
      const session = await signedIn(t);
      const raw = String(session.headers['set-cookie']);
      assert.match(raw, /^ac_staff=/);
      assert.doesNotMatch(raw, /Secure/);
      const me = await t.app.inject({
        url: '/api/staff/session',
        headers: { cookie: `ac_staff=${session.cookies[0]?.value}` },
      });
      assert.equal(me.statusCode, 200);
      const { res } = await addToCart(t.app, await someVariant(t), 1);
      assert.match(String(res.headers['set-cookie']), /^ac_cart=/);
    } finally {
      await t.close();
    }
  });
});
