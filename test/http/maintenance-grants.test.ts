/**
 * PV-STF-1: technicians reach customers' personal data only through maintenance access the owner gives: a
 * reason, a scope (one customer or all) and an expiry capped by MAINTENANCE_ACCESS_MAX_HOURS. Only the owner
 * gives, lists and revokes them (other members are refused, and the refusal is an audit row); a technician
 * reads their own; a member who is deactivated loses theirs (PV-STF-2).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { activeGrants } from '../../src/privacy/staff-access/active-grants.ts';
import { maintenanceGrants } from '../../src/privacy/staff-access/schema.ts';
import type { GrantView, OwnGrantView } from '../../src/privacy/staff-access/schemas.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { errorOf } from '../helpers/accounts-fixtures.ts';
import { signedInMember, startTestApp, type TestApp } from '../helpers/app.ts';
import { auditRowsOf, insertCustomer, insertOrder } from '../helpers/staff-access-fixtures.ts';

describe('maintenance grants (PV-STF-1)', () => {
  const clock = fixedClock('2026-03-02T09:00:00Z');
  let t: TestApp;
  let owner: string;
  let tech: { id: string; cookie: string };
  let otherTech: { id: string; cookie: string };
  let support: { id: string; cookie: string };
  let customerId: string;

  before(async () => {
    t = await startTestApp({ clock });
    owner = await t.staffCookie();
    tech = await signedInMember(t, 'tess@aftercare.test', 'Tess Technician', 'technician');
    otherTech = await signedInMember(t, 'otto@aftercare.test', 'Otto Technician', 'technician');
    support = await signedInMember(t, 'sam@aftercare.test', 'Sam Support', 'customer_service');
    customerId = await insertCustomer(t.ctx.db, { email: 'ada@example.com', name: 'Ada Lovelace' });
    await insertOrder(t.ctx.db, { reference: 'AC-26-00101', customerId, email: 'ada@example.com' });
    await insertOrder(t.ctx.db, { reference: 'AC-26-00102', customerId: null, email: 'guest@example.com' });
  });
  after(() => t.close());

  const grant = (cookie: string, payload: object) =>
    t.app.inject({ method: 'POST', url: '/api/admin/maintenance-grants', headers: { cookie }, payload });
  const grantOf = (res: LightMyRequestResponse) => (res.json() as { grant: GrantView }).grant;
  const valid = () => ({
    staffId: tech.id,
    reason: 'Order AC-26-00101 shows a wrong total: checking the lines',
    scope: 'customer',
    customer: 'AC-26-00101',
    hours: 4,
  });

  it('PV-STF-1: without a staff session every grant route is a 401', async () => {
    for (const [method, url] of [
      ['POST', '/api/admin/maintenance-grants'],
      ['GET', '/api/admin/maintenance-grants'],
      ['GET', '/api/admin/maintenance-grants/mine'],
      ['POST', '/api/admin/maintenance-grants/0190f000-0000-7000-8000-000000000001/revocation'],
    ] as const) {
      const res = await t.app.inject({ method, url, payload: method === 'POST' ? valid() : undefined });
      assert.equal(res.statusCode, 401, `${method} ${url}`);
    }
  });

  it('PV-STF-1: customer service and technicians may not give, list or revoke grants: 403, and each refusal is an audit row', async () => {
    for (const member of [support, tech]) {
      const before = (await auditRowsOf(t.ctx.db, member.id)).length;
      const created = await grant(member.cookie, { ...valid(), staffId: member.id });
      assert.equal(created.statusCode, 403);
      assert.equal(errorOf(created).code, 'forbidden');
      const listed = await t.app.inject({
        method: 'GET',
        url: '/api/admin/maintenance-grants',
        headers: { cookie: member.cookie },
      });
      assert.equal(listed.statusCode, 403);
      const revoked = await t.app.inject({
        method: 'POST',
        url: '/api/admin/maintenance-grants/0190f000-0000-7000-8000-000000000001/revocation',
        headers: { cookie: member.cookie },
      });
      assert.equal(revoked.statusCode, 403);
      // Even a body that would not validate is refused as a 403 first: the member learns nothing of the form.
      assert.equal((await grant(member.cookie, { nonsense: true })).statusCode, 403);
      const rows = (await auditRowsOf(t.ctx.db, member.id)).slice(before);
      assert.deepEqual(
        rows.map((r) => [r.outcome, r.recordType, r.recordId, r.customerId, r.fields]),
        Array(4).fill(['refused', 'maintenance_grant', null, null, []]),
      );
    }
    const [row] = await t.ctx.db.select().from(maintenanceGrants);
    assert.equal(row, undefined, 'no grant was written');
  });

  it('PV-STF-1: bad input is a 400 naming the field: reason missing, blank, too long, invisible or holding an invisible or line-separator character; customer missing for one customer or given for all; hours not a whole number', async () => {
    const cases: Array<[object, string]> = [
      [{ ...valid(), reason: undefined }, 'reason'],
      [{ ...valid(), reason: '   ' }, 'reason'],
      [{ ...valid(), reason: '\u200B\u200B\u200B\u200B' }, 'reason'],
      [{ ...valid(), reason: 'Fix the\u2060 import' }, 'reason'],
      [{ ...valid(), reason: 'Fix the\uFEFF import' }, 'reason'],
      [{ ...valid(), reason: 'Fix the\u{E0041} import' }, 'reason'],
      [{ ...valid(), reason: 'Fix the\u2028import' }, 'reason'],
      [{ ...valid(), reason: 'x'.repeat(301) }, 'reason'],
      [{ ...valid(), customer: undefined }, 'customer'],
      [{ ...valid(), scope: 'all' }, 'customer'],
      [{ ...valid(), scope: 'everyone' }, 'scope'],
      [{ ...valid(), hours: 0 }, 'hours'],
      [{ ...valid(), hours: 1.5 }, 'hours'],
      [{ ...valid(), staffId: 'tess' }, 'staffId'],
    ];
    for (const [payload, field] of cases) {
      const res = await grant(owner, payload);
      assert.equal(res.statusCode, 400, `${JSON.stringify(payload)} → ${res.body}`);
      assert.equal(errorOf(res).field, field, res.body);
    }
  });

  it('PV-STF-1: access lasts at most MAINTENANCE_ACCESS_MAX_HOURS (72 by default): 73 hours is a 400 on hours, 72 ends exactly 72 hours from now', async () => {
    const over = await grant(owner, { ...valid(), hours: 73 });
    assert.equal(over.statusCode, 400);
    assert.equal(errorOf(over).field, 'hours');
    assert.match(errorOf(over).message, /72/);
    const max = await grant(owner, { ...valid(), hours: 72 });
    assert.equal(max.statusCode, 201, max.body);
    assert.equal(grantOf(max).expiresAt, '2026-03-05T09:00:00.000Z');
    await t.app.inject({
      method: 'POST',
      url: `/api/admin/maintenance-grants/${grantOf(max).id}/revocation`,
      headers: { cookie: owner },
    });
  });

  it('PV-STF-1: only an active technician receives access (422 on staffId); an unknown member or customer is a 404 on its field', async () => {
    const toSupport = await grant(owner, { ...valid(), staffId: support.id });
    assert.equal(toSupport.statusCode, 422);
    assert.deepEqual(
      [errorOf(toSupport).field, (toSupport.json() as { error: { clause: string } }).error.clause],
      ['staffId', 'PV-STF-1'],
    );
    const unknownMember = await grant(owner, { ...valid(), staffId: '0190f000-0000-7000-8000-00000000abcd' });
    assert.equal(unknownMember.statusCode, 404);
    assert.equal(errorOf(unknownMember).field, 'staffId');
    for (const customer of ['nobody@example.com', 'AC-26-99999', 'AC-26-00102']) {
      const res = await grant(owner, { ...valid(), customer });
      assert.equal(res.statusCode, 404, `${customer}: ${res.body}`);
      assert.equal(errorOf(res).field, 'customer');
      assert.doesNotMatch(res.body, /nobody@example\.com/, 'the 404 does not echo the email');
    }
  });

  it('PV-STF-1: the owner grants one customer by order reference or email, or every customer; the list names who granted; the technician reads their own', async () => {
    const byRef = await grant(owner, valid());
    assert.equal(byRef.statusCode, 201, byRef.body);
    const g = grantOf(byRef);
    assert.equal(g.scope, 'customer');
    assert.deepEqual(g.customer, { id: customerId, email: 'ada@example.com' });
    assert.equal(g.member.name, 'Tess Technician');
    assert.equal(g.grantedBy.name, 'Shop owner');
    assert.equal(g.state, 'active');
    assert.equal(g.expiresAt, '2026-03-02T13:00:00.000Z');

    const byEmail = await grant(owner, { ...valid(), customer: '  ADA@example.com ', hours: 2 });
    assert.equal(grantOf(byEmail).customer?.id, customerId);
    const all = await grant(owner, {
      staffId: otherTech.id,
      reason: 'Database upgrade check',
      scope: 'all',
      hours: 1,
    });
    assert.equal(all.statusCode, 201, all.body);
    assert.equal(grantOf(all).customer, null);

    const list = await t.app.inject({
      method: 'GET',
      url: '/api/admin/maintenance-grants',
      headers: { cookie: owner },
    });
    assert.equal(list.statusCode, 200);
    assert.match(String(list.headers['cache-control']), /no-store/);
    const items = (list.json() as { items: GrantView[] }).items;
    assert.ok(
      items.some((i) => i.id === g.id && i.grantedBy.name === 'Shop owner' && i.reason === valid().reason),
    );

    const mine = await t.app.inject({
      method: 'GET',
      url: '/api/admin/maintenance-grants/mine',
      headers: { cookie: tech.cookie },
    });
    assert.equal(mine.statusCode, 200);
    const own = (mine.json() as { items: OwnGrantView[] }).items;
    assert.deepEqual(
      own.map((o) => o.id),
      [grantOf(byEmail).id, g.id],
      'soonest expiry first, only Tess’s',
    );
    const visible = await activeGrants(t.ctx.db, tech.id, clock.now());
    assert.equal(visible.length, 2, 'the visibility filter sees the same grants');
  });

  it('PV-STF-1: a grant ends at its expiry: no longer active, listed as expired', async () => {
    clock.advance(61 * 60_000);
    // A staff session idles out sooner than an hour: the owner signs in again.
    owner = await t.staffCookie();
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/admin/maintenance-grants',
      headers: { cookie: owner },
    });
    const items = (list.json() as { items: GrantView[] }).items;
    assert.equal(items.find((i) => i.member.id === otherTech.id && i.scope === 'all')?.state, 'expired');
    assert.deepEqual(await activeGrants(t.ctx.db, otherTech.id, clock.now()), []);
  });

  it('PV-STF-1: the owner revokes a grant: revokedAt and revokedBy are set, revoking again changes nothing, an unknown id is a 404', async () => {
    const [first] = await activeGrants(t.ctx.db, tech.id, clock.now());
    assert.ok(first);
    const url = `/api/admin/maintenance-grants/${first.id}/revocation`;
    const res = await t.app.inject({ method: 'POST', url, headers: { cookie: owner } });
    assert.equal(res.statusCode, 200, res.body);
    const revoked = grantOf(res);
    assert.equal(revoked.state, 'revoked');
    assert.equal(revoked.revokedBy?.name, 'Shop owner');
    assert.equal(revoked.revokedAt, clock.now().toISOString());
    clock.advance(60_000);
    const again = await t.app.inject({ method: 'POST', url, headers: { cookie: owner } });
    assert.equal(again.statusCode, 200);
    assert.equal(grantOf(again).revokedAt, revoked.revokedAt, 'the first revocation stays');
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/admin/maintenance-grants/0190f000-0000-7000-8000-00000000abcd/revocation',
      headers: { cookie: owner },
    });
    assert.equal(unknown.statusCode, 404);
    assert.ok(!(await activeGrants(t.ctx.db, tech.id, clock.now())).some((g) => g.id === first.id));
  });

  it('PV-STF-2, PV-STF-1: deactivating a technician revokes every grant they still hold', async () => {
    assert.ok((await activeGrants(t.ctx.db, tech.id, clock.now())).length > 0);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/admin/staff/${tech.id}/deactivation`,
      headers: { cookie: owner },
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(await activeGrants(t.ctx.db, tech.id, clock.now()), []);
    const rows = await t.ctx.db
      .select()
      .from(maintenanceGrants)
      .where(eq(maintenanceGrants.staffId, tech.id));
    const ended = rows.filter((r) => r.revokedAt?.getTime() === clock.now().getTime());
    assert.ok(ended.length >= 1, 'the grants still in force ended at the deactivation');
    assert.ok(
      ended.every((r) => r.revokedBy === null),
      'no one revoked them: they ended with the member',
    );
  });
});
