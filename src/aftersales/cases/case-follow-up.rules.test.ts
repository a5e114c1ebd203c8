import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DAY_MS } from '../../shared/time.ts';
import { followUpOf } from './case-follow-up.rules.ts';

const settings = { reminderDays: 3, abandonDays: 30 };
const since = new Date('2026-03-01T09:00:00Z');
const after = (days: number, ms = 0) => new Date(since.getTime() + days * DAY_MS + ms);

describe('following up cases waiting on the customer (issue 10 point 7)', () => {
  it('reminds exactly when the reminder period has passed since the request, not a millisecond before', () => {
    const waiting = { state: 'awaiting_evidence' as const, since, lastRemindedAt: null };
    assert.equal(followUpOf(waiting, after(3, -1), settings), null);
    assert.deepEqual(followUpOf(waiting, after(3), settings), { do: 'remind', email: 'evidence_reminder' });
  });

  it('counts the next reminder from the last one', () => {
    const waiting = { state: 'quote_sent' as const, since, lastRemindedAt: after(3) };
    assert.equal(followUpOf(waiting, after(5), settings), null);
    assert.deepEqual(followUpOf(waiting, after(6), settings), { do: 'remind', email: 'quote_reminder' });
  });

  it('gives up a case waiting for evidence or the parcel after the abandonment period, reminders or not', () => {
    for (const state of ['awaiting_evidence', 'return_authorised'] as const) {
      assert.deepEqual(followUpOf({ state, since, lastRemindedAt: after(29) }, after(30), settings), {
        do: 'abandon',
      });
    }
  });

  it('never gives up a quote (the item is in the shop): it keeps reminding', () => {
    assert.deepEqual(
      followUpOf({ state: 'quote_sent', since, lastRemindedAt: after(27) }, after(40), settings),
      {
        do: 'remind',
        email: 'quote_reminder',
      },
    );
  });

  it('neither reminds nor gives up a case whose customer sent every required piece of evidence', () => {
    const sent = { state: 'awaiting_evidence' as const, since, lastRemindedAt: null, evidenceComplete: true };
    assert.equal(followUpOf(sent, after(3), settings), null);
    assert.equal(followUpOf(sent, after(100), settings), null);
    const partly = { ...sent, evidenceComplete: false };
    assert.deepEqual(followUpOf(partly, after(3), settings), { do: 'remind', email: 'evidence_reminder' });
  });

  it('does nothing for cases whose next move is the shop’s', () => {
    for (const state of ['opened', 'troubleshooting', 'parcel_received', 'inspected', 'resolved'] as const) {
      assert.equal(followUpOf({ state, since, lastRemindedAt: null }, after(100), settings), null);
    }
  });

  it('uses the settings, not fixed numbers', () => {
    const waiting = { state: 'awaiting_evidence' as const, since, lastRemindedAt: null };
    assert.deepEqual(followUpOf(waiting, after(1), { reminderDays: 1, abandonDays: 2 }), {
      do: 'remind',
      email: 'evidence_reminder',
    });
    assert.deepEqual(followUpOf(waiting, after(2), { reminderDays: 1, abandonDays: 2 }), { do: 'abandon' });
  });
});
