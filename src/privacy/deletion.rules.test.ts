import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deletionImpact } from './deletion.rules.ts';

describe('deletionImpact', () => {
  it('PV-RGT-1: a shipped order and a withdrawable case are stopped, an unshipped order and a case the shop holds block, finished ones are not listed', () => {
    const impact = deletionImpact(
      [
        { reference: 'AC-1', status: 'placed' },
        { reference: 'AC-2', status: 'paid' },
        { reference: 'AC-3', status: 'shipped' },
        { reference: 'AC-4', status: 'delivered' },
        { reference: 'AC-5', status: 'cancelled' },
        { reference: 'AC-6', status: 'completed' },
      ],
      [
        { reference: 'RMA-1', state: 'opened' },
        { reference: 'RMA-2', state: 'awaiting_evidence' },
        { reference: 'RMA-3', state: 'return_authorised' },
        { reference: 'RMA-4', state: 'parcel_received' },
        { reference: 'RMA-5', state: 'quote_sent' },
        { reference: 'RMA-6', state: 'resolved' },
        { reference: 'RMA-7', state: 'closed' },
        { reference: 'RMA-8', state: 'withdrawn' },
        { reference: 'RMA-9', state: 'declined' },
      ],
    );
    assert.deepEqual(
      impact.stops.map((s) => s.reference),
      ['AC-3', 'RMA-1', 'RMA-2', 'RMA-3'],
    );
    assert.deepEqual(
      impact.blockers.map((s) => s.reference),
      ['AC-1', 'AC-2', 'RMA-4', 'RMA-5', 'RMA-6'],
    );
  });

  it('PV-RGT-1: nothing in progress, nothing listed', () => {
    assert.deepEqual(deletionImpact([{ reference: 'AC-1', status: 'delivered' }], []), {
      stops: [],
      blockers: [],
    });
  });
});
