/**
 * PV-STF-1: "a read that is refused is recorded too", and asking for an owner's tool is recorded. Every
 * role-guarded back-office route refuses through `rolesOnlyRecorded`, so a member of another role gets a 403
 * and exactly one `refused` row in their name, with the route's record type.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { staffAccessLog } from '../../src/privacy/staff-access/schema.ts';
import { signedInMember, startTestApp, type TestApp } from '../helpers/app.ts';

describe('refused role-guarded routes are in the staff access log (PV-STF-1)', () => {
  let t: TestApp;
  let support: { id: string; cookie: string };
  let technician: { id: string; cookie: string };
  let target: { id: string; cookie: string };
  before(async () => {
    t = await startTestApp();
    support = await signedInMember(t, 'sam@aftercare.test', 'Sam Support', 'customer_service');
    technician = await signedInMember(t, 'tess@aftercare.test', 'Tess Tech', 'technician');
    target = await signedInMember(t, 'tom@aftercare.test', 'Tom Target', 'customer_service');
  });
  after(() => t.close());

  const routes = (): Array<[string, string, string, object | undefined]> => [
    ['GET', '/api/admin/staff', 'staff_member', undefined],
    ['GET', '/api/admin/staff/invitations', 'staff_member', undefined],
    [
      'POST',
      '/api/admin/staff/invitations',
      'staff_member',
      { email: 'new@aftercare.test', name: 'New', role: 'technician' },
    ],
    ['POST', `/api/admin/staff/${target.id}/deactivation`, 'staff_member', undefined],
    ['POST', `/api/admin/staff/${target.id}/second-factor/reset`, 'staff_member', undefined],
    ['GET', '/api/admin/newsletter/campaigns', 'newsletter_campaign', undefined],
    ['POST', '/api/admin/newsletter/campaigns', 'newsletter_campaign', { subject: 'Hello', body: 'News' }],
    ['GET', '/api/admin/after-sales/numbers', 'after_sales_numbers', undefined],
    ['GET', '/api/admin/after-sales/numbers.csv', 'after_sales_numbers', undefined],
  ];

  for (const who of ['customer service', 'technician'] as const) {
    it(`PV-STF-1: as ${who}, each owner-only route is a 403 and writes one refused row naming the member`, async () => {
      const member = who === 'technician' ? technician : support;
      for (const [method, url, recordType, payload] of routes()) {
        const before = await t.ctx.db.select().from(staffAccessLog);
        const res = await t.app.inject({
          method: method as 'GET' | 'POST',
          url,
          headers: { cookie: member.cookie },
          ...(payload ? { payload } : {}),
        });
        assert.equal(res.statusCode, 403, `${method} ${url} → ${res.body}`);
        const rows = (await t.ctx.db.select().from(staffAccessLog)).filter(
          (r) => !before.some((b) => b.id === r.id),
        );
        assert.deepEqual(
          rows.map((r) => [r.staffId, r.outcome, r.recordType, r.recordId, r.customerId]),
          [[member.id, 'refused', recordType, null, null]],
          `${method} ${url}`,
        );
      }
    });
  }

  it('PV-STF-1: the owner is let through and writes no refusal', async () => {
    const owner = await t.staffCookie();
    const before = await t.ctx.db.select().from(staffAccessLog);
    const res = await t.app.inject({ url: '/api/admin/staff', headers: { cookie: owner } });
    assert.equal(res.statusCode, 200, res.body);
    const rows = (await t.ctx.db.select().from(staffAccessLog)).filter(
      (r) => !before.some((b) => b.id === r.id),
    );
    assert.deepEqual(
      rows.filter((r) => r.outcome === 'refused'),
      [],
    );
  });
});
