import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.ts';
import { errorResponses } from '../shared/http-schemas.ts';
import { noStore } from '../shared/no-store.ts';
import { lookupOrder, orderByLink } from './order-lookup.service.ts';
import { sensitiveRouteLimit } from './rate-limits.ts';
import { linkParams, lookupBody, orderResponse } from './schemas.ts';

export const orderRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  // Answers carry personal data (cart, order, session, card token): never stored by any cache.
  app.addHook('onRequest', noStore);
  app.post(
    '/orders/lookup',
    {
      bodyLimit: 4 * 1024,
      // Guessing references for a known email is slowed down; the answer never says which half was wrong.
      config: { rateLimit: sensitiveRouteLimit(ctx.config, 30) },
      schema: {
        tags: ['orders'],
        summary:
          'A guest finds an order by reference and email (in the body: personal data stays out of URLs)',
        body: lookupBody,
        response: { 200: orderResponse, ...errorResponses },
      },
    },
    async (request) => ({ order: await lookupOrder(ctx, request.body.reference, request.body.email) }),
  );

  app.get(
    '/orders/by-link/:token',
    {
      schema: {
        tags: ['orders'],
        summary: 'The order behind the signed link sent in the order emails',
        params: linkParams,
        response: { 200: orderResponse, ...errorResponses },
      },
    },
    async (request) => ({ order: await orderByLink(ctx, request.params.token) }),
  );
};
