import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  afterFailedAttempt,
  afterSuccess,
  isLocked,
  type LockoutState,
  lockMinutes,
} from './lockout.rules.ts';

const settings = { attempts: 3, minutes: 15, maxMinutes: 1440 };
const now = new Date('2026-03-01T10:00:00Z');
const fresh: LockoutState = { failedAttempts: 0, lockouts: 0, lockedUntil: null };

describe('sign-in lockout (PV-ACC-2)', () => {
  it('PV-ACC-2: the third wrong password in a row locks sign-in for 15 minutes', () => {
    let state: LockoutState = fresh;
    for (let i = 1; i <= 2; i++) {
      const next = afterFailedAttempt(state, now, settings);
      assert.equal(next.locked, false);
      assert.equal(next.failedAttempts, i);
      state = next;
    }
    const third = afterFailedAttempt(state, now, settings);
    assert.equal(third.locked, true);
    assert.equal(third.failedAttempts, 0);
    assert.equal(third.lockouts, 1);
    assert.equal(third.lockedUntil?.toISOString(), '2026-03-01T10:15:00.000Z');
    assert.ok(isLocked(third, now));
  });

  it('PV-ACC-2: the lock lifts at its end, not before', () => {
    const lockedUntil = new Date('2026-03-01T10:15:00Z');
    assert.ok(isLocked({ lockedUntil }, new Date('2026-03-01T10:14:59.999Z')));
    assert.ok(!isLocked({ lockedUntil }, lockedUntil));
  });

  it('PV-ACC-2: repeated lockouts double in length, up to the maximum', () => {
    assert.deepEqual(
      [1, 2, 3, 4, 5, 6, 7, 8].map((n) => lockMinutes(n, settings)),
      [15, 30, 60, 120, 240, 480, 960, 1440],
    );
    assert.equal(lockMinutes(1000, settings), 1440);
    const second = afterFailedAttempt({ failedAttempts: 2, lockouts: 1, lockedUntil: now }, now, settings);
    assert.equal(second.lockedUntil?.toISOString(), '2026-03-01T10:30:00.000Z');
  });

  it('PV-ACC-2: an attempt inside the lock changes nothing', () => {
    const locked = { failedAttempts: 0, lockouts: 1, lockedUntil: new Date('2026-03-01T10:15:00Z') };
    const next = afterFailedAttempt(locked, now, settings);
    assert.equal(next.locked, false);
    assert.deepEqual({ ...next, locked: undefined }, { ...locked, locked: undefined });
  });

  it('PV-ACC-2: a successful sign-in or reset starts over', () => {
    assert.deepEqual(afterSuccess(), fresh);
  });
});
