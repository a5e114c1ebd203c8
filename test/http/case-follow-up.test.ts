/**
 * The customer hears of each step of a case (issue 10 point 7), and the scheduled follow-up reminds a customer
 * who does not answer and gives up the case after CASE_ABANDON_DAYS — on both databases.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, asc, eq, like } from 'drizzle-orm';
import { evidenceWords } from '../../src/aftersales/case-words.ts';
import { followUpCases } from '../../src/aftersales/cases/case-follow-up.ts';
import type { AdminCaseDetail } from '../../src/aftersales/cases/schemas.ts';
import { mailOutbox } from '../../src/messaging/schema.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { DAY_MS } from '../../src/shared/time.ts';
import { json, startTestApp, type TestApp } from '../helpers/app.ts';
import { deliveredOrder, openCase, staffMove, staffRequest } from '../helpers/cases-fixtures.ts';
import { evidenceBefore, multipart, photoWithGps } from '../helpers/evidence-fixtures.ts';

describe('case emails and follow-up (issue 10 point 7)', () => {
  const clock = fixedClock('2026-03-02T09:00:00Z');
  let t: TestApp;
  let owner = '';
  before(async () => {
    t = await startTestApp({
      clock,
      env: { STAFF_IDLE_MINUTES: '720', CASE_REMINDER_DAYS: '3', CASE_ABANDON_DAYS: '30' },
    });
    owner = await t.staffCookie();
  });
  after(() => t.close());

  const caseMail = (orderId: string) =>
    t.ctx.db
      .select({
        template: mailOutbox.template,
        to: mailOutbox.toAddress,
        subject: mailOutbox.subject,
        text: mailOutbox.textBody,
      })
      .from(mailOutbox)
      .where(and(eq(mailOutbox.orderId, orderId), like(mailOutbox.template, 'case_%')))
      .orderBy(asc(mailOutbox.createdAt), asc(mailOutbox.id));
  const detail = async (id: string) =>
    json<{ case: AdminCaseDetail }>(await staffRequest(t, owner, 'GET', `/api/admin/cases/${id}`)).case;

  it('AS-GEN-2, AS-GEN-3: each step the customer must know of sends one email with the link back; the authorisation carries the RMA number and the postage the shop reimburses', async () => {
    clock.set('2026-03-02T09:00:00Z');
    owner = await t.staffCookie(); // a staff session lives 12 hours at most
    const o = await deliveredOrder(
      t,
      owner,
      [{ category: 'smartphone', priceCents: 49_900 }],
      'delivered',
      'grace@example.com',
    );
    const c = await openCase(t, owner, o, o.lineIds[0] as string);
    for (const action of ['request_evidence', 'authorise_return', 'receive_parcel']) {
      clock.advance(60_000);
      await evidenceBefore(t, c.id, action);
      await staffMove(t, owner, c.id, { action });
    }
    const mails = await caseMail(o.id);
    assert.deepEqual(
      mails.map((m) => m.template),
      ['case_opened', 'case_evidence_requested', 'case_return_authorised', 'case_parcel_received'],
    );
    for (const m of mails) {
      assert.equal(m.to, 'grace@example.com');
      assert.ok(m.subject.includes(c.reference), m.subject);
      // The opening email may name several cases: it links to the order page, which lists them.
      assert.match(
        m.text,
        m.template === 'case_opened'
          ? /\/orders\/view\?token=/
          : /\/orders\/case\?token=\S+&ref=RMA-26-\d{5}/,
      );
    }
    assert.match(mails[1]?.text ?? '', /front of the parcel/);
    assert.match(mails[2]?.text ?? '', new RegExp(`return number \\(RMA\\) is ${c.reference}`));
    assert.match(mails[2]?.text ?? '', /reimburse the postage up to \$14\.99/);
  });

  it('a customer who does not upload evidence is reminded every CASE_REMINDER_DAYS, once per period, then the case is withdrawn by the shop after CASE_ABANDON_DAYS with an email', async () => {
    clock.set('2026-04-01T09:00:00Z');
    owner = await t.staffCookie(); // a staff session lives 12 hours at most
    const o = await deliveredOrder(t, owner, [{ category: 'smartphone', priceCents: 29_900 }]);
    const c = await openCase(t, owner, o, o.lineIds[0] as string);
    clock.advance(60_000);
    await staffMove(t, owner, c.id, { action: 'request_evidence' });

    clock.advance(3 * DAY_MS - 1);
    assert.deepEqual(await followUpCases(t.ctx), { reminded: 0, abandoned: 0 });
    clock.advance(1);
    assert.deepEqual(await followUpCases(t.ctx), { reminded: 1, abandoned: 0 });
    assert.deepEqual(await followUpCases(t.ctx), { reminded: 0, abandoned: 0 }, 'one reminder per period');
    clock.advance(3 * DAY_MS);
    assert.deepEqual(await followUpCases(t.ctx), { reminded: 1, abandoned: 0 });

    owner = await t.staffCookie();
    let d = await detail(c.id);
    assert.equal(d.state, 'awaiting_evidence');
    assert.equal(d.timeline.filter((e) => e.action === 'remind').length, 2);

    clock.set(new Date(Date.parse('2026-04-01T09:01:00Z') + 30 * DAY_MS)); // 30 days after the request

    owner = await t.staffCookie(); // a staff session lives 12 hours at most
    assert.deepEqual(await followUpCases(t.ctx), { reminded: 0, abandoned: 1 });
    d = await detail(c.id);
    assert.equal(d.state, 'withdrawn');
    const last = d.timeline.at(-1);
    assert.equal(last?.actor.type, 'system');
    assert.match(last?.note ?? '', /30 days/);

    const templates = (await caseMail(o.id)).map((m) => m.template);
    assert.deepEqual(templates, [
      'case_opened',
      'case_evidence_requested',
      'case_evidence_reminder',
      'case_evidence_reminder',
      'case_abandoned',
    ]);
    assert.deepEqual(
      await followUpCases(t.ctx),
      { reminded: 0, abandoned: 0 },
      'a withdrawn case is left alone',
    );
  });

  it('a reminder lists only the evidence still missing; a customer who sent it all is neither reminded nor given up on', async () => {
    clock.set('2026-04-20T09:00:00Z');
    owner = await t.staffCookie(); // a staff session lives 12 hours at most
    const o = await deliveredOrder(t, owner, [{ category: 'smartphone', priceCents: 29_900 }]);
    const c = await openCase(t, owner, o, o.lineIds[0] as string);
    clock.advance(60_000);
    await staffMove(t, owner, c.id, { action: 'request_evidence' });
    const upload = async (kind: string) => {
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
    };
    const required = (await detail(c.id)).assessment.evidence.filter((e) => e.required).map((e) => e.kind);
    assert.ok(required.length >= 2, 'a dead-on-arrival claim asks for several photos');
    const [first, ...rest] = required;
    await upload(first as string);

    clock.advance(3 * DAY_MS);
    assert.deepEqual(await followUpCases(t.ctx), { reminded: 1, abandoned: 0 });
    const reminder = (await caseMail(o.id)).find((m) => m.template === 'case_evidence_reminder');
    assert.ok(reminder);
    const words = (kind: string) => evidenceWords[kind as keyof typeof evidenceWords];
    assert.ok(!reminder.text.includes(words(first as string)), 'what was sent is not asked for again');
    for (const kind of rest) assert.ok(reminder.text.includes(words(kind)), kind);

    for (const kind of rest) await upload(kind);
    clock.advance(3 * DAY_MS);
    assert.deepEqual(await followUpCases(t.ctx), { reminded: 0, abandoned: 0 });
    clock.advance(30 * DAY_MS);
    assert.deepEqual(await followUpCases(t.ctx), { reminded: 0, abandoned: 0 }, 'the next move is staff’s');
    owner = await t.staffCookie();
    assert.equal((await detail(c.id)).state, 'awaiting_evidence');
  });

  it('a case whose next move is the shop’s is never reminded about nor given up', async () => {
    clock.set('2026-05-04T09:00:00Z');
    owner = await t.staffCookie(); // a staff session lives 12 hours at most
    const o = await deliveredOrder(t, owner, [{ category: 'smartphone', priceCents: 29_900 }]);
    const c = await openCase(t, owner, o, o.lineIds[0] as string);
    clock.advance(10 * DAY_MS);
    owner = await t.staffCookie();
    // Opened but never asked anything: the next move is the shop's, so nothing is sent.
    assert.deepEqual(await followUpCases(t.ctx), { reminded: 0, abandoned: 0 });
    assert.equal((await detail(c.id)).state, 'opened');
  });

  it('a decline tells the customer why, in the policy’s words', async () => {
    clock.set('2026-06-01T09:00:00Z');
    owner = await t.staffCookie(); // a staff session lives 12 hours at most
    const o = await deliveredOrder(t, owner, [{ category: 'smartphone', priceCents: 29_900 }]);
    const c = await openCase(t, owner, o, o.lineIds[0] as string);
    clock.advance(60_000);
    await staffMove(t, owner, c.id, {
      action: 'decline',
      note: 'Water damage visible on the photos.',
      overrideReason: 'Water damage visible on the photos: not covered.',
    });
    const declined = (await caseMail(o.id)).find((m) => m.template === 'case_declined');
    assert.ok(declined);
    assert.match(declined.subject, /cannot accept/);
  });
});
