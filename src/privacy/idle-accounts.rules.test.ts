import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DAY_MS } from '../shared/time.ts';
import { addMonthsUtc, idleCandidatesBefore, idleStep } from './idle-accounts.rules.ts';

const settings = { months: 6, warningDays: 14 };
const last = new Date('2026-01-10T09:00:00Z');
const sixMonths = new Date('2026-07-10T09:00:00Z');

describe('idle accounts, PV-ACC-3', () => {
  it('adds calendar months in UTC, keeping the last day of shorter months', () => {
    assert.equal(addMonthsUtc(last, 6).toISOString(), sixMonths.toISOString());
    assert.equal(addMonthsUtc(new Date('2026-08-31T00:00:00Z'), 6).toISOString(), '2027-02-28T00:00:00.000Z');
    assert.equal(
      addMonthsUtc(new Date('2026-03-31T12:00:00Z'), -1).toISOString(),
      '2026-02-28T12:00:00.000Z',
    );
  });

  it('PV-ACC-3: nothing until 6 months − 14 days, then a warning naming the day of deletion', () => {
    const warnAt = new Date(sixMonths.getTime() - 14 * DAY_MS);
    assert.equal(
      idleStep({ lastActiveAt: last, idleWarnedAt: null }, new Date(warnAt.getTime() - 1), settings),
      null,
    );
    assert.deepEqual(idleStep({ lastActiveAt: last, idleWarnedAt: null }, warnAt, settings), {
      do: 'warn',
      deleteOn: sixMonths,
    });
  });

  it('PV-ACC-3: warned, deleted at 6 months and not a moment before', () => {
    const warned = { lastActiveAt: last, idleWarnedAt: new Date(sixMonths.getTime() - 14 * DAY_MS) };
    assert.equal(idleStep(warned, new Date(sixMonths.getTime() - 1), settings), null);
    assert.deepEqual(idleStep(warned, sixMonths, settings), { do: 'delete' });
  });

  it('PV-ACC-3: a late warning still gives 14 days of notice', () => {
    const now = new Date(sixMonths.getTime() + 30 * DAY_MS);
    const step = idleStep({ lastActiveAt: last, idleWarnedAt: null }, now, settings);
    assert.deepEqual(step, { do: 'warn', deleteOn: new Date(now.getTime() + 14 * DAY_MS) });
    const warned = { lastActiveAt: last, idleWarnedAt: now };
    assert.equal(idleStep(warned, new Date(now.getTime() + 14 * DAY_MS - 1), settings), null);
    assert.deepEqual(idleStep(warned, new Date(now.getTime() + 14 * DAY_MS), settings), { do: 'delete' });
  });

  it('PV-ACC-3: using the account after the warning cancels it; the next idle period warns again', () => {
    const used = new Date(sixMonths.getTime() - 7 * DAY_MS);
    const account = { lastActiveAt: used, idleWarnedAt: new Date(sixMonths.getTime() - 14 * DAY_MS) };
    assert.equal(idleStep(account, sixMonths, settings), null);
    const again = addMonthsUtc(used, 6);
    assert.deepEqual(idleStep(account, new Date(again.getTime() - 14 * DAY_MS), settings), {
      do: 'warn',
      deleteOn: again,
    });
  });

  it('the query bound includes every account that may be due', () => {
    const now = new Date(sixMonths.getTime() - 14 * DAY_MS);
    assert.ok(idleCandidatesBefore(now, settings).getTime() >= last.getTime());
  });
});
