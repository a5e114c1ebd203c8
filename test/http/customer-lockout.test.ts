/**
 * PV-ACC-2 over HTTP: lockout after 3 wrong passwords, growing with repeated lockouts, lifted by time or a
 * reset; no account enumeration (the same answer in about the same time); per-IP throttling.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { customers } from '../../src/accounts/customers/schema.ts';
import { securityEvents } from '../../src/accounts/security-events.schema.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import {
  errorOf,
  FIREFOX,
  GOOD_PASSWORD,
  get,
  linkToken,
  mailsTo,
  post,
  sessionCookie,
  signIn,
  verifiedAccount,
} from '../helpers/accounts-fixtures.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';

const MINUTE = 60_000;
const WRONG = 'not my password at all';

describe('sign-in lockout and enumeration (PV-ACC-2)', () => {
  const clock = fixedClock('2026-03-02T09:00:00Z');
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ clock, env: { CUSTOMER_AUTH_PER_MINUTE: '100000' } });
    await verifiedAccount(t, 'locked@example.com');
    await verifiedAccount(t, 'known@example.com');
  });
  after(() => t.close());

  it('PV-ACC-2: the third wrong password locks sign-in: the 4th attempt is refused even with the right password', async () => {
    const laptop = await sessionCookie(t, 'locked@example.com');
    for (let i = 0; i < 3; i++) {
      const res = await signIn(t, 'locked@example.com', WRONG);
      assert.equal(res.statusCode, 401);
    }
    const fourth = await signIn(t, 'locked@example.com', GOOD_PASSWORD);
    assert.equal(fourth.statusCode, 401, 'locked: the right password does not open it');
    assert.equal(fourth.cookies.length, 0);
    // The account's sessions ended with the lockout.
    assert.equal((await get(t, '/api/account', laptop)).statusCode, 401);
    const [row] = await t.ctx.db.select().from(customers).where(eq(customers.email, 'locked@example.com'));
    assert.equal(row?.lockedUntil?.toISOString(), '2026-03-02T09:15:00.000Z');
    // The security events: the lockout (account, IP, user agent, time, reason) and the attempt inside it.
    const events = await t.ctx.db
      .select()
      .from(securityEvents)
      .where(eq(securityEvents.customerId, row?.id as string));
    const lockout = events.find((e) => e.reason === 'lockout');
    assert.equal(lockout?.email, 'locked@example.com');
    assert.equal(lockout?.ip, '127.0.0.1');
    assert.equal(lockout?.userAgent, FIREFOX);
    assert.equal(lockout?.subjectType, 'customer');
    assert.equal(lockout?.at.toISOString(), '2026-03-02T09:00:00.000Z');
    assert.ok(events.some((e) => e.reason === 'sign_in_while_locked'));
    // The owner is told by email, with a reset link that lifts the lock.
    assert.equal((await mailsTo(t, 'locked@example.com', 'account_locked')).length, 1);
  });

  it('PV-ACC-2: the lock lifts after its period', async () => {
    clock.advance(14 * MINUTE);
    assert.equal((await signIn(t, 'locked@example.com')).statusCode, 401, 'still inside the 15 minutes');
    clock.advance(1 * MINUTE);
    assert.equal((await signIn(t, 'locked@example.com')).statusCode, 200, 'after 15 minutes');
  });

  it('PV-ACC-2: repeated lockouts last longer (15, then 30 minutes)', async () => {
    for (let i = 0; i < 3; i++) await signIn(t, 'locked@example.com', WRONG);
    clock.advance(15 * MINUTE);
    for (let i = 0; i < 3; i++) await signIn(t, 'locked@example.com', WRONG);
    const [row] = await t.ctx.db.select().from(customers).where(eq(customers.email, 'locked@example.com'));
    assert.equal(row?.lockouts, 2);
    clock.advance(29 * MINUTE);
    assert.equal((await signIn(t, 'locked@example.com')).statusCode, 401);
    clock.advance(1 * MINUTE);
    assert.equal((await signIn(t, 'locked@example.com')).statusCode, 200);
  });

  it('PV-ACC-2: a reset by email lifts the lock at once', async () => {
    clock.advance(1000);
    for (let i = 0; i < 3; i++) await signIn(t, 'locked@example.com', WRONG);
    assert.equal((await signIn(t, 'locked@example.com')).statusCode, 401);
    const token = await linkToken(t, 'locked@example.com', 'account_locked');
    const reset = await post(t, '/api/account/password-reset/confirm', {
      token,
      password: 'violet harbour engine',
    });
    assert.equal(reset.statusCode, 200, reset.body);
    assert.equal((await signIn(t, 'locked@example.com', 'violet harbour engine')).statusCode, 200);
  });

  it('an unknown email and a wrong password get the same status and body', async () => {
    const unknown = await signIn(t, 'nobody-here@example.com', WRONG);
    const wrong = await signIn(t, 'known@example.com', WRONG);
    assert.equal(unknown.statusCode, 401);
    assert.equal(wrong.statusCode, unknown.statusCode);
    assert.equal(wrong.body, unknown.body);
    assert.equal(errorOf(wrong).field, 'password');
    // A locked account answers the same too.
    for (let i = 0; i < 3; i++) await signIn(t, 'known@example.com', WRONG);
    assert.equal((await signIn(t, 'known@example.com', WRONG)).body, unknown.body);
  });

  it('a password reset request answers the same for any address; the email says which', async () => {
    const known = await post(t, '/api/account/password-reset', { email: 'Known@Example.com' });
    const unknown = await post(t, '/api/account/password-reset', { email: 'nobody-here@example.com' });
    assert.equal(known.statusCode, 202);
    assert.equal(unknown.statusCode, 202);
    assert.equal(known.body, unknown.body);
    assert.equal((await mailsTo(t, 'known@example.com', 'account_reset')).length, 1);
    assert.equal((await mailsTo(t, 'nobody-here@example.com', 'account_reset_unknown')).length, 1);
    assert.equal(errorOf(await post(t, '/api/account/password-reset', { email: 'nope' })).field, 'email');
  });

  it('an unknown email costs about as much time as a wrong password', async () => {
    clock.advance(24 * 60 * MINUTE);
    await verifiedAccount(t, 'timing@example.com');
    const timed = async (email: string) => {
      const started = performance.now();
      await signIn(t, email, WRONG);
      return performance.now() - started;
    };
    const median = (times: number[]) => times.sort((a, b) => a - b)[times.length >> 1] as number;
    await timed('warm-up@example.com');
    // Interleaved, so that a burst of load from elsewhere on the machine slows both kinds alike.
    const unknownTimes: number[] = [];
    const knownTimes: number[] = [];
    for (let i = 0; i < 9; i++) {
      unknownTimes.push(await timed('nobody-at-all@example.com'));
      knownTimes.push(await timed('timing@example.com'));
      // Below the lockout: two wrong attempts, then the right one starts the count over.
      if (i % 2 === 1) await signIn(t, 'timing@example.com');
    }
    const unknown = median(unknownTimes);
    const known = median(knownTimes);
    const ratio = Math.max(unknown, known) / Math.min(unknown, known);
    assert.ok(ratio < 2, `unknown ${unknown.toFixed(1)} ms vs wrong password ${known.toFixed(1)} ms`);
  });
});

describe('per-IP throttling of sign-in, sign-up and reset', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ env: { CUSTOMER_AUTH_PER_MINUTE: '3' } });
  });
  after(() => t.close());

  it('the 4th sign-in attempt from one address within a minute is a 429', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await signIn(t, `spray${i}@example.com`, WRONG)).statusCode);
    assert.deepEqual(statuses, [401, 401, 401, 429]);
    const reset = [];
    for (let i = 0; i < 4; i++)
      reset.push((await post(t, '/api/account/password-reset', { email: 'a@example.com' })).statusCode);
    assert.deepEqual(reset, [202, 202, 202, 429]);
  });
});
