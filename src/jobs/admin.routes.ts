/** The back office's job log (`/admin/jobs`): every run of every background job, its counts or its error. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { rolesOnlyRecorded } from '../privacy/staff-access/owner-only.ts';
import { errorResponses } from '../shared/http-schemas.ts';
import { latestJobRuns } from './job-runs.ts';
import { jobLogRoles } from './roles.ts';

const jobRunSchema = z.object({
  id: z.string(),
  job: z.string(),
  status: z.enum(['running', 'done', 'failed', 'skipped']),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
  result: z.unknown(),
  error: z.string().nullable(),
});

export const jobAdminRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/jobs/runs',
    {
      onRequest: rolesOnlyRecorded(ctx, 'job_log', jobLogRoles),
      schema: {
        tags: ['admin: jobs'],
        security: [{ staffSession: [] }],
        summary: 'The latest runs of the background jobs, newest first, with their counts (owner)',
        querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
        response: { 200: z.object({ runs: z.array(jobRunSchema) }), ...errorResponses },
      },
    },
    async (request) => {
      const runs = await latestJobRuns(ctx, request.query.limit);
      return {
        runs: runs.map((r) => ({
          ...r,
          startedAt: r.startedAt.toISOString(),
          finishedAt: r.finishedAt?.toISOString() ?? null,
        })),
      };
    },
  );
};
