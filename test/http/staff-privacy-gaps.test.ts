/**
 * PV-STF-1 and PV-STF-2 through HTTP, the gaps a probe found: staff notes and written reasons on a masked case
 * or order show that they exist, not their text; customer service sees a user agent's browser and system only;
 * a refused read of security events or questions is a row of the staff access log; a deactivated member's
 * cases and orders, finished or not, go back to the queue; what staff write into the audit log holds no invisible or
 * direction-changing characters.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { securityEvents } from '../../src/accounts/security-events.schema.ts';
import { afterSalesCaseEvents, afterSalesCases } from '../../src/aftersales/schema.ts';
import { orderEvents, orders } from '../../src/orders/schema.ts';
import { staffAccessLog } from '../../src/privacy/staff-access/schema.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { uuidv7 } from '../../src/shared/ids.ts';
import { json, signedInMember, startTestApp, type TestApp } from '../helpers/app.ts';
import { deliveredOrder, openCase, staffRequest } from '../helpers/cases-fixtures.ts';

interface TimelineEvent {
  action: string;
  at: string;
  actor: { type: string; name: string | null };
  note: string | null;
}
interface CaseView {
  personalData: 'full' | 'masked';
  timeline: TimelineEvent[];
}
interface OrderView {
  personalData: 'full' | 'masked';
  timeline: Array<{ type: string; actor: { name: string | null }; data: Record<string, unknown> | null }>;
}

const ANDROID_CHROME =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8 Build/AP2A.240805.005) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.6478.122 Mobile Safari/537.36';

describe('staff privacy gaps (PV-STF-1, PV-STF-2)', () => {
  const clock = fixedClock('2026-03-02T09:00:00Z');
  let t: TestApp;
  let owner = '';
  const cs = { id: '', cookie: '' };
  const tech = { id: '', cookie: '' };

  const req = (cookie: string, method: 'GET' | 'POST', url: string, payload?: unknown) =>
    staffRequest(t, cookie, method, url, payload);
  const refusals = async (staffId: string) =>
    (await t.ctx.db.select().from(staffAccessLog).where(eq(staffAccessLog.staffId, staffId))).filter(
      (r) => r.outcome === 'refused',
    );

  before(async () => {
    t = await startTestApp({ clock, env: { STAFF_IDLE_MINUTES: '720' } });
    owner = await t.staffCookie();
    Object.assign(cs, await signedInMember(t, 'cs@aftercare.test', 'Casey Service', 'customer_service'));
    Object.assign(tech, await signedInMember(t, 'tech@aftercare.test', 'Tess Technician', 'technician'));
  });
  after(() => t.close());

  it('PV-STF-1: a masked case shows that a staff note exists, who wrote it and when, not its text; the member handling it reads it', async () => {
    const order = await deliveredOrder(t, owner, [{}], 'delivered', 'note.case@example.com');
    const caseId = (await openCase(t, owner, order, order.lineIds[0] as string)).id;
    const note = 'Called Ada on +44 7700 900123: the screen stays black';
    const moved = await req(owner, 'POST', `/api/admin/cases/${caseId}/actions`, {
      action: 'start_troubleshooting',
      note,
    });
    assert.equal(moved.statusCode, 200, moved.body);

    for (const member of [cs, tech]) {
      const res = await req(member.cookie, 'GET', `/api/admin/cases/${caseId}`);
      assert.equal(res.statusCode, 200, res.body);
      assert.doesNotMatch(res.body, /900123|screen stays black/);
      const view = json<{ case: CaseView }>(res).case;
      assert.equal(view.personalData, 'masked');
      const entry = view.timeline.find((e) => e.action === 'start_troubleshooting');
      assert.equal(entry?.note, '', 'the note exists, its text is hidden');
      assert.equal(entry?.actor.name, 'Shop owner', 'who wrote it stays');
      assert.equal(entry?.at, clock.now().toISOString(), 'when stays');
      const opened = view.timeline.find((e) => e.action !== 'start_troubleshooting');
      assert.equal(opened?.note ?? null, null, 'an entry without a note still has none');
    }

    const full = json<{ case: CaseView }>(await req(owner, 'GET', `/api/admin/cases/${caseId}`)).case;
    assert.equal(full.timeline.find((e) => e.action === 'start_troubleshooting')?.note, note);
    const taken = await req(cs.cookie, 'POST', `/api/admin/cases/${caseId}/assign`, { staffId: cs.id });
    assert.equal(taken.statusCode, 200, taken.body);
    const mine = json<{ case: CaseView }>(taken).case;
    assert.equal(mine.personalData, 'full');
    assert.equal(mine.timeline.find((e) => e.action === 'start_troubleshooting')?.note, note);
  });

  it('PV-STF-1: a masked order shows that a cancellation reason exists, not its text', async () => {
    const order = await deliveredOrder(t, owner, [{}], 'placed', 'cancel.reason@example.com');
    const reason = 'Ada rang from 12 Baker Street: she ordered twice';
    const cancelled = await req(owner, 'POST', `/api/admin/orders/${order.id}/cancel`, { reason });
    assert.equal(cancelled.statusCode, 200, cancelled.body);
    const res = await req(cs.cookie, 'GET', `/api/admin/orders/${order.id}`);
    assert.equal(res.statusCode, 200, res.body);
    assert.doesNotMatch(res.body, /Baker Street|ordered twice/);
    const masked = json<{ order: OrderView }>(res).order;
    assert.equal(masked.personalData, 'masked');
    const entry = masked.timeline.find((e) => e.type === 'cancelled' || e.data?.reason !== undefined);
    assert.equal(entry?.data?.reason, '');
    assert.equal(entry?.actor.name, 'Shop owner');
    const full = json<{ order: OrderView }>(await req(owner, 'GET', `/api/admin/orders/${order.id}`)).order;
    assert.equal(full.timeline.find((e) => e.data?.reason !== undefined)?.data?.reason, reason);
  });

  it('PV-STF-1: customer service sees a security event’s browser and system only; the owner the full user agent', async () => {
    const id = uuidv7();
    await t.ctx.db.insert(securityEvents).values({
      id,
      at: clock.now(),
      subjectType: 'customer',
      email: 'ua.person@example.com',
      ip: '203.0.113.77',
      userAgent: ANDROID_CHROME,
      reason: 'lockout',
    });
    const shown = async (cookie: string) => {
      const res = await req(cookie, 'GET', '/api/admin/security-events?limit=100');
      assert.equal(res.statusCode, 200, res.body);
      return json<{ items: Array<{ id: string; userAgent: string }> }>(res).items.find((e) => e.id === id);
    };
    const forCs = await shown(cs.cookie);
    assert.equal(forCs?.userAgent, 'Chrome on Android');
    assert.equal((await shown(owner))?.userAgent, ANDROID_CHROME);
    const reviewed = await req(cs.cookie, 'POST', `/api/admin/security-events/${id}/review`);
    assert.equal(reviewed.statusCode, 200, reviewed.body);
    assert.equal(json<{ event: { userAgent: string } }>(reviewed).event.userAgent, 'Chrome on Android');
  });

  it('PV-STF-1: a technician’s refused security events and questions (403) are rows of the staff access log', async () => {
    const before = (await refusals(tech.id)).length;
    for (const [method, url, recordType] of [
      ['GET', '/api/admin/security-events', 'security_event'],
      ['POST', `/api/admin/security-events/${uuidv7()}/review`, 'security_event'],
      ['GET', '/api/admin/questions', 'question'],
      ['POST', `/api/admin/questions/${uuidv7()}/answer`, 'question'],
    ] as const) {
      const res = await req(
        tech.cookie,
        method,
        url,
        url.endsWith('/answer') ? { body: 'Hello' } : undefined,
      );
      assert.equal(res.statusCode, 403, `${method} ${url}: ${res.body}`);
      assert.equal(json<{ error: { clause?: string } }>(res).error.clause, 'PV-STF-1');
      const rows = await refusals(tech.id);
      assert.ok(
        rows.some((r) => r.recordType === recordType),
        `${method} ${url}: the refusal is in the log`,
      );
    }
    assert.equal((await refusals(tech.id)).length, before + 4, 'one row per refused request');
    // A count is no one's data: a plain 403, no row.
    assert.equal((await req(tech.cookie, 'GET', '/api/admin/security-events/summary')).statusCode, 403);
    assert.equal((await refusals(tech.id)).length, before + 4);
  });

  it('PV-STF-2, PV-STF-1: deactivating a member gives back all their cases and orders, finished ones too (timeline rows saying the member left, counted in the answer); the order of a closed case they held is visible again', async () => {
    const leaver = await signedInMember(t, 'leaver@aftercare.test', 'Lee Leaver', 'customer_service');
    const caseOrder = await deliveredOrder(t, owner, [{}, {}], 'delivered', 'left.case@example.com');
    const openId = (await openCase(t, owner, caseOrder, caseOrder.lineIds[0] as string)).id;
    const closedId = (await openCase(t, owner, caseOrder, caseOrder.lineIds[1] as string)).id;
    const heldOrder = await deliveredOrder(t, owner, [{}], 'delivered', 'left.order@example.com');
    for (const url of [`/api/admin/cases/${openId}/assign`, `/api/admin/cases/${closedId}/assign`]) {
      assert.equal((await req(owner, 'POST', url, { staffId: leaver.id })).statusCode, 200);
    }
    const assigned = await req(owner, 'POST', `/api/admin/orders/${heldOrder.id}/assign`, {
      staffId: leaver.id,
    });
    assert.equal(assigned.statusCode, 200, assigned.body);
    // A finished case (set directly: the workflow to close one is not what is tested here).
    await t.ctx.db.update(afterSalesCases).set({ state: 'closed' }).where(eq(afterSalesCases.id, closedId));
    assert.equal(
      (await req(cs.cookie, 'GET', `/api/admin/cases/${openId}`)).statusCode,
      404,
      'hidden before',
    );

    const res = await req(owner, 'POST', `/api/admin/staff/${leaver.id}/deactivation`);
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(json<{ released: unknown }>(res).released, { cases: 2, orders: 1 });

    const [openRow] = await t.ctx.db.select().from(afterSalesCases).where(eq(afterSalesCases.id, openId));
    const [closedRow] = await t.ctx.db.select().from(afterSalesCases).where(eq(afterSalesCases.id, closedId));
    const [orderRow] = await t.ctx.db.select().from(orders).where(eq(orders.id, heldOrder.id));
    assert.equal(openRow?.assignedTo, null);
    assert.equal(closedRow?.assignedTo, null, 'a closed case goes back too: kept, it would hide its order');
    assert.equal(orderRow?.assignedTo, null);
    const caseEvents = await t.ctx.db
      .select()
      .from(afterSalesCaseEvents)
      .where(and(eq(afterSalesCaseEvents.caseId, openId), eq(afterSalesCaseEvents.action, 'assign')));
    const release = caseEvents.at(-1);
    const leftDetail = {
      assignedTo: null,
      reason: 'member_left',
      releasedFrom: { id: leaver.id, name: 'Lee Leaver' },
    };
    assert.deepEqual(release?.details, leftDetail);
    assert.equal(release?.actorName, 'Shop owner');
    const orderTimeline = await t.ctx.db
      .select()
      .from(orderEvents)
      .where(eq(orderEvents.orderId, heldOrder.id));
    assert.deepEqual(orderTimeline.filter((e) => e.type === 'assigned').at(-1)?.data, leftDetail);

    // Back in the queue: another member sees them (masked) and may take them.
    const view = await req(cs.cookie, 'GET', `/api/admin/cases/${openId}`);
    assert.equal(view.statusCode, 200, view.body);
    assert.equal(json<{ case: { assignment: { mayTake: boolean } } }>(view).case.assignment.mayTake, true);
    const viewed = json<{ case: { timeline: Array<{ action: string; details: unknown }> } }>(view).case;
    assert.deepEqual(viewed.timeline.filter((e) => e.action === 'assign').at(-1)?.details, leftDetail);
    const orderView = await req(cs.cookie, 'GET', `/api/admin/orders/${heldOrder.id}`);
    assert.equal(orderView.statusCode, 200, orderView.body);
    // The closed case's order was never assigned: with the case held by a leaver it was hidden from everyone.
    const caseOrderView = await req(cs.cookie, 'GET', `/api/admin/orders/${caseOrder.id}`);
    assert.equal(caseOrderView.statusCode, 200, caseOrderView.body);
    const taken = await req(cs.cookie, 'POST', `/api/admin/orders/${caseOrder.id}/assign`, {
      staffId: cs.id,
    });
    assert.equal(taken.statusCode, 200, taken.body);
    const again = await signedInMember(t, 'nothing@aftercare.test', 'Nat Nothing', 'technician');
    const none = await req(owner, 'POST', `/api/admin/staff/${again.id}/deactivation`);
    assert.deepEqual(json<{ released: unknown }>(none).released, { cases: 0, orders: 0 });
  });

  it('PV-STF-1, PV-STF-2: a grant’s reason, an export’s purpose and a member’s name with invisible or direction-changing characters are a 400 naming the field', async () => {
    const grantee = await signedInMember(t, 'tech2@aftercare.test', 'Toni Tech', 'technician');
    const valid = { staffId: grantee.id, reason: 'Fix the address import', scope: 'all', hours: 1 };
    for (const [url, payload, field] of [
      ['/api/admin/maintenance-grants', { ...valid, reason: 'Fix the \u202Etropmi sserdda' }, 'reason'],
      ['/api/admin/maintenance-grants', { ...valid, reason: 'Fix the\u200B address import' }, 'reason'],
      ['/api/admin/maintenance-grants', { ...valid, reason: 'Fix \u2066the\u2069 import' }, 'reason'],
      ['/api/admin/maintenance-grants', { ...valid, reason: 'Fix the\u0085 import' }, 'reason'],
      ['/api/admin/business-transfer-export', { purpose: 'Sale of the \u200Fshop' }, 'purpose'],
      [
        '/api/admin/staff/invitations',
        { email: 'new@aftercare.test', name: 'Sam\u202ARoe', role: 'customer_service' },
        'name',
      ],
    ] as const) {
      const res = await req(owner, 'POST', url, payload);
      assert.equal(res.statusCode, 400, `${url} ${JSON.stringify(payload)}: ${res.body}`);
      assert.equal(json<{ error: { field?: string } }>(res).error.field, field, res.body);
    }
    const ok = await req(owner, 'POST', '/api/admin/maintenance-grants', valid);
    assert.equal(ok.statusCode, 201, ok.body);
  });
});
