/**
 * Staff two-factor sign-in (issue 12 point 3): an authenticator app (TOTP, RFC 6238) enrolled from the back
 * office with single-use recovery codes, required for the owner; the second step after the password; codes that
 * work once; the owner resetting a member's lost second factor as a security event (PV-ACC-2); the staff
 * session's absolute lifetime as a setting.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { hashPassword } from '../../src/accounts/passwords.ts';
import { staffUsers } from '../../src/accounts/schema.ts';
import { totpCodeAt } from '../../src/accounts/second-factor/totp.rules.ts';
import { securityEvents } from '../../src/accounts/security-events.schema.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { uuidv7 } from '../../src/shared/ids.ts';
import {
  acceptedAgreement,
  cookieHeader,
  enrolAuthenticator,
  json,
  OWNER_EMAIL,
  OWNER_PASSWORD,
  rememberAuthenticator,
  signedInMember,
  startTestApp,
  type TestApp,
} from '../helpers/app.ts';

type ErrorShape = { error: { code: string; message: string; field?: string } };
type FirstStep = {
  secondStep?: { token: string; expiresAt: string };
  staff?: { enrolmentRequired: boolean };
};

// Each sign-in comes from an address of its own: the sign-in routes allow 10 tries a minute per address.
let address = 0;
const nextAddress = () => `198.51.100.${++address}`;
const AGENT = 'Mozilla/5.0 (X11; Linux x86_64) Staff2faTest/1.0';

describe('staff two-factor sign-in (issue 12 point 3)', () => {
  const clock = fixedClock('2026-03-02T09:00:00Z');
  let t: TestApp;
  let secret = '';
  let recoveryCodes: string[] = [];
  before(async () => {
    t = await startTestApp({ clock, env: { STAFF_IDLE_MINUTES: '720' } });
  });
  after(() => t.close());

  const firstStep = (email: string, password: string, remoteAddress = nextAddress()) =>
    t.app.inject({
      method: 'POST',
      url: '/api/staff/session',
      payload: { email, password },
      remoteAddress,
      headers: { 'user-agent': AGENT },
    });
  const secondStep = (token: string, code: string, remoteAddress = nextAddress()) =>
    t.app.inject({
      method: 'POST',
      url: '/api/staff/session/second-factor',
      payload: { token, code },
      remoteAddress,
      headers: { 'user-agent': AGENT },
    });
  const pendingToken = async (email = OWNER_EMAIL, password = OWNER_PASSWORD) => {
    const res = await firstStep(email, password);
    assert.equal(res.statusCode, 200, res.body);
    const token = json<FirstStep>(res).secondStep?.token;
    assert.ok(token, 'a member with an authenticator gets the second step');
    return token;
  };
  const events = (reason: string) =>
    t.ctx.db
      .select()
      .from(securityEvents)
      .where(eq(securityEvents.reason, reason as 'second_factor_failed'));

  it('an owner without an authenticator signs in, but only the session and enrolment answer until they enrol', async () => {
    const res = await firstStep(OWNER_EMAIL, OWNER_PASSWORD);
    assert.equal(res.statusCode, 200);
    assert.equal(json<FirstStep>(res).staff?.enrolmentRequired, true);
    const cookie = cookieHeader(res);
    const orders = await t.app.inject({ url: '/api/admin/orders', headers: { cookie } });
    assert.equal(orders.statusCode, 403);
    assert.match(json<ErrorShape>(orders).error.message, /two-factor/);
    assert.equal((await t.app.inject({ url: '/api/staff/session', headers: { cookie } })).statusCode, 200);
    const status = await t.app.inject({ url: '/api/staff/second-factor', headers: { cookie } });
    assert.deepEqual(json(status), {
      enrolled: false,
      enrolledAt: null,
      recoveryCodesLeft: 0,
      required: true,
    });

    const start = await t.app.inject({
      method: 'POST',
      url: '/api/staff/second-factor/enrolment',
      headers: { cookie },
    });
    assert.equal(start.statusCode, 200);
    assert.equal(start.headers['cache-control'], 'no-store');
    const shown = json<{ secret: string; uri: string; qrCode: string }>(start);
    assert.match(shown.secret, /^[A-Z2-7]{32}$/);
    assert.match(shown.uri, /^otpauth:\/\/totp\/.+secret=/);
    assert.match(shown.qrCode, /^data:image\/svg\+xml;base64,/);
    // Stored sealed: the database alone does not give the codes.
    const [row] = await t.ctx.db.select().from(staffUsers).where(eq(staffUsers.email, OWNER_EMAIL));
    assert.ok(row?.totpSecret && !row.totpSecret.includes(shown.secret));

    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/staff/second-factor/confirmation',
      headers: { cookie },
      payload: { code: '000000' === totpCodeAt(shown.secret, clock.now().getTime()) ? '111111' : '000000' },
    });
    assert.equal(wrong.statusCode, 400);
    assert.equal(json<ErrorShape>(wrong).error.field, 'code');
    const confirmed = await t.app.inject({
      method: 'POST',
      url: '/api/staff/second-factor/confirmation',
      headers: { cookie },
      payload: { code: totpCodeAt(shown.secret, clock.now().getTime()) },
    });
    assert.equal(confirmed.statusCode, 200, confirmed.body);
    recoveryCodes = json<{ recoveryCodes: string[] }>(confirmed).recoveryCodes;
    assert.equal(recoveryCodes.length, 10);
    assert.equal(new Set(recoveryCodes).size, 10);
    secret = shown.secret;
    rememberAuthenticator(t, OWNER_EMAIL, secret);

    // The same session now reaches the back office; a second enrolment is refused.
    assert.equal((await t.app.inject({ url: '/api/admin/orders', headers: { cookie } })).statusCode, 200);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/staff/second-factor/enrolment',
      headers: { cookie },
    });
    assert.equal(again.statusCode, 409);
    const after = json<{ enrolled: boolean; recoveryCodesLeft: number }>(
      await t.app.inject({ url: '/api/staff/second-factor', headers: { cookie } }),
    );
    assert.equal(after.enrolled, true);
    assert.equal(after.recoveryCodesLeft, 10);
  });

  it('the password gives a short-lived second step, not a session; the code then signs in', async () => {
    clock.advance(30_000);
    const res = await firstStep(OWNER_EMAIL, OWNER_PASSWORD);
    assert.equal(res.statusCode, 200);
    assert.equal(res.cookies.length, 0, 'no session before the code');
    const { secondStep: step } = json<FirstStep>(res);
    assert.ok(step);
    assert.equal(new Date(step.expiresAt).getTime() - clock.now().getTime(), 5 * 60_000);
    const done = await secondStep(step.token, totpCodeAt(secret, clock.now().getTime()));
    assert.equal(done.statusCode, 200, done.body);
    const me = await t.app.inject({ url: '/api/admin/orders', headers: { cookie: cookieHeader(done) } });
    assert.equal(me.statusCode, 200);
  });

  it('a code works once: the same code again, or an older one, is refused as a replay', async () => {
    const used = totpCodeAt(secret, clock.now().getTime());
    const replay = await secondStep(await pendingToken(), used);
    assert.equal(replay.statusCode, 401);
    assert.equal(json<ErrorShape>(replay).error.field, 'code');
    const older = await secondStep(await pendingToken(), totpCodeAt(secret, clock.now().getTime() - 30_000));
    assert.equal(older.statusCode, 401);
    // The next step's code, within the one-step window, still works (a phone clock a little ahead).
    const ahead = await secondStep(await pendingToken(), totpCodeAt(secret, clock.now().getTime() + 30_000));
    assert.equal(ahead.statusCode, 200, ahead.body);
  });

  it('a wrong code is refused and writes a security event with the account, IP, user agent and time', async () => {
    clock.advance(120_000);
    const before = (await events('second_factor_failed')).length;
    const current = totpCodeAt(secret, clock.now().getTime());
    const wrong = current === '123456' ? '654321' : '123456';
    const res = await secondStep(await pendingToken(), wrong, '203.0.113.77');
    assert.equal(res.statusCode, 401);
    assert.match(json<ErrorShape>(res).error.message, /not right/);
    const rows = await events('second_factor_failed');
    assert.equal(rows.length, before + 1);
    const event = rows.at(-1);
    assert.equal(event?.email, OWNER_EMAIL);
    assert.equal(event?.subjectType, 'staff');
    assert.equal(event?.ip, '203.0.113.77');
    assert.equal(event?.userAgent, AGENT);
    assert.equal(event?.at.toISOString(), clock.now().toISOString());
    assert.equal(event?.reviewedAt, null);
    // Codes far from now (outside one step) and non-codes are refused the same way.
    const stale = await secondStep(await pendingToken(), totpCodeAt(secret, clock.now().getTime() - 120_000));
    assert.equal(stale.statusCode, 401);
  });

  it('a recovery code signs in once, typed in any case with or without its dash', async () => {
    const [first, second] = recoveryCodes as [string, string];
    const ok = await secondStep(await pendingToken(), first);
    assert.equal(ok.statusCode, 200, ok.body);
    const reused = await secondStep(await pendingToken(), first);
    assert.equal(reused.statusCode, 401);
    const typed = await secondStep(await pendingToken(), ` ${second.replace('-', '').toUpperCase()} `);
    assert.equal(typed.statusCode, 200, typed.body);
    const status = json<{ recoveryCodesLeft: number }>(
      await t.app.inject({ url: '/api/staff/second-factor', headers: { cookie: cookieHeader(typed) } }),
    );
    assert.equal(status.recoveryCodesLeft, 8);
  });

  it('the second step expires, cannot be forged, and dies with a password change', async () => {
    clock.advance(60_000);
    const token = await pendingToken();
    clock.advance(5 * 60_000 + 1);
    const late = await secondStep(token, totpCodeAt(secret, clock.now().getTime()));
    assert.equal(late.statusCode, 401);
    assert.equal(json<ErrorShape>(late).error.field, 'token');
    const [id] = token.split('.');
    const forged = await secondStep(
      `${id}.${clock.now().getTime() + 60_000}.AAAA`,
      totpCodeAt(secret, clock.now().getTime()),
    );
    assert.equal(forged.statusCode, 401);
    assert.equal(json<ErrorShape>(forged).error.field, 'token');
    const garbage = await secondStep('not-a-token', '123456');
    assert.equal(garbage.statusCode, 401);

    const pending = await pendingToken();
    await t.ctx.db
      .update(staffUsers)
      .set({ passwordHash: await hashPassword('a different long password') })
      .where(eq(staffUsers.email, OWNER_EMAIL));
    clock.advance(30_000);
    const afterChange = await secondStep(pending, totpCodeAt(secret, clock.now().getTime()));
    assert.equal(afterChange.statusCode, 401);
    assert.equal(json<ErrorShape>(afterChange).error.field, 'token');
    await t.ctx.db
      .update(staffUsers)
      .set({ passwordHash: await hashPassword(OWNER_PASSWORD) })
      .where(eq(staffUsers.email, OWNER_EMAIL));
  });

  it('a wrong password for a staff email writes staff_sign_in_failed; an unknown email writes staff_sign_in_unknown_email without the email', async () => {
    const before = await t.ctx.db.select().from(securityEvents);
    const wrong = await firstStep(OWNER_EMAIL, 'not the password', '203.0.113.9');
    const unknown = await firstStep('nobody@example.com', 'not the password', '203.0.113.10');
    assert.equal(wrong.statusCode, 401);
    assert.deepEqual(json(wrong), json(unknown));
    const added = (await t.ctx.db.select().from(securityEvents)).filter(
      (e) => !before.some((b) => b.id === e.id),
    );
    assert.equal(added.length, 2);
    const failed = added.find((e) => e.reason === 'staff_sign_in_failed');
    assert.equal(failed?.email, OWNER_EMAIL);
    assert.equal(failed?.ip, '203.0.113.9');
    const unknownEvent = added.find((e) => e.reason === 'staff_sign_in_unknown_email');
    assert.equal(unknownEvent?.email, null);
    assert.equal(unknownEvent?.ip, '203.0.113.10');
  });

  it('the owner resets a member’s lost second factor: their sessions end and a security event is written', async () => {
    const owner = await t.staffCookie();
    const desk = await signedInMember(t, 'dana.desk@aftercare.test', 'Dana Desk', 'customer_service');
    await enrolAuthenticator(t, 'dana.desk@aftercare.test', desk.cookie);
    const tech = await signedInMember(t, 'theo.tech@aftercare.test', 'Theo Tech', 'technician');
    const reset = (cookie: string, id: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/admin/staff/${id}/second-factor/reset`,
        headers: { cookie, 'user-agent': AGENT },
        remoteAddress: '203.0.113.50',
      });

    assert.equal((await reset(tech.cookie, desk.id)).statusCode, 403);
    assert.equal((await reset(desk.cookie, tech.id)).statusCode, 403);
    assert.equal((await reset('', desk.id)).statusCode, 401);
    assert.equal(
      (await t.app.inject({ url: '/api/admin/staff', headers: { cookie: tech.cookie } })).statusCode,
      403,
    );
    const staffList = json<{ items: { email: string; secondFactor: boolean }[] }>(
      await t.app.inject({ url: '/api/admin/staff', headers: { cookie: owner } }),
    );
    assert.equal(staffList.items.find((m) => m.email === 'dana.desk@aftercare.test')?.secondFactor, true);

    const done = await reset(owner, desk.id);
    assert.equal(done.statusCode, 204, done.body);
    assert.equal(
      (await t.app.inject({ url: '/api/staff/session', headers: { cookie: desk.cookie } })).statusCode,
      401,
    );
    const [event] = await t.ctx.db
      .select()
      .from(securityEvents)
      .where(and(eq(securityEvents.reason, 'second_factor_reset'), eq(securityEvents.staffId, desk.id)));
    assert.equal(event?.email, 'dana.desk@aftercare.test');
    assert.equal(event?.ip, '203.0.113.50');
    // The member signs in with the password alone again, and may enrol anew.
    const back = await firstStep('dana.desk@aftercare.test', 'a long enough password');
    assert.equal(back.statusCode, 200);
    assert.equal(json<FirstStep>(back).staff?.enrolmentRequired, false);
    assert.equal(back.cookies.length, 1);

    assert.equal((await reset(owner, desk.id)).statusCode, 409, 'nothing left to reset');
    assert.equal((await reset(owner, uuidv7())).statusCode, 404);
    const ownerId = (await t.ctx.db.select().from(staffUsers).where(eq(staffUsers.email, OWNER_EMAIL)))[0]
      ?.id;
    const self = await reset(owner, ownerId as string);
    assert.equal(self.statusCode, 400);
  });
});

describe('staff session lifetime (issue 12 point 4)', () => {
  it('STAFF_SESSION_HOURS sets the absolute lifetime, used or not', async () => {
    const clock = fixedClock('2026-03-03T09:00:00Z');
    const t = await startTestApp({ clock, env: { STAFF_SESSION_HOURS: '2', STAFF_IDLE_MINUTES: '60' } });
    try {
      const id = uuidv7();
      await t.ctx.db.insert(staffUsers).values({
        id,
        email: 'sam.shift@aftercare.test',
        name: 'Sam Shift',
        passwordHash: await hashPassword('a long enough password'),
        role: 'technician',
        ...acceptedAgreement(),
      });
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/staff/session',
        payload: { email: 'sam.shift@aftercare.test', password: 'a long enough password' },
      });
      assert.equal(res.cookies[0]?.maxAge, 2 * 3600);
      const cookie = cookieHeader(res);
      const me = () => t.app.inject({ url: '/api/staff/session', headers: { cookie } });
      for (let i = 0; i < 3; i++) {
        clock.advance(39 * 60_000);
        assert.equal((await me()).statusCode, 200, `in use after ${(i + 1) * 39} minutes`);
      }
      clock.advance(4 * 60_000);
      assert.equal((await me()).statusCode, 401, 'ended after 2 hours although in use');
    } finally {
      await t.close();
    }
  });
});
