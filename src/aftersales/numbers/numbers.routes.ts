/**
 * The owner's after-sales numbers under /api/admin (issue 11 point 4): the aggregates as JSON for the page,
 * and each table as CSV. Owner only (other staff 403; the back-office guard answers 401 without a session);
 * every answer is `cache-control: no-store` (the admin subtree's hook).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { ownerOnlyRecorded } from '../../privacy/staff-access/owner-only.ts';
import { errorResponses } from '../../shared/http-schemas.ts';
import { afterSalesNumbers } from './after-sales-numbers.service.ts';
import { numbersCsvQuery, numbersQuery, numbersResponse } from './numbers.schemas.ts';
import { numbersCsv, numbersCsvFilename } from './numbers-csv.ts';

export const afterSalesNumbersRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['admin: after-sales'];
  const security = [{ staffSession: [] }];

  app.get(
    '/after-sales/numbers',
    {
      onRequest: ownerOnlyRecorded(ctx, 'after_sales_numbers'),
      schema: {
        tags,
        security,
        summary:
          "The owner's after-sales numbers for a date range (default: the 12 months up to today) and category: cases by month, kind, state and outcome; time to resolution; the cost against sales; the products with the most claims per 100 sold; the claims declined by clause",
        querystring: numbersQuery,
        response: { 200: numbersResponse, ...errorResponses },
      },
    },
    async (request) => afterSalesNumbers(ctx, request.query),
  );

  app.get(
    '/after-sales/numbers.csv',
    {
      onRequest: ownerOnlyRecorded(ctx, 'after_sales_numbers'),
      schema: {
        tags,
        security,
        summary:
          'One table of the after-sales numbers (cases, costs, products or declined) as CSV, money in dollars with two decimals',
        querystring: numbersCsvQuery,
        response: { 200: z.string(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { table, ...filters } = request.query;
      const numbers = await afterSalesNumbers(ctx, filters);
      return reply
        .type('text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="${numbersCsvFilename(table, numbers.from, numbers.to)}"`,
        )
        .send(numbersCsv(numbers, table));
    },
  );
};
