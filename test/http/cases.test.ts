/**
 * After-sales cases through HTTP (issue 10, first slice): policy versions, assessing a claim from the order's
 * records, opening cases (AS-GEN-2's RMA reference), staff and customer moves along the case lifecycle.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import {
  type CaseAction,
  type CaseState,
  caseActions,
  caseStates,
  isOpenCase,
} from '../../src/aftersales/cases/case-lifecycle.ts';
import type { AdminCaseDetail, CustomerCase } from '../../src/aftersales/cases/schemas.ts';
import { defaultPolicySettings } from '../../src/aftersales/policy.settings.ts';
import { FINISHED_CASE_STATES } from '../../src/aftersales/schema.ts';
import { mailOutbox } from '../../src/messaging/schema.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { json, signedInMember, startTestApp, type TestApp } from '../helpers/app.ts';
import { type DeliveredOrder, deliveredOrder } from '../helpers/cases-fixtures.ts';
import { countRows, type ErrorShape, type ProductOptions } from '../helpers/orders-fixtures.ts';

type ErrorWithClause = ErrorShape & {
  error: { clause?: string; reasons?: Array<{ clause: string; message: string }> };
};
interface AssessAnswer {
  policyVersion: number;
  lines: Array<{
    orderLineId: string;
    kind: string;
    assessment: {
      eligible: boolean;
      reasons: Array<{ clause: string; message: string }>;
      resolutions: string[];
    };
  }>;
}

describe('after-sales cases over HTTP (issue 10)', () => {
  const clock = fixedClock('2026-03-02T09:00:00Z');
  let t: TestApp;
  let owner = '';
  let customerService = '';
  before(async () => {
    t = await startTestApp({ clock, env: { STAFF_IDLE_MINUTES: '720' } });
    owner = await t.staffCookie();
    customerService = (await signedInMember(t, 'cs@aftercare.test', 'Casey', 'customer_service')).cookie;
  });
  after(() => t.close());

  const staffReq = (cookie: string, method: 'GET' | 'POST', url: string, payload?: unknown) =>
    t.app.inject({
      method,
      url,
      headers: cookie ? { cookie } : {},
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });
  const post = (url: string, payload: unknown) =>
    t.app.inject({ method: 'POST', url, payload: payload as object });

  type Order = DeliveredOrder;
  /** An order of one unit of each product, paid, shipped and delivered now (or stopped earlier). */
  const order = (
    products: ProductOptions[] = [{}],
    upTo: 'placed' | 'shipped' | 'delivered' = 'delivered',
    email = 'ada@example.com',
  ): Promise<Order> => deliveredOrder(t, owner, products, upTo, email);

  const claim = (
    orderLineId: string,
    kind = 'dead_on_arrival',
    facts: object = { openedByCustomer: true },
  ) => ({
    lines: [{ orderLineId, kind, facts }],
  });
  const assess = (o: Order, body: unknown) => post(`/api/orders/by-link/${o.token}/claims/assess`, body);
  const open = (o: Order, body: unknown) => post(`/api/orders/by-link/${o.token}/claims`, body);
  const opened = (res: { body: string }) => (JSON.parse(res.body) as { cases: CustomerCase[] }).cases;
  const caseIdOf = async (reference: string) => {
    const res = await staffReq(owner, 'GET', '/api/admin/cases?limit=100');
    const items = json<{ items: Array<{ id: string; reference: string }> }>(res).items;
    return items.find((c) => c.reference === reference)?.id as string;
  };

  it('policy versions (issue 10 point 6): version 1 is the defaults; the owner saves v2; customer service gets a 403; a bad setting is a 400 naming settings.<field>', async () => {
    let res = await staffReq(customerService, 'GET', '/api/admin/policy/versions');
    assert.equal(res.statusCode, 200, res.body);
    let list = json<{
      current: number;
      items: Array<{ version: number; settings: object; createdBy: null }>;
    }>(res);
    assert.equal(list.current, 1);
    assert.deepEqual(list.items[0]?.settings, defaultPolicySettings);
    assert.equal(list.items[0]?.createdBy, null);

    const v2 = { ...defaultPolicySettings, warrantyMonths: 24 };
    res = await staffReq(customerService, 'POST', '/api/admin/policy/versions', {
      settings: v2,
      reason: 'Two-year warranty',
    });
    assert.equal(res.statusCode, 403);
    assert.equal(json<ErrorShape>(res).error.code, 'forbidden');

    res = await staffReq(owner, 'POST', '/api/admin/policy/versions', {
      settings: { ...v2, doaDaysAfterDelivery: -1 },
      reason: 'Two-year warranty',
    });
    assert.equal(res.statusCode, 400);
    assert.equal(json<ErrorShape>(res).error.field, 'settings.doaDaysAfterDelivery');
    const { warrantyMonths: _, ...missing } = v2;
    res = await staffReq(owner, 'POST', '/api/admin/policy/versions', {
      settings: missing,
      reason: 'Two-year warranty',
    });
    assert.equal(res.statusCode, 400);
    assert.equal(json<ErrorShape>(res).error.field, 'settings.warrantyMonths');
    res = await staffReq(owner, 'POST', '/api/admin/policy/versions', {
      settings: { ...v2, extra: 1 },
      reason: 'Two-year warranty',
    });
    assert.equal(res.statusCode, 400);
    assert.equal(json<ErrorShape>(res).error.field, 'settings.extra');

    res = await staffReq(owner, 'POST', '/api/admin/policy/versions', {
      settings: v2,
      reason: 'Two-year warranty',
    });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(json<{ policy: { version: number } }>(res).policy.version, 2);
    res = await staffReq(owner, 'GET', '/api/admin/policy/versions');
    list = json(res);
    assert.equal(list.current, 2);
    assert.deepEqual(
      list.items.map((v) => v.version),
      [2, 1],
    );
    assert.equal((await staffReq('', 'GET', '/api/admin/policy/versions')).statusCode, 401);
  });

  it('assess answers per line from the records: dead on arrival within 3 days is eligible (AS-DOA-1), change of mind is declined (AS-RET-1); nothing is stored', async () => {
    const o = await order([{ category: 'smartphone', priceCents: 49_900 }, { category: 'accessory' }]);
    const res = await assess(o, {
      lines: [
        { orderLineId: o.lineIds[0], kind: 'dead_on_arrival', facts: { openedByCustomer: true } },
        { orderLineId: o.lineIds[1], kind: 'change_of_mind', facts: { openedByCustomer: false } },
      ],
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.match(String(res.headers['cache-control']), /no-store/);
    const answer = json<AssessAnswer>(res);
    assert.equal(answer.policyVersion, 2);
    const [doa, mind] = answer.lines;
    assert.equal(doa?.assessment.eligible, true);
    assert.equal(doa?.assessment.reasons[0]?.clause, 'AS-DOA-1');
    assert.match(doa?.assessment.reasons[0]?.message ?? '', /within the 3 days/);
    assert.deepEqual(doa?.assessment.resolutions, ['troubleshoot', 'replacement', 'refund']);
    assert.equal(mind?.assessment.eligible, false);
    assert.deepEqual(
      mind?.assessment.reasons.map((r) => r.clause),
      ['AS-RET-1'],
    );
    assert.equal(await countRows(t.ctx.db, 'after_sales_cases'), 0);
  });

  it('the price, category, clearance and dates come from the order, never from the browser', async () => {
    const o = await order([{ clearance: true }]);
    const res = await assess(o, {
      lines: [
        {
          orderLineId: o.lineIds[0],
          kind: 'defective',
          facts: { openedByCustomer: true },
          item: { clearance: false },
        },
      ],
    });
    assert.equal(res.statusCode, 400);
    assert.equal(json<ErrorShape>(res).error.field, 'lines.0.item');
    const forged = await assess(
      o,
      claim(o.lineIds[0] as string, 'defective', { openedByCustomer: true, unitPriceCents: 1 }),
    );
    assert.equal(forged.statusCode, 400);
    assert.equal(json<ErrorShape>(forged).error.field, 'lines.0.facts.unitPriceCents');
    // AS-GEN-6: a clearance item has no warranty; the record says clearance, so a defect claim is declined.
    const ok = await assess(o, claim(o.lineIds[0] as string, 'defective'));
    const line = json<AssessAnswer>(ok).lines[0];
    assert.equal(line?.assessment.eligible, false);
    assert.ok(line?.assessment.reasons.some((r) => r.clause === 'AS-GEN-6'));
  });

  it('a line not shipped or not delivered, a line of another order, a forged link: 4xx naming the field', async () => {
    const placed = await order([{}], 'placed');
    let res = await assess(placed, claim(placed.lineIds[0] as string));
    assert.equal(res.statusCode, 409);
    assert.equal(json<ErrorShape>(res).error.field, 'lines.0.orderLineId');
    assert.match(json<ErrorShape>(res).error.message, /not shipped/);
    const shipped = await order([{}], 'shipped');
    res = await open(shipped, claim(shipped.lineIds[0] as string));
    assert.equal(res.statusCode, 409);
    assert.match(json<ErrorShape>(res).error.message, /not been delivered/);

    const other = await order([{}], 'delivered', 'someone@example.com');
    res = await assess(shipped, claim(other.lineIds[0] as string));
    assert.equal(res.statusCode, 404);
    assert.equal(json<ErrorShape>(res).error.field, 'lines.0.orderLineId');
    res = await open(shipped, claim(other.lineIds[0] as string));
    assert.equal(res.statusCode, 404);
    res = await post(
      `/api/orders/by-link/${other.token.slice(0, -2)}xx/claims/assess`,
      claim(other.lineIds[0] as string),
    );
    assert.equal(res.statusCode, 404);
    res = await assess(other, {
      lines: [
        { orderLineId: other.lineIds[0], kind: 'dead_on_arrival', facts: { openedByCustomer: true } },
        { orderLineId: other.lineIds[0], kind: 'dead_on_arrival', facts: { openedByCustomer: true } },
      ],
    });
    assert.equal(res.statusCode, 400);
    assert.equal(json<ErrorShape>(res).error.field, 'lines.1.orderLineId');
    assert.equal(await countRows(t.ctx.db, 'after_sales_cases'), 0);
  });

  it('opening stores the assessment and the policy version, the timeline row and the email; the reference is the RMA number (AS-GEN-2)', async () => {
    const o = await order();
    const res = await open(o, claim(o.lineIds[0] as string));
    assert.equal(res.statusCode, 201, res.body);
    const [c] = opened(res);
    assert.match(c?.reference ?? '', /^RMA-26-\d{5}$/);
    assert.equal(c?.state, 'opened');
    assert.equal(c?.policyVersion, 2);
    assert.equal(c?.assessment.eligible, true);
    assert.equal(c?.assessment.reasons[0]?.clause, 'AS-DOA-1');
    assert.deepEqual(c?.actions, ['withdraw']);
    assert.deepEqual(
      c?.timeline.map((e) => [e.action, e.fromState, e.toState, e.actor.type]),
      [['open', null, 'opened', 'customer']],
    );

    const id = await caseIdOf(c?.reference as string);
    const detail = json<{ case: AdminCaseDetail }>(
      await staffReq(owner, 'GET', `/api/admin/cases/${id}`),
    ).case;
    assert.equal(detail.order.reference, o.reference);
    assert.deepEqual(detail.assessment, c?.assessment);
    assert.deepEqual(detail.facts, { openedByCustomer: true });
    assert.deepEqual(
      detail.actions.map((a) => a.action),
      ['start_troubleshooting', 'request_evidence', 'decline'],
    );
    assert.deepEqual(detail.timeline[0]?.assessment, c?.assessment);

    const mail = await t.app.inject({
      method: 'GET',
      url: `/api/admin/orders/${o.id}`,
      headers: { cookie: owner },
    });
    const emails = json<{ order: { emails: Array<{ template: string }> } }>(mail).order.emails;
    assert.ok(emails.some((e) => e.template === 'case_opened'));

    const mine = await t.app.inject({ method: 'GET', url: `/api/orders/by-link/${o.token}/cases` });
    assert.deepEqual(
      json<{ cases: CustomerCase[] }>(mine).cases.map((x) => x.reference),
      [c?.reference],
    );
  });

  it('a claim on two lines opens two cases in one go: the "case opened" email names both RMA references (AS-GEN-2) in its subject, text and HTML, each case has its first timeline row', async () => {
    const o = await order([{}, {}]);
    const res = await open(o, {
      lines: o.lineIds.map((orderLineId) => ({
        orderLineId,
        kind: 'dead_on_arrival',
        facts: { openedByCustomer: true },
      })),
    });
    assert.equal(res.statusCode, 201, res.body);
    const cases = opened(res);
    assert.deepEqual(
      cases.map((c) => c.orderLineId),
      o.lineIds,
    );
    const [first, second] = cases.map((c) => c.reference);
    assert.match(first ?? '', /^RMA-26-\d{5}$/);
    assert.match(second ?? '', /^RMA-26-\d{5}$/);
    assert.notEqual(first, second);

    const [mail, ...others] = await t.ctx.db
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.orderId, o.id), eq(mailOutbox.template, 'case_opened')));
    assert.equal(others.length, 0, 'one email for both cases');
    assert.match(
      mail?.subject ?? '',
      new RegExp(`cases ${first}, ${second} opened for order ${o.reference}$`),
    );
    for (const body of [mail?.textBody ?? '', mail?.htmlBody ?? '']) {
      assert.ok(body.includes(`${first}: `), body);
      assert.ok(body.includes(`${second}: `), body);
      assert.doesNotMatch(body, /\[case \d/, 'no reference slot is left unfilled');
    }
    assert.ok(mail?.textBody.includes(`/orders/view?token=${encodeURIComponent(o.token)}`));

    for (const c of cases) {
      const detail = json<{ case: AdminCaseDetail }>(
        await staffReq(owner, 'GET', `/api/admin/cases/${await caseIdOf(c.reference)}`),
      ).case;
      assert.deepEqual(
        detail.timeline.map((e) => [e.action, e.toState, e.actor.type]),
        [['open', 'opened', 'customer']],
      );
      assert.deepEqual(detail.timeline[0]?.assessment, c.assessment);
      assert.deepEqual(detail.assessment, c.assessment);
      assert.equal(detail.openedAt, '2026-03-02T09:00:00.000Z');
      assert.equal(detail.dueAt, '2026-03-05T09:00:00.000Z');
    }
  });

  it('a claim the policy declines opens nothing: 422 naming the clause, with the reasons (AS-RET-1)', async () => {
    const o = await order();
    const before = await countRows(t.ctx.db, 'after_sales_cases');
    const mailsBefore = await countRows(t.ctx.db, 'mail_outbox');
    const res = await open(o, {
      lines: [
        { orderLineId: o.lineIds[0], kind: 'dead_on_arrival', facts: { openedByCustomer: true } },
        { orderLineId: o.lineIds[0], kind: 'change_of_mind', facts: { openedByCustomer: false } },
      ],
    });
    assert.equal(res.statusCode, 422, res.body);
    const error = json<ErrorWithClause>(res).error;
    assert.equal(error.code, 'policy_violation');
    assert.equal(error.clause, 'AS-RET-1');
    assert.equal(error.field, 'lines.1.kind');
    assert.equal(error.reasons?.[0]?.clause, 'AS-RET-1');
    assert.equal(await countRows(t.ctx.db, 'after_sales_cases'), before, 'not even the eligible line');
    assert.equal(await countRows(t.ctx.db, 'mail_outbox'), mailsBefore);
  });

  it('a later policy version does not change an open case (issue 10 point 6, AS-DOA-1)', async () => {
    const o = await order();
    const [c] = opened(await open(o, claim(o.lineIds[0] as string)));
    const res = await staffReq(owner, 'POST', '/api/admin/policy/versions', {
      settings: { ...defaultPolicySettings, warrantyMonths: 24, doaDaysAfterDelivery: 5 },
      reason: 'Longer windows',
    });
    assert.equal(json<{ policy: { version: number } }>(res).policy.version, 3);

    const id = await caseIdOf(c?.reference as string);
    const detail = json<{ case: AdminCaseDetail }>(
      await staffReq(owner, 'GET', `/api/admin/cases/${id}`),
    ).case;
    assert.equal(detail.policyVersion, 2);
    assert.deepEqual(detail.assessment, c?.assessment);
    assert.match(detail.assessment.reasons[0]?.message ?? '', /within the 3 days/);

    const fresh = json<AssessAnswer>(await assess(o, claim(o.lineIds[0] as string, 'defective')));
    assert.equal(fresh.policyVersion, 3);
    const again = json<AssessAnswer>(await assess(o, claim(o.lineIds[0] as string)));
    assert.match(again.lines[0]?.assessment.reasons[0]?.message ?? '', /within the 5 days/);
  });

  it('a second open case for the same line and kind is a 409 naming the open case, writing nothing and drawing no RMA number; another kind may open', async () => {
    const o = await order();
    const [c] = opened(await open(o, claim(o.lineIds[0] as string)));
    let res = await open(o, claim(o.lineIds[0] as string));
    assert.equal(res.statusCode, 409);
    assert.match(json<ErrorShape>(res).error.message, new RegExp(c?.reference as string));
    assert.equal(json<ErrorShape>(res).error.field, 'lines.0.orderLineId');
    // The refused claim wrote nothing and drew no number: the next case opened has the next one.
    res = await open(o, claim(o.lineIds[0] as string, 'incorrect_item'));
    assert.equal(res.statusCode, 201, res.body);
    const numberOf = (reference: string | undefined) => Number(reference?.split('-').at(-1));
    assert.equal(numberOf(opened(res)[0]?.reference), numberOf(c?.reference) + 1);

    // Two lines in one claim, one of them already open: all or none.
    const two = await order([{}, {}]);
    const [first] = opened(await open(two, claim(two.lineIds[0] as string)));
    res = await open(two, {
      lines: [...claim(two.lineIds[1] as string).lines, ...claim(two.lineIds[0] as string).lines],
    });
    assert.equal(res.statusCode, 409, res.body);
    assert.equal(json<ErrorShape>(res).error.field, 'lines.1.orderLineId');
    assert.match(json<ErrorShape>(res).error.message, new RegExp(first?.reference as string));
    const listed = await t.app.inject({ method: 'GET', url: `/api/orders/by-link/${two.token}/cases` });
    assert.equal(json<{ cases: CustomerCase[] }>(listed).cases.length, 1, 'the free line got no case');

    // Once the first is withdrawn, the claim may be opened again.
    res = await post(`/api/orders/by-link/${o.token}/cases/${c?.reference}/actions`, { action: 'withdraw' });
    assert.equal(res.statusCode, 200, res.body);
    res = await open(o, claim(o.lineIds[0] as string));
    assert.equal(res.statusCode, 201, res.body);
  });

  it('concurrent duplicate opens: exactly one case, the others a 409', async () => {
    const o = await order();
    const results = await Promise.all(
      Array.from({ length: 6 }, () => open(o, claim(o.lineIds[0] as string))),
    );
    const codes = results.map((r) => r.statusCode).sort();
    assert.deepEqual(codes, [201, 409, 409, 409, 409, 409], results.map((r) => r.body).join('\n'));
    const res = await t.app.inject({ method: 'GET', url: `/api/orders/by-link/${o.token}/cases` });
    assert.equal(json<{ cases: CustomerCase[] }>(res).cases.length, 1);
  });

  it("another customer's case is a 404; staff without a session get a 401", async () => {
    const mine = await order();
    const theirs = await order([{}], 'delivered', 'someone@example.com');
    const [c] = opened(await open(theirs, claim(theirs.lineIds[0] as string)));
    const res = await post(`/api/orders/by-link/${mine.token}/cases/${c?.reference}/actions`, {
      action: 'withdraw',
    });
    assert.equal(res.statusCode, 404);
    const id = await caseIdOf(c?.reference as string);
    for (const [method, url, payload] of [
      ['GET', '/api/admin/cases', undefined],
      ['GET', `/api/admin/cases/${id}`, undefined],
      ['POST', `/api/admin/cases/${id}/actions`, { action: 'decline' }],
      ['GET', '/api/admin/policy/versions', undefined],
      ['POST', '/api/admin/policy/versions', { settings: defaultPolicySettings, reason: 'Defaults' }],
    ] as const) {
      const r = await staffReq('', method, url, payload);
      assert.equal(r.statusCode, 401, `${method} ${url}`);
    }
    const missing = await staffReq(owner, 'GET', '/api/admin/cases/01900000-0000-7000-8000-000000000000');
    assert.equal(missing.statusCode, 404);
  });

  /** The shortest way from `opened` to each state, as [action, actor] moves through the table. */
  const paths = (() => {
    const found = new Map<CaseState, Array<[CaseAction, 'staff' | 'customer']>>([['opened', []]]);
    const queue: CaseState[] = ['opened'];
    while (queue.length > 0) {
      const from = queue.shift() as CaseState;
      for (const [action, move] of Object.entries(caseActions) as Array<
        [CaseAction, (typeof caseActions)[CaseAction]]
      >) {
        const actor = (move.by as readonly string[]).includes('staff') ? 'staff' : 'customer';
        if (!(move.from as readonly string[]).includes(from) || found.has(move.to)) continue;
        if (!(move.by as readonly string[]).includes(actor)) continue;
        found.set(move.to, [...(found.get(from) ?? []), [action, actor]]);
        queue.push(move.to);
      }
    }
    return found;
  })();

  /**
   * The fields each staff decision carries. A dead-on-arrival claim offers no voucher, no parts quote and no
   * decline, so those moves are overrides with a written reason (cases-staff.test.ts proves the refusals); no
   * evidence is uploaded here, so authorising the return is one too (case-evidence-gate.test.ts proves that).
   */
  const because = 'Tested against the policy on purpose';
  const staffFields: Partial<Record<CaseAction, object>> = {
    authorise_return: { overrideReason: because },
    record_inspection: { verdict: 'product_fault', components: ['screen'] },
    send_quote: { amountCents: 4900, parts: ['screen'], overrideReason: because },
    resolve: { resolution: 'replacement' },
    resolve_without_return: { resolution: 'keep_with_voucher', valueCents: 2_000, overrideReason: because },
    decline: { overrideReason: because },
  };

  it('every legal move of the case lifecycle works through the HTTP actions routes (staff and customer)', async () => {
    const pairs = (
      Object.entries(caseActions) as Array<[CaseAction, (typeof caseActions)[CaseAction]]>
    ).flatMap(([action, move]) => move.from.map((from) => ({ action, from: from as CaseState, move })));
    // One order, one line per move to test (each line gets its own case).
    const o = await order(pairs.map(() => ({})));
    const move = async (
      reference: string,
      id: string,
      action: CaseAction,
      actor: 'staff' | 'customer',
      note?: string,
    ) =>
      actor === 'staff'
        ? staffReq(owner, 'POST', `/api/admin/cases/${id}/actions`, {
            action,
            ...staffFields[action],
            ...(note ? { note } : {}),
          })
        : post(`/api/orders/by-link/${o.token}/cases/${reference}/actions`, {
            action,
            ...(note ? { note } : {}),
          });
    for (const [i, { action, from, move: m }] of pairs.entries()) {
      const [c] = opened(await open(o, claim(o.lineIds[i] as string)));
      const reference = c?.reference as string;
      const id = await caseIdOf(reference);
      for (const [step, actor] of paths.get(from) ?? []) {
        const res = await move(reference, id, step, actor);
        assert.equal(res.statusCode, 200, `${step} on the way to ${from}: ${res.body}`);
      }
      const actor = (m.by as readonly string[]).includes('staff') ? 'staff' : 'customer';
      const res = await move(reference, id, action, actor, `${action} from ${from}`);
      assert.equal(res.statusCode, 200, `${action} from ${from}: ${res.body}`);
      const state = json<{ case: { state: string } }>(res).case.state;
      assert.equal(state, m.to, `${action} from ${from}`);
      const detail = json<{ case: AdminCaseDetail }>(
        await staffReq(owner, 'GET', `/api/admin/cases/${id}`),
      ).case;
      const last = detail.timeline.at(-1);
      assert.deepEqual(
        [last?.action, last?.fromState, last?.toState, last?.actor.type, last?.note],
        [action, from, m.to, actor, `${action} from ${from}`],
      );
      assert.equal(last?.actor.id === null, actor === 'customer', 'staff moves name the member');
    }
    const list = json<{ items: Array<{ state: string }> }>(
      await staffReq(owner, 'GET', '/api/admin/cases?state=quote_sent'),
    );
    assert.ok(list.items.every((c) => c.state === 'quote_sent'));
  });

  it('illegal moves are a 409 naming the allowed actions; a customer cannot take a staff action', async () => {
    const o = await order();
    const [c] = opened(await open(o, claim(o.lineIds[0] as string)));
    const id = await caseIdOf(c?.reference as string);
    let res = await staffReq(owner, 'POST', `/api/admin/cases/${id}/actions`, { action: 'close' });
    assert.equal(res.statusCode, 409);
    assert.equal(json<ErrorShape>(res).error.field, 'action');
    assert.match(
      json<ErrorShape>(res).error.message,
      /allowed now: start_troubleshooting, request_evidence, decline/,
    );
    res = await staffReq(owner, 'POST', `/api/admin/cases/${id}/actions`, { action: 'withdraw' });
    assert.equal(res.statusCode, 409, 'withdrawing is the customer’s');
    res = await post(`/api/orders/by-link/${o.token}/cases/${c?.reference}/actions`, { action: 'decline' });
    assert.equal(res.statusCode, 409);
    assert.match(json<ErrorShape>(res).error.message, /allowed now: withdraw/);
    res = await post(`/api/orders/by-link/${o.token}/cases/${c?.reference}/actions`, { action: 'withdraw' });
    assert.equal(res.statusCode, 200);
    res = await post(`/api/orders/by-link/${o.token}/cases/${c?.reference}/actions`, { action: 'withdraw' });
    assert.equal(res.statusCode, 409);
    assert.match(json<ErrorShape>(res).error.message, /nothing more can be done/);
    res = await staffReq(owner, 'POST', `/api/admin/cases/${id}/actions`, {
      action: 'start_troubleshooting',
    });
    assert.equal(res.statusCode, 409);
    res = await staffReq(owner, 'POST', `/api/admin/cases/${id}/actions`, { action: 'fly_to_the_moon' });
    assert.equal(res.statusCode, 400);
    assert.equal(json<ErrorShape>(res).error.field, 'action');
  });

  it('a note with NUL or of 100,000 characters is a 400 naming it', async () => {
    const o = await order();
    const [c] = opened(await open(o, claim(o.lineIds[0] as string)));
    const id = await caseIdOf(c?.reference as string);
    for (const note of ['a\u0000b', 'x'.repeat(100_000)]) {
      let res = await staffReq(owner, 'POST', `/api/admin/cases/${id}/actions`, {
        action: 'start_troubleshooting',
        note,
      });
      assert.equal(res.statusCode, 400);
      assert.equal(json<ErrorShape>(res).error.field, 'note');
      res = await post(`/api/orders/by-link/${o.token}/cases/${c?.reference}/actions`, {
        action: 'withdraw',
        note,
      });
      assert.equal(res.statusCode, 400);
      assert.equal(json<ErrorShape>(res).error.field, 'note');
    }
    const detail = json<{ case: AdminCaseDetail }>(
      await staffReq(owner, 'GET', `/api/admin/cases/${id}`),
    ).case;
    assert.equal(detail.state, 'opened');
  });

  it('the staff list filters by state and kind and pages with a cursor', async () => {
    let res = await staffReq(owner, 'GET', '/api/admin/cases?kind=incorrect_item&limit=100');
    assert.equal(res.statusCode, 200, res.body);
    assert.ok(json<{ items: Array<{ kind: string }> }>(res).items.every((c) => c.kind === 'incorrect_item'));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      res = await staffReq(owner, 'GET', `/api/admin/cases?limit=7${cursor ? `&cursor=${cursor}` : ''}`);
      assert.equal(res.statusCode, 200, res.body);
      const page = json<{ items: Array<{ id: string }>; nextCursor: string | null }>(res);
      seen.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor;
    } while (cursor);
    assert.equal(seen.length, await countRows(t.ctx.db, 'after_sales_cases'));
    assert.equal(new Set(seen).size, seen.length);
    res = await staffReq(owner, 'GET', '/api/admin/cases?cursor=nonsense');
    assert.equal(res.statusCode, 400);
    assert.equal(json<ErrorShape>(res).error.field, 'cursor');
  });

  it('the open-case index matches isOpenCase: finished states are declined, withdrawn and closed', () => {
    assert.deepEqual(
      caseStates.filter((s) => !isOpenCase(s)),
      [...FINISHED_CASE_STATES],
    );
  });
});
