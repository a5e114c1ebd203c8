import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ValidationError } from '../../shared/errors.ts';
import { monthsBetween, numbersRange, roundHours, share } from './numbers.rules.ts';

const now = new Date('2026-06-15T23:30:00Z');

function fieldOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof ValidationError);
    return error.field;
  }
  assert.fail('expected a ValidationError');
}

describe('the range of the after-sales numbers', () => {
  it('defaults to the 12 whole months up to today, in UTC', () => {
    const r = numbersRange({}, now);
    assert.equal(r.from, '2025-07-01');
    assert.equal(r.to, '2026-06-15');
    assert.equal(r.start.toISOString(), '2025-07-01T00:00:00.000Z');
    assert.equal(r.end.toISOString(), '2026-06-16T00:00:00.000Z');
    assert.equal(r.months.length, 12);
    assert.deepEqual(numbersRange({}, new Date('2026-01-31T00:00:00Z')).months.slice(0, 2), [
      '2025-02',
      '2025-03',
    ]);
  });

  it('counts both days given, ends at midnight after `to`', () => {
    const r = numbersRange({ from: '2024-02-29', to: '2024-02-29' }, now);
    assert.equal(r.end.getTime() - r.start.getTime(), 86_400_000);
    assert.deepEqual(r.months, ['2024-02']);
  });

  it('names `to` when it is before `from` (also against the default `from`)', () => {
    assert.equal(
      fieldOf(() => numbersRange({ from: '2026-03-02', to: '2026-03-01' }, now)),
      'to',
    );
    assert.equal(
      fieldOf(() => numbersRange({ to: '2025-06-30' }, now)),
      'to',
    );
  });

  it('names `from` for a range longer than five years; exactly five is allowed', () => {
    assert.equal(numbersRange({ from: '2021-01-01', to: '2025-12-31' }, now).months.length, 60);
    assert.equal(
      fieldOf(() => numbersRange({ from: '2021-01-01', to: '2026-01-01' }, now)),
      'from',
    );
    assert.equal(
      fieldOf(() => numbersRange({ from: '2000-01-01' }, now)),
      'from',
    );
  });

  it('names only a field the owner typed; a date left out is named in the message as the default', () => {
    const problem = (query: { from?: string; to?: string }) => {
      try {
        numbersRange(query, now);
      } catch (error) {
        return (error as ValidationError).issues[0];
      }
      return undefined;
    };
    // A start after today, with no end given: the start is what is wrong.
    const future = problem({ from: '2999-01-01' });
    assert.equal(future?.field, 'from');
    assert.match(future?.message ?? '', /on or before today, \d{4}-\d{2}-\d{2}, the default end/);
    // An end before the default start: the end is named, and the default start is in words.
    const early = problem({ to: '2025-06-30' });
    assert.equal(early?.field, 'to');
    assert.match(early?.message ?? '', /the default start, \d{4}-\d{2}-01 \(give a from date too\)/);
    // Too long a range from an old end alone: the end is what the owner typed.
    const long = problem({ to: '1990-01-01', from: undefined });
    assert.equal(long?.field, 'to');
  });
});

describe('months, shares and hours', () => {
  it('lists every month across a year end', () => {
    assert.deepEqual(monthsBetween('2025-11-30', '2026-02-01'), ['2025-11', '2025-12', '2026-01', '2026-02']);
  });

  it('rounds shares half up, exactly for whole numbers, and has no share of nothing', () => {
    assert.equal(share(40_650, 120_000), 0.3388);
    assert.equal(share(1, 3), 0.3333);
    assert.equal(share(400, 3, 2), 133.33);
    assert.equal(share(5, 0), null);
  });

  it('rounds hours to one decimal', () => {
    assert.equal(roundHours(62.400000001), 62.4);
    assert.equal(roundHours(null), null);
  });
});
