/**
 * UTC time helpers. Nothing here reads the clock: "now" is always an argument.
 *
 * Calendar arithmetic is done on integers (Howard Hinnant's days-from-civil algorithms) rather than through
 * `Date` objects: the policy engine formats several instants per assessment and runs a million a second.
 */
export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export interface CivilDate {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
}

function daysFromCivilSlow(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = (((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) | 0) + day - 1;
  const doe = yoe * 365 + ((yoe / 4) | 0) - ((yoe / 100) | 0) + doy;
  return era * 146097 + doe - 719468;
}

// Day numbers of every 1 January from 1900 to 2200, and for each day of a year its month and day: the dates a
// shop meets are read and written with a few lookups instead of the general arithmetic (an assessment
// parses three dates and formats several).
const TABLE_FIRST_YEAR = 1900;
const TABLE_YEARS = 300;
const YEAR_START = Int32Array.from({ length: TABLE_YEARS + 1 }, (_, i) =>
  daysFromCivilSlow(TABLE_FIRST_YEAR + i, 1, 1),
);
const TABLE_FIRST_DAY = YEAR_START[0] as number;
const TABLE_LAST_DAY = (YEAR_START[TABLE_YEARS] as number) - 1;
const MONTH_START = [
  [0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334],
  [0, 0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335],
] as const;
/** For day-of-year `d` of a common year at [d], of a leap year at [366 + d]: month * 32 + day. */
const MONTH_DAY = new Uint16Array(2 * 366);
for (let leap = 0; leap < 2; leap++) {
  for (let month = 1; month <= 12; month++) {
    const first = MONTH_START[leap]?.[month] as number;
    const length =
      month === 2 ? 28 + leap : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
    for (let day = 1; day <= length; day++) MONTH_DAY[leap * 366 + first + day - 1] = month * 32 + day;
  }
}

/** Days since 1970-01-01 of a proleptic Gregorian date. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const i = year - TABLE_FIRST_YEAR;
  if (i < 0 || i >= TABLE_YEARS) return daysFromCivilSlow(year, month, day);
  return (YEAR_START[i] as number) + (MONTH_START[isLeapYear(year) ? 1 : 0][month] as number) + day - 1;
}

export function civilFromDays(days: number): CivilDate {
  if (days < TABLE_FIRST_DAY || days > TABLE_LAST_DAY) return civilFromDaysSlow(days);
  // The mean year is 365.2425 days, so the estimate is at most a year off either way.
  let i = ((days - TABLE_FIRST_DAY) / 365.2425) | 0;
  if ((YEAR_START[i] as number) > days) i--;
  else if (i < TABLE_YEARS - 1 && (YEAR_START[i + 1] as number) <= days) i++;
  const year = TABLE_FIRST_YEAR + i;
  const md = MONTH_DAY[(isLeapYear(year) ? 366 : 0) + days - (YEAR_START[i] as number)] as number;
  return { year, month: md >> 5, day: md & 31 };
}

function civilFromDaysSlow(days: number): CivilDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  // Everything below is a non-negative integer under 2^31, so `| 0` is floor (and much cheaper).
  const doe = z - era * 146097;
  const yoe = ((doe - ((doe / 1460) | 0) + ((doe / 36524) | 0) - ((doe / 146096) | 0)) / 365) | 0;
  const doy = doe - (365 * yoe + ((yoe / 4) | 0) - ((yoe / 100) | 0));
  const mp = ((5 * doy + 2) / 153) | 0;
  const day = doy - (((153 * mp + 2) / 5) | 0) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function isLeapYear(year: number): boolean {
  // `& 3` first: three years in four are settled without a division (a hardware divide is slow).
  return (year & 3) === 0 && (year % 100 !== 0 || year % 400 === 0);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function addDays(instantMs: number, days: number): number {
  return instantMs + days * DAY_MS;
}

/** Adds calendar months in UTC, keeping the time of day and clamping the day to the target month's end. */
export function addCalendarMonthsUtc(instantMs: number, months: number): number {
  const dayNumber = Math.floor(instantMs / DAY_MS);
  const timeOfDay = instantMs - dayNumber * DAY_MS;
  const { year, month, day } = civilFromDays(dayNumber);
  const total = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(total / 12);
  const targetMonth = total - targetYear * 12 + 1;
  const targetDay = Math.min(day, daysInMonth(targetYear, targetMonth));
  return daysFromCivil(targetYear, targetMonth, targetDay) * DAY_MS + timeOfDay;
}

/** "00" … "99". */
const TWO_DIGITS = Array.from({ length: 100 }, (_, n) => (n < 10 ? `0${n}` : `${n}`));

function two(n: number): string {
  return TWO_DIGITS[n] as string;
}

// Texts of the parts of a date, built once for the years a shop meets (about 150 kB): joining short strings is
// most of what formatting costs, and every assessment formats several dates. Other years take the general
// path.
const TEXT_FIRST_YEAR = 1970;
const TEXT_YEARS = 160;
const textYear = (i: number) => TEXT_FIRST_YEAR + Math.floor(i / 12);
/** "Jan 2026", at (year - TEXT_FIRST_YEAR) * 12 + month - 1 */
const MONTH_YEAR_TEXT = Array.from({ length: TEXT_YEARS * 12 }, (_, i) => `${MONTHS[i % 12]} ${textYear(i)}`);
/** "2026-01-", indexed as above */
const ISO_MONTH_TEXT = Array.from(
  { length: TEXT_YEARS * 12 },
  (_, i) => `${textYear(i)}-${two((i % 12) + 1)}-`,
);
/** "10 " */
const DAY_TEXT = Array.from({ length: 32 }, (_, n) => `${n} `);
/** "10T" */
const ISO_DAY_TEXT = Array.from({ length: 32 }, (_, n) => `${two(n)}T`);
/** " 09:30 UTC", at the minute of the day */
const MINUTE_UTC_TEXT = Array.from(
  { length: 1440 },
  (_, m) => ` ${two(Math.floor(m / 60))}:${two(m % 60)} UTC`,
);
/** "09:30:", at the minute of the day */
const ISO_MINUTE_TEXT = Array.from({ length: 1440 }, (_, m) => `${two(Math.floor(m / 60))}:${two(m % 60)}:`);
/** "05." */
const ISO_SECOND_TEXT = Array.from({ length: 60 }, (_, n) => `${two(n)}.`);
/** "007Z" */
const ISO_MILLIS_TEXT = Array.from({ length: 1000 }, (_, n) => `${n < 10 ? '00' : n < 100 ? '0' : ''}${n}Z`);

/** "10 Jan 2026" */
export function formatDay(instantMs: number): string {
  const { year, month, day } = civilFromDays(Math.floor(instantMs / DAY_MS));
  const i = year - TEXT_FIRST_YEAR;
  if (i < 0 || i >= TEXT_YEARS) return `${day} ${MONTHS[month - 1]} ${year}`;
  return (DAY_TEXT[day] as string) + (MONTH_YEAR_TEXT[i * 12 + month - 1] as string);
}

/** "13 Jan 2026 00:00 UTC" */
export function formatInstant(instantMs: number): string {
  const dayNumber = Math.floor(instantMs / DAY_MS);
  // The time of day is below 2^31: `| 0` keeps the arithmetic on small integers (a double `%` is a libc call).
  const minute = ((instantMs - dayNumber * DAY_MS) / 60_000) | 0;
  return formatDay(instantMs) + (MINUTE_UTC_TEXT[minute] as string);
}

/** The same text as `Date.prototype.toISOString` for years 0–9999, without allocating a Date. */
export function toIsoString(instantMs: number): string {
  const dayNumber = Math.floor(instantMs / DAY_MS);
  const { year, month, day } = civilFromDays(dayNumber);
  const rest = (instantMs - dayNumber * DAY_MS) | 0;
  const seconds = (rest / 1000) | 0;
  const ms = rest - seconds * 1000;
  const minute = (seconds / 60) | 0;
  const second = seconds - minute * 60;
  const i = year - TEXT_FIRST_YEAR;
  if (i < 0 || i >= TEXT_YEARS) {
    if (year < 0 || year > 9999) return new Date(instantMs).toISOString();
    const century = (year / 100) | 0;
    return `${two(century)}${two(year - century * 100)}-${two(month)}-${ISO_DAY_TEXT[day]}${ISO_MINUTE_TEXT[minute]}${ISO_SECOND_TEXT[second]}${ISO_MILLIS_TEXT[ms]}`;
  }
  return (
    (ISO_MONTH_TEXT[i * 12 + month - 1] as string) +
    (ISO_DAY_TEXT[day] as string) +
    (ISO_MINUTE_TEXT[minute] as string) +
    (ISO_SECOND_TEXT[second] as string) +
    (ISO_MILLIS_TEXT[ms] as string)
  );
}

/** "4 days", "1 day", "more than 3 days", "less than a day": never rounds a late report down to look on time. */
export function formatElapsed(ms: number): string {
  const days = Math.floor(ms / DAY_MS);
  const exact = ms === days * DAY_MS;
  if (days === 0) return exact ? '0 days' : 'less than a day';
  const unit = days === 1 ? 'day' : 'days';
  return exact ? `${days} ${unit}` : `more than ${days} ${unit}`;
}

/** The two decimal digits at `i`, or -1. */
function twoDigits(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

const DASH = 45;
const COLON = 58;
const DOT = 46;
const PLUS = 43;
const T = 84;
const Z = 90;
const MONTH_LENGTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Reads an RFC 3339 date-time with seconds and a zone (`2026-01-10T09:30:00Z`, `…T09:30:00.25+02:00`) as epoch
 * milliseconds; NaN for anything else, including impossible dates such as 31 April. Accepts exactly the strings
 * of zod's `z.iso.datetime({ offset: true })` (a property test holds the two together). Hand-written because
 * it runs three times per assessment: the fourteen digits are read first and checked together.
 */
export function parseIsoInstant(s: string): number {
  const len = s.length;
  if (len < 20) return Number.NaN;
  const y1 = s.charCodeAt(0) - 48;
  const y2 = s.charCodeAt(1) - 48;
  const y3 = s.charCodeAt(2) - 48;
  const y4 = s.charCodeAt(3) - 48;
  const mo1 = s.charCodeAt(5) - 48;
  const mo2 = s.charCodeAt(6) - 48;
  const d1 = s.charCodeAt(8) - 48;
  const d2 = s.charCodeAt(9) - 48;
  const h1 = s.charCodeAt(11) - 48;
  const h2 = s.charCodeAt(12) - 48;
  const mi1 = s.charCodeAt(14) - 48;
  const mi2 = s.charCodeAt(15) - 48;
  const s1 = s.charCodeAt(17) - 48;
  const s2 = s.charCodeAt(18) - 48;
  // Each must be a digit, 0–9. Outside 0–15 (negatives included) a bit above the fourth is set, and for
  // 10–15 adding 6 reaches 16: two tests for all fourteen instead of twenty-eight comparisons.
  const any = y1 | y2 | y3 | y4 | mo1 | mo2 | d1 | d2 | h1 | h2 | mi1 | mi2 | s1 | s2;
  const carry =
    (y1 + 6) |
    (y2 + 6) |
    (y3 + 6) |
    (y4 + 6) |
    (mo1 + 6) |
    (mo2 + 6) |
    (d1 + 6) |
    (d2 + 6) |
    (h1 + 6) |
    (h2 + 6) |
    (mi1 + 6) |
    (mi2 + 6) |
    (s1 + 6) |
    (s2 + 6);
  if ((any & ~15) !== 0 || (carry & 16) !== 0) return Number.NaN;
  if (
    s.charCodeAt(4) !== DASH ||
    s.charCodeAt(7) !== DASH ||
    s.charCodeAt(10) !== T ||
    s.charCodeAt(13) !== COLON ||
    s.charCodeAt(16) !== COLON
  ) {
    return Number.NaN;
  }
  const year = y1 * 1000 + y2 * 100 + y3 * 10 + y4;
  const month = mo1 * 10 + mo2;
  const day = d1 * 10 + d2;
  const hour = h1 * 10 + h2;
  const minute = mi1 * 10 + mi2;
  const second = s1 * 10 + s2;
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return Number.NaN;
  if (day > (MONTH_LENGTH[month] as number) && !(month === 2 && day === 29 && isLeapYear(year))) {
    return Number.NaN;
  }

  let i = 19;
  let ms = 0;
  let c = s.charCodeAt(i);
  if (c === DOT) {
    // Like Date.parse: the first three digits are the milliseconds, later ones are dropped.
    let scale = 100;
    c = s.charCodeAt(++i);
    if (!(c >= 48 && c <= 57)) return Number.NaN;
    while (c >= 48 && c <= 57) {
      ms += (c - 48) * scale;
      scale = scale >= 10 ? scale / 10 : 0;
      c = s.charCodeAt(++i);
    }
  }
  let offsetMinutes = 0;
  if (c === Z) {
    if (i + 1 !== len) return Number.NaN;
  } else if ((c === PLUS || c === DASH) && i + 6 === len && s.charCodeAt(i + 3) === COLON) {
    const oh = twoDigits(s, i + 1);
    const om = twoDigits(s, i + 4);
    if (oh < 0 || oh > 23 || om < 0 || om > 59) return Number.NaN;
    offsetMinutes = (c === PLUS ? 1 : -1) * (oh * 60 + om);
  } else {
    return Number.NaN;
  }
  return (
    daysFromCivil(year, month, day) * DAY_MS +
    ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000 +
    ms
  );
}
