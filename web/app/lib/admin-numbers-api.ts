/**
 * The back office's client for the owner's after-sales numbers (issue 11 point 4): cases, time to resolution,
 * costs against sales, the products claimed most and the clauses that declined claims, over a range of
 * calendar dates (UTC) and optionally one product category. Types come from the zod schemas the server
 * validates and answers with (src/aftersales/numbers/numbers.schemas.ts).
 */
import type { z } from 'zod';
import type {
  NumbersResponse,
  NumbersTable,
  numbersQuery,
} from '../../../src/aftersales/numbers/numbers.schemas.ts';
import { request, withQuery } from './admin-api.ts';

export type { NumbersResponse, NumbersTable };
/** The filters as the page sends them: `YYYY-MM-DD` dates and a product category, each optional. */
export type NumbersFilters = z.input<typeof numbersQuery>;
export type NumbersCaseRow = NumbersResponse['cases'][number];
export type NumbersCostRow = NumbersResponse['costs'][number];
export type NumbersProductRow = NumbersResponse['products'][number];

const NUMBERS_PATH = '/api/admin/after-sales/numbers';

/**
 * The figures of the range. Owner only (403 for other staff); a missing `from`/`to` is the last 12 whole
 * months; 400 names `to` when it is before `from`, or the date field that is not a real date.
 */
export function getNumbers(filters: NumbersFilters): Promise<NumbersResponse> {
  return request('GET', withQuery(NUMBERS_PATH, filters));
}

/** The address of one table as a CSV download, with the same filters as the figures on screen. */
export function numbersCsvPath(filters: NumbersFilters, table: NumbersTable): string {
  return withQuery(`${NUMBERS_PATH}.csv`, { ...filters, table });
}

export const numbersKeys = {
  all: ['numbers'] as const,
  range: (filters: NumbersFilters) =>
    ['numbers', filters.from ?? '', filters.to ?? '', filters.category ?? ''] as const,
};
