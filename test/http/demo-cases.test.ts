/**
 * Issue 10 point 8: the demo shop holds after-sales cases in every state of the lifecycle and of every kind a
 * case can be opened for, each played through the shop's own use cases (so each holds real engine answers and
 * a timeline), and `npm run seed -- --reset` starts the RMA numbers again.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { caseStates } from '../../src/aftersales/cases/case-lifecycle.ts';
import { evidenceServices } from '../../src/aftersales/evidence/evidence-context.ts';
import type { NumbersResponse } from '../../src/aftersales/numbers/numbers.schemas.ts';
import { runSeed } from '../../src/demo/command.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { json, signedInMember, startTestApp, type TestApp } from '../helpers/app.ts';
import { staffRequest } from '../helpers/cases-fixtures.ts';

const NOW = '2026-06-15T10:00:00.000Z';

describe('demo after-sales cases (issue 10 point 8)', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  const rows = async <T>(query: ReturnType<typeof sql>) =>
    ((await t.ctx.db.execute(query)) as unknown as { rows: T[] }).rows;

  it('a seeded shop has a case in every state, every kind a case can be, each judged by the engine with its timeline', async () => {
    const line = await runSeed(t.ctx.database, fixedClock(NOW), {
      reset: false,
      where: 'test',
      cases: t.ctx,
    });
    assert.match(line, /17 after-sales cases/);
    const cases = await rows<{
      reference: string;
      kind: string;
      state: string;
      events: number;
      eligible: boolean;
    }>(
      sql`select c.reference, c.kind, c.state, (c.assessment->>'eligible')::boolean as eligible,
            (select count(*)::int from after_sales_case_events e where e.case_id = c.id) as events
          from after_sales_cases c order by c.reference`,
    );
    assert.deepEqual(new Set(cases.map((c) => c.state)), new Set(caseStates));
    // Change of mind is declined by AS-RET-1 before any case exists: the other three kinds are there.
    assert.deepEqual(
      new Set(cases.map((c) => c.kind)),
      new Set(['dead_on_arrival', 'defective', 'incorrect_item']),
    );
    assert.equal(cases[0]?.reference, 'RMA-26-00001');
    for (const c of cases) assert.ok(c.events >= 1, c.reference);
    const mails = await rows<{ template: string }>(sql`select distinct template from mail_outbox`);
    const templates = new Set(mails.map((m) => m.template));
    for (const t of [
      'case_opened',
      'case_return_authorised',
      'case_quote_sent',
      'case_resolved',
      'case_declined',
    ]) {
      assert.ok(templates.has(t), t);
    }

    // The README's quick start sends a newcomer to this order to open a claim: delivered two days ago, no case.
    const [linus] = await rows<{ reference: string; cases: number }>(
      sql`select o.reference, (select count(*)::int from after_sales_cases c where c.order_id = o.id) as cases
          from orders o where o.email = 'linus@example.com'`,
    );
    assert.deepEqual(linus, { reference: 'AC-26-00020', cases: 0 });

    // Evidence photos drawn by the project, uploaded through the shop's use case: every case that went past
    // collecting evidence has a file for each kind its assessment requires; the one still waiting has some.
    const evidence = await rows<{ id: string; state: string; missing: number; files: number }>(
      sql`select c.id, c.state,
            (select count(*)::int from jsonb_array_elements(c.assessment::jsonb->'evidence') r
              where (r->>'required')::boolean
                and not exists (select 1 from after_sales_evidence e where e.case_id = c.id and e.kind::text = r->>'kind')
            ) as missing,
            (select count(*)::int from after_sales_evidence e where e.case_id = c.id) as files
          from after_sales_cases c`,
    );
    const past = evidence.filter((c) =>
      ['return_authorised', 'parcel_received', 'inspected', 'quote_sent', 'resolved', 'closed'].includes(
        c.state,
      ),
    );
    assert.ok(past.length >= 6);
    for (const c of past) assert.equal(c.missing, 0, `${c.state} case misses required evidence`);
    const waiting = evidence.find((c) => c.state === 'awaiting_evidence');
    assert.ok(
      waiting && waiting.files >= 1 && waiting.missing >= 1,
      'the waiting case has part of its photos',
    );
    const { storage } = evidenceServices(t.ctx.config);
    const [file] = await rows<{ storage_key: string; thumbnail_key: string; media_type: string }>(
      sql`select storage_key, thumbnail_key, media_type from after_sales_evidence limit 1`,
    );
    assert.equal(file?.media_type, 'image/jpeg');
    assert.ok(await storage.exists(file?.storage_key as string));
    assert.ok(await storage.exists(file?.thumbnail_key as string));

    await runSeed(t.ctx.database, fixedClock(NOW), { reset: true, where: 'test', cases: t.ctx });
    assert.equal(await storage.exists(file?.storage_key as string), false, 'a reset removes the old photos');
    const again = await rows<{ reference: string }>(
      sql`select min(reference) as reference from after_sales_cases`,
    );
    assert.equal(again[0]?.reference, 'RMA-26-00001', 'a reset starts the RMA numbers again');
  });

  it("the owner's numbers show the demo's after-sales costs over several months: a card refund, return postage reimbursed from a receipt (AS-GEN-3), a case's coupon spent at checkout (AS-GEN-5), a battery the shop paid (AS-GEN-4)", async () => {
    await runSeed(t.ctx.database, fixedClock(NOW), { reset: true, where: 'test', cases: t.ctx });
    // The refunded case's item and the coupon's spending order, as the shop recorded them.
    const [refunded] = await rows<{ unit_price_cents: number; refund_status: string; decided: string }>(
      sql`select l.unit_price_cents, r.status as refund_status, to_char(r.succeeded_at at time zone 'UTC', 'YYYY-MM') as decided
          from case_remedies m join refunds r on r.id = m.refund_id
          join after_sales_cases c on c.id = m.case_id join order_lines l on l.id = c.order_line_id
          where m.kind = 'refund'`,
    );
    assert.equal(refunded?.refund_status, 'succeeded', 'the card refund went through the test processor');
    const [spent] = await rows<{ discount: number; status: string; value: number; month: string }>(
      sql`select k.redeemed_discount_cents as discount, k.value_cents as value, o.status,
            to_char(k.redeemed_at at time zone 'UTC', 'YYYY-MM') as month
          from coupons k join orders o on o.id = k.redeemed_order_id where k.clause = 'AS-GEN-5'`,
    );
    const [postage] = await rows<{ month: string }>(
      sql`select to_char(r.succeeded_at at time zone 'UTC', 'YYYY-MM') as month
          from case_remedies m join refunds r on r.id = m.refund_id where m.kind = 'return_shipping'`,
    );
    assert.equal(spent?.status, 'paid', 'the order the coupon paid for was paid by card');
    assert.equal(spent?.discount, spent?.value, 'the whole coupon came off the order');

    const owner = await signedInMember(t, 'owner.numbers@example.com', 'Numbers Owner', 'owner');
    const res = await staffRequest(t, owner.cookie, 'GET', '/api/admin/after-sales/numbers');
    assert.equal(res.statusCode, 200, res.body);
    const { totals, costs } = json<NumbersResponse>(res);
    assert.equal(totals.refundsCents, refunded?.unit_price_cents, 'the refund is the price of the item');
    assert.equal(
      totals.returnShippingCents,
      740,
      'the postage receipt of $7.40 is under the cap: paid in full',
    );
    assert.equal(totals.couponsRedeemedCents, spent?.discount);
    assert.ok(totals.couponsRedeemedCents > 0 && totals.refundsCents > 0);
    // AS-GEN-4: the repaired phone's battery, at the config's price of a battery.
    assert.equal(totals.partsCents, t.ctx.config.PARTS_COST_BATTERY_CENTS);
    assert.equal(
      totals.totalCents,
      totals.refundsCents +
        totals.returnShippingCents +
        totals.couponsRedeemedCents +
        totals.vouchersRedeemedCents +
        totals.partsCents,
    );
    // Spread over the range: the refund months before the postage, the postage before the coupon was spent.
    const month = (m: string | undefined) => costs.find((c) => c.month === m);
    assert.equal(month(refunded?.decided)?.refundsCents, refunded?.unit_price_cents);
    assert.equal(month(spent?.month)?.couponsRedeemedCents, spent?.discount);
    assert.equal(new Set([refunded?.decided, postage?.month, spent?.month]).size, 3);
    assert.equal(month(postage?.month)?.returnShippingCents, 740);
  });
});
