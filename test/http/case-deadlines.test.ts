/**
 * Deadlines at a glance (issue 11 point 5) over HTTP, on both databases: the queue's rows say each case's next
 * deadline and whose it is, its filters cover the customer's deadlines, the dashboard counts overdue and near
 * deadlines from the same rule, and the daily job emails every active owner one digest of overdue steps.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, asc, eq, sql } from 'drizzle-orm';
import { staffUsers } from '../../src/accounts/schema.ts';
import { deadlineDigestJob, sendDeadlineDigest } from '../../src/aftersales/cases/deadline-digest.ts';
import { startJobs } from '../../src/jobs/runner.ts';
import { mailOutbox } from '../../src/messaging/schema.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import {
  cookieHeader,
  json,
  OWNER_EMAIL,
  signedInMember,
  startTestApp,
  type TestApp,
} from '../helpers/app.ts';
import { deliveredOrder, openCase, staffMove, staffRequest } from '../helpers/cases-fixtures.ts';
import { multipart, photoWithGps } from '../helpers/evidence-fixtures.ts';
import type { ErrorShape } from '../helpers/orders-fixtures.ts';

interface Deadline {
  whose: 'shop' | 'customer';
  step: string;
  at: string;
  mark: 'overdue' | 'due_soon' | null;
  text: string;
}
interface QueuePage {
  items: Array<{ id: string; reference: string; nextDeadline: Deadline | null }>;
}
interface Overview {
  nearDays: number;
  counts: { shop: { overdue: number; near: number }; customer: { overdue: number; near: number } };
  cases: Array<{ id: string; reference: string; state: string; deadline: Deadline }>;
}

describe('deadlines at a glance and the owner’s daily digest (issue 11 point 5)', () => {
  const clock = fixedClock('2026-11-20T09:00:00Z');
  let t: TestApp;
  let owner = '';
  let csId = '';
  /** A: opened, the shop owes a reply by 23 Nov. B: awaiting evidence, the customer's until 30 Nov. */
  let a = { id: '', reference: '' };
  let b = { id: '', reference: '' };

  before(async () => {
    t = await startTestApp({
      clock,
      env: {
        STAFF_IDLE_MINUTES: '720',
        CASE_RESPONSE_DAYS: '3',
        CASE_ABANDON_DAYS: '10',
        CASE_REMINDER_DAYS: '3',
        CASE_DUE_SOON_DAYS: '2',
        PUBLIC_URL: 'https://shop.example',
      },
    });
    owner = await t.staffCookie();
    await signedInMember(t, 'tech@aftercare.test', 'Tess Technician', 'technician');
    const cs = await signedInMember(t, 'cs@aftercare.test', 'Casey Service', 'customer_service');
    csId = cs.id;
    // A second owner gets the digest too; an owner who left does not.
    await signedInMember(t, 'second-owner@aftercare.test', 'Olive Owner', 'owner');
    const gone = await signedInMember(t, 'gone@aftercare.test', 'Gone Owner', 'owner');
    await t.ctx.db.update(staffUsers).set({ disabledAt: clock.now() }).where(eq(staffUsers.id, gone.id));

    const o = await deliveredOrder(t, owner, [
      { category: 'smartphone', priceCents: 39_900 },
      { category: 'tablet', priceCents: 49_900 },
    ]);
    const ca = await openCase(t, owner, o, o.lineIds[0] as string);
    const cb = await openCase(t, owner, o, o.lineIds[1] as string);
    a = { id: ca.id, reference: ca.reference };
    b = { id: cb.id, reference: cb.reference };
    clock.advance(60_000);
    await staffMove(t, owner, b.id, { action: 'request_evidence' });
    const assigned = await staffRequest(t, owner, 'POST', `/api/admin/cases/${a.id}/assign`, {
      staffId: csId,
    });
    assert.equal(assigned.statusCode, 200, assigned.body);
  });
  after(() => t.close());

  const digests = () =>
    t.ctx.db
      .select({ to: mailOutbox.toAddress, subject: mailOutbox.subject, text: mailOutbox.textBody })
      .from(mailOutbox)
      .where(eq(mailOutbox.template, 'deadline_digest'))
      .orderBy(asc(mailOutbox.toAddress));

  it('issue 11 point 5: nothing overdue, so the daily digest sends no email', async () => {
    clock.set('2026-11-20T10:00:00Z');
    assert.deepEqual(await sendDeadlineDigest(t.ctx), {
      overdueShopSteps: 0,
      customerDeadlinesPassed: 0,
      emailed: 0,
      alreadySent: 0,
    });
    assert.equal((await digests()).length, 0);
  });

  it('issue 11 point 5: each queue row has its next deadline, whose it is and its mark; the deadline filters cover the customer’s deadlines', async () => {
    clock.set('2026-11-29T10:00:00Z');
    owner = await t.staffCookie(); // a staff session lives 12 hours at most
    const page = async (query: string) => {
      const res = await staffRequest(t, owner, 'GET', `/api/admin/cases?limit=100${query}`);
      assert.equal(res.statusCode, 200, res.body);
      return json<QueuePage>(res).items;
    };
    const all = await page('');
    assert.deepEqual(all.find((i) => i.id === a.id)?.nextDeadline, {
      whose: 'shop',
      step: 'reply',
      at: '2026-11-23T09:00:00.000Z',
      mark: 'overdue',
      text: 'Shop: reply by 23 Nov 2026',
    });
    assert.deepEqual(all.find((i) => i.id === b.id)?.nextDeadline, {
      whose: 'customer',
      step: 'evidence',
      at: '2026-11-30T09:01:00.000Z',
      mark: 'due_soon',
      text: 'Customer: evidence by 30 Nov 2026',
    });
    const ids = (items: QueuePage['items']) => items.map((i) => i.reference).sort();
    assert.deepEqual(ids(await page('&overdue=true')), [a.reference]);
    assert.deepEqual(ids(await page('&dueWithinDays=2')), [a.reference, b.reference].sort());
    assert.deepEqual(ids(await page('&dueWithinDays=2&whose=customer')), [b.reference]);
    assert.deepEqual(ids(await page('&whose=shop')), [a.reference]);
    assert.deepEqual(ids(await page('&overdue=false')), [b.reference]);
    // Keyset pages still hold with the customer's deadlines in the filter: one row a page, each case once.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await staffRequest(
        t,
        owner,
        'GET',
        `/api/admin/cases?dueWithinDays=2&sort=deadline&dir=asc&limit=1${cursor ? `&cursor=${cursor}` : ''}`,
      );
      const body = json<QueuePage & { nextCursor: string | null }>(res);
      seen.push(...body.items.map((i) => i.reference));
      cursor = body.nextCursor;
    } while (cursor);
    assert.deepEqual(seen, [a.reference, b.reference], 'the shop’s deadlines first, then the customer’s');

    // A range's days are turned into instants the database must take: the day after 9999-12-31 is not one.
    for (const [query, field] of [
      ['openedTo=9999-12-31', 'openedTo'],
      ['openedFrom=0000-01-01', 'openedFrom'],
      ['openedFrom=2026-02-30', 'openedFrom'],
    ]) {
      const res = await staffRequest(t, owner, 'GET', `/api/admin/cases?${query}`);
      assert.equal(res.statusCode, 400, `${query}: ${res.body}`);
      assert.equal(json<{ error: { field: string } }>(res).error.field, field, query);
    }
    assert.equal(
      (await staffRequest(t, owner, 'GET', '/api/admin/cases?openedTo=9999-12-30')).statusCode,
      200,
    );
    const bad = await staffRequest(t, owner, 'GET', '/api/admin/cases?whose=nobody');
    assert.equal(bad.statusCode, 400);
    assert.equal(json<ErrorShape>(bad).error.field, 'whose');
  });

  it('issue 11 point 5: the dashboard counts overdue and near deadlines, shop and customer apart, and lists the soonest; every staff role sees it, nobody else', async () => {
    clock.set('2026-11-29T10:00:00Z');
    const res = await staffRequest(t, owner, 'GET', '/api/admin/cases/deadlines');
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers['cache-control'], 'no-store');
    const o = json<Overview>(res);
    assert.equal(o.nearDays, 2);
    assert.deepEqual(o.counts, { shop: { overdue: 1, near: 0 }, customer: { overdue: 0, near: 1 } });
    assert.deepEqual(
      o.cases.map((c) => [c.reference, c.state, c.deadline.whose, c.deadline.mark]),
      [
        [a.reference, 'opened', 'shop', 'overdue'],
        [b.reference, 'awaiting_evidence', 'customer', 'due_soon'],
      ],
    );

    // Any staff member may read cases (case-roles.ts), so there is no role to refuse: a technician sees it.
    const signIn = await t.app.inject({
      method: 'POST',
      url: '/api/staff/session',
      payload: { email: 'tech@aftercare.test', password: 'a long enough password' },
    });
    const tech = cookieHeader(signIn); // signed in at this hour: sessions live 12 hours at most
    const techView = await staffRequest(t, tech, 'GET', '/api/admin/cases/deadlines');
    assert.equal(techView.statusCode, 200, techView.body);
    const anonymous = await staffRequest(t, '', 'GET', '/api/admin/cases/deadlines');
    assert.equal(anonymous.statusCode, 401);
  });

  it('issue 11 point 5: the digest emails every active owner once a day with the overdue steps and the customer deadlines passed; a second run the same day sends nothing', async () => {
    clock.set('2026-12-01T06:00:00Z'); // A overdue since 23 Nov; B's evidence deadline passed on 30 Nov
    const first = await sendDeadlineDigest(t.ctx);
    assert.deepEqual(first, { overdueShopSteps: 1, customerDeadlinesPassed: 1, emailed: 2, alreadySent: 0 });
    const mails = await digests();
    assert.deepEqual(
      mails.map((m) => m.to),
      [OWNER_EMAIL, 'second-owner@aftercare.test'],
      'the owners, not the other staff nor the owner who left',
    );
    const mail = mails[0] as (typeof mails)[number];
    assert.match(mail.subject, /1 after-sales step overdue, 1 customer deadline passed \(1 Dec 2026\)/);
    assert.match(
      mail.text,
      new RegExp(`${a.reference} · Opened · overdue since 23 Nov 2026 09:00 UTC · assigned to Casey Service`),
    );
    assert.ok(mail.text.includes(`https://shop.example/admin/cases/${a.id}`), mail.text);
    assert.ok(!mail.text.includes(b.reference), 'a customer deadline is counted, not listed');
    assert.match(mail.text, /1 customer deadline has passed/);
    assert.match(mail.text, /https:\/\/shop\.example\/admin\/cases\?deadline=overdue/);

    clock.set('2026-12-01T18:00:00Z');
    assert.deepEqual(await sendDeadlineDigest(t.ctx), {
      overdueShopSteps: 1,
      customerDeadlinesPassed: 1,
      emailed: 0,
      alreadySent: 2,
    });
    assert.equal((await digests()).length, 2, 'one digest per owner and day');

    clock.set('2026-12-02T06:00:00Z');
    assert.equal((await sendDeadlineDigest(t.ctx)).emailed, 2, 'the next day has its own digest');
    const own = await t.ctx.db
      .select({ id: mailOutbox.id })
      .from(mailOutbox)
      .where(and(eq(mailOutbox.template, 'deadline_digest'), eq(mailOutbox.toAddress, OWNER_EMAIL)));
    assert.equal(own.length, 2);
  });

  it('issue 11 point 5: the digest is a daily job at CASE_DIGEST_HOUR_UTC in UTC whose run logs counts only', async () => {
    clock.set('2026-12-03T06:00:00Z');
    const logged: Array<{ msg: string; obj: object }> = [];
    const runner = await startJobs(t.ctx, [deadlineDigestJob(t.ctx.config.CASE_DIGEST_HOUR_UTC)], {
      log: { info: (obj, msg) => logged.push({ obj, msg }), error: (obj, msg) => logged.push({ obj, msg }) },
      pollingIntervalSeconds: 0.5,
    });
    try {
      const schedules = await t.ctx.database.rows<{ name: string; cron: string; timezone: string }>(
        sql`select name, cron, timezone from pgboss.schedule`,
      );
      assert.deepEqual(schedules, [
        { name: 'after-sales.deadline-digest', cron: '0 6 * * *', timezone: 'UTC' },
      ]);
      assert.ok(await runner.runNow('after-sales.deadline-digest'), 'the job was queued');
      const until = Date.now() + 15_000;
      while (logged.length === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
      assert.equal(logged[0]?.msg, 'job done');
      assert.deepEqual((logged[0]?.obj as { result?: unknown } | undefined)?.result, {
        overdueShopSteps: 1,
        customerDeadlinesPassed: 1,
        emailed: 2,
        alreadySent: 0,
      });
    } finally {
      await runner.stop();
    }
  });

  it('issue 11 point 5: a case whose customer sent every required piece of evidence has no customer deadline: not listed, filtered nor counted as passed', async () => {
    clock.set('2026-12-10T09:00:00Z');
    owner = await t.staffCookie(); // a staff session lives 12 hours at most
    const o = await deliveredOrder(t, owner, [{ category: 'smartphone', priceCents: 29_900 }]);
    const c = await openCase(t, owner, o, o.lineIds[0] as string);
    await staffMove(t, owner, c.id, { action: 'request_evidence' });
    const detail = await staffRequest(t, owner, 'GET', `/api/admin/cases/${c.id}`);
    const required = json<{ case: { assessment: { evidence: Array<{ kind: string; required: boolean }> } } }>(
      detail,
    ).case.assessment.evidence.filter((e) => e.required);
    assert.ok(required.length >= 2, 'a dead-on-arrival claim asks for several photos');
    for (const { kind } of required) {
      const { payload, headers } = multipart([
        { name: 'kind', value: kind },
        { name: 'file', value: await photoWithGps(), filename: 'IMG_0001.jpg', type: 'image/jpeg' },
      ]);
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/orders/by-link/${o.token}/cases/${c.reference}/evidence`,
        headers,
        payload,
      });
      assert.equal(res.statusCode, 201, res.body);
    }

    clock.set('2026-12-25T09:00:00Z'); // 15 days later: past the 10 days had the evidence not come
    owner = await t.staffCookie();
    const list = async (query: string) =>
      json<QueuePage>(await staffRequest(t, owner, 'GET', `/api/admin/cases?limit=100${query}`)).items;
    assert.equal((await list('')).find((i) => i.id === c.id)?.nextDeadline, null);
    assert.ok(!(await list('&whose=customer')).some((i) => i.id === c.id));
    assert.ok(!(await list('&overdue=true')).some((i) => i.id === c.id));
    const report = await sendDeadlineDigest(t.ctx);
    assert.equal(report.customerDeadlinesPassed, 1, 'B only, whose evidence never came');
  });
});
