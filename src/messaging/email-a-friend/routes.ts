/** Email-a-friend over HTTP (PV-COL-2): POST /api/products/:slug/email-a-friend. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { sensitiveRouteLimit } from '../../orders/rate-limits.ts';
import { errorResponses } from '../../shared/http-schemas.ts';
import { noStore } from '../../shared/no-store.ts';
import { text } from '../../shared/text.ts';
import { emailAFriendBody } from './schemas.ts';
import { emailAFriend } from './send-to-friend.ts';

export const emailAFriendRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.addHook('onRequest', noStore);
  app.post(
    '/products/:slug/email-a-friend',
    {
      bodyLimit: 2 * 1024,
      // Every request sends an email to an address the sender chooses: the tightest of the public limits.
      config: { rateLimit: sensitiveRouteLimit(ctx.config, 60) },
      schema: {
        tags: ['catalog'],
        summary:
          'PV-COL-2: send one email about this product to a friend; their name and address are used for that email only and not kept',
        params: z.object({ slug: text().max(200) }),
        body: emailAFriendBody,
        response: { 202: z.object({ sent: z.literal(true) }), ...errorResponses },
      },
    },
    async (request, reply) => {
      await emailAFriend(ctx, request.params.slug, request.body);
      return reply.code(202).send({ sent: true });
    },
  );
};
