import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  addCalendarMonthsUtc,
  addDays,
  civilFromDays,
  DAY_MS,
  daysFromCivil,
  formatDay,
  formatElapsed,
  formatInstant,
  HOUR_MS,
  parseIsoInstant,
  toIsoString,
} from './time.ts';

const ms = (iso: string): number => Date.parse(iso);

describe('constants', () => {
  it('an hour is 3,600,000 ms and a day 86,400,000 ms', () => {
    assert.equal(HOUR_MS, 3_600_000);
    assert.equal(DAY_MS, 86_400_000);
  });
});

describe('daysFromCivil / civilFromDays', () => {
  const rows: Array<[number, number, number, number]> = [
    [1970, 1, 1, 0],
    [1970, 1, 2, 1],
    [1969, 12, 31, -1],
    [2000, 1, 1, 10957],
    [2000, 2, 29, 11016],
    [2000, 3, 1, 11017],
    [2026, 1, 10, 20463],
    [1900, 3, 1, -25508],
    [0, 1, 1, -719528],
    [9999, 12, 31, 2932896],
  ];
  for (const [y, m, d, days] of rows) {
    it(`${y}-${m}-${d} is day ${days}`, () => {
      assert.equal(daysFromCivil(y, m, d), days);
      assert.deepEqual(civilFromDays(days), { year: y, month: m, day: d });
      assert.equal(days * DAY_MS, utcMidnight(y, m, d));
    });
  }
  it('round-trips every day from 1600 to 2400', () => {
    const from = daysFromCivil(1600, 1, 1);
    const to = daysFromCivil(2400, 12, 31);
    for (let d = from; d <= to; d++) {
      const c = civilFromDays(d);
      assert.equal(daysFromCivil(c.year, c.month, c.day), d);
    }
  });
});

/** Midnight UTC of a date as epoch ms, for any year (Date.UTC maps years 0–99 to 1900–1999). */
function utcMidnight(y: number, m: number, d: number): number {
  const date = new Date(0);
  date.setUTCFullYear(y, m - 1, d);
  return date.getTime();
}

describe('addDays', () => {
  it('adds whole 24-hour days', () => {
    assert.equal(addDays(ms('2026-01-10T00:00:00Z'), 3), ms('2026-01-13T00:00:00Z'));
    assert.equal(addDays(ms('2026-02-27T12:00:00Z'), 2), ms('2026-03-01T12:00:00Z'));
    assert.equal(addDays(ms('2026-01-10T00:00:00Z'), 0), ms('2026-01-10T00:00:00Z'));
  });
});

describe('addCalendarMonthsUtc', () => {
  const rows: Array<[string, number, string]> = [
    ['2024-02-29T15:30:00.000Z', 12, '2025-02-28T15:30:00.000Z'],
    ['2024-02-29T15:30:00.000Z', 48, '2028-02-29T15:30:00.000Z'],
    ['2025-01-31T10:00:00.000Z', 1, '2025-02-28T10:00:00.000Z'],
    ['2024-01-31T10:00:00.000Z', 1, '2024-02-29T10:00:00.000Z'],
    ['2025-03-31T23:59:59.999Z', 1, '2025-04-30T23:59:59.999Z'],
    ['2025-08-31T00:00:00.000Z', 3, '2025-11-30T00:00:00.000Z'],
    ['2026-01-05T00:00:00.000Z', 12, '2027-01-05T00:00:00.000Z'],
    ['2025-12-15T08:00:00.000Z', 1, '2026-01-15T08:00:00.000Z'],
    ['2025-11-30T08:00:00.000Z', 14, '2027-01-30T08:00:00.000Z'],
    ['2026-01-10T00:00:00.000Z', 0, '2026-01-10T00:00:00.000Z'],
    ['2026-03-31T00:00:00.000Z', -1, '2026-02-28T00:00:00.000Z'],
    ['2026-01-15T00:00:00.000Z', -13, '2024-12-15T00:00:00.000Z'],
    ['1969-12-31T23:00:00.000Z', 2, '1970-02-28T23:00:00.000Z'],
    ['1900-01-31T06:00:00.000Z', 1, '1900-02-28T06:00:00.000Z'],
    ['2000-01-31T06:00:00.000Z', 1, '2000-02-29T06:00:00.000Z'],
  ];
  for (const [from, months, to] of rows) {
    it(`${from} + ${months} months = ${to}`, () => {
      assert.equal(addCalendarMonthsUtc(ms(from), months), ms(to));
    });
  }
});

describe('formatDay', () => {
  const rows: Array<[string, string]> = [
    ['2026-01-10T00:00:00Z', '10 Jan 2026'],
    ['2026-01-10T23:59:59.999Z', '10 Jan 2026'],
    ['2026-01-10T23:30:00-02:00', '11 Jan 2026'],
    ['2024-02-29T12:00:00Z', '29 Feb 2024'],
    ['2025-12-01T00:00:00Z', '1 Dec 2025'],
    ['1969-12-31T23:59:59.999Z', '31 Dec 1969'],
  ];
  for (const [iso, text] of rows) it(`${iso} → ${text}`, () => assert.equal(formatDay(ms(iso)), text));
});

describe('formatInstant', () => {
  const rows: Array<[string, string]> = [
    ['2026-01-13T00:00:00Z', '13 Jan 2026 00:00 UTC'],
    ['2026-01-13T09:05:00Z', '13 Jan 2026 09:05 UTC'],
    ['2026-01-13T23:59:59.999Z', '13 Jan 2026 23:59 UTC'],
    ['2026-01-13T12:00:00+05:30', '13 Jan 2026 06:30 UTC'],
    ['2025-02-28T15:30:00Z', '28 Feb 2025 15:30 UTC'],
    ['1969-12-31T18:45:00Z', '31 Dec 1969 18:45 UTC'],
  ];
  for (const [iso, text] of rows) it(`${iso} → ${text}`, () => assert.equal(formatInstant(ms(iso)), text));
});

describe('formatDay, formatInstant and toIsoString against Date, inside and outside the prebuilt texts', () => {
  const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = (d: Date) => `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
  const instant = (d: Date) => `${day(d)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
  const check = (t: number) => {
    const d = new Date(t);
    assert.equal(formatDay(t), day(d));
    assert.equal(formatInstant(t), instant(d));
    assert.equal(toIsoString(t), d.toISOString());
  };

  for (const year of [1899, 1900, 1969, 1970, 2024, 2129, 2130, 2199, 2200]) {
    it(`every day of ${year}, at a time of day that moves through every minute and millisecond`, () => {
      const first = Date.UTC(year, 0, 1);
      for (let i = 0, t = first; t < Date.UTC(year + 1, 0, 1); i++, t = first + i * DAY_MS) {
        check(t + ((i * 7_919_333) % DAY_MS));
      }
    });
  }
  it('a spread of instants over years 1–9999', () => {
    const from = new Date(0).setUTCFullYear(1, 0, 1); // Date.UTC would read year 1 as 1901
    const to = Date.UTC(9999, 11, 31);
    for (let t = from; t < to; t += 97 * DAY_MS + 3_600_007) check(t);
  });
});

describe('formatElapsed', () => {
  const rows: Array<[number, string]> = [
    [0, '0 days'],
    [1, 'less than a day'],
    [DAY_MS - 1, 'less than a day'],
    [DAY_MS, '1 day'],
    [DAY_MS + 1, 'more than 1 day'],
    [2 * DAY_MS, '2 days'],
    [3 * DAY_MS, '3 days'],
    [3 * DAY_MS + 1, 'more than 3 days'],
    [4 * DAY_MS + 5 * HOUR_MS, 'more than 4 days'],
    [90 * DAY_MS, '90 days'],
  ];
  for (const [elapsed, text] of rows)
    it(`${elapsed} ms → ${text}`, () => assert.equal(formatElapsed(elapsed), text));
});

describe('toIsoString', () => {
  const rows: Array<[number, string]> = [
    [0, '1970-01-01T00:00:00.000Z'],
    [1, '1970-01-01T00:00:00.001Z'],
    [-1, '1969-12-31T23:59:59.999Z'],
    [ms('2026-01-13T00:00:00Z'), '2026-01-13T00:00:00.000Z'],
    [ms('2025-02-28T15:30:12.345Z'), '2025-02-28T15:30:12.345Z'],
    [ms('2000-02-29T09:08:07.060Z'), '2000-02-29T09:08:07.060Z'],
    [ms('0000-01-01T00:00:00Z'), '0000-01-01T00:00:00.000Z'],
    [ms('0099-12-31T23:59:59.999Z'), '0099-12-31T23:59:59.999Z'],
    [ms('9999-12-31T23:59:59.999Z'), '9999-12-31T23:59:59.999Z'],
  ];
  for (const [instant, text] of rows) {
    it(`${instant} → ${text}`, () => {
      assert.equal(toIsoString(instant), text);
      assert.equal(toIsoString(instant), new Date(instant).toISOString());
    });
  }
  it('outside years 0–9999 it falls back to Date', () => {
    const before = ms('0000-01-01T00:00:00Z') - 1;
    const after = ms('9999-12-31T23:59:59.999Z') + 1;
    assert.equal(toIsoString(before), '-000001-12-31T23:59:59.999Z');
    assert.equal(toIsoString(after), '+010000-01-01T00:00:00.000Z');
  });
});

describe('parseIsoInstant', () => {
  const valid: Array<[string, string]> = [
    ['2026-01-10T09:30:00Z', '2026-01-10T09:30:00.000Z'],
    ['2026-01-10T09:30:00.25+02:00', '2026-01-10T07:30:00.250Z'],
    ['2026-01-10T09:30:00.123456789Z', '2026-01-10T09:30:00.123Z'],
    ['2026-01-10T09:30:00.9999Z', '2026-01-10T09:30:00.999Z'],
    ['2026-01-10T00:30:00-05:45', '2026-01-10T06:15:00.000Z'],
    ['2026-01-10T00:00:00+23:59', '2026-01-09T00:01:00.000Z'],
    ['2024-02-29T00:00:00Z', '2024-02-29T00:00:00.000Z'],
    ['2000-02-29T00:00:00Z', '2000-02-29T00:00:00.000Z'],
    ['0000-02-29T00:00:00Z', '0000-02-29T00:00:00.000Z'],
    ['9999-12-31T23:59:59.999Z', '9999-12-31T23:59:59.999Z'],
  ];
  for (const [input, iso] of valid) {
    it(`reads ${input} as ${iso}`, () => {
      assert.equal(parseIsoInstant(input), ms(iso));
      assert.equal(parseIsoInstant(input), Date.parse(input));
    });
  }
  const invalid = [
    '',
    '2026-01-10',
    '2026-01-10T09:30:00',
    '2026-01-10T09:30Z',
    '2026-01-10 09:30:00Z',
    '2026-01-10t09:30:00Z',
    '2026-01-10T09:30:00z',
    '2026-13-01T00:00:00Z',
    '2026-00-01T00:00:00Z',
    '2026-01-00T00:00:00Z',
    '2026-01-32T00:00:00Z',
    '2026-02-29T00:00:00Z',
    '2026-02-30T00:00:00Z',
    '2026-04-31T00:00:00Z',
    '1900-02-29T00:00:00Z',
    '2026-01-10T24:00:00Z',
    '2026-01-10T23:60:00Z',
    '2026-01-10T23:59:60Z',
    '2026-01-10T09:30:00.Z',
    '2026-01-10T09:30:00+24:00',
    '2026-01-10T09:30:00+02:60',
    '2026-01-10T09:30:00+0200',
    '2026-01-10T09:30:00+02',
    '2026-01-10T09:30:00Z ',
    ' 2026-01-10T09:30:00Z',
    '+02026-01-10T09:30:00Z',
    '2026-1-10T09:30:00Z',
    '２０２６-01-10T09:30:00Z',
    '2026-01-10T09:30:00ZZ',
  ];
  for (const input of invalid) {
    it(`refuses ${JSON.stringify(input)} (NaN)`, () => assert.ok(Number.isNaN(parseIsoInstant(input))));
  }
});
