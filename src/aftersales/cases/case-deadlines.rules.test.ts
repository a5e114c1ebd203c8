import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DAY_MS } from '../../shared/time.ts';
import { deadlineWords, nextDeadline } from './case-deadlines.rules.ts';
import { dueAtFor } from './case-rules.ts';

const settings = { reminderDays: 3, abandonDays: 30, nearDays: 2 };
const since = new Date('2026-11-01T09:00:00Z');
const after = (days: number, ms = 0) => new Date(since.getTime() + days * DAY_MS + ms);

describe('deadlines at a glance (issue 11 point 5)', () => {
  it('a case waiting on staff has the shop’s deadline, dueAt, with the step it waits for', () => {
    const dueAt = dueAtFor('parcel_received', since, 3);
    const d = nextDeadline({ state: 'parcel_received', stateSince: since, dueAt }, since, settings);
    assert.deepEqual(d, { whose: 'shop', step: 'inspect', at: after(3), mark: null });
    assert.equal(nextDeadline({ state: 'opened', stateSince: since, dueAt }, since, settings)?.step, 'reply');
  });

  it('a case waiting for evidence or the parcel is the customer’s until it is given up, CASE_ABANDON_DAYS after asking', () => {
    for (const [state, step] of [
      ['awaiting_evidence', 'evidence'],
      ['return_authorised', 'parcel'],
    ] as const) {
      assert.deepEqual(nextDeadline({ state, stateSince: since, dueAt: null }, since, settings), {
        whose: 'customer',
        step,
        at: after(30),
        mark: null,
      });
    }
  });

  it('a quote’s answer is expected by its first reminder, CASE_REMINDER_DAYS after it was sent', () => {
    const d = nextDeadline({ state: 'quote_sent', stateSince: since, dueAt: null }, after(1), settings);
    assert.deepEqual(d, { whose: 'customer', step: 'quote_answer', at: after(3), mark: 'due_soon' });
  });

  it('near is within CASE_DUE_SOON_DAYS, the boundary included; overdue is a millisecond past the deadline', () => {
    const c = { state: 'inspected' as const, stateSince: since, dueAt: after(3) };
    assert.equal(nextDeadline(c, after(1, -1), settings)?.mark, null);
    assert.equal(nextDeadline(c, after(1), settings)?.mark, 'due_soon', 'exactly 2 days left');
    assert.equal(nextDeadline(c, after(3), settings)?.mark, 'due_soon', 'due this instant');
    assert.equal(nextDeadline(c, after(3, 1), settings)?.mark, 'overdue');
    assert.equal(nextDeadline(c, after(3, 1), { ...settings, nearDays: 0 })?.mark, 'overdue');
  });

  it('the settings move the customer’s deadline: a shorter abandonment period makes it overdue sooner', () => {
    const c = { state: 'awaiting_evidence' as const, stateSince: since, dueAt: null };
    assert.equal(nextDeadline(c, after(11), settings)?.mark, null);
    assert.equal(nextDeadline(c, after(11), { ...settings, abandonDays: 10 })?.mark, 'overdue');
  });

  it('a case whose required evidence has all arrived owes the customer nothing, so it has no customer deadline', () => {
    const c = { state: 'awaiting_evidence' as const, stateSince: since, dueAt: null, evidenceComplete: true };
    assert.equal(nextDeadline(c, after(40), settings), null);
    assert.equal(nextDeadline({ ...c, evidenceComplete: false }, after(40), settings)?.mark, 'overdue');
  });

  it('a finished case has no deadline', () => {
    for (const state of ['declined', 'withdrawn', 'closed'] as const) {
      assert.equal(nextDeadline({ state, stateSince: since, dueAt: null }, since, settings), null);
    }
  });

  it('says whose the deadline is and by which day, in the shop’s one date format', () => {
    assert.equal(
      deadlineWords({ whose: 'shop', step: 'reply', at: '2026-12-03T09:00:00.000Z' }),
      'Shop: reply by 3 Dec 2026',
    );
    assert.equal(
      deadlineWords({ whose: 'customer', step: 'evidence', at: new Date('2026-12-31T23:00:00Z') }),
      'Customer: evidence by 31 Dec 2026',
    );
  });
});
