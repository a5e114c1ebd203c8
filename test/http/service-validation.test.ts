/**
 * Services check their own input, whoever calls them (a route, a web page's action): the profile's name and
 * phone (PV-RGT-1, PV-COL-1) and a staff invitation's name (PV-STF-2) are refused at the service with a
 * ValidationError naming the field, and nothing is written.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { updateProfile } from '../../src/accounts/customers/profile.service.ts';
import { customers } from '../../src/accounts/customers/schema.ts';
import { staffInvitations, staffUsers } from '../../src/accounts/schema.ts';
import type { StaffPrincipal } from '../../src/accounts/staff.service.ts';
import { inviteStaff } from '../../src/accounts/staff-lifecycle/invite.ts';
import { ValidationError } from '../../src/shared/errors.ts';
import { verifiedAccount } from '../helpers/accounts-fixtures.ts';
import { OWNER_EMAIL, startTestApp, type TestApp } from '../helpers/app.ts';

const refusedOn = (field: string) => (error: unknown) =>
  error instanceof ValidationError && error.field === field;

describe('services validate their own input', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  it('PV-RGT-1, PV-COL-1: updateProfile refuses a name or phone the API would refuse, naming the field', async () => {
    await verifiedAccount(t, 'profile.check@example.com', undefined, 'Grace Hopper');
    const [row] = await t.ctx.db
      .select()
      .from(customers)
      .where(eq(customers.email, 'profile.check@example.com'));
    assert.ok(row);
    const principal = { id: row.id, email: row.email, name: row.name, phone: row.phone, sessionId: 'none' };
    for (const name of ['', '   ', 'Grace\u0000Hopper', 'Grace\nHopper', 'x'.repeat(201)]) {
      await assert.rejects(updateProfile(t.ctx, principal, { name, phone: null }), refusedOn('name'), name);
    }
    for (const phone of ['call me', '+1 555 0100\u0000', '1'.repeat(41)]) {
      await assert.rejects(
        updateProfile(t.ctx, principal, { name: 'Grace', phone }),
        refusedOn('phone'),
        phone,
      );
    }
    const [unchanged] = await t.ctx.db.select().from(customers).where(eq(customers.id, row.id));
    assert.equal(unchanged?.name, 'Grace Hopper', 'nothing was written');
    // What fits is stored trimmed; an empty phone removes it.
    const saved = await updateProfile(t.ctx, principal, {
      name: '  Grace B. Hopper ',
      phone: ' +1 555 0100 ',
    });
    assert.equal(saved.name, 'Grace B. Hopper');
    assert.equal(saved.phone, '+1 555 0100');
    assert.equal((await updateProfile(t.ctx, principal, { name: 'Grace', phone: '' })).phone, null);
  });

  it('PV-STF-2: inviteStaff refuses a name the API would refuse, naming name, and sends nothing', async () => {
    const [owner] = await t.ctx.db.select().from(staffUsers).where(eq(staffUsers.email, OWNER_EMAIL));
    assert.ok(owner);
    const principal = {
      id: owner.id,
      email: owner.email,
      name: owner.name,
      role: 'owner',
      sessionId: 'none',
    } as unknown as StaffPrincipal;
    for (const name of ['', '  ', 'Jo\u0000Bench', 'Jo\nBench', 'x'.repeat(101)]) {
      await assert.rejects(
        inviteStaff(t.ctx, principal, { email: 'jo.check@aftercare.test', name, role: 'technician' }),
        refusedOn('name'),
        JSON.stringify(name),
      );
    }
    const rows = await t.ctx.db
      .select()
      .from(staffInvitations)
      .where(eq(staffInvitations.email, 'jo.check@aftercare.test'));
    assert.equal(rows.length, 0, 'no invitation was written');
    const invited = await inviteStaff(t.ctx, principal, {
      email: 'jo.check@aftercare.test',
      name: '  Jo Check ',
      role: 'technician',
    });
    assert.equal(invited.name, 'Jo Check');
  });
});
