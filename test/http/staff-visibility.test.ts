/**
 * PV-STF-1 through HTTP: only the member handling a case or an order sees the customer's personal data; the
 * owner sees everything; technicians work on masked data unless a maintenance grant covers the customer; every
 * read of personal data, and every refusal, is a row in the audit log.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { afterSalesCases } from '../../src/aftersales/schema.ts';
import { orders } from '../../src/orders/schema.ts';
import { maintenanceGrants, staffAccessLog } from '../../src/privacy/staff-access/schema.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { uuidv7 } from '../../src/shared/ids.ts';
import { json, signedInMember, startTestApp, type TestApp } from '../helpers/app.ts';
import { type DeliveredOrder, deliveredOrder, openCase, staffRequest } from '../helpers/cases-fixtures.ts';

interface CaseRow {
  id: string;
  reference: string;
  customer: { name: string; email: string };
  personalData: 'full' | 'masked';
  assignee: { id: string } | null;
}
interface OrderRow {
  id: string;
  reference: string;
  email: string;
  customerName: string;
  personalData: 'full' | 'masked';
}

describe('staff visibility of personal data (PV-STF-1)', () => {
  const clock = fixedClock('2026-03-02T09:00:00Z');
  let t: TestApp;
  let owner = '';
  const cs = { id: '', cookie: '' };
  const cs2 = { id: '', cookie: '' };
  const tech = { id: '', cookie: '' };
  let mineOrder: DeliveredOrder;
  let freeOrder: DeliveredOrder;
  let otherOrder: DeliveredOrder;
  let mineCase = '';
  let freeCase = '';
  let otherCase = '';

  const req = (cookie: string, method: 'GET' | 'POST', url: string, payload?: unknown) =>
    staffRequest(t, cookie, method, url, payload);
  const logOf = (staffId: string) =>
    t.ctx.db.select().from(staffAccessLog).where(eq(staffAccessLog.staffId, staffId));

  before(async () => {
    t = await startTestApp({ clock, env: { STAFF_IDLE_MINUTES: '720' } });
    owner = await t.staffCookie();
    Object.assign(cs, await signedInMember(t, 'cs@aftercare.test', 'Casey Service', 'customer_service'));
    Object.assign(cs2, await signedInMember(t, 'cs2@aftercare.test', 'Robin Other', 'customer_service'));
    Object.assign(tech, await signedInMember(t, 'tech@aftercare.test', 'Tess Technician', 'technician'));
    mineOrder = await deliveredOrder(t, owner, [{}], 'delivered', 'jane.doe@example.com');
    freeOrder = await deliveredOrder(t, owner, [{}], 'delivered', 'free@example.org');
    otherOrder = await deliveredOrder(t, owner, [{}], 'delivered', 'other@example.net');
    mineCase = (await openCase(t, owner, mineOrder, mineOrder.lineIds[0] as string)).id;
    freeCase = (await openCase(t, owner, freeOrder, freeOrder.lineIds[0] as string)).id;
    otherCase = (await openCase(t, owner, otherOrder, otherOrder.lineIds[0] as string)).id;
    for (const [caseId, who] of [
      [mineCase, cs.id],
      [otherCase, cs2.id],
    ] as const) {
      const res = await req(owner, 'POST', `/api/admin/cases/${caseId}/assign`, { staffId: who });
      assert.equal(res.statusCode, 200, res.body);
    }
    const res = await req(owner, 'POST', `/api/admin/orders/${otherOrder.id}/assign`, { staffId: cs2.id });
    assert.equal(res.statusCode, 200, res.body);
  });
  after(() => t.close());

  it('PV-STF-1: customer service lists their own case in full and unassigned ones masked, never another member’s', async () => {
    const res = await req(cs.cookie, 'GET', '/api/admin/cases?limit=100');
    assert.equal(res.statusCode, 200, res.body);
    const items = json<{ items: CaseRow[] }>(res).items;
    const byId = new Map(items.map((c) => [c.id, c]));
    assert.equal(byId.has(otherCase), false, 'another member’s case is not listed');
    assert.deepEqual(byId.get(mineCase)?.customer, { name: 'Ada Lovelace', email: 'jane.doe@example.com' });
    assert.equal(byId.get(mineCase)?.personalData, 'full');
    assert.deepEqual(byId.get(freeCase)?.customer, { name: 'A. L.', email: '…@example.org' });
    assert.equal(byId.get(freeCase)?.personalData, 'masked');
    const rows = await logOf(cs.id);
    const listed = rows.filter((r) => r.recordType === 'case' && r.outcome === 'read');
    assert.deepEqual(
      listed.map((r) => [r.recordId, r.fields]),
      [[mineCase, ['name', 'email']]],
      'one audit row for the one case shown in full, none for masked rows',
    );
  });

  it('PV-STF-1: the assigned member’s case detail is full and audited; an unassigned one is masked with Take', async () => {
    const mine = json<{ case: { order: { email: string; customerName: string }; personalData: string } }>(
      await req(cs.cookie, 'GET', `/api/admin/cases/${mineCase}`),
    ).case;
    assert.equal(mine.personalData, 'full');
    assert.equal(mine.order.email, 'jane.doe@example.com');
    const free = await req(cs.cookie, 'GET', `/api/admin/cases/${freeCase}`);
    assert.equal(free.statusCode, 200, free.body);
    const freeCaseView = json<{
      case: {
        order: { email: string; customerName: string };
        personalData: string;
        assignment: { mayTake: boolean };
      };
    }>(free).case;
    assert.equal(freeCaseView.personalData, 'masked');
    assert.equal(freeCaseView.order.customerName, 'A. L.');
    assert.equal(freeCaseView.order.email, '…@example.org');
    assert.equal(freeCaseView.assignment.mayTake, true);
    const rows = await logOf(cs.id);
    assert.ok(
      rows.some((r) => r.recordId === mineCase && r.outcome === 'read' && r.fields.includes('email')),
      'the full read is audited with its fields',
    );
    assert.ok(
      !rows.some((r) => r.recordId === freeCase && r.outcome === 'read'),
      'PV-STF-1 audit or masking expectation',
    );
  });

  it('PV-STF-1: another member’s case, order and evidence are a 404 with a refused audit row, and nothing changes', async () => {
    for (const url of [
      `/api/admin/cases/${otherCase}`,
      `/api/admin/cases/${otherCase}/messages`,
      `/api/admin/cases/${otherCase}/evidence`,
      `/api/admin/orders/${otherOrder.id}`,
    ]) {
      const res = await req(cs.cookie, 'GET', url);
      assert.equal(res.statusCode, 404, `${url}: ${res.body}`);
    }
    const moved = await req(cs.cookie, 'POST', `/api/admin/cases/${otherCase}/actions`, {
      action: 'start_troubleshooting',
    });
    assert.equal(moved.statusCode, 404, moved.body);
    const [c] = await t.ctx.db
      .select({ state: afterSalesCases.state, assignedTo: afterSalesCases.assignedTo })
      .from(afterSalesCases)
      .where(eq(afterSalesCases.id, otherCase));
    assert.equal(c?.assignedTo, cs2.id);
    assert.notEqual(c?.state, 'troubleshooting');
    const refused = (await logOf(cs.id)).filter((r) => r.outcome === 'refused');
    assert.ok(
      refused.some((r) => r.recordType === 'case' && r.recordId === otherCase),
      'PV-STF-1 audit or masking expectation',
    );
    assert.ok(
      refused.some((r) => r.recordType === 'evidence' && r.recordId === otherCase),
      'PV-STF-1 audit or masking expectation',
    );
    assert.ok(
      refused.some((r) => r.recordType === 'order' && r.recordId === otherOrder.id),
      'PV-STF-1 audit or masking expectation',
    );
  });

  it('PV-STF-1: message texts and evidence files of an unassigned case are refused (404) until the member takes it', async () => {
    const messages = await req(cs.cookie, 'GET', `/api/admin/cases/${freeCase}/messages`);
    assert.equal(messages.statusCode, 404, messages.body);
    const evidence = await req(cs.cookie, 'GET', `/api/admin/cases/${freeCase}/evidence`);
    assert.equal(evidence.statusCode, 404, evidence.body);
    const mine = await req(cs.cookie, 'GET', `/api/admin/cases/${mineCase}/messages`);
    assert.equal(mine.statusCode, 200, mine.body);
  });

  it('PV-STF-1: orders: customer service sees the order of their case in full, unassigned ones masked, not another member’s', async () => {
    const res = await req(cs.cookie, 'GET', '/api/admin/orders?limit=100');
    assert.equal(res.statusCode, 200, res.body);
    const items = json<{ items: OrderRow[] }>(res).items;
    const byId = new Map(items.map((o) => [o.id, o]));
    assert.equal(byId.has(otherOrder.id), false);
    assert.equal(byId.get(mineOrder.id)?.personalData, 'full', 'the order of a case they handle');
    assert.equal(byId.get(mineOrder.id)?.email, 'jane.doe@example.com');
    assert.equal(byId.get(freeOrder.id)?.customerName, 'A. L.');
    assert.equal(byId.get(freeOrder.id)?.email, '…@example.org');
    const bySearch = json<{ items: OrderRow[] }>(
      await req(cs.cookie, 'GET', '/api/admin/orders?q=free%40example'),
    ).items;
    assert.equal(bySearch.length, 0, 'a search by email does not find orders the member sees masked');
    const detail = json<{
      order: { email: string; shippingAddress: { line1: string; phone?: string; country: string } };
    }>(await req(cs.cookie, 'GET', `/api/admin/orders/${freeOrder.id}`)).order;
    assert.equal(detail.email, '…@example.org');
    assert.equal(detail.shippingAddress.line1, '');
    assert.equal(detail.shippingAddress.phone, undefined);
    assert.equal(detail.shippingAddress.country, 'GB');
  });

  it('PV-STF-1: assignment: customer service takes an unassigned order or case and gives it back, but cannot steal or assign others (403)', async () => {
    const take = await req(cs.cookie, 'POST', `/api/admin/orders/${freeOrder.id}/assign`, { staffId: cs.id });
    assert.equal(take.statusCode, 200, take.body);
    const taken = json<{ order: { personalData: string; email: string; timeline: Array<{ type: string }> } }>(
      take,
    ).order;
    assert.equal(taken.personalData, 'full');
    assert.equal(taken.email, 'free@example.org');
    assert.ok(
      taken.timeline.some((e) => e.type === 'assigned'),
      'PV-STF-1 audit or masking expectation',
    );
    const toOther = await req(cs.cookie, 'POST', `/api/admin/cases/${freeCase}/assign`, { staffId: cs2.id });
    assert.equal(toOther.statusCode, 403, toOther.body);
    assert.equal(json<{ error: { clause?: string } }>(toOther).error.clause, 'PV-STF-1');
    const steal = await req(cs2.cookie, 'POST', `/api/admin/orders/${freeOrder.id}/assign`, {
      staffId: cs2.id,
    });
    assert.equal(steal.statusCode, 404, 'another member’s order is not even found');
    const byTech = await req(tech.cookie, 'POST', `/api/admin/cases/${freeCase}/assign`, {
      staffId: tech.id,
    });
    assert.equal(byTech.statusCode, 403, byTech.body);
    const giveBack = await req(cs.cookie, 'POST', `/api/admin/orders/${freeOrder.id}/assign`, {
      staffId: null,
    });
    assert.equal(giveBack.statusCode, 200, giveBack.body);
    assert.equal(json<{ order: { personalData: string } }>(giveBack).order.personalData, 'masked');
    const [o] = await t.ctx.db
      .select({ a: orders.assignedTo })
      .from(orders)
      .where(eq(orders.id, freeOrder.id));
    assert.equal(o?.a, null);
    const takeCase = await req(cs.cookie, 'POST', `/api/admin/cases/${freeCase}/assign`, { staffId: cs.id });
    assert.equal(takeCase.statusCode, 200, takeCase.body);
    const stealCase = await req(owner, 'GET', `/api/admin/cases/${freeCase}`);
    assert.equal(stealCase.statusCode, 200);
    const back = await req(cs.cookie, 'POST', `/api/admin/cases/${freeCase}/assign`, { staffId: null });
    assert.equal(back.statusCode, 200, back.body);
  });

  it('PV-STF-1: a technician works on masked data; a maintenance grant shows the customer with its reason in the log; expired or revoked, masked again', async () => {
    const masked = json<{ case: { personalData: string; order: { email: string } } }>(
      await req(tech.cookie, 'GET', `/api/admin/cases/${otherCase}`),
    ).case;
    assert.equal(masked.personalData, 'masked');
    assert.equal(masked.order.email, '…@example.net');
    assert.equal((await req(tech.cookie, 'GET', `/api/admin/cases/${otherCase}/evidence`)).statusCode, 404);
    assert.equal((await req(tech.cookie, 'GET', '/api/admin/mail')).statusCode, 403);

    const grantId = uuidv7();
    const [ownerRow] = await t.ctx.db
      .select({ staffId: staffAccessLog.staffId })
      .from(staffAccessLog)
      .where(eq(staffAccessLog.staffRole, 'owner'))
      .limit(1);
    await t.ctx.db.insert(maintenanceGrants).values({
      id: grantId,
      staffId: tech.id,
      grantedBy: ownerRow?.staffId as string,
      reason: 'Fix the broken address import',
      scope: 'all',
      createdAt: clock.now(),
      expiresAt: new Date(clock.now().getTime() + 3_600_000),
    });
    const full = json<{ case: { personalData: string; order: { email: string } } }>(
      await req(tech.cookie, 'GET', `/api/admin/cases/${otherCase}`),
    ).case;
    assert.equal(full.personalData, 'full');
    assert.equal(full.order.email, 'other@example.net');
    const [row] = await t.ctx.db
      .select()
      .from(staffAccessLog)
      .where(
        and(
          eq(staffAccessLog.staffId, tech.id),
          eq(staffAccessLog.recordId, otherCase),
          eq(staffAccessLog.outcome, 'read'),
        ),
      );
    assert.equal(row?.purpose, 'Fix the broken address import');
    assert.equal(row?.grantId, grantId);
    assert.equal(
      (await req(tech.cookie, 'GET', '/api/admin/mail')).statusCode,
      200,
      'an all-customers grant reads the outbox',
    );

    await t.ctx.db
      .update(maintenanceGrants)
      .set({ revokedAt: clock.now(), revokedBy: ownerRow?.staffId as string })
      .where(eq(maintenanceGrants.id, grantId));
    const again = json<{ case: { personalData: string } }>(
      await req(tech.cookie, 'GET', `/api/admin/cases/${otherCase}`),
    ).case;
    assert.equal(again.personalData, 'masked', 'revoked: masked again');

    await t.ctx.db.insert(maintenanceGrants).values({
      id: uuidv7(),
      staffId: tech.id,
      grantedBy: ownerRow?.staffId as string,
      reason: 'Expired already',
      scope: 'all',
      createdAt: new Date(clock.now().getTime() - 7_200_000),
      expiresAt: new Date(clock.now().getTime() - 1),
    });
    const expired = json<{ case: { personalData: string } }>(
      await req(tech.cookie, 'GET', `/api/admin/cases/${otherCase}`),
    ).case;
    assert.equal(expired.personalData, 'masked', 'expired: masked again');
  });

  it('PV-STF-1: the owner sees everything and every read is audited; the outbox is the owner’s; security events masked for others', async () => {
    const list = json<{ items: CaseRow[] }>(await req(owner, 'GET', '/api/admin/cases?limit=100')).items;
    assert.ok(
      list.every((c) => c.personalData === 'full'),
      'PV-STF-1 audit or masking expectation',
    );
    assert.ok(
      list.some((c) => c.id === otherCase),
      'PV-STF-1 audit or masking expectation',
    );
    const detail = await req(owner, 'GET', `/api/admin/orders/${otherOrder.id}`);
    assert.equal(json<{ order: { email: string } }>(detail).order.email, 'other@example.net');
    const ownerId = (
      await t.ctx.db.select().from(staffAccessLog).where(eq(staffAccessLog.staffRole, 'owner'))
    )[0]?.staffId as string;
    const rows = await logOf(ownerId);
    assert.ok(
      rows.some(
        (r) => r.recordType === 'order' && r.recordId === otherOrder.id && r.fields.includes('address'),
      ),
      'the owner’s read of the order is audited with the address',
    );
    assert.ok(
      rows.filter((r) => r.recordType === 'case').length >= 3,
      'PV-STF-1 audit or masking expectation',
    );

    assert.equal((await req(cs.cookie, 'GET', '/api/admin/mail')).statusCode, 403);
    assert.equal((await req(owner, 'GET', '/api/admin/mail')).statusCode, 200);
    const events = await req(cs.cookie, 'GET', '/api/admin/security-events');
    assert.equal(events.statusCode, 200, events.body);
    for (const e of json<{ items: Array<{ email: string | null; ip: string }> }>(events).items) {
      assert.ok(e.email === null || e.email.startsWith('…@'), `masked email: ${e.email}`);
      assert.ok(e.ip.endsWith('…'), `masked ip: ${e.ip}`);
    }
  });

  it('PV-STF-1: taking an unassigned case does not open another member’s order, nor taking an unassigned order another member’s case', async () => {
    // The owner gives an order to cs2; its case stays unassigned. Another order stays unassigned; its case is cs2's.
    const heldOrder = await deliveredOrder(t, owner, [{}], 'delivered', 'held.order@example.com');
    const sideCase = (await openCase(t, owner, heldOrder, heldOrder.lineIds[0] as string)).id;
    assert.equal(
      (await req(owner, 'POST', `/api/admin/orders/${heldOrder.id}/assign`, { staffId: cs2.id })).statusCode,
      200,
    );
    const looseOrder = await deliveredOrder(t, owner, [{}], 'delivered', 'loose.order@example.com');
    const heldCase = (await openCase(t, owner, looseOrder, looseOrder.lineIds[0] as string)).id;
    assert.equal(
      (await req(owner, 'POST', `/api/admin/cases/${heldCase}/assign`, { staffId: cs2.id })).statusCode,
      200,
    );

    for (const [method, url, payload] of [
      ['GET', `/api/admin/cases/${sideCase}`, undefined],
      ['POST', `/api/admin/cases/${sideCase}/assign`, { staffId: cs.id }],
      ['GET', `/api/admin/orders/${heldOrder.id}`, undefined],
      ['GET', `/api/admin/orders/${looseOrder.id}`, undefined],
      ['POST', `/api/admin/orders/${looseOrder.id}/assign`, { staffId: cs.id }],
    ] as const) {
      const res = await req(cs.cookie, method, url, payload);
      assert.equal(res.statusCode, 404, `${method} ${url}: ${res.body}`);
      assert.doesNotMatch(res.body, /held\.order|loose\.order/);
    }
    const cases = json<{ items: CaseRow[] }>(await req(cs.cookie, 'GET', '/api/admin/cases?limit=100')).items;
    assert.ok(!cases.some((c) => c.id === sideCase || c.id === heldCase));
    const list = json<{ items: OrderRow[] }>(
      await req(cs.cookie, 'GET', '/api/admin/orders?limit=100'),
    ).items;
    assert.ok(!list.some((o) => o.id === heldOrder.id || o.id === looseOrder.id));
    const [side] = await t.ctx.db.select().from(afterSalesCases).where(eq(afterSalesCases.id, sideCase));
    assert.equal(side?.assignedTo, null, 'nothing changed');
    const refusals = (await logOf(cs.id)).filter(
      (r) => r.outcome === 'refused' && [sideCase, heldOrder.id, looseOrder.id].includes(r.recordId ?? ''),
    );
    assert.ok(refusals.length >= 5, `each refusal is in the log (${refusals.length})`);
  });

  it('PV-STF-1: the policy playground’s "from an order" answers another member’s order as it answers a missing one, and records the refusal', async () => {
    const from = (cookie: string, reference: string) =>
      req(cookie, 'GET', `/api/admin/policy/assess/from-order?reference=${reference}&kind=defective`);
    const hidden = await from(cs.cookie, otherOrder.reference);
    const missing = await from(cs.cookie, 'AC-26-99999');
    assert.equal(hidden.statusCode, 404);
    assert.equal(missing.statusCode, 404);
    assert.equal(
      json<{ error: { message: string } }>(hidden).error.message.replace(otherOrder.reference, 'X'),
      json<{ error: { message: string } }>(missing).error.message.replace('AC-26-99999', 'X'),
    );
    assert.ok(
      (await logOf(cs.id)).some((r) => r.outcome === 'refused' && r.recordId === otherOrder.id),
      'the refusal is in the log',
    );
    assert.equal((await from(cs2.cookie, otherOrder.reference)).statusCode, 200);
  });

  it('PV-STF-1: the mail outbox refuses customer service and a technician without a grant (403), each refusal in the log', async () => {
    for (const member of [cs, tech]) {
      const res = await req(member.cookie, 'GET', '/api/admin/mail');
      assert.equal(res.statusCode, 403, res.body);
      assert.ok(
        (await logOf(member.id)).some((r) => r.outcome === 'refused' && r.recordType === 'mail'),
        'the refusal is in the log',
      );
    }
  });
});
