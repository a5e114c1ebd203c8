/**
 * PV-MIN-1 retention, through the job queue the shop runs (pg-boss on the test's own database: PGlite, or
 * PostgreSQL with DATABASE_URL).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { staffSessions, staffUsers } from '../../src/accounts/schema.ts';
import { type JobRunner, startJobs } from '../../src/jobs/runner.ts';
import { mailOutbox } from '../../src/messaging/schema.ts';
import { cartLines, carts, idempotencyKeys } from '../../src/orders/schema.ts';
import { retentionJob, runRetention } from '../../src/privacy/retention.ts';
import { recordStaffAccess } from '../../src/privacy/staff-access/record-access.ts';
import { staffAccessLog } from '../../src/privacy/staff-access/schema.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { uuidv7 } from '../../src/shared/ids.ts';
import { DAY_MS, HOUR_MS } from '../../src/shared/time.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';

const NOW = Date.parse('2026-11-25T12:00:00Z');
const ago = (ms: number) => new Date(NOW - ms);

/** Rows just past and just inside each period, named by what should become of them. */
async function fillTables(t: TestApp): Promise<void> {
  const { db } = t.ctx;
  await db.insert(idempotencyKeys).values([
    { scope: 'checkout', key: 'expired', requestHash: 'h', createdAt: ago(24 * HOUR_MS + 1) },
    { scope: 'checkout', key: 'kept', requestHash: 'h', createdAt: ago(24 * HOUR_MS - 60_000) },
  ]);
  const [variant] = await t.ctx.database.rows<{ id: string }>(sql`select id from product_variants limit 1`);
  const staleCart = uuidv7();
  await db.insert(carts).values([
    { id: staleCart, tokenHash: 'stale', updatedAt: ago(30 * DAY_MS + 1) },
    { id: uuidv7(), tokenHash: 'kept', updatedAt: ago(29 * DAY_MS) },
  ]);
  if (variant) await db.insert(cartLines).values({ cartId: staleCart, variantId: variant.id, quantity: 1 });
  const [owner] = await db.select({ id: staffUsers.id }).from(staffUsers).limit(1);
  const staffId = owner?.id as string;
  const session = (tokenHash: string, expiresAt: Date, revokedAt: Date | null = null) => ({
    id: uuidv7(),
    staffId,
    tokenHash,
    expiresAt,
    revokedAt,
  });
  await db
    .insert(staffSessions)
    .values([
      session('expired-31-days-ago', ago(31 * DAY_MS)),
      session('signed-out-31-days-ago', ago(-DAY_MS), ago(31 * DAY_MS)),
      session('expired-29-days-ago', ago(29 * DAY_MS)),
      session('active', ago(-HOUR_MS)),
    ]);
  const mail = (subject: string, status: 'pending' | 'sent' | 'failed', createdAt: Date) => ({
    id: uuidv7(),
    template: 'order_placed',
    toAddress: 'someone@example.com',
    subject,
    textBody: 't',
    htmlBody: 'h',
    status,
    createdAt,
  });
  await db
    .insert(mailOutbox)
    .values([
      mail('sent 91 days ago', 'sent', ago(91 * DAY_MS)),
      mail('failed 91 days ago', 'failed', ago(91 * DAY_MS)),
      mail('sent 89 days ago', 'sent', ago(89 * DAY_MS)),
      mail('pending for 200 days', 'pending', ago(200 * DAY_MS)),
    ]);
  // PV-STF-1: audit rows just past and just inside STAFF_ACCESS_LOG_KEEP_DAYS (730).
  const reader = { id: staffId, name: 'Owner', role: 'owner' as const };
  for (const [recordId, at] of [
    ['read 731 days ago', ago(731 * DAY_MS)],
    ['read 729 days ago', ago(729 * DAY_MS)],
  ] as const) {
    await recordStaffAccess(db, reader, at, [
      { outcome: 'read', recordType: 'order', recordId, customerId: null, fields: ['name'] },
    ]);
  }
}

async function remaining(t: TestApp) {
  const { db } = t.ctx;
  return {
    keys: (await db.select({ key: idempotencyKeys.key }).from(idempotencyKeys)).map((r) => r.key).sort(),
    carts: (await db.select({ tokenHash: carts.tokenHash }).from(carts)).map((r) => r.tokenHash).sort(),
    cartLines: (await db.select().from(cartLines)).length,
    sessions: (await db.select({ tokenHash: staffSessions.tokenHash }).from(staffSessions))
      .map((r) => r.tokenHash)
      .sort(),
    mail: (await db.select({ subject: mailOutbox.subject }).from(mailOutbox)).map((r) => r.subject).sort(),
    staffAccessLog: (await db.select({ recordId: staffAccessLog.recordId }).from(staffAccessLog))
      .map((r) => r.recordId)
      .filter((id) => id?.startsWith('read '))
      .sort(),
  };
}

const EXPECTED_LEFT = {
  keys: ['kept'],
  carts: ['kept'],
  cartLines: 0,
  sessions: ['active', 'expired-29-days-ago'],
  mail: ['pending for 200 days', 'sent 89 days ago'],
  staffAccessLog: ['read 729 days ago'],
};

describe('retention job, PV-MIN-1', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ seed: true, clock: fixedClock(new Date(NOW)) });
  });
  after(async () => t.close());

  it('deletes checkout answers after 24 h, carts after 30 days, ended staff sessions after 30 days, sent or failed mail after 90 days and audit-log rows after STAFF_ACCESS_LOG_KEEP_DAYS, and nothing younger or still pending, PV-MIN-1, PV-STF-1', async () => {
    await fillTables(t);
    const report = await runRetention(t.ctx);
    assert.deepEqual(report, {
      clause: 'PV-MIN-1',
      idempotencyKeys: 1,
      carts: 1,
      staffSessions: 2,
      customerSessions: 0,
      mail: 2,
      friendMail: 0,
      jobRuns: 0,
      staffAccessLog: 1,
      idleAccounts: { warned: 0, deleted: 0, postponed: 0 },
      evidenceFiles: 0,
      evidenceFolders: 0,
    });
    assert.deepEqual(await remaining(t), EXPECTED_LEFT);
    // A second run finds nothing more.
    assert.deepEqual(await runRetention(t.ctx), {
      clause: 'PV-MIN-1',
      idempotencyKeys: 0,
      carts: 0,
      staffSessions: 0,
      customerSessions: 0,
      mail: 0,
      friendMail: 0,
      jobRuns: 0,
      staffAccessLog: 0,
      idleAccounts: { warned: 0, deleted: 0, postponed: 0 },
      evidenceFiles: 0,
      evidenceFolders: 0,
    });
  });
});

describe('job runner (pg-boss on the shop database)', () => {
  let t: TestApp;
  let runner: JobRunner | null = null;
  before(async () => {
    t = await startTestApp({ seed: true, clock: fixedClock(new Date(NOW)) });
  });
  after(async () => {
    await runner?.stop();
    await t.close();
  });

  it('schedules retention every hour in UTC and runs it when sent, PV-MIN-1', async () => {
    await fillTables(t);
    const logged: string[] = [];
    runner = await startJobs(t.ctx, [retentionJob], {
      log: { info: (_o, msg) => logged.push(msg), error: (_o, msg) => logged.push(msg) },
      pollingIntervalSeconds: 0.5,
    });
    const schedules = await t.ctx.database.rows<{ name: string; cron: string; timezone: string }>(
      sql`select name, cron, timezone from pgboss.schedule`,
    );
    assert.deepEqual(schedules, [{ name: 'privacy.retention', cron: '17 * * * *', timezone: 'UTC' }]);

    assert.ok(await runner.runNow('privacy.retention'), 'the job was queued');
    const deadline = Date.now() + 15_000;
    while (!logged.includes('job done') && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.deepEqual(logged, ['job done']);
    assert.deepEqual(await remaining(t), EXPECTED_LEFT);
    // The run is in the back office's job log with its counts.
    const runs = await t.app.inject({
      method: 'GET',
      url: '/api/admin/jobs/runs',
      headers: { cookie: await t.staffCookie() },
    });
    const [run] = (runs.json() as { runs: Array<{ job: string; status: string; result: { carts: number } }> })
      .runs;
    assert.equal(run?.job, 'privacy.retention');
    assert.equal(run?.status, 'done');
    assert.equal(run?.result.carts, 1);
  });
});
