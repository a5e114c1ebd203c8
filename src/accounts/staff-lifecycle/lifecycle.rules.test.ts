import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  agreementRequired,
  agreementVersionProblem,
  deactivationProblem,
  invitationRefusal,
  invitationState,
  invitationTransitions,
} from './lifecycle.rules.ts';

const T = Date.parse('2026-03-02T09:00:00Z');
const open = { expiresAt: new Date(T + 1000), acceptedAt: null, revokedAt: null };

describe('staff lifecycle rules', () => {
  it('PV-STF-2: an invitation works once, before it expires, unless a newer one replaced it or it was withdrawn', () => {
    assert.equal(invitationRefusal(open, T), null);
    assert.equal(invitationRefusal(null, T), 'unknown');
    assert.equal(invitationRefusal(open, T + 1000), 'expired');
    assert.equal(invitationRefusal({ ...open, acceptedAt: new Date(T) }, T), 'used');
    assert.equal(invitationRefusal({ ...open, revokedAt: new Date(T) }, T), 'replaced');
    assert.equal(
      invitationRefusal({ ...open, revokedAt: new Date(T), revokedReason: 'replaced' }, T),
      'replaced',
    );
    assert.equal(
      invitationRefusal({ ...open, revokedAt: new Date(T), revokedReason: 'withdrawn' }, T),
      'withdrawn',
    );
    // Used beats expired: the invitee is told to sign in rather than to ask again.
    assert.equal(invitationRefusal({ ...open, acceptedAt: new Date(T) }, T + 5000), 'used');
  });

  it('PV-STF-2: only an open invitation moves on; accepted, replaced, withdrawn and expired are final', () => {
    assert.equal(invitationState(open, T), 'open');
    assert.deepEqual(invitationTransitions.open, ['accepted', 'replaced', 'withdrawn', 'expired']);
    for (const state of ['accepted', 'replaced', 'withdrawn', 'expired'] as const) {
      assert.deepEqual(invitationTransitions[state], [], state);
    }
  });

  it('PV-STF-2: the last active owner cannot be deactivated, by themselves or anyone', () => {
    const owner = { id: 'o1', role: 'owner' as const, active: true };
    assert.match(
      deactivationProblem({ actorId: 'o1', target: owner, activeOwnerIds: ['o1'] }) ?? '',
      /last active owner/,
    );
    assert.equal(deactivationProblem({ actorId: 'o1', target: owner, activeOwnerIds: ['o1', 'o2'] }), null);
    assert.equal(
      deactivationProblem({ actorId: 'o2', target: owner, activeOwnerIds: ['o1', 'o2'] }),
      null,
      'another owner may go while one stays',
    );
    const tech = { id: 't1', role: 'technician' as const, active: true };
    assert.equal(deactivationProblem({ actorId: 'o1', target: tech, activeOwnerIds: ['o1'] }), null);
    assert.match(
      deactivationProblem({ actorId: 'o1', target: { ...tech, active: false }, activeOwnerIds: ['o1'] }) ??
        '',
      /already/,
    );
  });

  it('PV-STF-3: the agreement is required until the current version is accepted, again for a new version', () => {
    assert.equal(agreementRequired(null, 1), true);
    assert.equal(agreementRequired(1, 1), false);
    assert.equal(agreementRequired(1, 2), true);
  });

  it('PV-STF-3: a version that never existed is unknown (400), an older real one is stale (409)', () => {
    assert.equal(agreementVersionProblem(2, 2), null);
    assert.equal(agreementVersionProblem(1, 2), 'stale');
    assert.equal(agreementVersionProblem(3, 2), 'unknown');
    assert.equal(agreementVersionProblem(0, 2), 'unknown');
    assert.equal(agreementVersionProblem(1.5, 2), 'unknown');
  });
});
