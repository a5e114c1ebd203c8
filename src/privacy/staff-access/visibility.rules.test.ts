import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ActiveGrant } from './active-grants.ts';
import { assignmentMoves, assignmentRefusal } from './assignment.rules.ts';
import { emailDomain, initials, maskIp, seesEveryone, visibilityOf } from './visibility.rules.ts';

const me = 'a0000000-0000-7000-8000-000000000001';
const other = 'a0000000-0000-7000-8000-000000000002';
const customer = 'c0000000-0000-7000-8000-000000000001';
const grant = (scope: 'customer' | 'all', customerId: string | null = null): ActiveGrant => ({
  id: `g-${scope}`,
  reason: `grant ${scope}`,
  scope,
  customerId,
  expiresAt: new Date('2026-03-03T00:00:00Z'),
});
const cs = { id: me, role: 'customer_service' as const, grants: [] };
const tech = { id: me, role: 'technician' as const, grants: [] };

describe('visibility rules (PV-STF-1)', () => {
  it('PV-STF-1: the owner sees every record in full', () => {
    const owner = { id: me, role: 'owner' as const, grants: [] };
    assert.equal(visibilityOf(owner, { assignedTo: other, customerId: customer }).kind, 'full');
  });

  it('PV-STF-1: customer service: own (or their case’s order) full, unassigned masked, another member’s hidden', () => {
    assert.equal(visibilityOf(cs, { assignedTo: me, customerId: customer }).kind, 'full');
    assert.equal(visibilityOf(cs, { assignedTo: null, alsoHandledBy: [me], customerId: null }).kind, 'full');
    // Taking an unassigned case opens no order the owner gave another member, and an unassigned record that
    // another member handles through its order or a case is theirs: hidden, so it cannot be taken either.
    assert.equal(
      visibilityOf(cs, { assignedTo: other, alsoHandledBy: [me], customerId: null }).kind,
      'hidden',
    );
    assert.equal(
      visibilityOf(cs, { assignedTo: null, alsoHandledBy: [other], customerId: null }).kind,
      'hidden',
    );
    assert.equal(
      visibilityOf(cs, { assignedTo: null, alsoHandledBy: [null], customerId: null }).kind,
      'masked',
    );
    assert.equal(visibilityOf(cs, { assignedTo: null, customerId: customer }).kind, 'masked');
    assert.equal(visibilityOf(cs, { assignedTo: other, customerId: customer }).kind, 'hidden');
  });

  it('PV-STF-1: technicians are masked unless a grant covers the customer; guests only through an all-customers grant', () => {
    assert.equal(visibilityOf(tech, { assignedTo: other, customerId: customer }).kind, 'masked');
    const one = { ...tech, grants: [grant('customer', customer)] };
    assert.deepEqual(visibilityOf(one, { assignedTo: null, customerId: customer }), {
      kind: 'full',
      purpose: 'grant customer',
      grantId: 'g-customer',
    });
    assert.equal(visibilityOf(one, { assignedTo: null, customerId: null }).kind, 'masked', 'a guest');
    const all = { ...tech, grants: [grant('all')] };
    assert.equal(visibilityOf(all, { assignedTo: null, customerId: null }).kind, 'full');
    assert.deepEqual(seesEveryone(all), { purpose: 'grant all', grantId: 'g-all' });
    assert.equal(seesEveryone(one), null);
    assert.equal(seesEveryone(cs), null);
  });

  it('PV-STF-1: masks: initials, the email’s domain, the network of an address', () => {
    assert.equal(initials('Jane  Doe'), 'J. D.');
    assert.equal(initials('élodie von Brandt'), 'É. V. B.');
    assert.equal(initials('  '), '—');
    assert.equal(emailDomain('jane@example.com'), '…@example.com');
    assert.equal(maskIp('203.0.113.7'), '203.0.…');
    assert.equal(maskIp('2001:db8::1'), '2001:db8:…');
  });
});

describe('assignment rules (PV-STF-1)', () => {
  const owner = { id: me, role: 'owner' as const };
  const service = { id: me, role: 'customer_service' as const };
  const technician = { id: me, role: 'technician' as const };

  it('PV-STF-1: the owner assigns anyone; customer service takes unassigned and gives back their own only', () => {
    assert.equal(assignmentRefusal(owner, other, me, 'case'), null);
    assert.equal(assignmentRefusal(service, null, me, 'case'), null);
    assert.equal(assignmentRefusal(service, me, null, 'order'), null);
    assert.match(assignmentRefusal(service, null, other, 'case') ?? '', /for themselves only/);
    assert.match(assignmentRefusal(service, other, me, 'order') ?? '', /assigned to another member/);
    assert.match(assignmentRefusal(service, other, null, 'order') ?? '', /give it back/);
    assert.match(assignmentRefusal(technician, null, me, 'case') ?? '', /Technicians do not assign/);
  });

  it('PV-STF-1: the controls each role gets', () => {
    assert.deepEqual(assignmentMoves(service, null), {
      mayTake: true,
      mayRelease: false,
      mayAssignOthers: false,
    });
    assert.deepEqual(assignmentMoves(service, me), {
      mayTake: false,
      mayRelease: true,
      mayAssignOthers: false,
    });
    assert.deepEqual(assignmentMoves(technician, null), {
      mayTake: false,
      mayRelease: false,
      mayAssignOthers: false,
    });
    assert.equal(assignmentMoves(owner, other).mayAssignOthers, true);
  });
});
