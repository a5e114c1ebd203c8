/**
 * What the database's columns hold, decided once: every input is bounded by these before it is written or
 * compared, so a value that passes a schema never fails in PostgreSQL with a 500.
 */

/** The largest value of an `integer` column (quantities, stock, cents). */
export const INT32_MAX = 2_147_483_647;

/**
 * The largest total of one order, in cents (US$1,000,000). Order totals are `integer` columns; the cart
 * refuses a line that would take its subtotal past this, and checkout refuses a cart whose prices rose past
 * it since, each with a message that names the limit. Ten units of the dearest product (US$100,000) fit.
 */
export const MAX_ORDER_TOTAL_CENTS = 100_000_000;

/** The years an instant may fall in: PostgreSQL has no year 0, and ISO 8601 needs a sign past 9999. */
const FIRST_YEAR = 1;
const LAST_YEAR = 9999;

/**
 * True when `value` (an ISO 8601 string or a Date) is a real instant between the years 1 and 9999 UTC: what a
 * `timestamptz` column takes and `Date.toISOString` writes back in the same shape. An impossible date
 * (month 13, 30 February) is false, not rolled over.
 */
export function isStorableInstant(value: string | Date): boolean {
  const date = typeof value === 'string' ? new Date(value) : value;
  const time = date.getTime();
  if (Number.isNaN(time)) return false;
  const year = date.getUTCFullYear();
  if (year < FIRST_YEAR || year > LAST_YEAR) return false;
  if (typeof value !== 'string') return true;
  // Date parses "2026-02-30" as 2 March: compare the date part written back with the one given, when the
  // string is in UTC (with an offset, the calendar date legitimately differs).
  const match = /^(\d{4}-\d\d-\d\d)T(\d\d):(\d\d)/.exec(value);
  if (!match) return true;
  if (Number(match[2]) > 23 || Number(match[3]) > 59) return false;
  const [y, m, d] = (match[1] as string).split('-').map(Number) as [number, number, number];
  const calendar = new Date(Date.UTC(2000, m - 1, d));
  calendar.setUTCFullYear(y);
  return calendar.getUTCMonth() === m - 1 && calendar.getUTCDate() === d;
}
