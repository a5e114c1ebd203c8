/**
 * The storefront's account pages over HTTP (issue 12): never stored by a cache while public pages keep their
 * caching; a form's sign-in sets the session cookie and the header then says "Account"; sign-out only by
 * POST; a session id of another customer ends nothing; an order placed while signed in joins the account;
 * the forms refuse wrong input at the field, keeping what was typed.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { desc, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { customers } from '../../src/accounts/customers/schema.ts';
import { signUp, verifyEmail } from '../../src/accounts/customers/sign-up.service.ts';
import { mailOutbox } from '../../src/messaging/schema.ts';
import { orders } from '../../src/orders/schema.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { addToCart, createProduct } from '../helpers/orders-fixtures.ts';

const FORM = { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' };
const META = { ip: '203.0.113.9', userAgent: 'test' };
const COOKIE = '__Host-ac_customer';

function sessionCookie(res: LightMyRequestResponse): string {
  const c = res.cookies.find((x) => x.name === COOKIE);
  return c ? `${COOKIE}=${c.value}` : '';
}

describe('account pages', () => {
  let t: TestApp;
  const post = (url: string, fields: Record<string, string>, cookie = '') =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { ...FORM, ...(cookie ? { cookie } : {}) },
      payload: new URLSearchParams(fields).toString(),
    });

  /** A confirmed account through the services, as the sign-up page and the emailed link make it. */
  async function account(email: string, password: string): Promise<void> {
    await signUp(t.ctx, { email, password, name: 'Test Person' }, META);
    const [mail] = await t.ctx.db
      .select({ textBody: mailOutbox.textBody })
      .from(mailOutbox)
      .where(eq(mailOutbox.toAddress, email))
      .orderBy(desc(mailOutbox.id))
      .limit(1);
    const token = /\/account\/verify\?token=([^\s"<>)]+)/.exec(mail?.textBody ?? '')?.[1];
    assert.ok(token, 'a verification link was emailed');
    await verifyEmail(t.ctx, decodeURIComponent(token));
  }

  async function signIn(email: string, password: string): Promise<string> {
    const res = await post('/account/sign-in', { email, password, next: '/account' });
    assert.equal(res.statusCode, 303, res.body);
    assert.equal(res.headers.location, '/account');
    const cookie = sessionCookie(res);
    assert.ok(cookie, 'the session cookie is set');
    return cookie;
  }

  before(async () => {
    t = await startTestApp();
    await account('ada@example.com', 'Tulip orbit canyon-42');
    await account('bob@example.com', 'Harbour lantern violet-97');
  });
  after(() => t.close());

  it('account pages are no-store; public pages keep their caching when a customer is signed in, and the header says "Account"', async () => {
    const signInPage = await t.app.inject({ url: '/account/sign-in' });
    assert.equal(signInPage.statusCode, 200);
    assert.equal(signInPage.headers['cache-control'], 'no-store');
    assert.match(signInPage.body, /autoComplete|autocomplete="current-password"/);

    const anonymous = await t.app.inject({ url: '/policies/after-sales' });
    assert.equal(anonymous.headers['cache-control'], 'private, no-cache');
    assert.match(anonymous.body, /href="\/account\/sign-in"[^>]*>.*?Sign in/s);

    const cookie = await signIn('ada@example.com', 'Tulip orbit canyon-42');
    const signedIn = await t.app.inject({ url: '/policies/after-sales', headers: { cookie } });
    assert.equal(signedIn.headers['cache-control'], 'private, no-cache');
    assert.match(signedIn.body, /href="\/account"[^>]*>.*?Account/s);

    const page = await t.app.inject({ url: '/account', headers: { cookie } });
    assert.equal(page.statusCode, 200);
    assert.equal(page.headers['cache-control'], 'no-store');
    assert.match(page.body, /ada@example\.com/);
  });

  it('an account page without a session goes to sign-in and comes back; a wrong sign-in keeps the email and says nothing of which half was wrong', async () => {
    const res = await t.app.inject({ url: '/account/security' });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/account/sign-in?next=%2Faccount%2Fsecurity');

    const unknown = await post('/account/sign-in', {
      email: 'nobody@example.com',
      password: 'Whatever it-is 1',
    });
    const wrong = await post('/account/sign-in', { email: 'bob@example.com', password: 'Whatever it-is 1' });
    assert.equal(unknown.statusCode, 401);
    assert.equal(wrong.statusCode, 401);
    const words = (body: string) =>
      /role="alert".*?<\/div><\/div>/s.exec(body)?.[0].replace(/value="[^"]*"/g, '');
    assert.equal(words(unknown.body), words(wrong.body));
    assert.match(wrong.body, /value="bob@example\.com"/);

    const open = await post('/account/sign-in', {
      email: 'bob@example.com',
      password: 'Harbour lantern violet-97',
      next: 'https://evil.example/',
    });
    assert.equal(open.headers.location, '/account', 'no open redirect');
  });

  it('sign-out is a POST: a GET changes nothing, the POST ends the session and its cookie opens nothing after', async () => {
    const cookie = await signIn('bob@example.com', 'Harbour lantern violet-97');
    const get = await t.app.inject({ url: '/account/sign-out', headers: { cookie } });
    assert.equal(get.statusCode, 303);
    assert.equal((await t.app.inject({ url: '/account', headers: { cookie } })).statusCode, 200);

    const out = await post('/account/sign-out', {}, cookie);
    assert.equal(out.statusCode, 303);
    assert.match(String(out.headers['set-cookie']), new RegExp(`${COOKIE}=; Max-Age=0`));
    const after = await t.app.inject({ url: '/account', headers: { cookie } });
    assert.equal(after.statusCode, 303);
    assert.match(String(after.headers.location), /^\/account\/sign-in/);
  });

  it("ending a session by id: another customer's session id ends nothing; ending all others keeps this one", async () => {
    const ada1 = await signIn('ada@example.com', 'Tulip orbit canyon-42');
    const ada2 = await signIn('ada@example.com', 'Tulip orbit canyon-42');
    const bob = await signIn('bob@example.com', 'Harbour lantern violet-97');
    const bobPage = await t.app.inject({ url: '/account/security', headers: { cookie: bob } });
    const bobSessionId = /name="sessionId" value="([0-9a-f-]{36})"/.exec(bobPage.body)?.[1];
    assert.ok(bobSessionId);

    const tried = await post('/account/security', { intent: 'end', sessionId: bobSessionId }, ada1);
    assert.equal(tried.statusCode, 303);
    assert.equal((await t.app.inject({ url: '/account', headers: { cookie: bob } })).statusCode, 200);

    const others = await post('/account/security', { intent: 'end-others' }, ada1);
    assert.equal(others.statusCode, 303);
    assert.equal((await t.app.inject({ url: '/account', headers: { cookie: ada1 } })).statusCode, 200);
    assert.equal((await t.app.inject({ url: '/account', headers: { cookie: ada2 } })).statusCode, 303);
  });

  it('the profile form refuses a bad phone at its field keeping what was typed; a change of email needs the password', async () => {
    const cookie = await signIn('ada@example.com', 'Tulip orbit canyon-42');
    const bad = await post(
      '/account/profile',
      { intent: 'profile', name: 'Ada L.', phone: 'call me' },
      cookie,
    );
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /id="field-phone-error"/);
    assert.match(bad.body, /value="call me"/);
    assert.match(bad.body, /value="Ada L\."/);

    // The API's name rules hold on the page too: nothing invisible, no control characters; nothing saved.
    const nameBefore = (
      await t.ctx.db.select().from(customers).where(eq(customers.email, 'ada@example.com'))
    )[0]?.name;
    for (const name of ['\u200b\u200b', 'Ada\u0000L', 'Ada\nL']) {
      const refused = await post('/account/profile', { intent: 'profile', name, phone: '' }, cookie);
      assert.equal(refused.statusCode, 400, JSON.stringify(name));
      assert.match(refused.body, /id="field-name-error"/);
    }
    const bogus = await post('/account/profile', { intent: 'bogus', name: 'Mallory', phone: '' }, cookie);
    assert.equal(bogus.statusCode, 400);
    const [stored] = await t.ctx.db.select().from(customers).where(eq(customers.email, 'ada@example.com'));
    assert.equal(stored?.name, nameBefore, 'the stored name is unchanged');

    const wrong = await post(
      '/account/profile',
      { intent: 'email', newEmail: 'ada.new@example.com', password: 'not my password' },
      cookie,
    );
    assert.equal(wrong.statusCode, 400);
    assert.match(wrong.body, /id="field-email-password-error"/);
    assert.match(wrong.body, /value="ada\.new@example\.com"/);
  });

  it('checkout while signed in starts from the account and the order joins it', async () => {
    const cookie = await signIn('bob@example.com', 'Harbour lantern violet-97');
    const p = await createProduct(t.ctx.db, { stock: 5 });
    const cart = await addToCart(t.app, p.variantId, 1);
    const both = `${cart.cookie}; ${cookie}`;
    const page = await t.app.inject({ url: '/checkout', headers: { cookie: both } });
    assert.match(
      page.body,
      /name="email"[^>]*value="bob@example\.com"|value="bob@example\.com"[^>]*name="email"/,
    );
    const idempotencyKey = /name="idempotencyKey" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const placed = await post(
      '/checkout',
      {
        idempotencyKey,
        email: 'bob@example.com',
        'shippingAddress.name': 'Bob Person',
        'shippingAddress.line1': '1 Navy Yard',
        'shippingAddress.city': 'Arlington',
        'shippingAddress.postalCode': '22202',
        'shippingAddress.country': 'US',
        shippingMethod: 'post',
        'payment.method': 'bank_transfer',
      },
      both,
    );
    assert.equal(placed.statusCode, 303, placed.body.slice(0, 500));
    const rows = await t.ctx.db.select({ customerId: orders.customerId }).from(orders);
    assert.equal(rows.length, 1);
    assert.ok(rows[0]?.customerId, 'the order belongs to the account');
    const list = await t.app.inject({ url: '/account', headers: { cookie } });
    assert.ok(
      /Order AC-\d\d-\d{5}/.test(list.body.replaceAll('<!-- -->', '')),
      'the account lists the order',
    );
  });
});

describe('account pages: links act only on a POST, and the forms share the per-IP limit of the API', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ env: { CUSTOMER_AUTH_PER_MINUTE: '3' } });
  });
  after(() => t.close());

  it('opening the emailed verification link changes nothing (mail scanners open links); its button confirms once', async () => {
    await signUp(t.ctx, { email: 'cy@example.com', password: 'Quiet meadow river-81', name: 'Cy' }, META);
    const [mail] = await t.ctx.db
      .select({ textBody: mailOutbox.textBody })
      .from(mailOutbox)
      .where(eq(mailOutbox.toAddress, 'cy@example.com'));
    const path = /\/account\/verify\?token=[^\s"<>)]+/.exec(mail?.textBody ?? '')?.[0];
    assert.ok(path);
    for (let i = 0; i < 2; i++) {
      const opened: LightMyRequestResponse = await t.app.inject({ url: path });
      assert.equal(opened.statusCode, 200);
      assert.equal(opened.headers['cache-control'], 'no-store');
    }
    const token = decodeURIComponent(path.split('token=')[1] ?? '');
    const form = { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' };
    const confirm = () =>
      t.app.inject({
        method: 'POST',
        url: path,
        headers: form,
        payload: new URLSearchParams({ token }).toString(),
      });
    const first = await confirm();
    assert.equal(first.statusCode, 303);
    assert.equal(first.headers.location, '/account/sign-in?verified=1');
    const again = await confirm();
    assert.equal(again.statusCode, 400);
    assert.match(again.body, /This link no longer works/);
  });

  it('PV-ACC-2: sign-in posts from one address beyond CUSTOMER_AUTH_PER_MINUTE are refused with 429', async () => {
    const form = { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' };
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/account/sign-in',
        headers: form,
        payload: new URLSearchParams({ email: `spray${i}@example.com`, password: 'Summer2026!' }).toString(),
      });
      statuses.push(res.statusCode);
    }
    assert.deepEqual(statuses, [401, 401, 401, 429]);
  });
});
