import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { errorResponses } from '../shared/http-schemas.ts';
import { retryFailedMail } from './dispatcher.ts';
import { getOutboxMail, listOutbox, mailQueueCounts } from './outbox.service.ts';
import {
  mailDetailSchema,
  mailListQuerySchema,
  mailListSchema,
  mailQueueSchema,
  mailRetryBodySchema,
} from './schemas.ts';

/** The mail outbox in the back office: every email the shop sent or would send. */
export const mailAdminRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/mail',
    {
      schema: {
        tags: ['admin: mail'],
        summary: 'The mail outbox, newest first',
        querystring: mailListQuerySchema,
        response: { 200: mailListSchema, ...errorResponses },
      },
    },
    async (request) => listOutbox(ctx.db, request.query),
  );

  app.get(
    '/mail/queue',
    {
      schema: {
        tags: ['admin: mail'],
        summary: 'Whether emails are sent over SMTP or only kept in the outbox, and how many wait or failed',
        response: { 200: mailQueueSchema, ...errorResponses },
      },
    },
    async () => {
      const counts = await mailQueueCounts(ctx.db);
      return { delivery: ctx.config.SMTP_URL ? ('smtp' as const) : ('outbox' as const), ...counts };
    },
  );

  app.get(
    '/mail/:id',
    {
      schema: {
        tags: ['admin: mail'],
        summary: 'One email with its text and HTML bodies',
        params: z.object({ id: z.uuid() }),
        response: { 200: mailDetailSchema, ...errorResponses },
      },
    },
    async (request) => getOutboxMail(ctx.db, request.params.id),
  );

  app.post(
    '/mail/retry',
    {
      schema: {
        tags: ['admin: mail'],
        summary: 'Queue failed emails again',
        body: mailRetryBodySchema,
        response: { 200: z.object({ requeued: z.number().int() }), ...errorResponses },
      },
    },
    async (request) => ({ requeued: await retryFailedMail(ctx, request.body.ids) }),
  );
};
