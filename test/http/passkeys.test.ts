/**
 * Passkeys (WebAuthn) for customers and staff over HTTP (issue 12 points 5 and 7), with real WebAuthn answers
 * from a software authenticator (test/helpers/webauthn.ts): adding one with the password, signing in with it
 * without a password (a new session), removing it with the password, and every refusal changing nothing:
 * an answer to another challenge, a replay, an unknown credential, another account's, a counter going back,
 * another origin, malformed JSON. Staff: a passkey is both factors (no authenticator step, the owner's
 * requirement met), and the owner's reset of a member's second factor removes their passkeys.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { customers } from '../../src/accounts/customers/schema.ts';
import { passkeyChallenges, passkeys } from '../../src/accounts/passkeys/schema.ts';
import { hashPassword } from '../../src/accounts/passwords.ts';
import { staffUsers } from '../../src/accounts/schema.ts';
import { securityEvents } from '../../src/accounts/security-events.schema.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { uuidv7 } from '../../src/shared/ids.ts';
import {
  errorOf,
  FIREFOX,
  GOOD_PASSWORD,
  sessionCookie,
  signIn,
  verifiedAccount,
} from '../helpers/accounts-fixtures.ts';
import {
  acceptedAgreement,
  cookieHeader,
  json,
  OWNER_EMAIL,
  OWNER_PASSWORD,
  signedInMember,
  startTestApp,
  type TestApp,
} from '../helpers/app.ts';
import { type AuthenticationAnswer, SoftAuthenticator } from '../helpers/webauthn.ts';

const ORIGIN = 'https://shop.example';
const MINUTE = 60_000;
type Options = { challenge: string; rp: { id?: string }; user: { id: string }; rpId?: string };

let address = 0;
const nextAddress = () => `203.0.113.${++address}`;

describe('passkeys (issue 12 points 5 and 7)', () => {
  const clock = fixedClock('2026-03-02T09:00:00Z');
  let t: TestApp;
  before(async () => {
    t = await startTestApp({
      clock,
      env: { PUBLIC_URL: ORIGIN, CUSTOMER_AUTH_PER_MINUTE: '100000', STAFF_IDLE_MINUTES: '720' },
    });
    await verifiedAccount(t, 'ada@example.com');
    await verifiedAccount(t, 'grace@example.com', GOOD_PASSWORD, 'Grace Hopper');
  });
  after(() => t.close());

  function send(method: 'GET' | 'POST', url: string, cookie = '', payload?: unknown) {
    return t.app.inject({
      method,
      url,
      remoteAddress: nextAddress(),
      headers: { 'user-agent': FIREFOX, ...(cookie ? { cookie } : {}) },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  }

  /** Adds a passkey named `name` to the account signed in with `cookie` (base `/api/account` or `/api/staff`). */
  async function addPasskey(
    base: string,
    cookie: string,
    key: SoftAuthenticator,
    name: string,
    password: string,
  ) {
    const start = await send('POST', `${base}/passkeys/registration/options`, cookie, { password });
    assert.equal(start.statusCode, 200, start.body);
    const { options } = json<{ options: Options }>(start);
    const res = await send('POST', `${base}/passkeys/registration`, cookie, {
      name,
      response: key.register(options),
    });
    assert.equal(res.statusCode, 201, res.body);
    return json<{ passkey: { id: string; name: string } }>(res).passkey;
  }

  /** The first step of a passkey sign-in: the options and the cookie the challenge is bound to. */
  async function signInOptions(base: string) {
    const res = await send('POST', `${base}/passkeys/sign-in/options`);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers['cache-control'], 'no-store');
    return { options: json<{ options: Options }>(res).options, cookie: cookieHeader(res) };
  }

  function finishSignIn(base: string, cookie: string, response: AuthenticationAnswer | object) {
    return send('POST', `${base}/passkeys/sign-in`, cookie, { response });
  }

  const eventsOf = (reason: string) =>
    t.ctx.db
      .select()
      .from(securityEvents)
      .where(eq(securityEvents.reason, reason as 'passkey_unknown'));
  const passkeyRow = async (id: string) =>
    (await t.ctx.db.select().from(passkeys).where(eq(passkeys.id, id)))[0];

  const ada = new SoftAuthenticator(ORIGIN);
  let adaCookie = '';
  let adaKeyId = '';

  it('a customer adds a passkey after confirming the password; the list shows its name, when added and last used', async () => {
    adaCookie = await sessionCookie(t, 'ada@example.com');
    const wrong = await send('POST', '/api/account/passkeys/registration/options', adaCookie, {
      password: 'not my password',
    });
    assert.equal(wrong.statusCode, 400);
    assert.equal(errorOf(wrong).field, 'password');
    const added = await addPasskey('/api/account', adaCookie, ada, 'Work laptop', GOOD_PASSWORD);
    adaKeyId = added.id;
    const list = await send('GET', '/api/account/passkeys', adaCookie);
    assert.equal(list.statusCode, 200);
    assert.equal(list.headers['cache-control'], 'no-store');
    assert.deepEqual(json(list), {
      passkeys: [
        { id: added.id, name: 'Work laptop', createdAt: '2026-03-02T09:00:00.000Z', lastUsedAt: null },
      ],
    });
    const row = await passkeyRow(added.id);
    assert.equal(row?.credentialId, ada.credentials[0]?.id);
    assert.deepEqual(row?.transports, ['internal']);
    assert.equal((await eventsOf('passkey_added')).length, 1);
    // The challenge was single-use: it is gone from the store.
    assert.equal((await t.ctx.db.select().from(passkeyChallenges)).length, 0);
  });

  it('PV-RGT-1: the data download lists the passkeys by name and dates, without key material', async () => {
    const res = await send('GET', '/api/account/export', adaCookie);
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(json<{ passkeys: unknown }>(res).passkeys, [
      { name: 'Work laptop', createdAt: '2026-03-02T09:00:00.000Z', lastUsedAt: null },
    ]);
    assert.ok(!res.body.includes(ada.credentials[0]?.id as string), 'no credential id in the file');
  });

  it('a registration answer made on another origin, without user verification, or replayed is refused and stores nothing', async () => {
    const key = new SoftAuthenticator(ORIGIN);
    for (const knobs of [{ origin: 'https://evil.example' }, { userVerified: false }]) {
      const start = await send('POST', '/api/account/passkeys/registration/options', adaCookie, {
        password: GOOD_PASSWORD,
      });
      const answer = key.register(json<{ options: Options }>(start).options, knobs);
      const res = await send('POST', '/api/account/passkeys/registration', adaCookie, {
        name: 'Bad',
        response: answer,
      });
      assert.equal(res.statusCode, 400, res.body);
      assert.equal(errorOf(res).field, 'response');
      // Replayed: the challenge is spent whatever the outcome.
      const again = await send('POST', '/api/account/passkeys/registration', adaCookie, {
        name: 'Bad',
        response: answer,
      });
      assert.equal(again.statusCode, 400);
      assert.match(errorOf(again).message, /expired or was already answered/);
    }
    assert.equal((await t.ctx.db.select().from(passkeys)).length, 1);
  });

  it('a registration answer to an older challenge is refused as a security event', async () => {
    const key = new SoftAuthenticator(ORIGIN);
    const first = await send('POST', '/api/account/passkeys/registration/options', adaCookie, {
      password: GOOD_PASSWORD,
    });
    await send('POST', '/api/account/passkeys/registration/options', adaCookie, { password: GOOD_PASSWORD });
    const stale = key.register(json<{ options: Options }>(first).options);
    const res = await send('POST', '/api/account/passkeys/registration', adaCookie, {
      name: 'Old',
      response: stale,
    });
    assert.equal(res.statusCode, 400);
    assert.equal(errorOf(res).field, 'response.response.clientDataJSON');
    const [event] = await eventsOf('passkey_challenge_mismatch');
    assert.equal(event?.email, 'ada@example.com');
    assert.equal((await t.ctx.db.select().from(passkeys)).length, 1);
  });

  it('a customer signs in with the passkey and no password: a new session, last use and last activity move', async () => {
    clock.advance(10 * MINUTE);
    const { options, cookie } = await signInOptions('/api/account');
    assert.match(cookie, /__Host-ac_passkey_customer=/);
    assert.equal(options.rpId, 'shop.example');
    const res = await finishSignIn('/api/account', cookie, ada.authenticate(options));
    assert.equal(res.statusCode, 200, res.body);
    const session = cookieHeader(res);
    assert.match(session, /__Host-ac_customer=/);
    assert.notEqual(session, adaCookie);
    const me = await send('GET', '/api/account/session', session);
    assert.equal(me.statusCode, 200);
    assert.equal(json<{ customer: { email: string } }>(me).customer.email, 'ada@example.com');
    const row = await passkeyRow(adaKeyId);
    assert.equal(row?.counter, 1);
    assert.equal(row?.lastUsedAt?.toISOString(), '2026-03-02T09:10:00.000Z');
    const [customer] = await t.ctx.db.select().from(customers).where(eq(customers.email, 'ada@example.com'));
    assert.equal(customer?.lastActiveAt.toISOString(), '2026-03-02T09:10:00.000Z');
  });

  it('a replayed sign-in answer, or one without its cookie, is a 400 naming the response; nothing changes', async () => {
    const { options, cookie } = await signInOptions('/api/account');
    const answer = ada.authenticate(options);
    assert.equal((await finishSignIn('/api/account', cookie, answer)).statusCode, 200);
    const replay = await finishSignIn('/api/account', cookie, answer);
    assert.equal(replay.statusCode, 400);
    assert.equal(errorOf(replay).field, 'response');
    assert.equal(replay.cookies.filter((c) => c.name.endsWith('ac_customer')).length, 0);
    const noCookie = await finishSignIn(
      '/api/account',
      '',
      ada.authenticate((await signInOptions('/api/account')).options),
    );
    assert.equal(noCookie.statusCode, 400);
    assert.equal(errorOf(noCookie).field, 'response');
    assert.equal((await passkeyRow(adaKeyId))?.counter, 2);
  });

  it('an answer to another sign-in challenge is refused as a security event', async () => {
    const mismatches = (await eventsOf('passkey_challenge_mismatch')).length;
    const first = await signInOptions('/api/account');
    const second = await signInOptions('/api/account');
    const res = await finishSignIn('/api/account', second.cookie, ada.authenticate(first.options));
    assert.equal(res.statusCode, 400);
    assert.equal(errorOf(res).field, 'response.response.clientDataJSON');
    assert.equal((await eventsOf('passkey_challenge_mismatch')).length, mismatches + 1);
  });

  it('a challenge expires after PASSKEY_CHALLENGE_MINUTES', async () => {
    const { options, cookie } = await signInOptions('/api/account');
    clock.advance(5 * MINUTE);
    const res = await finishSignIn('/api/account', cookie, ada.authenticate(options));
    assert.equal(res.statusCode, 400);
    assert.equal(errorOf(res).field, 'response');
  });

  it('an unknown credential is a 401 naming response.id and a security event', async () => {
    const stranger = new SoftAuthenticator(ORIGIN);
    stranger.register({ challenge: 'x', rp: { id: 'shop.example' }, user: { id: 'c29tZW9uZQ' } });
    const { options, cookie } = await signInOptions('/api/account');
    const res = await finishSignIn('/api/account', cookie, stranger.authenticate(options));
    assert.equal(res.statusCode, 401);
    assert.equal(errorOf(res).field, 'response.id');
    assert.equal((await eventsOf('passkey_unknown')).length, 1);
  });

  it('a credential presented for another account (another user handle) is refused as a security event', async () => {
    const { options, cookie } = await signInOptions('/api/account');
    const [grace] = await t.ctx.db.select().from(customers).where(eq(customers.email, 'grace@example.com'));
    const res = await finishSignIn(
      '/api/account',
      cookie,
      ada.authenticate(options, { userHandle: Buffer.from(grace?.id ?? '').toString('base64url') }),
    );
    assert.equal(res.statusCode, 401);
    assert.equal(errorOf(res).field, 'response.response.userHandle');
    assert.equal((await eventsOf('passkey_wrong_account')).length, 1);
  });

  it('a signature made for another origin is refused as a security event', async () => {
    const { options, cookie } = await signInOptions('/api/account');
    const res = await finishSignIn(
      '/api/account',
      cookie,
      ada.authenticate(options, { origin: 'https://evil.example' }),
    );
    assert.equal(res.statusCode, 401);
    assert.equal(errorOf(res).field, 'response');
    assert.equal((await eventsOf('passkey_signature_failed')).length, 1);
  });

  it('a counter that went backwards (a cloned key) is refused as a security event; the stored counter stays', async () => {
    const before = (await passkeyRow(adaKeyId))?.counter ?? 0;
    assert.ok(before >= 2);
    const { options, cookie } = await signInOptions('/api/account');
    const res = await finishSignIn(
      '/api/account',
      cookie,
      ada.authenticate(options, { counter: before - 1 }),
    );
    assert.equal(res.statusCode, 401);
    assert.equal(errorOf(res).field, 'response.response.authenticatorData');
    assert.equal((await eventsOf('passkey_counter_regression')).length, 1);
    assert.equal((await passkeyRow(adaKeyId))?.counter, before);
    // The genuine key, one step on, still signs in.
    const next = await signInOptions('/api/account');
    const genuine = ada.credentials[0];
    if (genuine) genuine.counter = before;
    assert.equal(
      (await finishSignIn('/api/account', next.cookie, ada.authenticate(next.options))).statusCode,
      200,
    );
  });

  it('malformed answers are 400s naming the field', async () => {
    const { cookie } = await signInOptions('/api/account');
    const notJson = await t.app.inject({
      method: 'POST',
      url: '/api/account/passkeys/sign-in',
      headers: { cookie, 'content-type': 'application/json' },
      payload: '{"response": ',
    });
    assert.equal(notJson.statusCode, 400);
    const missing = await finishSignIn('/api/account', cookie, { id: 'abc', type: 'public-key' });
    assert.equal(missing.statusCode, 400);
    assert.match(errorOf(missing).field ?? '', /^response\./);
    const garbled = await finishSignIn('/api/account', cookie, {
      id: 'abc',
      rawId: 'abc',
      type: 'public-key',
      response: { clientDataJSON: 'not base64!', authenticatorData: 'AAAA', signature: 'AAAA' },
    });
    assert.equal(garbled.statusCode, 400);
    assert.equal(errorOf(garbled).field, 'response.response.clientDataJSON');
    const unreadable = await finishSignIn('/api/account', (await signInOptions('/api/account')).cookie, {
      id: 'abc',
      rawId: 'abc',
      type: 'public-key',
      response: { clientDataJSON: 'AAAA', authenticatorData: 'AAAA', signature: 'AAAA' },
    });
    assert.equal(unreadable.statusCode, 400);
    assert.equal(errorOf(unreadable).field, 'response.response.clientDataJSON');
    const noName = await send('POST', '/api/account/passkeys/registration', adaCookie, {
      name: ' ',
      response: {},
    });
    assert.equal(noName.statusCode, 400);
    assert.equal(errorOf(noName).field, 'name');
  });

  it('PV-ACC-2: a locked account still signs in with its passkey; the password stays locked', async () => {
    for (let i = 0; i < 3; i++)
      assert.equal((await signIn(t, 'ada@example.com', 'wrong password here')).statusCode, 401);
    assert.equal((await signIn(t, 'ada@example.com')).statusCode, 401, 'the password is locked');
    const { options, cookie } = await signInOptions('/api/account');
    const res = await finishSignIn('/api/account', cookie, ada.authenticate(options));
    assert.equal(res.statusCode, 200, res.body);
    adaCookie = cookieHeader(res);
    const [row] = await t.ctx.db.select().from(customers).where(eq(customers.email, 'ada@example.com'));
    assert.ok(row?.lockedUntil && row.lockedUntil > clock.now(), 'the lock is not lifted by a passkey');
    clock.advance(16 * MINUTE);
  });

  it('another customer cannot remove my passkey (404); I remove it with my password, and it signs in no more', async () => {
    const grace = await sessionCookie(t, 'grace@example.com');
    const theirs = await send('POST', `/api/account/passkeys/${adaKeyId}/removal`, grace, {
      password: GOOD_PASSWORD,
    });
    assert.equal(theirs.statusCode, 404);
    const wrong = await send('POST', `/api/account/passkeys/${adaKeyId}/removal`, adaCookie, {
      password: 'nope nope',
    });
    assert.equal(wrong.statusCode, 400);
    assert.equal(errorOf(wrong).field, 'password');
    assert.ok(await passkeyRow(adaKeyId));
    const removed = await send('POST', `/api/account/passkeys/${adaKeyId}/removal`, adaCookie, {
      password: GOOD_PASSWORD,
    });
    assert.equal(removed.statusCode, 204);
    assert.equal(await passkeyRow(adaKeyId), undefined);
    assert.equal((await eventsOf('passkey_removed')).length, 1);
    const { options, cookie } = await signInOptions('/api/account');
    assert.equal((await finishSignIn('/api/account', cookie, ada.authenticate(options))).statusCode, 401);
  });

  it('the passkey routes need a session of their own audience: no session, or a staff session, is a 401', async () => {
    // A technician: the owner's first sign-in is left to the staff tests below.
    const { cookie: staff } = await signedInMember(t, 'tech@aftercare.test', 'Tech Nician', 'technician');
    for (const cookie of ['', staff]) {
      assert.equal((await send('GET', '/api/account/passkeys', cookie)).statusCode, 401);
      const res = await send('POST', '/api/account/passkeys/registration/options', cookie, {
        password: OWNER_PASSWORD,
      });
      assert.equal(res.statusCode, 401);
    }
    assert.equal((await send('GET', '/api/staff/passkeys', adaCookie)).statusCode, 401);
    assert.equal(
      (await send('POST', '/api/staff/passkeys/registration/options', adaCookie, { password: GOOD_PASSWORD }))
        .statusCode,
      401,
    );
  });

  describe('staff: a passkey is both factors', () => {
    const member = new SoftAuthenticator(ORIGIN);
    const memberEmail = 'cs@aftercare.test';
    const memberPassword = 'a long enough password';
    let memberId = '';
    let ownerCookie = '';

    const staffPasswordSignIn = (email: string, password: string) =>
      send('POST', '/api/staff/session', '', { email, password });

    it('an owner who must enrol a second factor may add a passkey instead of an authenticator app', async () => {
      const first = await staffPasswordSignIn(OWNER_EMAIL, OWNER_PASSWORD);
      assert.equal(json<{ staff: { enrolmentRequired: boolean } }>(first).staff.enrolmentRequired, true);
      ownerCookie = cookieHeader(first);
      assert.equal((await send('GET', '/api/admin/orders', ownerCookie)).statusCode, 403);
      await addPasskey(
        '/api/staff',
        ownerCookie,
        new SoftAuthenticator(ORIGIN),
        'Owner phone',
        OWNER_PASSWORD,
      );
      const me = json<{ staff: { enrolmentRequired: boolean; passkey: boolean } }>(
        await send('GET', '/api/staff/session', ownerCookie),
      );
      assert.equal(me.staff.enrolmentRequired, false);
      assert.equal(me.staff.passkey, true);
      assert.equal((await send('GET', '/api/admin/orders', ownerCookie)).statusCode, 200);
    });

    it('a member signs in with a passkey without password or code; the password alone no longer opens a session', async () => {
      memberId = uuidv7();
      await t.ctx.db.insert(staffUsers).values({
        id: memberId,
        email: memberEmail,
        name: 'Cass Service',
        passwordHash: await hashPassword(memberPassword),
        role: 'customer_service',
        ...acceptedAgreement(),
      });
      const cookie = cookieHeader(await staffPasswordSignIn(memberEmail, memberPassword));
      await addPasskey('/api/staff', cookie, member, 'Desk key', memberPassword);
      const { options, cookie: challengeCookie } = await signInOptions('/api/staff');
      assert.match(challengeCookie, /__Host-ac_passkey_staff=/);
      const res = await finishSignIn('/api/staff', challengeCookie, member.authenticate(options));
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(json<{ staff: { email: string; passkey: boolean } }>(res).staff.email, memberEmail);
      assert.equal((await send('GET', '/api/admin/orders', cookieHeader(res))).statusCode, 200);
      const password = await staffPasswordSignIn(memberEmail, memberPassword);
      assert.equal(password.statusCode, 403);
      assert.equal(errorOf(password).field, 'password');
      assert.equal(password.cookies.filter((c) => c.name.endsWith('ac_staff')).length, 0);
    });

    it("a member's passkey does not sign in as a customer, nor a customer's as staff", async () => {
      const shopper = new SoftAuthenticator(ORIGIN);
      const grace = await sessionCookie(t, 'grace@example.com');
      await addPasskey('/api/account', grace, shopper, 'Phone', GOOD_PASSWORD);
      const unknown = (await eventsOf('passkey_unknown')).length;
      const staffSide = await signInOptions('/api/staff');
      const asStaff = await finishSignIn(
        '/api/staff',
        staffSide.cookie,
        shopper.authenticate(staffSide.options),
      );
      assert.equal(asStaff.statusCode, 401);
      assert.equal(errorOf(asStaff).field, 'response.id');
      const customerSide = await signInOptions('/api/account');
      const asCustomer = await finishSignIn(
        '/api/account',
        customerSide.cookie,
        member.authenticate(customerSide.options),
      );
      assert.equal(asCustomer.statusCode, 401);
      // A staff challenge answered at the customer sign-in is not a customer challenge either.
      const crossed = await signInOptions('/api/staff');
      const wrongSide = await finishSignIn(
        '/api/account',
        crossed.cookie,
        shopper.authenticate(crossed.options),
      );
      assert.equal(wrongSide.statusCode, 400);
      assert.equal((await eventsOf('passkey_unknown')).length, unknown + 2);
    });

    it("the owner's reset of a member's second factor removes their passkeys and ends their sessions", async () => {
      const { options, cookie } = await signInOptions('/api/staff');
      const session = cookieHeader(await finishSignIn('/api/staff', cookie, member.authenticate(options)));
      const reset = await send('POST', `/api/admin/staff/${memberId}/second-factor/reset`, ownerCookie);
      assert.equal(reset.statusCode, 204, reset.body);
      assert.equal(
        (
          await t.ctx.db
            .select()
            .from(passkeys)
            .where(and(eq(passkeys.staffId, memberId)))
        ).length,
        0,
      );
      assert.equal((await send('GET', '/api/staff/session', session)).statusCode, 401);
      const again = await signInOptions('/api/staff');
      assert.equal(
        (await finishSignIn('/api/staff', again.cookie, member.authenticate(again.options))).statusCode,
        401,
      );
      assert.equal((await staffPasswordSignIn(memberEmail, memberPassword)).statusCode, 200);
      const list = json<{ items: Array<{ email: string; passkeys: number }> }>(
        await send('GET', '/api/admin/staff', ownerCookie),
      );
      assert.equal(list.items.find((m) => m.email === memberEmail)?.passkeys, 0);
      assert.equal(list.items.find((m) => m.email === OWNER_EMAIL)?.passkeys, 1);
    });

    it('PV-STF-2: deactivating a member removes their passkeys: the passkey signs in no more', async () => {
      const leaver = new SoftAuthenticator(ORIGIN);
      const id = uuidv7();
      await t.ctx.db.insert(staffUsers).values({
        id,
        email: 'leaver@aftercare.test',
        name: 'Lee Leaver',
        passwordHash: await hashPassword(memberPassword),
        role: 'technician',
        ...acceptedAgreement(),
      });
      const cookie = cookieHeader(await staffPasswordSignIn('leaver@aftercare.test', memberPassword));
      await addPasskey('/api/staff', cookie, leaver, 'Bench key', memberPassword);
      const gone = await send('POST', `/api/admin/staff/${id}/deactivation`, ownerCookie);
      assert.equal(gone.statusCode, 200, gone.body);
      assert.deepEqual(await t.ctx.db.select().from(passkeys).where(eq(passkeys.staffId, id)), []);
      const { options, cookie: challenge } = await signInOptions('/api/staff');
      const res = await finishSignIn('/api/staff', challenge, leaver.authenticate(options));
      assert.equal(res.statusCode, 401);
    });

    it('a member removes their own passkey with the password; another member’s is a 404', async () => {
      const list = json<{ passkeys: Array<{ id: string }> }>(
        await send('GET', '/api/staff/passkeys', ownerCookie),
      );
      const ownerKey = list.passkeys[0]?.id as string;
      const memberCookie = cookieHeader(await staffPasswordSignIn(memberEmail, memberPassword));
      const theirs = await send('POST', `/api/staff/passkeys/${ownerKey}/removal`, memberCookie, {
        password: memberPassword,
      });
      assert.equal(theirs.statusCode, 404);
      const mine = await send('POST', `/api/staff/passkeys/${ownerKey}/removal`, ownerCookie, {
        password: OWNER_PASSWORD,
      });
      assert.equal(mine.statusCode, 204);
      // The owner has no second factor left: the back office asks for one again.
      assert.equal((await send('GET', '/api/admin/orders', ownerCookie)).statusCode, 403);
    });
  });
});
