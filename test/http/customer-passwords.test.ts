/**
 * Password reset and change, and the change of email address, over HTTP (issue 12 points 1, 2 and 4): links
 * that expire and work once, a reset link dead after a password change, every session ended on reset, the
 * old address told of a new one.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { customers } from '../../src/accounts/customers/schema.ts';
import { securityEvents } from '../../src/accounts/security-events.schema.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import {
  errorOf,
  GOOD_PASSWORD,
  get,
  linkToken,
  mailsTo,
  post,
  sessionCookie,
  signIn,
  verifiedAccount,
} from '../helpers/accounts-fixtures.ts';
import { json, startTestApp, type TestApp } from '../helpers/app.ts';

const HOUR = 3_600_000;
const NEW_PASSWORD = 'violet harbour engine';

describe('customer passwords and email addresses', () => {
  const clock = fixedClock('2026-03-02T09:00:00Z');
  let t: TestApp;
  const reasons = async (email: string) =>
    (await t.ctx.db.select().from(securityEvents).where(eq(securityEvents.email, email))).map(
      (e) => e.reason,
    );
  before(async () => {
    t = await startTestApp({ clock, env: { CUSTOMER_AUTH_PER_MINUTE: '100000' } });
  });
  after(() => t.close());

  describe('password reset by email', () => {
    it('a weak new password is refused and leaves the link usable; a good one ends every session, once', async () => {
      await verifiedAccount(t, 'reset@example.com');
      const laptop = await sessionCookie(t, 'reset@example.com');
      const phone = await sessionCookie(t, 'reset@example.com');
      assert.equal(
        (await post(t, '/api/account/password-reset', { email: 'RESET@example.com' })).statusCode,
        202,
      );
      const token = await linkToken(t, 'reset@example.com', 'account_reset');

      const weak = await post(t, '/api/account/password-reset/confirm', { token, password: 'password1!' });
      assert.equal(weak.statusCode, 400);
      assert.equal(errorOf(weak).field, 'password');
      assert.match(errorOf(weak).message, /too easy to guess/);

      const ok = await post(t, '/api/account/password-reset/confirm', { token, password: NEW_PASSWORD });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.equal((await get(t, '/api/account', laptop)).statusCode, 401);
      assert.equal((await get(t, '/api/account', phone)).statusCode, 401);
      assert.equal((await signIn(t, 'reset@example.com', GOOD_PASSWORD)).statusCode, 401);
      assert.equal((await signIn(t, 'reset@example.com', NEW_PASSWORD)).statusCode, 200);
      assert.ok((await reasons('reset@example.com')).includes('password_reset'));
      assert.equal((await mailsTo(t, 'reset@example.com', 'account_password_changed')).length, 1);

      const reused = await post(t, '/api/account/password-reset/confirm', {
        token,
        password: 'another good passphrase',
      });
      assert.equal(reused.statusCode, 400);
      assert.match(errorOf(reused).message, /already used/);
      assert.ok((await reasons('reset@example.com')).includes('token_reused'));
      assert.equal((await signIn(t, 'reset@example.com', NEW_PASSWORD)).statusCode, 200, 'nothing changed');
    });

    it('an expired reset link is refused and logged', async () => {
      await verifiedAccount(t, 'slow@example.com');
      await post(t, '/api/account/password-reset', { email: 'slow@example.com' });
      const token = await linkToken(t, 'slow@example.com', 'account_reset');
      clock.advance(24 * HOUR);
      const res = await post(t, '/api/account/password-reset/confirm', { token, password: NEW_PASSWORD });
      assert.equal(res.statusCode, 400);
      assert.match(errorOf(res).message, /expired/);
      assert.ok((await reasons('slow@example.com')).includes('token_expired'));
      assert.equal((await signIn(t, 'slow@example.com')).statusCode, 200, 'the password is unchanged');
    });

    it('a reset link mailed before a password change no longer works', async () => {
      await verifiedAccount(t, 'changer@example.com');
      await post(t, '/api/account/password-reset', { email: 'changer@example.com' });
      const token = await linkToken(t, 'changer@example.com', 'account_reset');
      const cookie = await sessionCookie(t, 'changer@example.com');
      const changed = await post(
        t,
        '/api/account/password',
        { currentPassword: GOOD_PASSWORD, newPassword: NEW_PASSWORD },
        cookie,
      );
      assert.equal(changed.statusCode, 200, changed.body);
      const res = await post(t, '/api/account/password-reset/confirm', {
        token,
        password: 'another good passphrase',
      });
      assert.equal(res.statusCode, 400);
      assert.equal(errorOf(res).field, 'token');
      assert.equal((await signIn(t, 'changer@example.com', NEW_PASSWORD)).statusCode, 200);
    });
  });

  describe('password change', () => {
    it('needs the current password, refuses the same or a weak one, and ends every other session', async () => {
      await verifiedAccount(t, 'change@example.com');
      const here = await sessionCookie(t, 'change@example.com');
      const elsewhere = await sessionCookie(t, 'change@example.com');
      const change = (body: object) => post(t, '/api/account/password', body, here);
      const wrong = await change({ currentPassword: 'wrong wrong wrong', newPassword: NEW_PASSWORD });
      assert.equal(wrong.statusCode, 400);
      assert.equal(errorOf(wrong).field, 'currentPassword');
      const same = await change({ currentPassword: GOOD_PASSWORD, newPassword: GOOD_PASSWORD });
      assert.equal(same.statusCode, 400, same.body);
      assert.equal(errorOf(same).field, 'newPassword');
      const weak = await change({ currentPassword: GOOD_PASSWORD, newPassword: 'qwerty123!' });
      assert.equal(weak.statusCode, 400, weak.body);
      assert.equal(errorOf(weak).field, 'newPassword');
      const long = await change({ currentPassword: GOOD_PASSWORD, newPassword: `${'ab!'.repeat(100)}` });
      assert.equal(long.statusCode, 400, long.body);
      assert.match(errorOf(long).message, /at most 256/);

      const ok = await change({ currentPassword: GOOD_PASSWORD, newPassword: NEW_PASSWORD });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.equal(json<{ sessionsEnded: number }>(ok).sessionsEnded, 1);
      assert.equal((await get(t, '/api/account', here)).statusCode, 200, 'the session that asked stays');
      assert.equal((await get(t, '/api/account', elsewhere)).statusCode, 401);
      assert.ok((await reasons('change@example.com')).includes('password_changed'));
      assert.equal((await signIn(t, 'change@example.com', GOOD_PASSWORD)).statusCode, 401);
    });

    it('PV-ACC-1: passwords are compared in NFKC: full-width letters sign in as their plain form', async () => {
      await verifiedAccount(t, 'wide@example.com', 'ｐｌｕｍ ｑｕａｒｔｚ ｌａｎｔｅｒｎ');
      assert.equal((await signIn(t, 'wide@example.com', 'plum quartz lantern')).statusCode, 200);
    });
  });

  describe('change of email address', () => {
    it('the new address confirms with a link that works once; the old address is told', async () => {
      await verifiedAccount(t, 'old@example.com');
      const cookie = await sessionCookie(t, 'old@example.com');
      const ask = (body: object) => post(t, '/api/account/email', body, cookie);
      assert.equal(
        errorOf(await ask({ email: 'new@example.com', password: 'wrong wrong wrong' })).field,
        'password',
      );
      assert.equal(errorOf(await ask({ email: 'OLD@example.com', password: GOOD_PASSWORD })).field, 'email');
      assert.equal(errorOf(await ask({ email: 'not an email', password: GOOD_PASSWORD })).field, 'email');

      const res = await ask({ email: ' New@Example.com ', password: GOOD_PASSWORD });
      assert.equal(res.statusCode, 202, res.body);
      const token = await linkToken(t, 'new@example.com', 'account_change_email');
      // Nothing changes before the link is followed.
      assert.equal((await signIn(t, 'old@example.com')).statusCode, 200);

      const confirmed = await post(t, '/api/account/email/confirm', { token });
      assert.equal(confirmed.statusCode, 200, confirmed.body);
      assert.equal(json<{ email: string }>(confirmed).email, 'new@example.com');
      const told = await mailsTo(t, 'old@example.com', 'account_email_changed');
      assert.equal(told.length, 1);
      assert.match(told[0]?.textBody ?? '', /new@example\.com/);
      assert.ok((await reasons('old@example.com')).includes('email_changed'));
      assert.equal((await signIn(t, 'old@example.com')).statusCode, 401);
      assert.equal((await signIn(t, 'new@example.com')).statusCode, 200);
      const me = json<{ account: { email: string } }>(await get(t, '/api/account', cookie));
      assert.equal(me.account.email, 'new@example.com');

      const again = await post(t, '/api/account/email/confirm', { token });
      assert.equal(again.statusCode, 400);
      assert.equal(errorOf(again).field, 'token');
    });

    it('an address another account uses answers the same; only that address is told', async () => {
      await verifiedAccount(t, 'mover@example.com');
      await verifiedAccount(t, 'taken@example.com');
      const cookie = await sessionCookie(t, 'mover@example.com');
      const taken = await post(
        t,
        '/api/account/email',
        { email: 'taken@example.com', password: GOOD_PASSWORD },
        cookie,
      );
      const free = await post(
        t,
        '/api/account/email',
        { email: 'free@example.com', password: GOOD_PASSWORD },
        cookie,
      );
      assert.equal(taken.statusCode, 202);
      assert.equal(taken.body, free.body);
      assert.equal((await mailsTo(t, 'taken@example.com', 'account_email_taken')).length, 1);
      assert.equal((await mailsTo(t, 'taken@example.com', 'account_change_email')).length, 0);
      const [row] = await t.ctx.db.select().from(customers).where(eq(customers.email, 'mover@example.com'));
      assert.ok(row, 'still at its address');
    });

    it('an expired change link is refused and changes nothing', async () => {
      await verifiedAccount(t, 'wait@example.com');
      const cookie = await sessionCookie(t, 'wait@example.com');
      await post(t, '/api/account/email', { email: 'later@example.com', password: GOOD_PASSWORD }, cookie);
      const token = await linkToken(t, 'later@example.com', 'account_change_email');
      clock.advance(25 * HOUR);
      const res = await post(t, '/api/account/email/confirm', { token });
      assert.equal(res.statusCode, 400);
      assert.match(errorOf(res).message, /expired/);
      assert.equal((await signIn(t, 'wait@example.com')).statusCode, 200);
    });
  });
});
