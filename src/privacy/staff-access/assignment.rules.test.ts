import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { releasedOnLeave } from './assignment.rules.ts';

describe('what a leaving member gives back (PV-STF-2, PV-STF-1)', () => {
  it('open cases and orders go back; finished ones stay', () => {
    const out = releasedOnLeave(
      [
        { id: 'c-open', open: true },
        { id: 'c-closed', open: false },
      ],
      [
        { id: 'o-open', open: true },
        { id: 'o-done', open: false },
      ],
      new Set(),
    );
    assert.deepEqual(out, { caseIds: ['c-open'], orderIds: ['o-open'] });
  });

  it('a finished order with an open case goes back too, or the unassigned case would stay hidden from everyone', () => {
    const out = releasedOnLeave([], [{ id: 'o-done', open: false }], new Set(['o-done']));
    assert.deepEqual(out.orderIds, ['o-done']);
  });
});
