/**
 * How the API reads request bodies, one way for every route (src/shared/request-body.ts): a JSON key that
 * reaches a prototype is a 400 naming the key (not "not valid JSON"), and a route that takes no body refuses a
 * stray one with a 400 on `body`, while no body, an empty body and no content type keep working.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { staffUsers } from '../../src/accounts/schema.ts';
import { sessionCookie, verifiedAccount } from '../helpers/accounts-fixtures.ts';
import { json, signedInMember, startTestApp, type TestApp } from '../helpers/app.ts';
import { sampleAddress } from '../helpers/orders-fixtures.ts';

type ErrorBody = { error: { code: string; message: string; field?: string } };
const JSON_TYPE = { 'content-type': 'application/json' };

describe('request bodies', () => {
  let t: TestApp;
  let owner = '';
  let customer = '';
  before(async () => {
    t = await startTestApp();
    owner = await t.staffCookie();
    await verifiedAccount(t, 'body.tester@example.com');
    customer = await sessionCookie(t, 'body.tester@example.com');
  });
  after(() => t.close());

  const errorOf = (res: { body: string }) => json<ErrorBody>(res as never).error;

  describe('a key that reaches a prototype is a 400 naming the key', () => {
    for (const [what, payload, field] of [
      [
        '__proto__ at the top',
        '{"email":"a@example.com","password":"x","__proto__":{"admin":true}}',
        '__proto__',
      ],
      [
        '__proto__ written with an escape',
        '{"email":"a@example.com","\\u005f_proto__":{"admin":true}}',
        '__proto__',
      ],
      [
        '__proto__ nested',
        '{"email":"a@example.com","password":{"__proto__":{"admin":true}}}',
        'password.__proto__',
      ],
      [
        'constructor.prototype',
        '{"email":"a@example.com","constructor":{"prototype":{"x":1}}}',
        'constructor',
      ],
    ] as const) {
      it(what, async () => {
        const res = await t.app.inject({
          method: 'POST',
          url: '/api/account/session',
          headers: JSON_TYPE,
          payload,
        });
        assert.equal(res.statusCode, 400, res.body);
        assert.equal(errorOf(res).code, 'validation_failed');
        assert.equal(errorOf(res).field, field);
        assert.match(errorOf(res).message, /is not allowed/);
        assert.doesNotMatch(errorOf(res).message, /not valid JSON/);
      });
    }

    it('text that is not JSON is still "not valid JSON"; a key merely named constructor is fine', async () => {
      const broken = await t.app.inject({
        method: 'POST',
        url: '/api/account/session',
        headers: JSON_TYPE,
        payload: '{"email":',
      });
      assert.equal(broken.statusCode, 400);
      assert.match(errorOf(broken).message, /not valid JSON/);
      // A strict schema still refuses the unknown key, but as an unknown key: the parser let it through.
      const named = await t.app.inject({
        method: 'POST',
        url: '/api/account/session',
        headers: JSON_TYPE,
        payload: '{"email":"a@example.com","password":"x","constructor":"x"}',
      });
      assert.equal(named.statusCode, 400);
      assert.equal(errorOf(named).field, 'constructor');
      assert.doesNotMatch(errorOf(named).message, /is not allowed/);
    });
  });

  describe('a route that takes no body refuses one (400 on body) and works without', () => {
    const strays = [
      { headers: JSON_TYPE, payload: '{"x":1}' },
      { headers: JSON_TYPE, payload: '{}' },
      { headers: { 'content-type': 'text/plain' }, payload: 'hello' },
    ];

    it('passkey sign-in options, for customers and staff', async () => {
      for (const url of ['/api/account/passkeys/sign-in/options', '/api/staff/passkeys/sign-in/options']) {
        for (const stray of strays) {
          const res = await t.app.inject({ method: 'POST', url, ...stray });
          assert.equal(res.statusCode, 400, `${url} ${stray.payload}: ${res.body}`);
          assert.equal(errorOf(res).field, 'body');
        }
        assert.equal(
          (await t.app.inject({ method: 'POST', url })).statusCode,
          200,
          'no body, no content type',
        );
        const empty = await t.app.inject({ method: 'POST', url, headers: JSON_TYPE, payload: '' });
        assert.equal(empty.statusCode, 200, `an empty JSON body is no body: ${empty.body}`);
      }
    });

    it('making an address the default', async () => {
      const created = await t.app.inject({
        method: 'POST',
        url: '/api/account/addresses',
        headers: { cookie: customer },
        payload: { address: sampleAddress },
      });
      assert.equal(created.statusCode, 201, created.body);
      const id = json<{ address: { id: string } }>(created).address.id;
      const url = `/api/account/addresses/${id}/default`;
      const stray = await t.app.inject({
        method: 'POST',
        url,
        headers: { ...JSON_TYPE, cookie: customer },
        payload: '{"x":1}',
      });
      assert.equal(stray.statusCode, 400, stray.body);
      assert.equal(errorOf(stray).field, 'body');
      const ok = await t.app.inject({ method: 'POST', url, headers: { cookie: customer } });
      assert.ok(ok.statusCode < 300, ok.body);
    });

    it('deactivating a member: refused with a body, nothing changes; done without one', async () => {
      const member = await signedInMember(t, 'body.leaver@aftercare.test', 'Bo Leaver', 'technician');
      const url = `/api/admin/staff/${member.id}/deactivation`;
      const stray = await t.app.inject({
        method: 'POST',
        url,
        headers: { ...JSON_TYPE, cookie: owner },
        payload: '{"reason":"x"}',
      });
      assert.equal(stray.statusCode, 400, stray.body);
      assert.equal(errorOf(stray).field, 'body');
      const [row] = await t.ctx.db.select().from(staffUsers).where(eq(staffUsers.id, member.id));
      assert.equal(row?.disabledAt, null, 'a refused request changes nothing');
      assert.equal((await t.app.inject({ method: 'POST', url, headers: { cookie: owner } })).statusCode, 200);
    });

    it('every POST and DELETE of the API without a request body in its schema refuses a stray body', async () => {
      const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as {
        paths: Record<string, Record<string, { requestBody?: unknown }>>;
      };
      const bodyless = Object.entries(doc.paths)
        .filter(([path]) => path.startsWith('/api/'))
        .flatMap(([path, ops]) =>
          Object.entries(ops)
            .filter(([method, op]) => (method === 'post' || method === 'delete') && !op.requestBody)
            .map(([method]) => ({ method: method.toUpperCase() as 'POST', path })),
        );
      assert.ok(bodyless.length >= 10, `only ${bodyless.length} body-less routes found`);
      const refusedOn: string[] = [];
      for (const { method, path } of bodyless) {
        const url = path.replace(/\{[^}]+\}/g, '00000000-0000-7000-8000-000000000000');
        const res = await t.app.inject({
          method,
          url,
          headers: { ...JSON_TYPE, cookie: `${owner}; ${customer}` },
          payload: '{"x":1}',
        });
        // A guard may answer first (a route for the other audience); a stray body never gets further.
        assert.ok(
          [400, 401, 403].includes(res.statusCode),
          `${method} ${path}: ${res.statusCode} ${res.body}`,
        );
        if (res.statusCode === 400) {
          assert.equal(errorOf(res).field, 'body', `${method} ${path}: ${res.body}`);
          refusedOn.push(`${method} ${path}`);
        }
      }
      for (const route of [
        'POST /api/account/addresses/{id}/default',
        'DELETE /api/account/addresses/{id}',
        'POST /api/admin/staff/{id}/deactivation',
        'POST /api/admin/staff/{id}/second-factor/reset',
        'POST /api/admin/security-events/{id}/review',
        'DELETE /api/cart/lines/{variantId}',
      ]) {
        assert.ok(
          refusedOn.includes(route),
          `${route} refuses a stray body (refused: ${refusedOn.join(', ')})`,
        );
      }
    });
  });
});
