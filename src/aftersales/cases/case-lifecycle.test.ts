import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Conflict } from '../../shared/errors.ts';
import {
  actionsFor,
  applyCaseAction,
  type CaseAction,
  type CaseActor,
  type CaseState,
  caseActions,
  caseLifecycle,
  caseStates,
  isOpenCase,
} from './case-lifecycle.ts';

/** Every state reachable from `from` without passing through `avoid`. */
function reachable(from: CaseState, avoid?: CaseState): Set<CaseState> {
  const seen = new Set<CaseState>([from]);
  const queue = [from];
  while (queue.length > 0) {
    const s = queue.shift() as CaseState;
    for (const next of caseLifecycle.allowedNext(s)) {
      if (next === avoid || seen.has(next)) continue;
      seen.add(next);
      queue.push(next);
    }
  }
  return seen;
}

function walk(actor: CaseActor, ...steps: Array<[CaseAction, CaseActor?]>): CaseState {
  let state: CaseState = 'opened';
  for (const [action, by] of steps) state = applyCaseAction(state, action, by ?? actor);
  return state;
}

describe('case lifecycle', () => {
  it('every state has a row, and every state is reachable from opened', () => {
    assert.deepEqual([...caseLifecycle.states].sort(), [...caseStates].sort());
    assert.deepEqual([...reachable('opened')].sort(), [...caseStates].sort());
  });

  it('from every state a final state can be reached: no case is stuck', () => {
    for (const s of caseStates) {
      const ends = [...reachable(s)].filter((r) => caseLifecycle.isFinal(r));
      assert.ok(ends.length > 0, `${s} reaches an end`);
    }
    assert.deepEqual(caseStates.filter((s) => caseLifecycle.isFinal(s)).sort(), ['closed', 'withdrawn']);
  });

  it('AS-GEN-1: troubleshooting comes before evidence and a return, and solving it ends the case', () => {
    assert.deepEqual(actionsFor('opened', 'staff'), ['start_troubleshooting', 'request_evidence', 'decline']);
    assert.equal(walk('staff', ['start_troubleshooting'], ['mark_solved'], ['close']), 'closed');
  });

  it('AS-GEN-2: no parcel is received without a return authorisation', () => {
    assert.ok(!reachable('opened', 'return_authorised').has('parcel_received'));
    assert.ok(!reachable('opened', 'return_authorised').has('inspected'));
  });

  it('AS-DEF-3: work after a parts quote starts only once the customer answered it', () => {
    assert.deepEqual(caseLifecycle.allowedNext('quote_sent'), ['quote_accepted', 'quote_declined']);
    assert.deepEqual(actionsFor('quote_sent', 'staff'), []);
    assert.deepEqual(actionsFor('quote_sent', 'customer'), ['accept_quote', 'decline_quote']);
  });

  it('the whole way: troubleshooting, evidence, RMA, parcel, inspection, quote accepted, resolved, closed', () => {
    const end = walk(
      'staff',
      ['start_troubleshooting'],
      ['request_evidence'],
      ['authorise_return'],
      ['receive_parcel'],
      ['record_inspection'],
      ['send_quote'],
      ['accept_quote', 'customer'],
      ['resolve'],
      ['close', 'system'],
    );
    assert.equal(end, 'closed');
  });

  it('AS-GEN-5 coupon and AS-INC-2 keep-with-voucher resolve from the evidence, with no return', () => {
    assert.equal(walk('staff', ['request_evidence'], ['resolve_without_return']), 'resolved');
  });

  it('a move out of order is a 409 that names what can be done now', () => {
    assert.throws(
      () => applyCaseAction('opened', 'receive_parcel', 'staff'),
      (e: unknown) =>
        e instanceof Conflict &&
        /cannot take "Parcel received"; allowed now: start_troubleshooting, request_evidence, decline/.test(
          e.message,
        ) &&
        e.details.field === 'action',
    );
    assert.throws(() => applyCaseAction('closed', 'close', 'staff'), /nothing more can be done/);
  });

  it('each side presses only its own buttons: a customer cannot authorise a return, staff cannot accept a quote', () => {
    assert.throws(() => applyCaseAction('awaiting_evidence', 'authorise_return', 'customer'), Conflict);
    assert.throws(() => applyCaseAction('quote_sent', 'accept_quote', 'staff'), Conflict);
    assert.deepEqual(actionsFor('awaiting_evidence', 'customer'), ['withdraw']);
  });

  it('a customer may withdraw until the item is in the shop, not after', () => {
    for (const s of caseStates) {
      const can = actionsFor(s, 'customer').includes('withdraw');
      assert.equal(
        can,
        ['opened', 'troubleshooting', 'awaiting_evidence', 'return_authorised'].includes(s),
        s,
      );
    }
  });

  it('open cases are those not declined, withdrawn or closed', () => {
    assert.deepEqual(
      caseStates.filter((s) => !isOpenCase(s)),
      ['declined', 'withdrawn', 'closed'],
    );
  });

  it('every action names at least one actor and a label, and leads somewhere', () => {
    for (const [name, move] of Object.entries(caseActions)) {
      assert.ok(move.by.length > 0 && move.label.length > 0, name);
      for (const from of move.from)
        assert.ok(caseLifecycle.canTransition(from, move.to), `${name} from ${from}`);
    }
  });
});
