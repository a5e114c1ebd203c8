/**
 * Customer accounts over HTTP (issue 12 points 1 and 4): sign-up with a verification link that expires and
 * works once, sign-in and out, the session list, guest orders joining only a verified address.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { customerSessions, customers } from '../../src/accounts/customers/schema.ts';
import { securityEvents } from '../../src/accounts/security-events.schema.ts';
import { orders } from '../../src/orders/schema.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import {
  errorOf,
  FIREFOX,
  GOOD_PASSWORD,
  get,
  linkToken,
  mailsTo,
  post,
  SAFARI_IOS,
  sessionCookie,
  signIn,
  verifiedAccount,
} from '../helpers/accounts-fixtures.ts';
import { cookieHeader, json, startTestApp, type TestApp } from '../helpers/app.ts';
import { deliveredOrder } from '../helpers/cases-fixtures.ts';
import { addToCart, checkoutPayload, createProduct, placeOrder } from '../helpers/orders-fixtures.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('customer accounts', () => {
  const clock = fixedClock('2026-03-02T09:00:00Z');
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ clock, env: { CUSTOMER_AUTH_PER_MINUTE: '100000' } });
  });
  after(() => t.close());

  describe('sign-up and verification', () => {
    it('signs up with a mixed-case email (stored normalised), emails a link, and cannot sign in before verifying', async () => {
      const res = await post(t, '/api/account/sign-up', {
        email: '  Grace.Hopper@Example.COM ',
        password: GOOD_PASSWORD,
        name: 'Grace Hopper',
      });
      assert.equal(res.statusCode, 202, res.body);
      assert.equal(res.headers['cache-control'], 'no-store');
      const [row] = await t.ctx.db
        .select()
        .from(customers)
        .where(eq(customers.email, 'grace.hopper@example.com'));
      assert.ok(row);
      assert.equal(row.emailVerifiedAt, null);
      assert.match(row.passwordHash, /^\$argon2id\$/);
      const mails = await mailsTo(t, 'grace.hopper@example.com', 'account_verify');
      assert.equal(mails.length, 1);
      assert.match(mails[0]?.textBody ?? '', /\/account\/verify\?token=/);

      // The right password on an unverified account: 403 telling them to use the link, and a fresh link.
      clock.advance(1000);
      const early = await signIn(t, 'grace.hopper@example.com');
      assert.equal(early.statusCode, 403, early.body);
      assert.equal(errorOf(early).field, 'email');
      assert.equal((await mailsTo(t, 'grace.hopper@example.com', 'account_verify')).length, 2);
      // A wrong password on it is the generic 401, no hint that the account exists.
      const wrong = await signIn(t, 'grace.hopper@example.com', 'not the password at all');
      assert.equal(wrong.statusCode, 401);
    });

    it('the newest link verifies the address once; the older link and a second use are refused and logged', async () => {
      const older = await linkToken(t, 'grace.hopper@example.com', 'account_verify');
      clock.advance(1000);
      await post(t, '/api/account/sign-up', {
        email: 'grace.hopper@example.com',
        password: GOOD_PASSWORD,
        name: 'Grace Hopper',
      });
      const newest = await linkToken(t, 'grace.hopper@example.com', 'account_verify');
      assert.notEqual(older, newest);
      const replaced = await post(t, '/api/account/verify', { token: older });
      assert.equal(replaced.statusCode, 400);
      assert.equal(errorOf(replaced).field, 'token');

      const ok = await post(t, '/api/account/verify', { token: newest });
      assert.equal(ok.statusCode, 200, ok.body);
      const again = await post(t, '/api/account/verify', { token: newest });
      assert.equal(again.statusCode, 400);
      assert.match(errorOf(again).message, /already used/);
      const events = await t.ctx.db
        .select()
        .from(securityEvents)
        .where(eq(securityEvents.reason, 'token_reused'));
      assert.ok(events.length >= 1);
      assert.equal(events[0]?.email, 'grace.hopper@example.com');

      const signedIn = await signIn(t, 'GRACE.HOPPER@example.com');
      assert.equal(signedIn.statusCode, 200, signedIn.body);
    });

    it('an expired verification link is refused with its own message and logged', async () => {
      await post(t, '/api/account/sign-up', {
        email: 'late@example.com',
        password: GOOD_PASSWORD,
        name: 'Late Lena',
      });
      const token = await linkToken(t, 'late@example.com', 'account_verify');
      clock.advance(24 * HOUR + 1);
      const res = await post(t, '/api/account/verify', { token });
      assert.equal(res.statusCode, 400);
      assert.match(errorOf(res).message, /expired/);
      const [event] = await t.ctx.db
        .select()
        .from(securityEvents)
        .where(eq(securityEvents.reason, 'token_expired'));
      assert.equal(event?.email, 'late@example.com');
      const [row] = await t.ctx.db.select().from(customers).where(eq(customers.email, 'late@example.com'));
      assert.equal(row?.emailVerifiedAt, null);
    });

    it('a malformed or unknown token is a 400 on token', async () => {
      for (const token of ['', 'not a token!', 'A'.repeat(43), 'x'.repeat(5000)]) {
        const res = await post(t, '/api/account/verify', { token });
        assert.equal(res.statusCode, 400, token.slice(0, 10));
        assert.equal(errorOf(res).field, 'token');
      }
    });

    it('signing up with an address that has an account answers the same and only the email says so', async () => {
      await verifiedAccount(t, 'known@example.com');
      const known = await post(t, '/api/account/sign-up', {
        email: 'known@example.com',
        password: 'another fine password',
        name: 'Impostor',
      });
      const unknown = await post(t, '/api/account/sign-up', {
        email: 'unknown-person@example.com',
        password: 'another fine password',
        name: 'Someone',
      });
      assert.equal(known.statusCode, 202);
      assert.equal(known.body, unknown.body);
      assert.equal((await mailsTo(t, 'known@example.com', 'account_exists')).length, 1);
      // Nothing about the existing account changed: the old password still signs in.
      assert.equal((await signIn(t, 'known@example.com')).statusCode, 200);
      assert.equal((await signIn(t, 'known@example.com', 'another fine password')).statusCode, 401);
    });

    it('refuses bad input with a 400 naming the field, nothing created', async () => {
      const cases: Array<[object, string, RegExp?]> = [
        [{ email: 'not-an-email', password: GOOD_PASSWORD, name: 'A' }, 'email'],
        [{ email: `${'a'.repeat(250)}@example.com`, password: GOOD_PASSWORD, name: 'A' }, 'email'],
        [{ email: 'p@example.com', password: 'short!', name: 'A' }, 'password', /at least 8/],
        [
          { email: 'p@example.com', password: 'letters and digits only'.replace(/ /g, ''), name: 'A' },
          'password',
        ],
        [{ email: 'p@example.com', password: 'password123!', name: 'A' }, 'password', /too easy to guess/],
        [{ email: 'p@example.com', password: GOOD_PASSWORD, name: '' }, 'name'],
        [{ email: 'p@example.com', password: GOOD_PASSWORD, name: '\u200b\u200b' }, 'name'],
        [{ email: 'p@example.com', password: GOOD_PASSWORD }, 'name'],
      ];
      for (const [payload, field, message] of cases) {
        const res = await post(t, '/api/account/sign-up', payload);
        assert.equal(res.statusCode, 400, `${JSON.stringify(payload).slice(0, 80)}: ${res.body}`);
        assert.equal(errorOf(res).field, field, res.body);
        if (message) assert.match(errorOf(res).message, message);
      }
      const rows = await t.ctx.db.select().from(customers).where(eq(customers.email, 'p@example.com'));
      assert.equal(rows.length, 0);
    });

    it('an overlong password is refused before hashing, fast: 200 KB is a 400 on password, 1 MB never gets parsed', async () => {
      const started = performance.now();
      const long = await post(t, '/api/account/sign-up', {
        email: 'huge@example.com',
        password: `${'x'.repeat(200_000)}!`,
        name: 'Huge',
      });
      assert.equal(long.statusCode, 400, long.body);
      assert.equal(errorOf(long).field, 'password');
      const signInRes = await signIn(t, 'huge@example.com', `${'x'.repeat(200_000)}!`);
      assert.equal(signInRes.statusCode, 400);
      assert.equal(errorOf(signInRes).field, 'password');
      // The shop's body limit (256 KB) refuses a 1 MB body before it is even parsed.
      const huge = await post(t, '/api/account/session', {
        email: 'huge@example.com',
        password: `${'x'.repeat(1_000_000)}!`,
      });
      assert.equal(huge.statusCode, 413);
      assert.equal(errorOf(huge).code, 'payload_too_large');
      const ms = performance.now() - started;
      assert.ok(ms < 2000, `took ${ms} ms`);
      assert.equal(
        (await t.ctx.db.select().from(customers).where(eq(customers.email, 'huge@example.com'))).length,
        0,
      );
    });
  });

  describe('sessions', () => {
    it('every sign-in gets a new token; the cookie is HttpOnly, Secure, SameSite=Lax and __Host-', async () => {
      await verifiedAccount(t, 'sessions@example.com');
      const first = await signIn(t, 'sessions@example.com');
      const second = await signIn(t, 'sessions@example.com');
      const [a] = first.cookies;
      const [b] = second.cookies;
      assert.equal(a?.name, '__Host-ac_customer');
      assert.equal(a?.httpOnly, true);
      assert.equal(a?.secure, true);
      assert.equal(a?.sameSite, 'Lax');
      assert.notEqual(a?.value, b?.value);
      // A token the client brought is never adopted: sign-in with a cookie set issues a new one.
      const fixed = await post(
        t,
        '/api/account/session',
        { email: 'sessions@example.com', password: GOOD_PASSWORD },
        cookieHeader(first),
      );
      assert.notEqual(fixed.cookies[0]?.value, a?.value);
      const me = await get(t, '/api/account/session', cookieHeader(first));
      assert.equal(me.statusCode, 200);
      assert.equal(json<{ customer: { email: string } }>(me).customer.email, 'sessions@example.com');
      // Only the hash is stored.
      const stored = await t.ctx.db.select({ tokenHash: customerSessions.tokenHash }).from(customerSessions);
      assert.ok(stored.every((s) => s.tokenHash !== a?.value && /^[0-9a-f]{64}$/.test(s.tokenHash)));
    });

    it('a cookie after sign-out is 401, cleared and logged as a security event', async () => {
      const cookie = await sessionCookie(t, 'sessions@example.com');
      const out = await t.app.inject({ method: 'DELETE', url: '/api/account/session', headers: { cookie } });
      assert.equal(out.statusCode, 204);
      const stolen = await get(t, '/api/account', cookie);
      assert.equal(stolen.statusCode, 401);
      assert.equal(stolen.headers['cache-control'], 'no-store');
      assert.match(String(stolen.headers['set-cookie']), /__Host-ac_customer=;/);
      const events = await t.ctx.db
        .select()
        .from(securityEvents)
        .where(eq(securityEvents.reason, 'session_after_sign_out'));
      assert.equal(events.at(-1)?.email, 'sessions@example.com');
      assert.equal(events.at(-1)?.userAgent, FIREFOX);
    });

    it('a session idle for 30 days ends, and none outlives 90 days', async () => {
      const cookie = await sessionCookie(t, 'sessions@example.com');
      clock.advance(29 * DAY);
      assert.equal((await get(t, '/api/account', cookie)).statusCode, 200);
      clock.advance(29 * DAY);
      assert.equal((await get(t, '/api/account', cookie)).statusCode, 200, 'used within 30 days: alive');
      clock.advance(29 * DAY);
      assert.equal((await get(t, '/api/account', cookie)).statusCode, 200);
      clock.advance(4 * DAY);
      assert.equal((await get(t, '/api/account', cookie)).statusCode, 401, 'past 90 days');

      const idle = await sessionCookie(t, 'sessions@example.com');
      clock.advance(30 * DAY + 1);
      assert.equal((await get(t, '/api/account', idle)).statusCode, 401, 'idle 30 days');
    });

    it('lists the active sessions with device and network range, and ends one; another customer’s is a 404', async () => {
      await verifiedAccount(t, 'devices@example.com');
      const laptop = await sessionCookie(t, 'devices@example.com', GOOD_PASSWORD, FIREFOX);
      const phone = await sessionCookie(t, 'devices@example.com', GOOD_PASSWORD, SAFARI_IOS);
      const list = await get(t, '/api/account/sessions', laptop);
      assert.equal(list.statusCode, 200, list.body);
      assert.equal(list.headers['cache-control'], 'no-store');
      const sessions = json<{
        sessions: Array<{
          id: string;
          current: boolean;
          device: string;
          ipRange: string | null;
          lastSeenAt: string;
        }>;
      }>(list).sessions;
      assert.equal(sessions.length, 2);
      const current = sessions.find((s) => s.current);
      const other = sessions.find((s) => !s.current);
      assert.equal(current?.device, 'Firefox on Windows');
      assert.equal(other?.device, 'Safari on iOS');
      assert.equal(current?.ipRange, '127.0.0.0/24');
      assert.ok(!list.body.includes('127.0.0.1'), 'the whole address is never shown');

      await verifiedAccount(t, 'stranger@example.com');
      const stranger = await sessionCookie(t, 'stranger@example.com');
      const foreign = await t.app.inject({
        method: 'DELETE',
        url: `/api/account/sessions/${other?.id}`,
        headers: { cookie: stranger },
      });
      assert.equal(foreign.statusCode, 404);
      assert.equal((await get(t, '/api/account', phone)).statusCode, 200, 'still signed in');

      const ended = await t.app.inject({
        method: 'DELETE',
        url: `/api/account/sessions/${other?.id}`,
        headers: { cookie: laptop },
      });
      assert.equal(ended.statusCode, 204);
      assert.equal((await get(t, '/api/account', phone)).statusCode, 401);
      assert.equal((await get(t, '/api/account', laptop)).statusCode, 200);
      const again = await t.app.inject({
        method: 'DELETE',
        url: `/api/account/sessions/${other?.id}`,
        headers: { cookie: laptop },
      });
      assert.equal(again.statusCode, 404);
      const bad = await t.app.inject({
        method: 'DELETE',
        url: '/api/account/sessions/nope',
        headers: { cookie: laptop },
      });
      assert.equal(bad.statusCode, 400);
    });

    it('every account route needs a session: 401 without one', async () => {
      for (const [method, url] of [
        ['GET', '/api/account'],
        ['GET', '/api/account/session'],
        ['DELETE', '/api/account/session'],
        ['PATCH', '/api/account/profile'],
        ['POST', '/api/account/password'],
        ['POST', '/api/account/email'],
        ['GET', '/api/account/sessions'],
        ['DELETE', '/api/account/sessions/0190c3d2-0000-7000-8000-000000000000'],
        ['GET', '/api/account/orders'],
      ] as const) {
        const res = await t.app.inject({
          method,
          url,
          headers: { cookie: '__Host-ac_customer=forged' },
          ...(method === 'POST' || method === 'PATCH' ? { payload: {} } : {}),
        });
        assert.equal(res.statusCode, 401, `${method} ${url}`);
        assert.equal(res.headers['cache-control'], 'no-store');
      }
    });

    it('a staff session opens no customer account', async () => {
      const staff = await t.staffCookie();
      assert.equal((await get(t, '/api/account', staff)).statusCode, 401);
    });
  });

  describe('profile and orders', () => {
    it('corrects the name and phone; bad input is a 400 naming the field', async () => {
      await verifiedAccount(t, 'profile@example.com');
      const cookie = await sessionCookie(t, 'profile@example.com');
      const patch = (payload: object) =>
        t.app.inject({ method: 'PATCH', url: '/api/account/profile', headers: { cookie }, payload });
      const ok = await patch({ name: ' Ada King ', phone: '+44 20 7946 0001' });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.deepEqual(json<{ customer: { name: string; phone: string } }>(ok).customer.name, 'Ada King');
      const account = json<{ account: { phone: string; emailVerifiedAt: string } }>(
        await get(t, '/api/account', cookie),
      );
      assert.equal(account.account.phone, '+44 20 7946 0001');
      assert.ok(account.account.emailVerifiedAt);
      assert.equal(errorOf(await patch({ name: 'A', phone: 'call me' })).field, 'phone');
      assert.equal(errorOf(await patch({ name: 'x'.repeat(201) })).field, 'name');
      const cleared = await patch({ name: 'Ada King', phone: '' });
      assert.equal(json<{ customer: { phone: string | null } }>(cleared).customer.phone, null);
    });

    it('guest orders join the account only once its address is verified, and only that exact address', async () => {
      const staff = await t.staffCookie();
      const mine = await deliveredOrder(t, staff, [{}], 'placed', 'Buyer@Example.com');
      const other = await deliveredOrder(t, staff, [{}], 'placed', 'buyer@example.com.evil.test');
      const res = await post(t, '/api/account/sign-up', {
        email: 'buyer@example.com',
        password: GOOD_PASSWORD,
        name: 'Buyer',
      });
      assert.equal(res.statusCode, 202);
      const [before] = await t.ctx.db.select().from(orders).where(eq(orders.id, mine.id));
      assert.equal(before?.customerId, null, 'typing an email claims nothing');

      const token = await linkToken(t, 'buyer@example.com', 'account_verify');
      assert.equal((await post(t, '/api/account/verify', { token })).statusCode, 200);
      const cookie = await sessionCookie(t, 'buyer@example.com');
      const list = await get(t, '/api/account/orders', cookie);
      assert.equal(list.statusCode, 200, list.body);
      assert.equal(list.headers['cache-control'], 'no-store');
      const body = json<{
        orders: Array<{ reference: string; orderUrl: string; status: string; cases: unknown[] }>;
      }>(list);
      assert.deepEqual(
        body.orders.map((o) => o.reference),
        [mine.reference],
      );
      assert.match(body.orders[0]?.orderUrl ?? '', /^\/orders\/view\?token=/);
      assert.equal(body.orders[0]?.status, 'placed');
      const [untouched] = await t.ctx.db.select().from(orders).where(eq(orders.id, other.id));
      assert.equal(untouched?.customerId, null);

      // Another customer sees none of them.
      const stranger = await sessionCookie(t, 'stranger@example.com');
      assert.deepEqual(json<{ orders: unknown[] }>(await get(t, '/api/account/orders', stranger)).orders, []);
    });

    it('an order placed while signed in belongs to the account whatever email it gives', async () => {
      const cookie = await sessionCookie(t, 'buyer@example.com');
      const product = await createProduct(t.ctx.db);
      const added = await addToCart(t.app, product.variantId, 1);
      const placed = await placeOrder(
        t.app,
        `${added.cookie}; ${cookie}`,
        checkoutPayload({ email: 'gift-desk@example.org' }),
      );
      assert.equal(placed.statusCode, 201, placed.body);
      const reference = json<{ order: { reference: string } }>(placed).order.reference;
      const body = json<{ orders: Array<{ reference: string }> }>(
        await get(t, '/api/account/orders', cookie),
      );
      assert.ok(body.orders.some((o) => o.reference === reference));
      // A guest's order with that email joins nobody.
      const guest = await addToCart(t.app, product.variantId, 1);
      const guestOrder = await placeOrder(
        t.app,
        guest.cookie,
        checkoutPayload({ email: 'gift-desk@example.org' }),
      );
      const guestRef = json<{ order: { reference: string } }>(guestOrder).order.reference;
      const [row] = await t.ctx.db.select().from(orders).where(eq(orders.reference, guestRef));
      assert.equal(row?.customerId, null);
    });

    it('an order placed as a guest later joins at the next sign-in, with its cases', async () => {
      const staff = await t.staffCookie();
      const later = await deliveredOrder(t, staff, [{}], 'delivered', 'buyer@example.com');
      const opened = await t.app.inject({
        method: 'POST',
        url: `/api/orders/by-link/${later.token}/claims`,
        payload: {
          lines: [
            { orderLineId: later.lineIds[0], kind: 'dead_on_arrival', facts: { openedByCustomer: true } },
          ],
        },
      });
      assert.equal(opened.statusCode, 201, opened.body);
      const cookie = await sessionCookie(t, 'buyer@example.com');
      const body = json<{
        orders: Array<{ reference: string; cases: Array<{ reference: string; url: string }> }>;
      }>(await get(t, '/api/account/orders', cookie));
      const found = body.orders.find((o) => o.reference === later.reference);
      assert.equal(found?.cases.length, 1);
      assert.match(found?.cases[0]?.url ?? '', /^\/orders\/case\?token=.*&ref=RMA-/);
    });
  });
});

describe('retention of ended customer sessions and used links (PV-MIN-1)', () => {
  const clock = fixedClock('2026-03-02T09:00:00Z');
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ clock, env: { CUSTOMER_AUTH_PER_MINUTE: '100000' } });
  });
  after(() => t.close());

  it('deletes sessions and links ended more than 30 days ago, keeps live ones and the security events', async () => {
    await verifiedAccount(t, 'kept@example.com');
    const ended = await sessionCookie(t, 'kept@example.com');
    await t.app.inject({ method: 'DELETE', url: '/api/account/session', headers: { cookie: ended } });
    await get(t, '/api/account', ended);
    clock.advance(31 * DAY);
    const live = await sessionCookie(t, 'kept@example.com');
    const { runRetention } = await import('../../src/privacy/retention.ts');
    const report = await runRetention(t.ctx);
    // The signed-out session and the used verification link.
    assert.equal(report.customerSessions, 2);
    assert.equal((await get(t, '/api/account', live)).statusCode, 200);
    const events = await t.ctx.db
      .select()
      .from(securityEvents)
      .where(eq(securityEvents.email, 'kept@example.com'));
    assert.ok(events.some((e) => e.reason === 'session_after_sign_out'));
  });
});
