/**
 * A staff member changes their own password (the current one required, every other session ends, guessing
 * throttled), and staff sessions end after STAFF_IDLE_MINUTES without use besides their 12-hour lifetime
 * (issue 9 item 9).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { hashPassword } from '../../src/accounts/passwords.ts';
import { staffSessions, staffUsers } from '../../src/accounts/schema.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { uuidv7 } from '../../src/shared/ids.ts';
import {
  acceptedAgreement,
  cookieHeader,
  json,
  OWNER_PASSWORD,
  startTestApp,
  type TestApp,
} from '../helpers/app.ts';

type ErrorShape = { error: { code: string; message: string; field?: string } };
const NEW_PASSWORD = 'violet engine harbour 42 quietly';

describe('staff password change', () => {
  let t: TestApp;
  // A member without an authenticator, so a password alone signs in (the owner must use one: staff-2fa.test.ts).
  const MEMBER_EMAIL = 'robin.desk@aftercare.test';
  before(async () => {
    t = await startTestApp();
    await t.ctx.db.insert(staffUsers).values({
      id: uuidv7(),
      email: MEMBER_EMAIL,
      name: 'Robin Desk',
      passwordHash: await hashPassword(OWNER_PASSWORD),
      role: 'customer_service',
      ...acceptedAgreement(),
    });
  });
  after(() => t.close());

  const signIn = (password: string) =>
    t.app.inject({ method: 'POST', url: '/api/staff/session', payload: { email: MEMBER_EMAIL, password } });
  const change = (cookie: string, body: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url: '/api/admin/account/password', headers: { cookie }, payload: body });
  const me = (cookie: string) => t.app.inject({ url: '/api/staff/session', headers: { cookie } });

  it('needs a staff session', async () => {
    const res = await change('', { currentPassword: OWNER_PASSWORD, newPassword: NEW_PASSWORD });
    assert.equal(res.statusCode, 401);
  });

  it('a wrong current password is a 400 naming currentPassword, and nothing changes', async () => {
    const cookie = cookieHeader(await signIn(OWNER_PASSWORD));
    const res = await change(cookie, { currentPassword: 'not my password', newPassword: NEW_PASSWORD });
    assert.equal(res.statusCode, 400);
    assert.equal(json<ErrorShape>(res).error.field, 'currentPassword');
    assert.equal((await signIn(OWNER_PASSWORD)).statusCode, 200);
  });

  it('a weak, personal, reused or malformed new password is a 400 naming newPassword', async () => {
    // A member of their own: the throttle counts per member.
    await t.ctx.db.insert(staffUsers).values({
      id: uuidv7(),
      email: 'casey.jones@aftercare.test',
      name: 'Casey Jones',
      passwordHash: await hashPassword(OWNER_PASSWORD),
      role: 'customer_service',
      ...acceptedAgreement(),
    });
    const cookie = cookieHeader(
      await t.app.inject({
        method: 'POST',
        url: '/api/staff/session',
        payload: { email: 'casey.jones@aftercare.test', password: OWNER_PASSWORD },
      }),
    );
    for (const [newPassword, pattern] of [
      ['short pass', /at least 12/],
      ['password1234', /too easy to guess/],
      ['qwertyuiopasdf', /too easy to guess/],
      ['aaaaaaaaaaaaaaaa', /too easy to guess/],
      ['casey.jones@aftercare.test', /too easy to guess/],
      ['Aftercare Casey Jones', /too easy to guess/],
      [OWNER_PASSWORD, /different from the current/],
      ['x'.repeat(257), /./],
      ['', /./],
    ] as const) {
      const res = await change(cookie, { currentPassword: OWNER_PASSWORD, newPassword });
      assert.equal(res.statusCode, 400, newPassword);
      const { error } = json<ErrorShape>(res);
      assert.equal(error.field, 'newPassword', newPassword);
      assert.match(error.message, pattern, newPassword);
    }
    const extra = await change(cookie, {
      currentPassword: OWNER_PASSWORD,
      newPassword: NEW_PASSWORD,
      role: 'x',
    });
    assert.equal(extra.statusCode, 400);
  });

  it('a good change keeps this session, ends every other one, and only the new password signs in', async () => {
    const here = cookieHeader(await signIn(OWNER_PASSWORD));
    const laptop = cookieHeader(await signIn(OWNER_PASSWORD));
    const phone = cookieHeader(await signIn(OWNER_PASSWORD));
    const res = await change(here, { currentPassword: OWNER_PASSWORD, newPassword: NEW_PASSWORD });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers['cache-control'], 'no-store');
    assert.ok(json<{ sessionsEnded: number }>(res).sessionsEnded >= 2);
    assert.equal((await me(here)).statusCode, 200);
    assert.equal((await me(laptop)).statusCode, 401);
    assert.equal((await me(phone)).statusCode, 401);
    assert.equal((await signIn(OWNER_PASSWORD)).statusCode, 401);
    assert.equal((await signIn(NEW_PASSWORD)).statusCode, 200);
    // Back again, so the other tests of this file sign in as before.
    const back = await change(here, {
      currentPassword: NEW_PASSWORD,
      newPassword: 'another long phrase, orange kettle',
    });
    assert.equal(back.statusCode, 200);
  });
});

describe('staff password change throttle', () => {
  it('guessing the current password from one session is stopped after 10 tries, from any address', async () => {
    const t = await startTestApp();
    try {
      const cookie = await t.staffCookie();
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) {
        const res = await t.app.inject({
          method: 'POST',
          url: '/api/admin/account/password',
          headers: { cookie, 'x-forwarded-for': `203.0.113.${i}` },
          remoteAddress: `203.0.113.${i}`,
          payload: { currentPassword: `guess ${i}`, newPassword: NEW_PASSWORD },
        });
        statuses.push(res.statusCode);
      }
      assert.deepEqual(statuses, [...Array(10).fill(400), 429, 429]);
    } finally {
      await t.close();
    }
  });
});

describe('staff session idle timeout', () => {
  const clock = fixedClock('2026-03-01T09:00:00Z');
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ clock, env: { STAFF_IDLE_MINUTES: '30' } });
  });
  after(() => t.close());
  // Any back-office read every member may make (the mail outbox is the owner's since PV-STF-1).
  const me = (cookie: string) => t.app.inject({ url: '/api/admin/orders', headers: { cookie } });
  const lastSeen = async () => {
    const rows = await t.ctx.db.select({ at: staffSessions.lastSeenAt }).from(staffSessions);
    return rows.map((r) => r.at.toISOString()).sort();
  };

  it('a session unused for longer than STAFF_IDLE_MINUTES ends; one in use lives on', async () => {
    const cookie = await t.staffCookie();
    clock.advance(29 * 60_000);
    assert.equal((await me(cookie)).statusCode, 200, 'used after 29 minutes');
    clock.advance(29 * 60_000);
    assert.equal((await me(cookie)).statusCode, 200, 'the last use counts, not the sign-in');
    clock.advance(30 * 60_000 + 1);
    assert.equal((await me(cookie)).statusCode, 401, 'idle for 30 minutes');
  });

  it('last use is written at most once a minute', async () => {
    await t.ctx.db.delete(staffSessions);
    const cookie = await t.staffCookie();
    const signedIn = await lastSeen();
    clock.advance(20_000);
    await me(cookie);
    clock.advance(20_000);
    await me(cookie);
    assert.deepEqual(await lastSeen(), signedIn, 'no write within the minute');
    clock.advance(21_000);
    await me(cookie);
    assert.deepEqual(await lastSeen(), [clock.now().toISOString()]);
  });

  it('a session in constant use still ends 12 hours after sign-in', async () => {
    const cookie = await t.staffCookie();
    for (let minutes = 20; minutes < 12 * 60; minutes += 20) {
      clock.advance(20 * 60_000);
      assert.equal((await me(cookie)).statusCode, 200, `after ${minutes} minutes`);
    }
    clock.advance(20 * 60_000);
    assert.equal((await me(cookie)).statusCode, 401);
    const [row] = await t.ctx.db.select().from(staffSessions).where(eq(staffSessions.revokedAt, clock.now()));
    assert.equal(row, undefined, 'ended by time, not revoked');
  });
});
