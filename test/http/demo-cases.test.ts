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
import { runSeed } from '../../src/demo/command.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';

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
    assert.match(line, /15 after-sales cases/);
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
});
