import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { hashPassword } from '../../src/accounts/passwords.ts';
import { staffUsers } from '../../src/accounts/schema.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { uuidv7 } from '../../src/shared/ids.ts';
import {
  acceptedAgreement,
  cookieHeader,
  json,
  OWNER_EMAIL,
  OWNER_PASSWORD,
  startTestApp,
  type TestApp,
} from '../helpers/app.ts';

describe('staff sign-in', () => {
  let t: TestApp;
  const clock = fixedClock('2026-03-01T09:00:00Z');
  before(async () => {
    t = await startTestApp({ clock });
  });
  after(() => t.close());

  const signIn = (email: string, password: string) =>
    t.app.inject({ method: 'POST', url: '/api/staff/session', payload: { email, password } });

  it('the owner signs in and gets an HttpOnly, Secure, SameSite=Lax session cookie', async () => {
    const res = await signIn(OWNER_EMAIL.toUpperCase(), OWNER_PASSWORD);
    assert.equal(res.statusCode, 200);
    assert.equal(json<{ staff: { role: string } }>(res).staff.role, 'owner');
    const cookie = res.cookies.find((c) => c.name === '__Host-ac_staff');
    assert.ok(cookie);
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.secure, true);
    assert.equal(cookie.sameSite, 'Lax');
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/staff/session',
      headers: { cookie: cookieHeader(res) },
    });
    assert.equal(me.statusCode, 200);
    assert.equal(json<{ staff: { email: string } }>(me).staff.email, OWNER_EMAIL);
  });

  it('a wrong password and an unknown email get the same 401', async () => {
    const wrong = await signIn(OWNER_EMAIL, 'not the password');
    const unknown = await signIn('nobody@example.com', OWNER_PASSWORD);
    assert.equal(wrong.statusCode, 401);
    assert.equal(unknown.statusCode, 401);
    assert.deepEqual(json(wrong), json(unknown));
  });

  it('only the hash of the session token is stored', async () => {
    const res = await signIn(OWNER_EMAIL, OWNER_PASSWORD);
    const token = res.cookies.find((c) => c.name === '__Host-ac_staff')?.value as string;
    const rows = await t.ctx.database.rows<{ token_hash: string }>(
      (await import('drizzle-orm')).sql`select token_hash from staff_sessions`,
    );
    assert.ok(rows.length > 0);
    assert.ok(rows.every((r) => r.token_hash !== token && /^[0-9a-f]{64}$/.test(r.token_hash)));
  });

  it('signing out revokes the session at once', async () => {
    const cookie = cookieHeader(await signIn(OWNER_EMAIL, OWNER_PASSWORD));
    const out = await t.app.inject({ method: 'DELETE', url: '/api/staff/session', headers: { cookie } });
    assert.equal(out.statusCode, 204);
    const me = await t.app.inject({ method: 'GET', url: '/api/admin/mail', headers: { cookie } });
    assert.equal(me.statusCode, 401);
  });

  it('a session expires after 12 hours', async () => {
    const cookie = cookieHeader(await signIn(OWNER_EMAIL, OWNER_PASSWORD));
    clock.advance(12 * 3_600_000 + 1);
    const res = await t.app.inject({ method: 'GET', url: '/api/admin/mail', headers: { cookie } });
    assert.equal(res.statusCode, 401);
  });

  it('a disabled employee cannot sign in and their open sessions stop working (PV-STF-2)', async () => {
    const id = uuidv7();
    await t.ctx.db.insert(staffUsers).values({
      id,
      email: 'leaver@aftercare.test',
      name: 'Leaver',
      passwordHash: await hashPassword('a long enough password'),
      role: 'customer_service',
      ...acceptedAgreement(),
    });
    const cookie = cookieHeader(await signIn('leaver@aftercare.test', 'a long enough password'));
    // The order list answers every member (the mail outbox is the owner's since PV-STF-1).
    assert.equal(
      (await t.app.inject({ method: 'GET', url: '/api/admin/orders', headers: { cookie } })).statusCode,
      200,
    );
    await t.ctx.db.update(staffUsers).set({ disabledAt: clock.now() }).where(eq(staffUsers.id, id));
    assert.equal(
      (await t.app.inject({ method: 'GET', url: '/api/admin/orders', headers: { cookie } })).statusCode,
      401,
    );
    assert.equal((await signIn('leaver@aftercare.test', 'a long enough password')).statusCode, 401);
  });

  it('bad sign-in input is a 400 naming the field', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/staff/session',
      payload: { email: OWNER_EMAIL },
    });
    assert.equal(res.statusCode, 400);
    assert.equal(json<{ error: { field: string } }>(res).error.field, 'password');
    const extra = await t.app.inject({
      method: 'POST',
      url: '/api/staff/session',
      payload: { email: OWNER_EMAIL, password: 'x', admin: true },
    });
    assert.equal(extra.statusCode, 400);
  });
});
