/**
 * The customer's data rights over HTTP, under /api/account (PV-RGT-1, PV-ACC-4): download everything, see
 * what deleting the account stops, delete it. Every answer is personal: no-store.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { customerCookieName, customerOf, requestMeta, requireCustomer } from '../accounts/customers/guard.ts';
import { passwordInput } from '../accounts/customers/schemas.ts';
import type { AppContext } from '../context.ts';
import { errorResponses } from '../shared/http-schemas.ts';
import { noStore } from '../shared/no-store.ts';
import { deleteOwnAccount, deletionPreview, exportCustomerData } from './customer-data.service.ts';

const TAGS = ['account'];

const deletionItem = z.object({
  kind: z.enum(['order', 'case']),
  reference: z.string(),
  effect: z.string(),
});

/** The export's file name: the shop's day, no personal data (the name and email are inside). */
export function exportFileName(now: Date): string {
  return `my-data-${now.toISOString().slice(0, 10)}.json`;
}

export const dataRightsRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.addHook('onRequest', noStore);
  const guard = requireCustomer(ctx);
  const cookie = customerCookieName(ctx.config);
  const secure = ctx.config.COOKIE_SECURE ?? true;

  app.get(
    '/account/export',
    {
      schema: {
        tags: TAGS,
        summary:
          'PV-RGT-1: download everything the shop holds about the signed-in customer, as a JSON file (evidence listed, not its bytes)',
        response: { 200: z.record(z.string(), z.unknown()), ...errorResponses },
      },
      onRequest: guard,
      // Each download reads every table about the customer: a few an hour per address is plenty.
      config: { rateLimit: { max: ctx.config.DATA_EXPORTS_PER_HOUR, timeWindow: '1 hour' } },
    },
    async (request, reply) => {
      const data = await exportCustomerData(ctx, customerOf(request));
      reply.header('content-disposition', `attachment; filename="${exportFileName(ctx.clock.now())}"`);
      return data;
    },
  );

  app.get(
    '/account/deletion',
    {
      schema: {
        tags: TAGS,
        summary:
          'PV-RGT-1: what deleting the account would stop (open cases, orders on their way) and what must finish first',
        response: {
          200: z.object({ stops: z.array(deletionItem), blockers: z.array(deletionItem) }),
          ...errorResponses,
        },
      },
      onRequest: guard,
    },
    async (request) => deletionPreview(ctx, customerOf(request)),
  );

  app.post(
    '/account/deletion',
    {
      schema: {
        tags: TAGS,
        summary:
          'PV-ACC-4: delete the account with its password: personal data removed, accounting kept anonymised, signed out, a confirmation emailed',
        body: z.strictObject({ password: passwordInput }),
        response: { 204: z.null(), ...errorResponses },
      },
      onRequest: guard,
      config: { rateLimit: { max: ctx.config.CUSTOMER_AUTH_PER_MINUTE, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      await deleteOwnAccount(ctx, customerOf(request), request.body.password, requestMeta(request));
      reply.clearCookie(cookie, { path: '/', secure });
      return reply.status(204).send(null);
    },
  );
};
