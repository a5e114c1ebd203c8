import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.ts';

export const catalogAdminRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (
  _app,
  { ctx: _ctx },
) => {};
