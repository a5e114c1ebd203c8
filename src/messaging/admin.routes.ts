import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { staffOf } from '../accounts/guard.ts';
import type { AppContext } from '../context.ts';
import { recordStaffAccess } from '../privacy/staff-access/record-access.ts';
import { seesEveryone } from '../privacy/staff-access/visibility.rules.ts';
import { viewerOf } from '../privacy/staff-access/visibility.ts';
import { AppError } from '../shared/errors.ts';
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

/**
 * PV-STF-1: the outbox holds every customer's address and the texts sent to them, with no one member handling
 * all of them: only the owner and a technician under an 'all' maintenance grant read it (403 for the others,
 * who see a customer's emails on the order they handle). Each email shown is one audit row.
 */
async function mailReader(ctx: AppContext, request: FastifyRequest) {
  const staff = staffOf(request);
  const allowed = seesEveryone(await viewerOf(ctx.db, staff, ctx.clock.now()));
  if (!allowed) {
    // A refusal is a row of the staff access log too (PV-STF-1), written before the 403.
    await recordStaffAccess(ctx.db, staff, ctx.clock.now(), [
      { outcome: 'refused', recordType: 'mail', recordId: null, customerId: null, fields: [] },
    ]);
    throw new AppError(
      'forbidden',
      'The mail outbox holds every customer’s emails: the owner reads it (a customer’s emails show on the order you handle)',
      { clause: 'PV-STF-1' },
    );
  }
  return {
    record: (mails: ReadonlyArray<{ id: string }>, fields: string[]) =>
      recordStaffAccess(
        ctx.db,
        staff,
        ctx.clock.now(),
        mails.map((m) => ({
          outcome: 'read' as const,
          recordType: 'mail' as const,
          recordId: m.id,
          customerId: null,
          fields,
          purpose: allowed.purpose,
          grantId: allowed.grantId,
        })),
      ),
  };
}

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
    async (request) => {
      const reader = await mailReader(ctx, request);
      const page = await listOutbox(ctx.db, request.query);
      // Newsletter mail shows no personal data (PV-USE-2): nothing of it to log.
      await reader.record(
        page.items.filter((m) => !m.recipientHidden),
        ['email'],
      );
      return page;
    },
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
    async (request) => {
      const reader = await mailReader(ctx, request);
      const mail = await getOutboxMail(ctx.db, request.params.id);
      await reader.record([mail], mail.recipientHidden ? [] : ['email', 'messages']);
      return mail;
    },
  );

  app.post(
    '/mail/retry',
    {
      // Who may touch the outbox is asked before the body is: a member refused learns nothing of what it takes.
      onRequest: async (request) => {
        await mailReader(ctx, request);
      },
      schema: {
        tags: ['admin: mail'],
        summary: 'Queue failed emails again',
        body: mailRetryBodySchema,
        response: { 200: z.object({ requeued: z.number().int() }), ...errorResponses },
      },
    },
    async (request) => {
      return { requeued: await retryFailedMail(ctx, request.body.ids) };
    },
  );
};
