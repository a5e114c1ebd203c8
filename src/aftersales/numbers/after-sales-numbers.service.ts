/**
 * The owner's after-sales numbers (issue 11 point 4): a few SQL aggregates, each one pass over its tables,
 * run side by side on PostgreSQL and PGlite alike. What each figure counts, and which instant puts it in a
 * month (all months are UTC calendar months, every range `[start, end)` from `numbersRange`):
 *
 * - cases: `after_sales_cases` by `opened_at`, grouped by kind, state now and resolution.
 * - resolutionTime: the cases opened in the range that were decided, from `opened_at` to the first timeline
 *   row (`after_sales_case_events.at`) moving them to `resolved` or `declined`; hours, median and 90th
 *   percentile by `percentile_cont` (interpolated), rounded to 0.1 h.
 * - sales: orders that were paid (status paid, shipped, delivered or completed: cancelled and unpaid ones are
 *   out) by `placed_at`; their `total_cents` (goods − discount + shipping), or with a category the goods of that
 *   category (unit price × quantity of its lines). Free replacement orders are not sales.
 * - refunds / returnShipping: refunds an after-sales case asked for (`case_remedies` kind `refund` /
 *   `return_shipping`, AS-GEN-3) that succeeded, by `refunds.succeeded_at`. Refunds of cancellations are not
 *   after-sales costs.
 * - coupons / vouchers: codes issued by a case (`coupons.source_case_id`; clause AS-GEN-5 is a coupon, AS-INC-2
 *   a voucher): issued by `issued_at` at their value, redeemed by `redeemed_at` at what came off the order.
 * - parts: the components replaced at the shop's cost (AS-GEN-4: the engine's `partsPayer` is `shop`, the
 *   inspection lists them) of cases resolved by a repair, by the time they were resolved, each priced at the
 *   config's PARTS_COST_*_CENTS (the shop records no invoice for them).
 * - totalCents: refunds + return shipping + coupons and vouchers redeemed + parts: money that left the shop.
 *   Issued codes are shown beside it but count when spent, so a code is never counted twice.
 * - products: units sold (lines of the paid orders above, by `placed_at`) and claims (cases opened plus
 *   declined submissions, in the range) per product; the TOP_PRODUCTS with claims, most per 100 sold first.
 * - declined: claims = cases opened + submissions declined (`declined_claims`) in the range; declined = those
 *   cases now `declined` + those submissions; by clause: each declined claim counts once under each clause of
 *   the engine's reasons (a case declined by staff against an eligible assessment counts under `override`).
 *   A submission is counted each time it is refused: a customer who tries the same claim twice counts twice.
 *
 * With `category`, every figure keeps only the order lines (and the cases and codes of order lines) of
 * products of that category.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { CaseState } from '../cases/case-lifecycle.ts';
import type { ClaimKind } from '../claim.schema.ts';
import { type NumbersRange, numbersRange, roundHours, share, TOP_PRODUCTS } from './numbers.rules.ts';
import type { CostFields, NumbersQuery, NumbersResponse } from './numbers.schemas.ts';

type NumbersCtx = Pick<AppContext, 'database' | 'clock' | 'config'>;
type Category = NonNullable<NumbersQuery['category']>;

/** The clause a declined claim is counted under when staff declined what the engine accepted. */
export const OVERRIDE_CLAUSE = 'override';

/**
 * The UTC month an instant falls in, as the instant its month starts: rows are grouped on this (cheap), and
 * only the grouped rows are written as `YYYY-MM` by `monthText`.
 */
const monthOf = (column: SQL) => sql`date_trunc('month', ${column}, 'UTC')`;
const monthText = (column: SQL) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM')`;

interface Filter {
  start: string;
  end: string;
  category: Category | null;
}

const inRange = (column: SQL, f: Filter) =>
  sql`${column} >= ${f.start}::timestamptz and ${column} < ${f.end}::timestamptz`;

/**
 * `and <row>.category = …` with a category, nothing without. Order lines, cases and declined submissions each
 * carry their line's category (copied when written), so no figure joins the order lines to filter.
 */
const categoryOf = (row: SQL, f: Filter) =>
  f.category === null ? sql`` : sql`and ${row}.category = ${f.category}::product_category`;

/** Orders that count as sales: paid (or further on), not cancelled, not a free replacement. */
const PAID_ORDER = sql`o.status in ('paid', 'shipped', 'delivered', 'completed') and o.payment_method <> 'replacement'`;

function caseCounts(f: Filter) {
  return sql`
    select ${monthText(sql`m`)} as month, kind, state, resolution, count
    from (
      select ${monthOf(sql`c.opened_at`)} as m, c.kind, c.state, c.resolution, count(*)::int as count
      from after_sales_cases c
      where ${inRange(sql`c.opened_at`, f)} ${categoryOf(sql`c`, f)}
      group by 1, 2, 3, 4
    ) by_month
    order by m, kind, state, resolution`;
}

function resolutionTimes(f: Filter) {
  return sql`
    select count(*)::int as resolved,
      percentile_cont(0.5) within group (order by hours) as median,
      percentile_cont(0.9) within group (order by hours) as p90
    from (
      select extract(epoch from (d.at - c.opened_at)) / 3600.0 as hours
      from after_sales_cases c
      cross join lateral (
        select min(e.at) as at from after_sales_case_events e
        where e.case_id = c.id and e.to_state in ('resolved', 'declined')
      ) d
      where ${inRange(sql`c.opened_at`, f)} ${categoryOf(sql`c`, f)}
        and c.state in ('resolved', 'declined', 'closed') and d.at is not null
    ) t`;
}

function costRows(f: Filter, partPrices: { screen: number; battery: number; motherboard: number }) {
  // Sales of one category are the goods of its lines: `lineRows` adds them up in its pass over the lines.
  const sales =
    f.category === null
      ? [
          sql`select ${monthOf(sql`o.placed_at`)}, 'sales', sum(o.total_cents)
            from orders o where ${PAID_ORDER} and ${inRange(sql`o.placed_at`, f)} group by 1`,
        ]
      : [];
  const codeLine =
    f.category === null
      ? sql``
      : sql`join after_sales_cases c on c.id = k.source_case_id ${categoryOf(sql`c`, f)}`;
  return sql`
    select ${monthText(sql`m`)} as month, field, cents from (
    ${sql.join([...sales, sql``], sql` union all `)}
    select ${monthOf(sql`r.succeeded_at`)},
      case when cr.kind = 'return_shipping' then 'returnShipping' else 'refunds' end, sum(r.amount_cents)
    from case_remedies cr
    join refunds r on r.id = cr.refund_id
    join after_sales_cases c on c.id = cr.case_id ${categoryOf(sql`c`, f)}
    where cr.kind in ('refund', 'return_shipping') and r.status = 'succeeded' and ${inRange(sql`r.succeeded_at`, f)}
    group by 1, 2
    union all
    select ${monthOf(sql`k.issued_at`)},
      case when k.clause = 'AS-INC-2' then 'vouchersIssued' else 'couponsIssued' end, sum(k.value_cents)
    from coupons k ${codeLine}
    where k.source_case_id is not null and ${inRange(sql`k.issued_at`, f)}
    group by 1, 2
    union all
    select ${monthOf(sql`k.redeemed_at`)},
      case when k.clause = 'AS-INC-2' then 'vouchersRedeemed' else 'couponsRedeemed' end,
      sum(k.redeemed_discount_cents)
    from coupons k ${codeLine}
    where k.source_case_id is not null and ${inRange(sql`k.redeemed_at`, f)}
    group by 1, 2
    union all
    select ${monthOf(sql`d.at`)}, 'parts', sum(p.cents)
    from after_sales_cases c
    cross join lateral (
      -- The first decision of a case resolved by a repair is its resolution (declined is final).
      select min(e.at) as at from after_sales_case_events e
      where e.case_id = c.id and e.to_state in ('resolved', 'declined')
    ) d
    cross join lateral (
      select coalesce(sum(case part
        when 'screen' then ${partPrices.screen}::int
        when 'battery' then ${partPrices.battery}::int
        when 'motherboard' then ${partPrices.motherboard}::int
        else 0 end), 0) as cents
      from jsonb_array_elements_text(coalesce(c.inspection -> 'components', '[]'::jsonb)) as part
    ) p
    where c.resolution = 'repair' and c.assessment ->> 'partsPayer' = 'shop' and c.inspection is not null
      and c.state in ('resolved', 'closed') and ${inRange(sql`d.at`, f)}
      -- Resolved in the range means opened before its end: the index on opened_at narrows the cases read.
      and c.opened_at < ${f.end}::timestamptz ${categoryOf(sql`c`, f)}
    group by 1
    ) as by_month (m, field, cents)`;
}

/**
 * The units sold per product (lines of the range's sales: one hash join of those orders with the lines), the
 * claims per product (cases opened in the range and declined submissions, by the product each copied from its line); the
 * TOP_PRODUCTS products (rows `product`: key = id, a = sold, b = claims) and, with a category, its sales per
 * month from the same lines (rows `sales`: key = month, a = goods in cents).
 */
function lineRows(f: Filter) {
  return sql`
    with sold as (
      select l.product_id, ${monthOf(sql`o.placed_at`)} as m, l.quantity as units,
        l.unit_price_cents::bigint * l.quantity as goods
      from orders o join order_lines l on l.order_id = o.id ${categoryOf(sql`l`, f)}
      -- A line's ordered_at is its order's placed_at: the range on both reads only the range's lines.
      where ${PAID_ORDER} and ${inRange(sql`o.placed_at`, f)} and ${inRange(sql`l.ordered_at`, f)}
    ), per_product as (
      select product_id, sum(sold) as sold, sum(claims) as claims from (
        select product_id, sum(units) as sold, 0 as claims from sold group by 1
        union all
        select c.product_id, 0, count(*)
        from after_sales_cases c
        where ${inRange(sql`c.opened_at`, f)} ${categoryOf(sql`c`, f)}
        group by 1
        union all
        select d.product_id, 0, count(*)
        from declined_claims d
        where ${inRange(sql`d.declined_at`, f)} ${categoryOf(sql`d`, f)}
        group by 1
      ) both_kinds
      group by 1
    )
    select * from (
      select 'product' as row, p.id::text as key, p.name, p.category::text as category,
        t.sold::int as a, t.claims::int as b
      from per_product t join products p on p.id = t.product_id
      where t.sold > 0 and t.claims > 0
      order by t.claims::float8 / t.sold desc, t.claims desc, p.name, p.id
      limit ${TOP_PRODUCTS}
    ) top_products
    ${
      f.category === null
        ? sql``
        : sql`union all
    select 'sales', ${monthText(sql`m`)}, null, null, sum(goods), null from sold group by m`
    }`;
}

/**
 * The declined submissions' count (the first row, clause null), then each clause with its declined claims:
 * the cases of the range now `declined` (through the state index: only those rows are read) and the
 * submissions. The cases' own counts come from `caseCounts`.
 */
function declinedRows(f: Filter) {
  return sql`
    with submissions as (
      select d.clauses from declined_claims d where ${inRange(sql`d.declined_at`, f)} ${categoryOf(sql`d`, f)}
    ), declined_cases as (
      select c.assessment from after_sales_cases c
      where c.state = 'declined' and ${inRange(sql`c.opened_at`, f)} ${categoryOf(sql`c`, f)}
    )
    select null::text as clause, count(*)::int as count from submissions
    union all
    select * from (
      select clause, count(*)::int from (
        select x.clause
        from declined_cases c
        cross join lateral (
          select distinct r ->> 'clause' as clause from jsonb_array_elements(c.assessment -> 'reasons') r
        ) x
        where (c.assessment ->> 'eligible')::boolean = false
        union all
        select ${OVERRIDE_CLAUSE}::text from declined_cases c where (c.assessment ->> 'eligible')::boolean = true
        union all
        select unnest(s.clauses) from submissions s
      ) each_clause
      group by 1
      order by 2 desc, 1
    ) by_clause`;
}

const sum = (rows: ReadonlyArray<{ count: number }>) => rows.reduce((total, r) => total + r.count, 0);

const emptyCosts = (): CostFields => ({
  salesCents: 0,
  refundsCents: 0,
  couponsIssuedCents: 0,
  couponsRedeemedCents: 0,
  vouchersIssuedCents: 0,
  vouchersRedeemedCents: 0,
  returnShippingCents: 0,
  partsCents: 0,
  totalCents: 0,
});

/** refunds + return shipping + codes redeemed + parts: what left the shop (issued codes count when spent). */
function withTotal(c: CostFields): CostFields {
  return {
    ...c,
    totalCents:
      c.refundsCents +
      c.returnShippingCents +
      c.couponsRedeemedCents +
      c.vouchersRedeemedCents +
      c.partsCents,
  };
}

/**
 * The numbers for `query` (range defaults and checks: `numbersRange`), as `numbersResponse` describes them.
 * Five queries, run at once on the pool. Errors: ValidationError (400) naming `to` or `from` for a bad range.
 */
export async function afterSalesNumbers(ctx: NumbersCtx, query: NumbersQuery): Promise<NumbersResponse> {
  const range: NumbersRange = numbersRange(query, ctx.clock.now());
  const f: Filter = {
    start: range.start.toISOString(),
    end: range.end.toISOString(),
    category: query.category ?? null,
  };
  const db = ctx.database;
  const [cases, [times], costs, lines, declined] = await Promise.all([
    db.rows<{ month: string; kind: ClaimKind; state: CaseState; resolution: string | null; count: number }>(
      caseCounts(f),
    ),
    db.rows<{ resolved: number; median: number | string | null; p90: number | string | null }>(
      resolutionTimes(f),
    ),
    db.rows<{ month: string; field: string; cents: number | string }>(
      costRows(f, {
        screen: ctx.config.PARTS_COST_SCREEN_CENTS,
        battery: ctx.config.PARTS_COST_BATTERY_CENTS,
        motherboard: ctx.config.PARTS_COST_MOTHERBOARD_CENTS,
      }),
    ),
    db.rows<{
      row: 'product' | 'sales';
      key: string;
      name: string | null;
      category: Category | null;
      a: number | string;
      b: number | null;
    }>(lineRows(f)),
    db.rows<{ clause: string | null; count: number }>(declinedRows(f)),
  ]);

  const byMonth = new Map(range.months.map((m) => [m, emptyCosts()]));
  for (const row of lines) {
    const month = row.row === 'sales' ? byMonth.get(row.key) : undefined;
    if (month) month.salesCents += Number(row.a);
  }
  const products = lines.flatMap((row) =>
    row.row === 'product'
      ? [
          {
            productId: row.key,
            name: row.name as string,
            category: row.category as Category,
            sold: Number(row.a),
            claims: Number(row.b),
          },
        ]
      : [],
  );
  for (const row of costs) {
    const month = byMonth.get(row.month);
    const key = `${row.field}Cents` as keyof CostFields;
    if (month) month[key] += Number(row.cents);
  }
  const monthly = range.months.map((month) => ({ month, ...withTotal(byMonth.get(month) ?? emptyCosts()) }));
  const summed = emptyCosts();
  for (const m of monthly) {
    for (const key of Object.keys(summed) as Array<keyof CostFields>) summed[key] += m[key];
  }

  const [submissions, ...clauses] = declined;
  const submitted = submissions?.count ?? 0;
  const declinedCount = submitted + sum(cases.filter((c) => c.state === 'declined'));
  const hours = (v: number | string | null | undefined) => (v === null || v === undefined ? null : Number(v));
  return {
    from: range.from,
    to: range.to,
    category: f.category,
    months: range.months,
    cases,
    resolutionTime: {
      resolved: times?.resolved ?? 0,
      medianHours: roundHours(hours(times?.median)),
      p90Hours: roundHours(hours(times?.p90)),
    },
    costs: monthly,
    totals: { ...summed, costShareOfSales: share(summed.totalCents, summed.salesCents) },
    products: products.map((p) => ({
      ...p,
      claimsPer100Sold: share(p.claims * 100, p.sold, 2) ?? 0,
    })),
    declined: {
      claims: submitted + sum(cases),
      declined: declinedCount,
      // Only the first row (the submissions' count) has no clause.
      byClause: (clauses as Array<{ clause: string; count: number }>).map((c) => ({
        clause: c.clause,
        count: c.count,
        share: share(c.count, declinedCount) ?? 0,
      })),
    },
  };
}
