/**
 * Per-route limits follow the route, not the spelling of its path (issue 9, item 4): every address that
 * reaches a limited action (case, trailing slash, `.data`, percent-encoding, dot segments, any write method)
 * spends the same budget, and the spellings that do not reach it answer without running it.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { OWNER_EMAIL, startTestApp } from '../helpers/app.ts';

const FORM = { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' };
const LOOKUP_FORM = new URLSearchParams({ reference: 'AC-26-00001', email: 'a@example.com' }).toString();

/** Spellings of /orders/lookup that React Router routes to the lookup page's action. */
const lookupSpellings: ReadonlyArray<[method: string, url: string]> = [
  ['POST', '/orders/lookup'],
  ['POST', '/orders/lookup/'],
  ['POST', '/Orders/Lookup'],
  ['POST', '/ORDERS/LOOKUP/'],
  ['POST', '/orders/lookup.data'],
  ['POST', '/orders/lookup/.data'],
  ['POST', '/orders/lookup/_.data'],
  ['POST', '/Orders/Lookup.data'],
  ['POST', '/%6Frders/lookup'],
  ['POST', '/orders/%4C%4F%4F%4B%55%50'],
  ['POST', '/./orders/lookup'],
  ['POST', '/orders/x/../lookup'],
  ['POST', '/orders/lookup?index'],
  ['POST', '/orders/lookup?_data=routes%2Forders.lookup'],
  ['PUT', '/orders/lookup'],
  ['PATCH', '/orders/lookup'],
  ['DELETE', '/orders/lookup/'],
];

/** Spellings that do not reach the lookup action at all (React Router answers them as unknown pages). */
const otherSpellings = ['/orders//lookup', '/orders/lookup;x', '/orders/lookup/index', '/orders%2Flookup'];

describe('per-route limits, whatever the spelling of the path (issue 9 item 4)', () => {
  it('every spelling of the order lookup page spends one budget of the lookup action', async () => {
    // 600 a minute in all: 20 for page lookups (a 30th).
    const t = await startTestApp({ env: { RATE_LIMIT_PER_MINUTE: '600' } });
    try {
      const send = (method: string, url: string) =>
        t.app.inject({ method: method as 'POST', url, headers: FORM, payload: LOOKUP_FORM });
      for (let i = 0; i < 20; i++) {
        const [method, url] = lookupSpellings[i % lookupSpellings.length] as [string, string];
        const res = await send(method, url);
        // Pages take GET and POST; another write method is refused (405) but still spends the budget.
        const expected = method === 'POST' ? 404 : 405;
        assert.equal(
          res.statusCode,
          expected,
          `${method} ${url} runs the lookup or is refused: ${res.statusCode}`,
        );
        assert.equal(res.headers['x-ratelimit-limit'], '20', `${method} ${url} is under the lookup limit`);
      }
      for (const [method, url] of lookupSpellings) {
        assert.equal((await send(method, url)).statusCode, 429, `${method} ${url} is limited`);
      }
      for (const url of otherSpellings) {
        const res = await send('POST', url);
        assert.notEqual(res.statusCode, 429, `${url} is not the lookup`);
        assert.ok(res.statusCode === 404 || res.statusCode === 405, `${url}: ${res.statusCode}`);
        assert.doesNotMatch(res.body, /No order matches/i, `${url} does not run the lookup`);
      }
      assert.equal(
        (await t.app.inject({ url: '/Orders/Lookup/' })).statusCode,
        200,
        'reading the form is not',
      );
    } finally {
      await t.close();
    }
  });

  it('every spelling of the checkout page spends one budget of the checkout action', async () => {
    // 600 a minute in all: 30 for page checkouts (a 20th).
    const t = await startTestApp({ env: { RATE_LIMIT_PER_MINUTE: '600' } });
    try {
      const spellings = ['/checkout', '/CHECKOUT/', '/checkout.data', '/Checkout/_.data', '/%63heckout'];
      const statuses: number[] = [];
      for (let i = 0; i < 30; i++) {
        const url = spellings[i % spellings.length] as string;
        const res = await t.app.inject({ method: 'POST', url, headers: FORM, payload: 'x=1' });
        statuses.push(res.statusCode);
        assert.equal(res.headers['x-ratelimit-limit'], '30', `${url} is under the checkout limit`);
      }
      assert.ok(!statuses.includes(429), statuses.join());
      for (const url of spellings) {
        const res = await t.app.inject({ method: 'POST', url, headers: FORM, payload: 'x=1' });
        assert.equal(res.statusCode, 429, `${url} is limited`);
      }
    } finally {
      await t.close();
    }
  });

  it('staff sign-in and the JSON lookup: other spellings reach the same limited route or none', async () => {
    const t = await startTestApp({ env: { RATE_LIMIT_PER_MINUTE: '600' } });
    try {
      const signIn = (url: string) =>
        t.app.inject({
          method: 'POST',
          url,
          payload: { email: OWNER_EMAIL, password: 'wrong password, guessing' },
        });
      const reaching = ['/api/staff/session', '/api/staff/%73ession', '/api/%73taff/session'];
      const notReaching = [
        '/api/staff/session/',
        '/api/Staff/Session',
        '/API/staff/session',
        '/api//staff/session',
        '//api/staff/session',
        '/api/staff/session;x',
        '/api/staff/session.data',
      ];
      for (let i = 0; i < 10; i++) {
        const res = await signIn(reaching[i % reaching.length] as string);
        assert.equal(res.statusCode, 401, `attempt ${i}`);
      }
      for (const url of reaching) assert.equal((await signIn(url)).statusCode, 429, `${url} is limited`);
      for (const url of notReaching) {
        const res = await signIn(url);
        assert.ok([404, 405].includes(res.statusCode), `${url} reaches no sign-in: ${res.statusCode}`);
      }

      const lookup = (url: string) =>
        t.app.inject({ method: 'POST', url, payload: { reference: 'AC-26-00001', email: 'a@example.com' } });
      for (let i = 0; i < 20; i++) {
        const url = i % 2 ? '/api/orders/lookup' : '/api/orders/%6Cookup';
        assert.equal((await lookup(url)).statusCode, 404, url);
      }
      assert.equal((await lookup('/api/orders/%6Cookup')).statusCode, 429);
      for (const url of ['/api/orders/lookup/', '/api/Orders/Lookup', '/API/orders/lookup']) {
        assert.ok([404, 405].includes((await lookup(url)).statusCode), url);
      }
    } finally {
      await t.close();
    }
  });
});
