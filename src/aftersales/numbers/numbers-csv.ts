/**
 * The owner's after-sales numbers as CSV (issue 11 point 4), one table per file. Pure. RFC 4180: comma
 * separated, CRLF line ends, a field quoted when it holds a comma, a quote or a line break (quotes doubled).
 * Money is written in dollars with two decimals (the header says `_usd`), never through floating point.
 * A text cell a spreadsheet would run as a formula (starting with = + - @, tab or carriage return) gets a
 * leading apostrophe, so a product named "=HYPERLINK(…)" stays text.
 */
import type { NumbersResponse, NumbersTable } from './numbers.schemas.ts';

/** Text, a count or share, an amount of money in cents (written as dollars), or nothing. */
type Cell = string | number | { cents: number } | null;

/** 1234 → "12.34", 5 → "0.05", -250 → "-2.50": integer cents as dollars, exactly. */
export function centsToDollars(cents: number): string {
  const abs = Math.abs(cents);
  const dollars = Math.floor(abs / 100);
  const rest = abs % 100;
  return `${cents < 0 ? '-' : ''}${dollars}.${rest < 10 ? '0' : ''}${rest}`;
}

/**
 * One field: numbers as they are, money in dollars, null empty, text guarded against formulas and quoted when
 * needed. Only text is guarded: a negative amount is a number, not a formula.
 */
export function csvField(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'object') return centsToDollars(value.cents);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function csv(header: readonly string[], rows: ReadonlyArray<readonly Cell[]>): string {
  return [header, ...rows].map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}

/** `table` of `numbers` as CSV text: a header row, then one row per item of the answer's list. */
export function numbersCsv(numbers: NumbersResponse, table: NumbersTable): string {
  switch (table) {
    case 'cases':
      return csv(
        ['month', 'kind', 'state', 'resolution', 'cases'],
        numbers.cases.map((c) => [c.month, c.kind, c.state, c.resolution, c.count]),
      );
    case 'costs':
      return csv(
        [
          'month',
          'sales_usd',
          'refunds_usd',
          'coupons_issued_usd',
          'coupons_redeemed_usd',
          'vouchers_issued_usd',
          'vouchers_redeemed_usd',
          'return_shipping_usd',
          'parts_usd',
          'total_usd',
        ],
        numbers.costs.map((c) => [
          c.month,
          ...[
            c.salesCents,
            c.refundsCents,
            c.couponsIssuedCents,
            c.couponsRedeemedCents,
            c.vouchersIssuedCents,
            c.vouchersRedeemedCents,
            c.returnShippingCents,
            c.partsCents,
            c.totalCents,
          ].map((cents) => ({ cents })),
        ]),
      );
    case 'products':
      return csv(
        ['product_id', 'name', 'category', 'sold', 'claims', 'claims_per_100_sold'],
        numbers.products.map((p) => [p.productId, p.name, p.category, p.sold, p.claims, p.claimsPer100Sold]),
      );
    case 'declined':
      return csv(
        ['clause', 'declined_claims', 'share_of_declined'],
        numbers.declined.byClause.map((d) => [d.clause, d.count, d.share]),
      );
  }
}

/** after-sales-costs-2026-01-01-2026-12-31.csv */
export function numbersCsvFilename(table: NumbersTable, from: string, to: string): string {
  return `after-sales-${table}-${from}-${to}.csv`;
}
