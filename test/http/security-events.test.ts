/**
 * The back office's security events (issue 12 point 3, PV-ACC-2): listed newest first with their account, IP,
 * user agent, time and reason, filtered by reviewed or not and by reason, marked reviewed by a member (who and
 * when); owner and customer service only, the workshop 403, no session 401.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../../src/shared/clock.ts';
import { json, OWNER_EMAIL, signedInMember, startTestApp, type TestApp } from '../helpers/app.ts';

type Event = {
  id: string;
  at: string;
  email: string | null;
  ip: string;
  userAgent: string;
  reason: string;
  reviewedAt: string | null;
  reviewedBy: { id: string; name: string } | null;
};
type Page = { items: Event[]; nextCursor: string | null };

describe('security events in the back office (PV-ACC-2)', () => {
  const clock = fixedClock('2026-03-04T09:00:00Z');
  let t: TestApp;
  let owner = '';
  let desk: { id: string; cookie: string };
  let tech: { id: string; cookie: string };
  before(async () => {
    t = await startTestApp({ clock, env: { STAFF_IDLE_MINUTES: '720' } });
    owner = await t.staffCookie();
    desk = await signedInMember(t, 'dana.desk@aftercare.test', 'Dana Desk', 'customer_service');
    tech = await signedInMember(t, 'theo.tech@aftercare.test', 'Theo Tech', 'technician');
    // Three failed sign-ins a minute apart, each from its own address and browser.
    for (const [i, email] of [
      'theo.tech@aftercare.test',
      OWNER_EMAIL,
      'dana.desk@aftercare.test',
    ].entries()) {
      clock.advance(60_000);
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/staff/session',
        payload: { email, password: 'a wrong password' },
        remoteAddress: `203.0.113.${i + 1}`,
        headers: { 'user-agent': `Browser/${i + 1}` },
      });
      assert.equal(res.statusCode, 401);
    }
  });
  after(() => t.close());

  const list = (cookie: string, query = '') =>
    t.app.inject({ url: `/api/admin/security-events${query}`, headers: { cookie } });
  const review = (cookie: string, id: string) =>
    t.app.inject({ method: 'POST', url: `/api/admin/security-events/${id}/review`, headers: { cookie } });

  it('lists events newest first with account, IP, user agent, time and reason, never cached', async () => {
    const res = await list(owner);
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['cache-control'], 'no-store');
    const { items } = json<Page>(res);
    assert.deepEqual(
      items.map((e) => [e.email, e.ip, e.userAgent, e.reason]),
      [
        ['dana.desk@aftercare.test', '203.0.113.3', 'Browser/3', 'staff_sign_in_failed'],
        [OWNER_EMAIL, '203.0.113.2', 'Browser/2', 'staff_sign_in_failed'],
        ['theo.tech@aftercare.test', '203.0.113.1', 'Browser/1', 'staff_sign_in_failed'],
      ],
    );
    assert.equal(items[0]?.at, '2026-03-04T09:03:00.000Z');
    assert.ok(items.every((e) => e.reviewedAt === null && e.reviewedBy === null));
  });

  it('pages with a cursor and refuses a cursor it did not make', async () => {
    const first = json<Page>(await list(owner, '?limit=2'));
    assert.equal(first.items.length, 2);
    assert.ok(first.nextCursor);
    const second = json<Page>(await list(owner, `?limit=2&cursor=${first.nextCursor}`));
    assert.deepEqual(
      second.items.map((e) => e.email),
      ['theo.tech@aftercare.test'],
    );
    assert.equal(second.nextCursor, null);
    const bad = await list(owner, '?cursor=bm90LWEtY3Vyc29y');
    assert.equal(bad.statusCode, 400);
    assert.equal(json<{ error: { field: string } }>(bad).error.field, 'cursor');
    const badReason = await list(owner, '?reason=made_up');
    assert.equal(badReason.statusCode, 400);
    assert.equal(json<{ error: { field: string } }>(badReason).error.field, 'reason');
  });

  it('customer service marks one reviewed (who and when); filters and the unreviewed count follow', async () => {
    const count = async () =>
      json<{ unreviewed: number }>(
        await t.app.inject({ url: '/api/admin/security-events/summary', headers: { cookie: desk.cookie } }),
      ).unreviewed;
    assert.equal(await count(), 3);
    const [newest] = json<Page>(await list(desk.cookie)).items;
    assert.ok(newest);
    clock.advance(60_000);
    const res = await review(desk.cookie, newest.id);
    assert.equal(res.statusCode, 200);
    const { event } = json<{ event: Event }>(res);
    assert.equal(event.reviewedAt, clock.now().toISOString());
    assert.deepEqual(event.reviewedBy, { id: desk.id, name: 'Dana Desk' });
    assert.equal(await count(), 2);
    // A second review keeps the first reviewer and time.
    clock.advance(60_000);
    const again = json<{ event: Event }>(await review(owner, newest.id)).event;
    assert.deepEqual(again.reviewedBy, { id: desk.id, name: 'Dana Desk' });
    assert.equal(again.reviewedAt, event.reviewedAt);

    const open = json<Page>(await list(owner, '?reviewed=false')).items;
    assert.equal(open.length, 2);
    assert.ok(!open.some((e) => e.id === newest.id));
    const done = json<Page>(await list(owner, '?reviewed=true')).items;
    assert.deepEqual(
      done.map((e) => e.id),
      [newest.id],
    );
    assert.equal(json<Page>(await list(owner, '?reason=second_factor_failed')).items.length, 0);
    assert.equal(json<Page>(await list(owner, '?reason=staff_sign_in_failed')).items.length, 3);
    assert.equal((await review(owner, '0190f0f0-0000-7000-8000-000000000000')).statusCode, 404);
    assert.equal((await review(owner, 'not-a-uuid')).statusCode, 400);
  });

  it('the workshop gets 403 and no session gets 401, for the list, the count and a review', async () => {
    const [any] = json<Page>(await list(owner)).items;
    assert.ok(any);
    assert.equal((await list(tech.cookie)).statusCode, 403);
    assert.equal((await review(tech.cookie, any.id)).statusCode, 403);
    assert.equal(
      (await t.app.inject({ url: '/api/admin/security-events/summary', headers: { cookie: tech.cookie } }))
        .statusCode,
      403,
    );
    assert.equal((await list('')).statusCode, 401);
    assert.equal((await review('', any.id)).statusCode, 401);
  });
});
