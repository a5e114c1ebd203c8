/**
 * The policy playground's API under /api/admin (issue 11 point 3): every signed-in staff member may try a
 * claim; the back-office guard answers 401 without a session, the same-origin check refuses cross-site posts,
 * and every answer is `cache-control: no-store`. Nothing is stored.
 */

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { staffOf } from '../../accounts/guard.ts';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../shared/http-schemas.ts';
import { assessInPlayground } from './assess-in-playground.service.ts';
import { claimsOfOrder } from './claims-of-order.service.ts';
import {
  playgroundAssessBody,
  playgroundAssessResponse,
  playgroundFromOrderQuery,
  playgroundFromOrderResponse,
} from './schemas.ts';

export const policyPlaygroundRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['admin: after-sales'];
  const security = [{ staffSession: [] }];

  app.post(
    '/policy/assess',
    {
      bodyLimit: 16 * 1024,
      schema: {
        tags,
        security,
        summary:
          'The policy playground: assessClaim for a hypothetical claim under one or two policy versions (default: the live one), with the reasons in words and as reply text; stores nothing',
        body: playgroundAssessBody,
        response: { 200: playgroundAssessResponse, ...errorResponses },
      },
    },
    async (request) => assessInPlayground(ctx.db, request.body.claim, request.body.versions),
  );

  app.get(
    '/policy/assess/from-order',
    {
      schema: {
        tags,
        security,
        summary:
          "The playground's claim for each line of an order (by reference), built from the order's records as a customer's claim would be now",
        querystring: playgroundFromOrderQuery,
        response: { 200: playgroundFromOrderResponse, ...errorResponses },
      },
    },
    async (request) => claimsOfOrder(ctx, request.query.reference, request.query.kind, staffOf(request)),
  );
};
