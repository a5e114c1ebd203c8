import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { errorResponses } from '../shared/http-schemas.ts';
import { retryFailedMail } from './dispatcher.ts';
import { getOutboxMail, listOutbox } from './outbox.service.ts';

const status = z.enum(['pending', 'sent', 'failed']);
const summary = z.object({
  id: z.uuid(),
  template: z.string(),
  toAddress: z.string(),
  subject: z.string(),
  orderId: z.uuid().nullable(),
  status,
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.date(),
  sentAt: z.date().nullable(),
});

/** The mail outbox in the back office: every email the shop sent or would send. */
export const mailAdminRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/mail',
    {
      schema: {
        tags: ['admin: mail'],
        summary: 'The mail outbox, newest first',
        querystring: z.strictObject({
          status: status.optional(),
          q: z.string().trim().min(1).max(100).optional(),
          orderId: z.uuid().optional(),
          cursor: z.string().max(200).optional(),
          limit: z.coerce.number().int().min(1).max(100).default(25),
        }),
        response: {
          200: z.object({ items: z.array(summary), nextCursor: z.string().nullable() }),
          ...errorResponses,
        },
      },
    },
    async (request) => listOutbox(ctx.db, request.query),
  );

  app.get(
    '/mail/:id',
    {
      schema: {
        tags: ['admin: mail'],
        summary: 'One email with its text and HTML bodies',
        params: z.object({ id: z.uuid() }),
        response: {
          200: summary.extend({ textBody: z.string(), htmlBody: z.string() }),
          ...errorResponses,
        },
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
        body: z.strictObject({ ids: z.array(z.uuid()).min(1).max(100) }),
        response: { 200: z.object({ requeued: z.number().int() }), ...errorResponses },
      },
    },
    async (request) => ({ requeued: await retryFailedMail(ctx, request.body.ids) }),
  );
};
