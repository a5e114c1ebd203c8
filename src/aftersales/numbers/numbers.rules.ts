/**
 * The owner's after-sales numbers (issue 11 point 4): the range a request asks about and the arithmetic done
 * on the database's sums. Pure: no database, no clock (today is passed in).
 */
import { ValidationError } from '../../shared/errors.ts';
import { addCalendarMonthsUtc, DAY_MS } from '../../shared/time.ts';

/** The longest range the numbers are computed over: longer is a 400 naming `from`. */
export const MAX_RANGE_YEARS = 5;
/** The default range: this many whole months up to today (this month included). */
export const DEFAULT_RANGE_MONTHS = 12;
/** The products list: the first this many by claims per 100 sold. */
export const TOP_PRODUCTS = 10;

/** A resolved range: calendar dates as given, and the UTC instants the queries compare against. */
export interface NumbersRange {
  /** `YYYY-MM-DD`, the first day counted. */
  from: string;
  /** `YYYY-MM-DD`, the last day counted (inclusive). */
  to: string;
  /** 00:00 UTC of `from`. */
  start: Date;
  /** 00:00 UTC of the day after `to`: instants strictly before it count. */
  end: Date;
  /** Every month the range touches, `YYYY-MM`, oldest first. */
  months: string[];
}

const dayOf = (date: string) => Date.parse(`${date}T00:00:00Z`);
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The range of a request. `from` defaults to the first day of the month 11 months before `now`'s (12 whole
 * months, this one included), `to` to `now`'s UTC date. Both are inclusive calendar dates in UTC.
 *
 * @throws ValidationError (400) naming `to` when it is before `from`, naming `from` when the range is longer
 * than MAX_RANGE_YEARS years (from 2021-01-01, `to` may be 2025-12-31 at the latest); always a field the
 * query gave: when the other date took its default, that field is named and the default is in the message.
 */
export function numbersRange(
  query: { from?: string | undefined; to?: string | undefined },
  now: Date,
): NumbersRange {
  const today = isoDay(now.getTime());
  const to = query.to ?? today;
  const monthStart = dayOf(`${today.slice(0, 7)}-01`);
  const from = query.from ?? isoDay(addCalendarMonthsUtc(monthStart, -(DEFAULT_RANGE_MONTHS - 1)));
  const start = dayOf(from);
  const last = dayOf(to);
  // The error goes to a field the owner typed: a date left out took its default, which is named instead.
  const fromWords = query.from ? `from (${from})` : `the default start, ${from} (give a from date too)`;
  const toWords = query.to ? `to (${to})` : `today, ${to}, the default end`;
  if (last < start) {
    throw new ValidationError([
      query.to || !query.from
        ? { field: 'to', message: `must be on or after ${fromWords}` }
        : { field: 'from', message: `must be on or before ${toWords}` },
    ]);
  }
  if (last >= addCalendarMonthsUtc(start, MAX_RANGE_YEARS * 12)) {
    throw new ValidationError([
      query.from || !query.to
        ? {
            field: 'from',
            message: `the range may be at most ${MAX_RANGE_YEARS} years long (it ends on ${toWords})`,
          }
        : {
            field: 'to',
            message: `the range may be at most ${MAX_RANGE_YEARS} years long (it starts on ${fromWords})`,
          },
    ]);
  }
  return { from, to, start: new Date(start), end: new Date(last + DAY_MS), months: monthsBetween(from, to) };
}

/** `YYYY-MM` of every month from the month of `from` to the month of `to`, both `YYYY-MM-DD`, oldest first. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  const lastYear = Number(to.slice(0, 4));
  const lastMonth = Number(to.slice(5, 7));
  while (year < lastYear || (year === lastYear && month <= lastMonth)) {
    months.push(`${year}-${String(month).padStart(2, '0')}`);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

/**
 * `part / whole` rounded half-up to `decimals` places; null when `whole` is 0 (no share of nothing). The
 * scaling is done before the division, so integer inputs round exactly (40650 / 120000 is 0.3388, not 0.3387).
 */
export function share(part: number, whole: number, decimals = 4): number | null {
  if (whole === 0) return null;
  const scale = 10 ** decimals;
  return Math.round((part * scale) / whole) / scale;
}

/** Hours, rounded to one decimal (a median of 36.25 h is shown as 36.3); null stays null. */
export function roundHours(hours: number | null): number | null {
  return hours === null ? null : Math.round(hours * 10) / 10;
}
