/**
 * PV-STF-1: the audit log of staff reads is append-only in the database itself: a row written by
 * `recordStaffAccess` can be neither changed nor removed, by the application or anyone else with SQL.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { deleteOldStaffAccessLog } from '../../src/privacy/staff-access/purge-old-log.ts';
import { recordStaffAccess } from '../../src/privacy/staff-access/record-access.ts';
import { staffAccessLog } from '../../src/privacy/staff-access/schema.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { signedInMember, startTestApp, type TestApp } from '../helpers/app.ts';

/** Drizzle wraps the driver's error: the trigger's message is the cause's. */
const appendOnly = (e: unknown) =>
  /append-only/.test(String((e as { cause?: Error }).cause?.message ?? (e as Error).message));

describe('staff access log (PV-STF-1)', () => {
  const clock = fixedClock('2026-03-02T09:00:00Z');
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ clock });
  });
  after(() => t.close());

  const member = {
    id: '0190f000-0000-7000-8000-000000000001',
    name: 'Sam Support',
    role: 'customer_service' as const,
  };

  it('PV-STF-1: a read is written with who, what, which fields and when; masked-only entries are not reads', async () => {
    await recordStaffAccess(t.ctx.db, member, clock.now(), [
      {
        outcome: 'read',
        recordType: 'case',
        recordId: 'RMA-26-00001',
        customerId: null,
        fields: ['name', 'email'],
      },
      { outcome: 'read', recordType: 'case', recordId: 'RMA-26-00002', customerId: null, fields: [] },
      { outcome: 'refused', recordType: 'order', recordId: 'AC-26-00009', customerId: null, fields: [] },
    ]);
    const rows = await t.ctx.db.select().from(staffAccessLog).where(eq(staffAccessLog.staffId, member.id));
    assert.deepEqual(
      rows.map((r) => [r.outcome, r.recordType, r.recordId, r.fields, r.staffName, r.staffRole]).sort(),
      [
        ['read', 'case', 'RMA-26-00001', ['name', 'email'], 'Sam Support', 'customer_service'],
        ['refused', 'order', 'AC-26-00009', [], 'Sam Support', 'customer_service'],
      ],
    );
    assert.ok(rows.every((r) => r.at.toISOString() === '2026-03-02T09:00:00.000Z'));
  });

  it('PV-STF-1: the log refuses UPDATE, DELETE and TRUNCATE, so no one can rewrite what a member read', async () => {
    await assert.rejects(
      t.ctx.db
        .update(staffAccessLog)
        .set({ staffName: 'Someone else' })
        .where(eq(staffAccessLog.staffId, member.id)),
      appendOnly,
    );
    await assert.rejects(
      t.ctx.db.delete(staffAccessLog).where(eq(staffAccessLog.staffId, member.id)),
      appendOnly,
    );
    await assert.rejects(t.ctx.db.execute(sql`truncate table staff_access_log`), appendOnly);
    const rows = await t.ctx.db.select().from(staffAccessLog).where(eq(staffAccessLog.staffId, member.id));
    assert.equal(rows.length, 2);
    assert.ok(rows.every((r) => r.staffName === 'Sam Support'));
  });

  it('PV-STF-1, PV-MIN-1: only the retention job deletes, and only rows older than its cutoff; every other DELETE is refused, young or old', async () => {
    const reader = { ...member, id: '0190f000-0000-7000-8000-000000000002' };
    const row = (recordId: string, at: string) =>
      recordStaffAccess(t.ctx.db, reader, new Date(at), [
        { outcome: 'read', recordType: 'order', recordId, customerId: null, fields: ['name'] },
      ]);
    await row('old', '2023-01-10T09:00:00Z');
    await row('young', '2026-03-01T09:00:00Z');
    const left = async () =>
      (await t.ctx.db.select().from(staffAccessLog).where(eq(staffAccessLog.staffId, reader.id)))
        .map((r) => r.recordId)
        .sort();
    const deleteOf = (recordId: string) =>
      t.ctx.db.delete(staffAccessLog).where(eq(staffAccessLog.recordId, recordId));
    // Outside the job: neither the young row nor the old one.
    await assert.rejects(deleteOf('young'), appendOnly);
    await assert.rejects(deleteOf('old'), appendOnly);
    // The job's setting by hand: a cutoff under a year old lets nothing through, and an old cutoff only older rows.
    await assert.rejects(
      t.ctx.db.transaction(async (tx) => {
        await tx.execute(
          sql`select set_config('aftercare.staff_access_log_purge_before', ${new Date().toISOString()}, true)`,
        );
        await tx.delete(staffAccessLog).where(eq(staffAccessLog.recordId, 'young'));
      }),
      appendOnly,
    );
    await assert.rejects(
      t.ctx.db.transaction(async (tx) => {
        await tx.execute(
          sql`select set_config('aftercare.staff_access_log_purge_before', '2024-01-01T00:00:00Z', true)`,
        );
        await tx.delete(staffAccessLog).where(eq(staffAccessLog.staffId, reader.id));
      }),
      appendOnly,
    );
    await assert.rejects(
      t.ctx.db.transaction(async (tx) => {
        await tx.execute(
          sql`select set_config('aftercare.staff_access_log_purge_before', '2024-01-01T00:00:00Z', true)`,
        );
        await tx
          .update(staffAccessLog)
          .set({ staffName: 'Someone else' })
          .where(eq(staffAccessLog.recordId, 'old'));
      }),
      appendOnly,
    );
    await assert.rejects(t.ctx.db.execute(sql`truncate table staff_access_log`), appendOnly);
    assert.deepEqual(await left(), ['old', 'young']);
    // The job: only the row older than its cutoff, and it says how many.
    assert.equal(await deleteOldStaffAccessLog(t.ctx.db, new Date('2024-03-02T09:00:00Z')), 1);
    assert.deepEqual(await left(), ['young']);
    assert.equal(await deleteOldStaffAccessLog(t.ctx.db, new Date('2024-03-02T09:00:00Z')), 0);
    // The setting ended with the job's transaction: an old row written since is again refused to a plain DELETE.
    await row('old again', '2023-02-10T09:00:00Z');
    await assert.rejects(deleteOf('old again'), appendOnly);
    assert.deepEqual(await left(), ['old again', 'young']);
  });

  it('PV-STF-1, PV-STF-2: a deactivated member’s old cookie is a 401 and a refusal in their name in the log; an unknown cookie writes nothing', async () => {
    const owner = await t.staffCookie();
    const leaver = await signedInMember(t, 'leaver@aftercare.test', 'Lee Leaver', 'customer_service');
    const deactivated = await t.app.inject({
      method: 'POST',
      url: `/api/admin/staff/${leaver.id}/deactivation`,
      headers: { cookie: owner },
    });
    assert.equal(deactivated.statusCode, 200, deactivated.body);
    const before = await t.ctx.db.select().from(staffAccessLog);
    const old = await t.app.inject({ url: '/api/admin/orders', headers: { cookie: leaver.cookie } });
    assert.equal(old.statusCode, 401);
    const unknown = await t.app.inject({
      url: '/api/admin/orders',
      headers: { cookie: leaver.cookie.replace(/=([^;]{4})/, '=AAAA') },
    });
    assert.equal(unknown.statusCode, 401);
    const rows = (await t.ctx.db.select().from(staffAccessLog)).filter(
      (r) => !before.some((b) => b.id === r.id),
    );
    assert.deepEqual(
      rows.map((r) => [r.staffId, r.staffName, r.outcome, r.recordType]),
      [[leaver.id, 'Lee Leaver', 'refused', 'staff_session']],
    );
  });
});
