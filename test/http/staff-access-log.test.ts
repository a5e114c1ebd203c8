/**
 * PV-STF-1: the audit log of staff reads is append-only in the database itself: a row written by
 * `recordStaffAccess` can be neither changed nor removed, by the application or anyone else with SQL.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq, sql } from 'drizzle-orm';
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
