import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ClaimInput } from '../claim.schema.ts';
import { assessClaim } from '../policy.ts';
import { caseActions } from './case-lifecycle.ts';
import { caseActionRoles, staffActionsFor } from './case-roles.ts';
import {
  againstEngine,
  customerWaitMs,
  deadlineMark,
  dueAtFor,
  factsAfterInspection,
  factsForStep,
  returnShipmentOf,
  waitingOn,
} from './case-rules.ts';

/** A defective claim's answer; `facts` may be a case's facts (the customer's `openedByCustomer` is the item's). */
const defective = (
  {
    openedByCustomer: _opened,
    ...facts
  }: NonNullable<ClaimInput['facts']> & { openedByCustomer?: boolean } = {},
  price = 50_000,
  openedAt = '2026-03-05T09:00:00Z',
) =>
  assessClaim({
    kind: 'defective',
    openedAt,
    shippedAt: '2026-03-01T09:00:00Z',
    deliveredAt: '2026-03-03T09:00:00Z',
    item: {
      category: 'other',
      unitPriceCents: price,
      clearance: false,
      specialWarranty: false,
      openedByCustomer: true,
    },
    facts,
  });

describe('case rules: facts at each step', () => {
  it('AS-GEN-4: a product fault clears misuse and damage and lists the components found', () => {
    const facts = factsAfterInspection(
      { openedByCustomer: true, misuse: true, physicalDamage: true },
      { verdict: 'product_fault', components: ['battery'] },
    );
    assert.deepEqual(facts, {
      openedByCustomer: true,
      misuse: false,
      physicalDamage: false,
      componentsToReplace: ['battery'],
    });
  });

  it('AS-GEN-4: a fault caused by the buyer is misuse, its components still listed; the claim is declined, so no parts payer is named (AS-DEF-3)', () => {
    const facts = factsAfterInspection(
      { openedByCustomer: false },
      { verdict: 'buyer_caused', components: ['screen'] },
    );
    assert.equal(facts.misuse, true);
    assert.deepEqual(facts.componentsToReplace, ['screen']);
    const a = defective(facts);
    assert.equal(a.eligible, false);
    assert.equal(a.partsPayer, null);
    assert.ok(a.reasons.some((r) => r.clause === 'AS-GEN-4'));
  });

  it('no fault found: nothing to replace, the other answers stay', () => {
    const facts = factsAfterInspection(
      { openedByCustomer: true, misuse: false, componentsToReplace: ['screen'] },
      { verdict: 'no_fault_found', components: ['battery'] },
    );
    assert.deepEqual(facts, { openedByCustomer: true, misuse: false, componentsToReplace: [] });
  });

  it('AS-GEN-1: leaving troubleshooting for the evidence, or any later step, means troubleshooting is done', () => {
    const known = { facts: { openedByCustomer: true }, inspection: null };
    assert.equal(factsForStep('opened', 'start_troubleshooting', known).troubleshootingDone, undefined);
    assert.equal(factsForStep('opened', 'request_evidence', known).troubleshootingDone, undefined);
    assert.equal(factsForStep('troubleshooting', 'mark_solved', known).troubleshootingDone, undefined);
    assert.equal(factsForStep('troubleshooting', 'request_evidence', known).troubleshootingDone, true);
    assert.equal(factsForStep('awaiting_evidence', 'authorise_return', known).troubleshootingDone, true);
  });

  it('AS-DEF-3: after an inspection with components outside AS-GEN-4 days, the engine names the customer as parts payer', () => {
    const known = {
      facts: { openedByCustomer: true },
      inspection: { verdict: 'product_fault' as const, components: ['screen' as const] },
    };
    const facts = factsForStep('parcel_received', 'record_inspection', known);
    const a = defective(facts, 50_000, '2026-03-20T09:00:00Z');
    assert.equal(a.partsPayer, 'customer');
    assert.equal(againstEngine({ action: 'send_quote' }, a), null);
    const inside = defective(facts, 50_000, '2026-03-05T09:00:00Z');
    assert.equal(inside.partsPayer, 'shop');
    assert.equal(againstEngine({ action: 'send_quote' }, inside)?.clause, 'AS-GEN-4');
  });
});

describe('case rules: decisions against the engine', () => {
  it('AS-GEN-5: a coupon-only claim gives no RMA; the coupon agrees with the engine, a repair does not', () => {
    const cheap = defective({ troubleshootingDone: true }, 5_000);
    assert.equal(againstEngine({ action: 'authorise_return' }, cheap), null, 'replacement still travels');
    assert.equal(againstEngine({ action: 'resolve_without_return', resolution: 'coupon' }, cheap), null);
    const repair = againstEngine({ action: 'resolve', resolution: 'repair' }, cheap);
    assert.equal(repair?.clause, 'AS-GEN-5');
  });

  it('AS-GEN-2: a return is authorised only when the engine accepts the claim and something travels', () => {
    const declined = defective({ misuse: true });
    assert.equal(againstEngine({ action: 'authorise_return' }, declined)?.clause, 'AS-DEF-1');
    assert.equal(againstEngine({ action: 'authorise_return' }, defective()), null);
  });

  it('declining an accepted claim is an override, unless the inspection found no fault', () => {
    const a = defective();
    assert.ok(againstEngine({ action: 'decline' }, a));
    assert.equal(
      againstEngine({ action: 'decline', inspection: { verdict: 'no_fault_found', components: [] } }, a),
      null,
    );
    assert.equal(againstEngine({ action: 'decline' }, defective({ misuse: true })), null);
  });

  it('mark_solved agrees while troubleshooting is among the resolutions', () => {
    assert.equal(againstEngine({ action: 'mark_solved' }, defective()), null);
    assert.ok(againstEngine({ action: 'mark_solved' }, defective({ troubleshootingDone: true })));
  });
});

describe('case rules: waiting, deadlines and roles', () => {
  const since = new Date('2026-03-01T00:00:00Z');
  it('cases waiting on the customer have no staff deadline and show how long they wait', () => {
    assert.equal(waitingOn('quote_sent'), 'customer');
    assert.equal(dueAtFor('quote_sent', since, 3), null);
    assert.equal(
      customerWaitMs('awaiting_evidence', since, new Date('2026-03-04T00:00:00Z')),
      3 * 86_400_000,
    );
    assert.equal(customerWaitMs('inspected', since, new Date('2026-03-04T00:00:00Z')), null);
    assert.equal(dueAtFor('closed', since, 3), null);
  });

  it('a staff deadline is the response days after the state was reached; marked when near or past', () => {
    const due = dueAtFor('parcel_received', since, 3);
    assert.equal(due?.toISOString(), '2026-03-04T00:00:00.000Z');
    assert.equal(deadlineMark(due, new Date('2026-03-01T12:00:00Z'), 2), null);
    assert.equal(deadlineMark(due, new Date('2026-03-02T00:00:00Z'), 2), 'due_soon', 'exactly 2 days left');
    assert.equal(deadlineMark(due, new Date('2026-03-04T00:00:01Z'), 2), 'overdue');
    assert.equal(deadlineMark(null, new Date(), 2), null);
  });

  it('roles: technicians receive parcels and record inspections; customer service decides; the owner does all', () => {
    assert.deepEqual(staffActionsFor('parcel_received', 'technician'), ['record_inspection']);
    assert.deepEqual(staffActionsFor('parcel_received', 'customer_service'), []);
    assert.deepEqual(staffActionsFor('return_authorised', 'technician'), ['receive_parcel']);
    assert.deepEqual(staffActionsFor('opened', 'technician'), []);
    for (const [action, move] of Object.entries(caseActions)) {
      const staffMove = (move.by as readonly string[]).includes('staff');
      assert.equal(
        caseActionRoles[action as keyof typeof caseActions].includes('owner'),
        staffMove,
        `${action}: the owner takes every staff move and no other`,
      );
    }
  });

  it('a repaired item goes back with its carrier and tracking number; a refunded or replaced one stays at the shop', () => {
    assert.deepEqual(returnShipmentOf('repair', 'UPS', '1Z999'), { carrier: 'UPS', trackingNumber: '1Z999' });
    assert.deepEqual(returnShipmentOf('repair', 'Royal Mail', undefined), {
      carrier: 'Royal Mail',
      trackingNumber: null,
    });
    assert.equal(returnShipmentOf('repair', undefined, undefined), null);
    assert.equal(returnShipmentOf('refund', undefined, undefined), null);
    const field = (fn: () => unknown) =>
      assert.throws(fn, (e: { code?: string; field?: string }) => {
        assert.equal(e.code, 'validation_failed');
        assert.equal(e.field, 'carrier');
        return true;
      });
    field(() => returnShipmentOf('repair', undefined, '1Z999'));
    field(() => returnShipmentOf('refund', 'UPS', '1Z999'));
    field(() => returnShipmentOf('replacement', 'UPS', undefined));
  });
});
