/**
 * The owner's after-sales numbers on the wire (issue 11 point 4): the filters in, the aggregates out. Every
 * amount is integer cents (USD), every month `YYYY-MM` (UTC), every range `from`…`to` inclusive calendar
 * dates in UTC. What each figure counts is defined in `after-sales-numbers.service.ts`.
 */
import { z } from 'zod';
import { productCategorySchema } from '../../catalog/schemas.ts';
import { LAST_RANGE_DAY } from '../../shared/http-schemas.ts';
import { caseStates } from '../cases/case-lifecycle.ts';
import { claimKinds } from '../claim.schema.ts';

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A calendar date `YYYY-MM-DD` that exists (2026-02-30 is refused), from 1970-01-01 to `LAST_RANGE_DAY` (the
 * day after the last day of a range is where its instants end, and it must fit the database).
 */
export const calendarDateSchema = z
  .string()
  .regex(DATE_PATTERN, 'must be a date as YYYY-MM-DD')
  .refine((value) => {
    const year = Number(value.slice(0, 4));
    const at = new Date(`${value}T00:00:00Z`);
    return (
      year >= 1970 &&
      value <= LAST_RANGE_DAY &&
      !Number.isNaN(at.getTime()) &&
      at.toISOString().slice(0, 10) === value
    );
  }, `must be a real date between 1970-01-01 and ${LAST_RANGE_DAY}`);

/** The tables the CSV export writes, one per request. */
export const numbersTables = ['cases', 'costs', 'products', 'declined'] as const;
export type NumbersTable = (typeof numbersTables)[number];

/**
 * `from`/`to` default to the 12 whole months up to today; `to` before `from` is a 400 naming `to`, a range
 * longer than 5 years a 400 naming `from` (checked after the defaults are applied, in `numbers.rules.ts`).
 */
export const numbersQuery = z.strictObject({
  from: calendarDateSchema.optional(),
  to: calendarDateSchema.optional(),
  /** Only order lines (sales, claims, costs) of products of this category. */
  category: productCategorySchema.optional(),
});
export type NumbersQuery = z.output<typeof numbersQuery>;

export const numbersCsvQuery = numbersQuery.extend({ table: z.enum(numbersTables) });
export type NumbersCsvQuery = z.output<typeof numbersCsvQuery>;

const cents = z.number().int();
const count = z.number().int().nonnegative();
const month = z.string().regex(/^\d{4}-\d{2}$/);

/** The money of after-sales, per month or over the range, in integer cents. */
export const costFieldsSchema = z.object({
  salesCents: cents,
  refundsCents: cents,
  couponsIssuedCents: cents,
  couponsRedeemedCents: cents,
  vouchersIssuedCents: cents,
  vouchersRedeemedCents: cents,
  returnShippingCents: cents,
  partsCents: cents,
  /** refunds + return shipping + coupons and vouchers redeemed + parts: what left the shop (issued codes count when spent). */
  totalCents: cents,
});
export type CostFields = z.infer<typeof costFieldsSchema>;

export const numbersResponse = z.object({
  from: z.string(),
  to: z.string(),
  category: productCategorySchema.nullable(),
  /** Every month of the range, oldest first, present even when nothing happened in it. */
  months: z.array(month),
  /**
   * Cases grouped by the month they were opened, their kind, their state now and their resolution; ordered by
   * month, then kind and state in their declared order (claimKinds, caseStates), then resolution.
   */
  cases: z.array(
    z.object({
      month,
      kind: z.enum(claimKinds),
      state: z.enum(caseStates),
      resolution: z.string().nullable(),
      count,
    }),
  ),
  /** Hours from opening to resolution of the cases opened in the range that have been resolved. */
  resolutionTime: z.object({
    resolved: count,
    medianHours: z.number().nullable(),
    p90Hours: z.number().nullable(),
  }),
  costs: z.array(costFieldsSchema.extend({ month })),
  totals: costFieldsSchema.extend({
    /** totalCents / salesCents, 0..1 rounded to 4 decimals; null without sales. */
    costShareOfSales: z.number().nullable(),
  }),
  /** The 10 products with the most claims per 100 units sold in the range (sold > 0), most first. */
  products: z.array(
    z.object({
      productId: z.uuid(),
      name: z.string(),
      category: productCategorySchema,
      sold: count,
      claims: count,
      claimsPer100Sold: z.number(),
    }),
  ),
  /** Claims declined (cases ended `declined`, submissions refused with a 422), by the engine's clause. */
  declined: z.object({
    claims: count,
    declined: count,
    /**
     * Each declined claim once under each clause of the engine's reasons (`override`: staff declined what the
     * engine accepted), most first; share = count / declined, 4 decimals.
     */
    byClause: z.array(z.object({ clause: z.string(), count, share: z.number() })),
  }),
});
export type NumbersResponse = z.infer<typeof numbersResponse>;
