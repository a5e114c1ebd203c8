import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { mailQueueCounts } from '../messaging/outbox.service.ts';

const healthSchema = z.object({
  status: z.literal('ok'),
  database: z.object({
    kind: z.enum(['pglite', 'postgres']),
    migrations: z.object({ applied: z.number().int(), latest: z.string().nullable() }),
  }),
  queue: z.object({
    mailPending: z.number().int(),
    mailFailed: z.number().int(),
    delivery: z.enum(['smtp', 'outbox']),
  }),
  uptimeSeconds: z.number(),
});

export const systemRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/health',
    {
      schema: {
        tags: ['system'],
        summary: 'Liveness and readiness: database, migration level, mail queue',
        response: { 200: healthSchema },
      },
    },
    async () => {
      const [migrations, mail] = await Promise.all([ctx.database.migrationLevel(), mailQueueCounts(ctx.db)]);
      return {
        status: 'ok' as const,
        database: { kind: ctx.database.kind, migrations },
        queue: {
          mailPending: mail.pending,
          mailFailed: mail.failed,
          delivery: ctx.config.SMTP_URL ? ('smtp' as const) : ('outbox' as const),
        },
        uptimeSeconds: Math.round(process.uptime()),
      };
    },
  );
};
