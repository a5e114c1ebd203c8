/**
 * The staff lifecycle: invitations (PV-STF-2), the confidentiality agreement before any back-office access
 * (PV-STF-3), deactivation that stops everything at once (PV-STF-2), and issue 12's leftovers: members renewing
 * their own recovery codes, and sign-ins with an unknown email as security events.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { staffInvitations, staffUsers } from '../../src/accounts/schema.ts';
import { totpCodeAt } from '../../src/accounts/second-factor/totp.rules.ts';
import { securityEvents } from '../../src/accounts/security-events.schema.ts';
import { CONFIDENTIALITY_AGREEMENT } from '../../src/accounts/staff-lifecycle/agreement.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { sha256 } from '../../src/shared/crypto.ts';
import { linkToken } from '../helpers/accounts-fixtures.ts';
import {
  cookieHeader,
  enrolledSecret,
  json,
  OWNER_EMAIL,
  OWNER_PASSWORD,
  signedInMember,
  startTestApp,
  type TestApp,
} from '../helpers/app.ts';

type ErrorShape = { error: { code: string; message: string; field?: string; clause?: string } };
type StaffView = { id: string; role: string; enrolmentRequired: boolean; agreementRequired: boolean };

const PASSWORD = 'copper Falcon drifts over 9 lakes';
let address = 0;
const nextAddress = () => `203.0.113.${++address}`;

describe('staff lifecycle (PV-STF-2, PV-STF-3)', () => {
  const clock = fixedClock('2026-03-02T09:00:00Z');
  let t: TestApp;
  let owner = '';
  let ownerId = '';
  before(async () => {
    t = await startTestApp({ clock, env: { STAFF_IDLE_MINUTES: '720' } });
    owner = await t.staffCookie();
    const [row] = await t.ctx.db.select().from(staffUsers).where(eq(staffUsers.email, OWNER_EMAIL));
    ownerId = row?.id ?? '';
  });
  after(() => t.close());

  const call = (method: 'GET' | 'POST', url: string, cookie = '', payload?: object) =>
    t.app.inject({
      method,
      url,
      headers: cookie ? { cookie } : {},
      remoteAddress: nextAddress(),
      ...(payload ? { payload } : {}),
    });
  const invite = (email: string, role = 'customer_service', name = 'Jo Bench', cookie = owner) =>
    call('POST', '/api/admin/staff/invitations', cookie, { email, name, role });
  const accept = (token: string, password = PASSWORD) =>
    call('POST', '/api/staff/invitation/acceptance', '', { token, password });
  const events = (reason: string) =>
    t.ctx.db
      .select()
      .from(securityEvents)
      .where(eq(securityEvents.reason, reason as 'staff_deactivated'));
  const member = async (email: string) =>
    (await t.ctx.db.select().from(staffUsers).where(eq(staffUsers.email, email)))[0];

  it('PV-STF-2, PV-STF-3: invite → the emailed link → a password → the agreement → the back office', async () => {
    const res = await invite('jo.bench@aftercare.test');
    assert.equal(res.statusCode, 201, res.body);
    const [stored] = await t.ctx.db
      .select()
      .from(staffInvitations)
      .where(eq(staffInvitations.email, 'jo.bench@aftercare.test'));
    const token = await linkToken(t, 'jo.bench@aftercare.test', 'staff_invitation');
    assert.notEqual(stored?.tokenHash, token, 'only the SHA-256 of the token is stored');
    assert.equal(stored?.expiresAt.toISOString(), '2026-03-05T09:00:00.000Z', '72 hours by default');
    assert.equal(
      await member('jo.bench@aftercare.test'),
      undefined,
      'nobody exists before the invitee answers',
    );

    const listed = await call('GET', '/api/admin/staff/invitations', owner);
    assert.deepEqual(
      json<{ items: Array<{ email: string }> }>(listed).items.map((i) => i.email),
      ['jo.bench@aftercare.test'],
    );

    const accepted = await accept(token);
    assert.equal(accepted.statusCode, 200, accepted.body);
    const cookie = cookieHeader(accepted);
    const staff = json<{ staff: StaffView }>(accepted).staff;
    assert.equal(staff.role, 'customer_service');
    assert.equal(staff.agreementRequired, true);

    // PV-STF-3: before the agreement, the back office answers 403 with the reason; the session and the agreement answer.
    const refused = await call('GET', '/api/admin/orders', cookie);
    assert.equal(refused.statusCode, 403);
    assert.equal(json<ErrorShape>(refused).error.clause, 'PV-STF-3');
    assert.match(json<ErrorShape>(refused).error.message, /confidentiality agreement/);
    assert.equal((await call('GET', '/api/staff/session', cookie)).statusCode, 200);
    // Back-office pages too: 403 with the reason, before any script runs; the sign-in page stays open.
    const page = await call('GET', '/admin/orders', cookie);
    assert.equal(page.statusCode, 403);
    assert.match(page.body, /Read and accept the confidentiality agreement first/);
    assert.equal(page.headers['cache-control'], 'no-store');
    assert.equal((await call('GET', '/admin/sign-in', cookie)).statusCode, 200);
    const agreement = await call('GET', '/api/staff/agreement', cookie);
    assert.equal(agreement.statusCode, 200);
    assert.equal(json<{ version: number }>(agreement).version, CONFIDENTIALITY_AGREEMENT.version);
    assert.equal(json<{ acceptedVersion: number | null }>(agreement).acceptedVersion, null);

    const stale = await call('POST', '/api/staff/agreement/acceptance', cookie, {
      version: CONFIDENTIALITY_AGREEMENT.version + 1,
    });
    assert.equal(
      stale.statusCode,
      400,
      'a version that does not exist is the client’s mistake, not a conflict',
    );
    assert.equal(json<ErrorShape>(stale).error.field, 'version');
    assert.match(
      json<ErrorShape>(stale).error.message,
      new RegExp(`no version ${CONFIDENTIALITY_AGREEMENT.version + 1} of the agreement`),
    );
    const ok = await call('POST', '/api/staff/agreement/acceptance', cookie, {
      version: CONFIDENTIALITY_AGREEMENT.version,
    });
    assert.equal(ok.statusCode, 200, ok.body);
    const row = await member('jo.bench@aftercare.test');
    assert.equal(row?.agreementVersion, CONFIDENTIALITY_AGREEMENT.version);
    assert.equal(row?.agreementAcceptedAt?.toISOString(), clock.now().toISOString());
    assert.equal((await call('GET', '/api/admin/orders', cookie)).statusCode, 200);
    assert.equal((await call('GET', '/admin/orders', cookie)).statusCode, 200);

    // A new version of the agreement (here: the member's acceptance is of an older one) closes the back office again.
    await t.ctx.db
      .update(staffUsers)
      .set({ agreementVersion: 0 })
      .where(eq(staffUsers.email, 'jo.bench@aftercare.test'));
    assert.equal((await call('GET', '/api/admin/orders', cookie)).statusCode, 403);
    await call('POST', '/api/staff/agreement/acceptance', cookie, {
      version: CONFIDENTIALITY_AGREEMENT.version,
    });
    assert.equal((await call('GET', '/api/admin/orders', cookie)).statusCode, 200);

    // The link works once: a second use is a 400, a security event, and changes nothing.
    const before = (await events('staff_invitation_refused')).length;
    const again = await accept(token, 'another Falcon drifts over 8 lakes');
    assert.equal(again.statusCode, 400);
    assert.equal(json<ErrorShape>(again).error.field, 'token');
    assert.match(json<ErrorShape>(again).error.message, /already used/);
    assert.equal((await events('staff_invitation_refused')).length, before + 1);
    assert.equal((await member('jo.bench@aftercare.test'))?.passwordHash, row?.passwordHash);
  });

  it('PV-STF-2: an invited owner sets a password and must enrol an authenticator before anything else', async () => {
    await invite('second.owner@aftercare.test', 'owner', 'Sasha Second');
    const res = await accept(await linkToken(t, 'second.owner@aftercare.test', 'staff_invitation'));
    assert.equal(res.statusCode, 200, res.body);
    const staff = json<{ staff: StaffView }>(res).staff;
    assert.equal(staff.enrolmentRequired, true);
    assert.equal(staff.agreementRequired, true);
  });

  it('PV-STF-2: an expired, forged or replaced link is a 400 naming token and a security event; nothing is written', async () => {
    await invite('late@aftercare.test');
    const late = await linkToken(t, 'late@aftercare.test', 'staff_invitation');
    clock.advance(72 * 3_600_000);
    const before = (await events('staff_invitation_refused')).length;
    const expired = await accept(late);
    clock.advance(-72 * 3_600_000);
    assert.equal(expired.statusCode, 400);
    assert.match(json<ErrorShape>(expired).error.message, /expired/);
    assert.equal(await member('late@aftercare.test'), undefined);

    // Only looking at a forged link writes nothing: opening addresses cannot fill the review queue.
    const looked = await t.app.inject({ method: 'GET', url: `/admin/invitation?token=${'B'.repeat(43)}` });
    assert.equal(looked.statusCode, 400);
    assert.equal((await events('staff_invitation_refused')).length, before + 1);

    const forged = await accept('A'.repeat(43));
    assert.equal(forged.statusCode, 400);
    assert.equal(json<ErrorShape>(forged).error.field, 'token');
    const refusals = await events('staff_invitation_refused');
    assert.equal(refusals.length, before + 2);
    assert.ok(refusals.some((e) => e.email === 'late@aftercare.test'));
    assert.ok(
      refusals.some((e) => e.email === null),
      'a forged link names nobody',
    );

    // Re-inviting replaces the older link.
    await invite('twice@aftercare.test');
    const first = await linkToken(t, 'twice@aftercare.test', 'staff_invitation');
    clock.advance(1000);
    await invite('twice@aftercare.test', 'technician');
    const second = await linkToken(t, 'twice@aftercare.test', 'staff_invitation');
    assert.notEqual(first, second);
    const replaced = await accept(first);
    assert.equal(replaced.statusCode, 400);
    assert.match(json<ErrorShape>(replaced).error.message, /replaced/);
    assert.equal(await member('twice@aftercare.test'), undefined);

    // A weak password is refused at its field, and the link still works.
    const weak = await accept(second, 'password1234');
    assert.equal(weak.statusCode, 400);
    assert.equal(json<ErrorShape>(weak).error.field, 'password');
    const ok = await accept(second);
    assert.equal(ok.statusCode, 200);
    assert.equal(json<{ staff: StaffView }>(ok).staff.role, 'technician');
  });

  it('PV-STF-2: an address an active member uses cannot be invited (409 naming email); bad input names its field', async () => {
    const taken = await invite(OWNER_EMAIL);
    assert.equal(taken.statusCode, 409);
    assert.equal(json<ErrorShape>(taken).error.field, 'email');
    const bad = await call('POST', '/api/admin/staff/invitations', owner, {
      email: 'nope',
      name: 'X',
      role: 'owner',
    });
    assert.equal(bad.statusCode, 400);
    assert.equal(json<ErrorShape>(bad).error.field, 'email');
    const role = await call('POST', '/api/admin/staff/invitations', owner, {
      email: 'a@b.test',
      name: 'X',
      role: 'boss',
    });
    assert.equal(role.statusCode, 400);
    assert.equal(json<ErrorShape>(role).error.field, 'role');
    // Names are text like every other: no control characters, not only invisible ones.
    for (const name of ['a\u0000b', '\u200b\u200b', 'line\nbreak']) {
      const res = await call('POST', '/api/admin/staff/invitations', owner, {
        email: 'c@d.test',
        name,
        role: 'technician',
      });
      assert.equal(res.statusCode, 400, name);
      assert.equal(json<ErrorShape>(res).error.field, 'name');
    }
  });

  it('PV-STF-2: a member who is not an owner cannot invite, list invitations or deactivate (403)', async () => {
    const cs = await signedInMember(t, 'desk@aftercare.test', 'Desk Person', 'customer_service');
    const tech = await signedInMember(t, 'bench@aftercare.test', 'Bench Person', 'technician');
    for (const cookie of [cs.cookie, tech.cookie]) {
      assert.equal((await invite('someone@aftercare.test', 'owner', 'Someone', cookie)).statusCode, 403);
      assert.equal((await call('GET', '/api/admin/staff/invitations', cookie)).statusCode, 403);
      assert.equal((await call('POST', `/api/admin/staff/${ownerId}/deactivation`, cookie)).statusCode, 403);
    }
    assert.equal((await invite('someone@aftercare.test', 'owner', 'Someone', '')).statusCode, 401);
    assert.equal((await member(OWNER_EMAIL))?.disabledAt, null);
  });

  it('PV-STF-2: deactivation ends the sessions at once (old cookie → 401), stops the password, records who did it; their second factor cannot be reset; re-inviting brings the member back', async () => {
    const leaver = await signedInMember(t, 'leaver@aftercare.test', 'Lee Leaver', 'customer_service');
    assert.equal((await call('GET', '/api/admin/orders', leaver.cookie)).statusCode, 200);
    const res = await call('POST', `/api/admin/staff/${leaver.id}/deactivation`, owner);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal((await call('GET', '/api/admin/orders', leaver.cookie)).statusCode, 401);
    assert.equal((await call('GET', '/api/staff/session', leaver.cookie)).statusCode, 401);
    const signIn = await call('POST', '/api/staff/session', '', {
      email: 'leaver@aftercare.test',
      password: 'a long enough password',
    });
    assert.equal(signIn.statusCode, 401);
    const [event] = (await events('staff_deactivated')).filter((e) => e.staffId === leaver.id);
    assert.equal(event?.byStaffId, ownerId, 'the event says who deactivated whom');
    const list = await call('GET', '/api/admin/security-events?reason=staff_deactivated', owner);
    const item = json<{ items: Array<{ email: string; by: { name: string } | null }> }>(list).items[0];
    assert.equal(item?.email, 'leaver@aftercare.test');
    assert.equal(item?.by?.name, 'Shop owner');
    assert.equal((await call('POST', `/api/admin/staff/${leaver.id}/deactivation`, owner)).statusCode, 409);
    // Resetting a deactivated member's second factor is refused for what it is, not "no second factor".
    const reset = await call('POST', `/api/admin/staff/${leaver.id}/second-factor/reset`, owner);
    assert.equal(reset.statusCode, 409, reset.body);
    assert.match(json<ErrorShape>(reset).error.message, /member is deactivated/);
    assert.doesNotMatch(json<ErrorShape>(reset).error.message, /no second factor/);

    // Reactivation is a new invitation: a new password, no old session or second factor, the agreement again.
    await invite('leaver@aftercare.test', 'technician', 'Lee Leaver');
    const back = await accept(await linkToken(t, 'leaver@aftercare.test', 'staff_invitation'));
    assert.equal(back.statusCode, 200, back.body);
    const staff = json<{ staff: StaffView }>(back).staff;
    assert.equal(staff.id, leaver.id, 'the same member, so their history keeps its name');
    assert.equal(staff.role, 'technician');
    assert.equal(staff.agreementRequired, true);
    assert.equal(
      (await call('GET', '/api/admin/orders', leaver.cookie)).statusCode,
      401,
      'old cookies stay dead',
    );
  });

  it('PV-STF-2: the last active owner cannot be deactivated (409), not even by themselves; invitations sent by a deactivated owner say they were withdrawn', async () => {
    // The invited second owner of an earlier test has gone: leave one active owner.
    const second = await member('second.owner@aftercare.test');
    assert.ok(second);
    // An invitation the leaving owner sent dies with them.
    const token = 'an-invitation-the-second-owner-sent-0000000';
    await t.ctx.db.insert(staffInvitations).values({
      id: '00000000-0000-7000-8000-0000000000aa',
      email: 'their.pick@aftercare.test',
      name: 'Their Pick',
      role: 'technician',
      tokenHash: sha256(token),
      invitedBy: second.id,
      createdAt: clock.now(),
      expiresAt: new Date(clock.now().getTime() + 3_600_000),
    });
    assert.equal((await call('POST', `/api/admin/staff/${second.id}/deactivation`, owner)).statusCode, 200);
    const dead = await accept(token);
    assert.equal(dead.statusCode, 400);
    // Nothing newer replaced it: the invitee is told it was withdrawn, and to ask for a new one.
    assert.match(
      json<ErrorShape>(dead).error.message,
      /was withdrawn\. Ask the shop owner to invite you again/,
    );
    assert.doesNotMatch(json<ErrorShape>(dead).error.message, /replaced/);
    assert.equal(json<ErrorShape>(dead).error.field, 'token');
    const self = await call('POST', `/api/admin/staff/${ownerId}/deactivation`, owner);
    assert.equal(self.statusCode, 409);
    assert.match(json<ErrorShape>(self).error.message, /last active owner/);
    assert.equal((await member(OWNER_EMAIL))?.disabledAt, null);
    assert.equal((await call('GET', '/api/admin/orders', owner)).statusCode, 200, 'nothing ended');
    const unknown = await call(
      'POST',
      '/api/admin/staff/00000000-0000-7000-8000-000000000000/deactivation',
      owner,
    );
    assert.equal(unknown.statusCode, 404);
  });

  it('issue 12: a member makes new recovery codes with a current authenticator code; the old ones die', async () => {
    const secret = enrolledSecret(t, OWNER_EMAIL);
    assert.ok(secret);
    clock.advance(30_000);
    const wrong = await call('POST', '/api/staff/second-factor/recovery-codes', owner, { code: '000000' });
    assert.equal(wrong.statusCode, 400);
    assert.equal(json<ErrorShape>(wrong).error.field, 'code');
    const firstSet = await call('POST', '/api/staff/second-factor/recovery-codes', owner, {
      code: totpCodeAt(secret, clock.now().getTime()),
    });
    assert.equal(firstSet.statusCode, 200, firstSet.body);
    const oldCodes = json<{ recoveryCodes: string[] }>(firstSet).recoveryCodes;
    const replay = await call('POST', '/api/staff/second-factor/recovery-codes', owner, {
      code: totpCodeAt(secret, clock.now().getTime()),
    });
    assert.equal(replay.statusCode, 400, 'the same code does not work twice');
    clock.advance(30_000);
    const res = await call('POST', '/api/staff/second-factor/recovery-codes', owner, {
      code: totpCodeAt(secret, clock.now().getTime()),
    });
    assert.equal(res.statusCode, 200, res.body);
    const codes = json<{ recoveryCodes: string[] }>(res).recoveryCodes;
    assert.equal(codes.length, 10);
    assert.equal(codes.filter((c) => oldCodes.includes(c)).length, 0);
    assert.ok((await events('recovery_codes_regenerated')).length >= 2);

    // An old code no longer signs in; a new one does.
    const first = await call('POST', '/api/staff/session', '', {
      email: OWNER_EMAIL,
      password: OWNER_PASSWORD,
    });
    const token = json<{ secondStep: { token: string } }>(first).secondStep.token;
    const old = await call('POST', '/api/staff/session/second-factor', '', { token, code: oldCodes[0] });
    assert.equal(old.statusCode, 401);
    const fresh = await call('POST', '/api/staff/session/second-factor', '', { token, code: codes[0] });
    assert.equal(fresh.statusCode, 200);
  });

  it('issue 12: a staff sign-in with an unknown email is a security event that keeps nothing of the email', async () => {
    const typed = 'guess.who@example.test';
    const res = await call('POST', '/api/staff/session', '', { email: typed, password: 'whatever it is' });
    assert.equal(res.statusCode, 401);
    assert.equal(json<ErrorShape>(res).error.field, 'password', 'the same answer as a wrong password');
    const found = await events('staff_sign_in_unknown_email');
    assert.equal(found.length, 1);
    assert.equal(found[0]?.email, null);
    assert.equal(found[0]?.staffId, null);
    const all = await t.ctx.db.select().from(securityEvents);
    assert.ok(!JSON.stringify(all).includes('guess.who'), 'the typed email is stored nowhere in the events');
    const wrong = await call('POST', '/api/staff/session', '', {
      email: OWNER_EMAIL,
      password: 'not the password',
    });
    assert.equal(wrong.statusCode, 401);
    assert.deepEqual(json<ErrorShape>(wrong), json<ErrorShape>(res));
    assert.equal(
      (
        await t.ctx.db
          .select()
          .from(securityEvents)
          .where(
            and(eq(securityEvents.reason, 'staff_sign_in_failed'), eq(securityEvents.email, OWNER_EMAIL)),
          )
      ).length >= 1,
      true,
    );
  });
});
