/**
 * PV-STF-1 through HTTP, the gaps a second probe found: a case's remedies (staff's notes, a replacement's
 * tracking number) follow the case's visibility (masked, 404 with a refused row, or a logged read); the deadline
 * counts and the questions' count follow the lists' visibility filter; a masked order hides its tracking number
 * (it leads to the delivery address on the carrier's site) and keeps its carrier.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { caseRemedies } from '../../src/aftersales/remedies/remedy.schema.ts';
import { afterSalesCases } from '../../src/aftersales/schema.ts';
import { staffAccessLog } from '../../src/privacy/staff-access/schema.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { uuidv7 } from '../../src/shared/ids.ts';
import { json, signedInMember, startTestApp, type TestApp } from '../helpers/app.ts';
import { deliveredOrder, openCase, staffRequest } from '../helpers/cases-fixtures.ts';

interface Remedies {
  items: Array<{
    kind: string;
    note: string | null;
    replacementOrder: { carrier: string | null; trackingNumber: string | null } | null;
  }>;
}
interface DeadlineCounts {
  counts: { shop: { overdue: number; near: number }; customer: { overdue: number; near: number } };
  cases: Array<{ id: string }>;
}

const coupon = (items: Remedies['items']) => items.find((r) => r.kind === 'coupon');
const replacementOf = (items: Remedies['items']) => items.find((r) => r.kind === 'replacement');
const total = (d: DeadlineCounts) =>
  d.counts.shop.overdue + d.counts.shop.near + d.counts.customer.overdue + d.counts.customer.near;

describe('staff visibility of sub-resources and counts (PV-STF-1)', () => {
  const clock = fixedClock('2026-03-02T09:00:00Z');
  let t: TestApp;
  let owner = '';
  const cs = { id: '', cookie: '' };
  const cs2 = { id: '', cookie: '' };
  const tech = { id: '', cookie: '' };

  const req = (cookie: string, method: 'GET' | 'POST', url: string, payload?: unknown) =>
    staffRequest(t, cookie, method, url, payload);
  const logOf = (staffId: string) =>
    t.ctx.db.select().from(staffAccessLog).where(eq(staffAccessLog.staffId, staffId));
  const assign = async (what: 'cases' | 'orders', id: string, staffId: string) => {
    const res = await req(owner, 'POST', `/api/admin/${what}/${id}/assign`, { staffId });
    assert.equal(res.statusCode, 200, res.body);
  };

  before(async () => {
    t = await startTestApp({ clock, env: { STAFF_IDLE_MINUTES: '720' } });
    owner = await t.staffCookie();
    Object.assign(cs, await signedInMember(t, 'cs@aftercare.test', 'Casey Service', 'customer_service'));
    Object.assign(cs2, await signedInMember(t, 'cs2@aftercare.test', 'Robin Other', 'customer_service'));
    Object.assign(tech, await signedInMember(t, 'tech@aftercare.test', 'Tess Technician', 'technician'));
  });
  after(() => t.close());

  it('PV-STF-1: a case’s remedies show staff’s note and the replacement’s tracking number masked, 404 with a refused row for another member’s case, a logged read in full', async () => {
    const order = await deliveredOrder(t, owner, [{}], 'delivered', 'remedy.note@example.com');
    const replacement = await deliveredOrder(t, owner, [{}], 'shipped', 'remedy.note@example.com');
    const caseId = (await openCase(t, owner, order, order.lineIds[0] as string)).id;
    const note = 'goodwill for Tony who called from +1 555 0199';
    await t.ctx.db.insert(caseRemedies).values([
      { id: uuidv7(), caseId, kind: 'coupon', amountCents: 500, note, createdAt: clock.now() },
      {
        id: uuidv7(),
        caseId,
        kind: 'replacement',
        amountCents: 0,
        replacementOrderId: replacement.id,
        note: null,
        createdAt: clock.now(),
      },
    ]);
    const url = `/api/admin/cases/${caseId}/remedies`;

    for (const member of [cs, tech]) {
      const res = await req(member.cookie, 'GET', url);
      assert.equal(res.statusCode, 200, res.body);
      assert.doesNotMatch(res.body, /Tony|0199|1Z999/);
      const items = json<Remedies>(res).items;
      assert.equal(coupon(items)?.note, '', 'the note exists, its text is hidden');
      assert.equal(replacementOf(items)?.note, null, 'no note stays none');
      assert.equal(replacementOf(items)?.replacementOrder?.trackingNumber, '');
      assert.equal(replacementOf(items)?.replacementOrder?.carrier, 'UPS', 'the carrier stays');
      assert.equal((await logOf(member.id)).filter((r) => r.outcome === 'read').length, 0, 'nothing read');
    }

    const full = await req(owner, 'GET', url);
    assert.equal(coupon(json<Remedies>(full).items)?.note, note);
    assert.equal(replacementOf(json<Remedies>(full).items)?.replacementOrder?.trackingNumber, '1Z999');
    const ownerRows = await t.ctx.db.select().from(staffAccessLog).where(eq(staffAccessLog.recordId, caseId));
    const read = ownerRows.find((r) => r.outcome === 'read' && r.fields.includes('notes'));
    assert.deepEqual(read?.fields, ['notes', 'tracking']);

    await assign('cases', caseId, cs2.id);
    const hidden = await req(cs.cookie, 'GET', url);
    assert.equal(hidden.statusCode, 404, hidden.body);
    assert.doesNotMatch(hidden.body, /Tony/);
    const refused = (await logOf(cs.id)).filter((r) => r.outcome === 'refused' && r.recordId === caseId);
    assert.equal(refused.length, 1, 'the refused read is logged');

    const mine = await req(cs2.cookie, 'GET', url);
    assert.equal(coupon(json<Remedies>(mine).items)?.note, note, 'the member handling the case reads it');
    const cs2Read = (await logOf(cs2.id)).filter((r) => r.outcome === 'read' && r.recordId === caseId);
    assert.equal(cs2Read.length, 1, 'and the read is logged');
  });

  it('PV-STF-1: a masked order hides its tracking number on the shipment and in the timeline, keeps the carrier', async () => {
    const order = await deliveredOrder(t, owner, [{}], 'shipped', 'tracking@example.com');
    for (const member of [cs, tech]) {
      const res = await req(member.cookie, 'GET', `/api/admin/orders/${order.id}`);
      assert.equal(res.statusCode, 200, res.body);
      assert.doesNotMatch(res.body, /1Z999/);
      const view = json<{
        order: {
          personalData: string;
          tracking: { carrier: string; trackingNumber: string | null } | null;
          timeline: Array<{ data: Record<string, unknown> | null }>;
        };
      }>(res).order;
      assert.equal(view.personalData, 'masked');
      assert.deepEqual(view.tracking, { carrier: 'UPS', trackingNumber: '' });
      const shipped = view.timeline.find((e) => e.data?.trackingNumber !== undefined);
      assert.equal(shipped?.data?.trackingNumber, '');
      assert.equal(shipped?.data?.carrier, 'UPS');
    }
    await assign('orders', order.id, cs.id);
    const mine = await req(cs.cookie, 'GET', `/api/admin/orders/${order.id}`);
    assert.match(mine.body, /1Z999/, 'the member handling the order reads it');
  });

  it('PV-STF-1: the deadline counts and the soonest cases leave out what the member’s queue does not list', async () => {
    const get = async (cookie: string) => {
      const res = await req(cookie, 'GET', '/api/admin/cases/deadlines');
      assert.equal(res.statusCode, 200, res.body);
      return json<DeadlineCounts>(res);
    };
    const csBefore = await get(cs.cookie);
    const ownerBefore = await get(owner);
    const order = await deliveredOrder(t, owner, [{}], 'delivered', 'deadline.other@example.com');
    const caseId = (await openCase(t, owner, order, order.lineIds[0] as string)).id;
    // Due within reach whichever side its state is: the shop's step tomorrow, the customer's long passed.
    await t.ctx.db
      .update(afterSalesCases)
      .set({
        dueAt: new Date(clock.now().getTime() + 86_400_000),
        stateSince: new Date('2025-01-01T00:00:00Z'),
      })
      .where(eq(afterSalesCases.id, caseId));
    await assign('cases', caseId, cs2.id);

    const ownerAfter = await get(owner);
    assert.equal(total(ownerAfter), total(ownerBefore) + 1, 'the case has a deadline within reach');
    const csAfter = await get(cs.cookie);
    assert.deepEqual(csAfter.counts, csBefore.counts, 'another member’s case is not counted');
    assert.equal(
      csAfter.cases.some((c) => c.id === caseId),
      false,
      'nor listed',
    );
    assert.equal(
      (await get(cs2.cookie)).cases.some((c) => c.id === caseId),
      true,
      'its member sees it',
    );
  });

  it('PV-STF-1: the questions’ count is the count of the questions the member’s list shows', async () => {
    const order = await deliveredOrder(t, owner, [{ category: 'wearable', priceCents: 12_900 }]);
    const asked = await t.app.inject({
      method: 'POST',
      url: `/api/orders/by-link/${order.token}/questions`,
      payload: {
        orderLineId: order.lineIds[0],
        kind: 'change_of_mind',
        facts: { openedByCustomer: false },
        body: 'May I still send it back?',
      },
    });
    assert.equal(asked.statusCode, 201, asked.body);
    await assign('orders', order.id, cs2.id);

    const count = async (cookie: string) =>
      json<{ unanswered: number }>(await req(cookie, 'GET', '/api/admin/questions/summary')).unanswered;
    const listed = async (cookie: string) =>
      json<{ items: unknown[] }>(await req(cookie, 'GET', '/api/admin/questions?state=unanswered&limit=100'))
        .items.length;
    assert.equal(await count(owner), 1);
    assert.equal(await count(cs2.cookie), 1, 'the member handling the order counts it');
    assert.equal(await listed(cs.cookie), 0);
    assert.equal(await count(cs.cookie), 0, 'another member’s question is not counted');
  });
});
