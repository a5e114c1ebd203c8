/**
 * PV-ACC-3 and PV-MIN-1 on the retention job, with a set clock: idle accounts warned once 14 days before 6
 * months, deleted at 6 months, a sign-in in between cancels; evidence of long-finished cases deleted; a job
 * handed to two processes at once runs once.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { customers } from '../../src/accounts/customers/schema.ts';
import { afterSalesEvidence } from '../../src/aftersales/evidence/evidence.schema.ts';
import { privateDir } from '../../src/aftersales/evidence/storage.ts';
import { afterSalesCases } from '../../src/aftersales/schema.ts';
import { runOnce } from '../../src/jobs/job-runs.ts';
import { jobLeases, jobRuns } from '../../src/jobs/schema.ts';
import { orders } from '../../src/orders/schema.ts';
import { addMonthsUtc } from '../../src/privacy/idle-accounts.rules.ts';
import { runRetention } from '../../src/privacy/retention.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { uuidv7 } from '../../src/shared/ids.ts';
import { DAY_MS } from '../../src/shared/time.ts';
import {
  GOOD_PASSWORD,
  mailsTo,
  sessionCookie,
  signIn,
  verifiedAccount,
} from '../helpers/accounts-fixtures.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { deliveredOrder } from '../helpers/cases-fixtures.ts';
import { openCase, sendMissingEvidence } from '../helpers/evidence-fixtures.ts';

const START = new Date('2026-01-10T09:00:00Z');
const SIX_MONTHS = addMonthsUtc(START, 6);
const WARN_AT = new Date(SIX_MONTHS.getTime() - 14 * DAY_MS);

describe('idle accounts on the retention job, PV-ACC-3', () => {
  const clock = fixedClock(START);
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ clock, env: { CUSTOMER_AUTH_PER_MINUTE: '100000' } });
    const owner = await t.staffCookie();
    // Idle Ida has a delivered order (kept anonymised), Sam signs in again after the warning.
    await deliveredOrder(t, owner, [{}], 'delivered', 'ida@example.com');
    await verifiedAccount(t, 'ida@example.com');
    await verifiedAccount(t, 'sam@example.com');
    await sessionCookie(t, 'ida@example.com');
    await sessionCookie(t, 'sam@example.com');
  });
  after(async () => t.close());

  const account = async (email: string) =>
    (await t.ctx.db.select().from(customers).where(eq(customers.email, email)))[0];

  it('PV-ACC-3: no warning a moment before 6 months − 14 days', async () => {
    clock.set(new Date(WARN_AT.getTime() - 1));
    const report = await runRetention(t.ctx);
    assert.deepEqual(report.idleAccounts, { warned: 0, deleted: 0, postponed: 0 });
  });

  it('PV-ACC-3: at 6 months − 14 days each idle account is warned once, by email, naming the day', async () => {
    clock.set(WARN_AT);
    assert.deepEqual((await runRetention(t.ctx)).idleAccounts, { warned: 2, deleted: 0, postponed: 0 });
    const [warning] = await mailsTo(t, 'ida@example.com', 'account_idle_warning');
    assert.ok(warning);
    assert.match(warning.textBody, /10 Jul 2026/);
    clock.set(new Date(WARN_AT.getTime() + DAY_MS));
    assert.deepEqual((await runRetention(t.ctx)).idleAccounts, { warned: 0, deleted: 0, postponed: 0 });
    assert.equal((await mailsTo(t, 'ida@example.com', 'account_idle_warning')).length, 1);
  });

  it('PV-ACC-3: a sign-in between the warning and the deletion cancels it', async () => {
    clock.set(new Date(WARN_AT.getTime() + 2 * DAY_MS));
    assert.equal((await signIn(t, 'sam@example.com', GOOD_PASSWORD)).statusCode, 200);
  });

  it('PV-ACC-3: nothing is deleted a moment before 6 months; at 6 months the idle account is deleted as in PV-ACC-4', async () => {
    clock.set(new Date(SIX_MONTHS.getTime() - 1));
    assert.deepEqual((await runRetention(t.ctx)).idleAccounts, { warned: 0, deleted: 0, postponed: 0 });
    assert.ok(await account('ida@example.com'));
    clock.set(SIX_MONTHS);
    assert.deepEqual((await runRetention(t.ctx)).idleAccounts, { warned: 0, deleted: 1, postponed: 0 });
    assert.equal(await account('ida@example.com'), undefined);
    assert.ok(await account('sam@example.com'), 'Sam signed in: kept');
    assert.deepEqual(
      (await mailsTo(t, 'ida@example.com')).map((m) => m.template),
      ['account_deleted'],
    );
    const kept = await t.ctx.db.select().from(orders);
    assert.equal(kept.length, 1);
    assert.equal(kept[0]?.email, '');
    assert.ok((kept[0]?.totalCents ?? 0) > 0);
  });
});

describe('evidence retention, PV-MIN-1', () => {
  const clock = fixedClock(START);
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ clock });
  });
  after(async () => t.close());

  it('PV-MIN-1: the evidence of a case finished EVIDENCE_RETENTION_DAYS ago is deleted, rows and files; younger or open cases keep theirs', async () => {
    const owner = await t.staffCookie();
    const finished = await openCase(t, owner);
    await sendMissingEvidence(t, finished.caseId);
    const open = await openCase(t, owner);
    await sendMissingEvidence(t, open.caseId);
    // The customer withdraws the first case now.
    const withdraw = await t.app.inject({
      method: 'POST',
      url: `/api/orders/by-link/${finished.token}/cases/${finished.reference}/actions`,
      payload: { action: 'withdraw' },
    });
    assert.equal(withdraw.statusCode, 200, withdraw.body);
    const folder = (caseId: string) => join(privateDir(t.ctx.config.DATA_DIR), 'evidence', caseId);
    const files = async (caseId: string) =>
      (await t.ctx.db.select().from(afterSalesEvidence).where(eq(afterSalesEvidence.caseId, caseId))).length;
    assert.ok((await files(finished.caseId)) > 0);

    clock.set(new Date(START.getTime() + 180 * DAY_MS - 1));
    assert.equal((await runRetention(t.ctx)).evidenceFiles, 0);
    clock.set(new Date(START.getTime() + 180 * DAY_MS));
    const report = await runRetention(t.ctx);
    assert.ok(report.evidenceFiles > 0);
    assert.equal(await files(finished.caseId), 0);
    assert.equal(existsSync(folder(finished.caseId)), false);
    assert.ok((await files(open.caseId)) > 0, 'the open case keeps its evidence');
    assert.ok(existsSync(folder(open.caseId)));
    const [c] = await t.ctx.db.select().from(afterSalesCases).where(eq(afterSalesCases.id, finished.caseId));
    assert.equal(c?.state, 'withdrawn');
  });
});

describe('a job handed to two processes at once, PV-MIN-1', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(async () => t.close());

  it('PV-MIN-1: two runs at once: one runs, the other is written as skipped; the lease is given back', async () => {
    let runs = 0;
    const work = async () => {
      runs += 1;
      await new Promise((resolve) => setTimeout(resolve, 300));
      return { counted: runs };
    };
    const outcomes = await Promise.all([
      runOnce(t.ctx, 'test.twice', work),
      runOnce(t.ctx, 'test.twice', work),
    ]);
    assert.equal(runs, 1);
    assert.deepEqual(outcomes.map((o) => o.status).sort(), ['done', 'skipped']);
    const logged = await t.ctx.db.select().from(jobRuns).where(eq(jobRuns.job, 'test.twice'));
    assert.deepEqual(logged.map((r) => r.status).sort(), ['done', 'skipped']);
    assert.deepEqual(await t.ctx.db.select().from(jobLeases), []);
    // Afterwards it runs again.
    assert.equal((await runOnce(t.ctx, 'test.twice', work)).status, 'done');
  });

  it('PV-MIN-1: a lease left by a process that died is taken over once expired, not before', async () => {
    await t.ctx.db
      .insert(jobLeases)
      .values({ job: 'test.crashed', holder: uuidv7(), until: new Date(Date.now() + 60_000) });
    assert.equal((await runOnce(t.ctx, 'test.crashed', async () => 1)).status, 'skipped');
    await t.ctx.db
      .update(jobLeases)
      .set({ until: new Date(Date.now() - 1) })
      .where(eq(jobLeases.job, 'test.crashed'));
    assert.equal((await runOnce(t.ctx, 'test.crashed', async () => 1)).status, 'done');
  });

  it('PV-MIN-1: a failed run is written with its error and gives the lease back', async () => {
    await assert.rejects(
      runOnce(t.ctx, 'test.fails', async () => {
        throw new Error('boom');
      }),
    );
    const [run] = await t.ctx.db.select().from(jobRuns).where(eq(jobRuns.job, 'test.fails'));
    assert.equal(run?.status, 'failed');
    assert.match(run?.error ?? '', /boom/);
    assert.deepEqual(await t.ctx.db.select().from(jobLeases).where(eq(jobLeases.job, 'test.fails')), []);
  });
});
