import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { leaveReleaseDetail, memberLeftReason } from './assignment.rules.ts';

describe('what a leaving member gives back (PV-STF-2, PV-STF-1)', () => {
  it('a release row says the record went back because the member left, and who they were', () => {
    assert.deepEqual(leaveReleaseDetail({ id: 'm-1', name: 'Ada' }), {
      assignedTo: null,
      reason: memberLeftReason,
      releasedFrom: { id: 'm-1', name: 'Ada' },
    });
    assert.equal(memberLeftReason, 'member_left');
  });
});
