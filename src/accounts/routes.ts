import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { errorResponses } from '../shared/http-schemas.ts';
import { noStore } from '../shared/no-store.ts';
import { requireStaff, staffCookieName, staffOf } from './guard.ts';
import { STAFF_SESSION_HOURS, signIn, signOut } from './staff.service.ts';

const staffSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: z.enum(['owner', 'customer_service', 'technician']),
});

export const staffRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  // Answers carry personal data (cart, order, session, card token): never stored by any cache.
  app.addHook('onRequest', noStore);
  const secure = ctx.config.COOKIE_SECURE ?? true;
  const cookie = staffCookieName(ctx.config);

  app.post(
    '/staff/session',
    {
      schema: {
        tags: ['staff'],
        summary: 'Staff sign-in: sets the HttpOnly session cookie',
        body: z.strictObject({ email: z.email().max(254), password: z.string().min(1).max(256) }),
        response: { 200: z.object({ staff: staffSchema, expiresAt: z.iso.datetime() }), ...errorResponses },
      },
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const { token, staff, expiresAt } = await signIn(ctx, request.body.email, request.body.password);
      reply.setCookie(cookie, token, {
        httpOnly: true,
        secure,
        sameSite: 'lax',
        path: '/',
        maxAge: STAFF_SESSION_HOURS * 3600,
      });
      const { sessionId: _, ...visible } = staff;
      return { staff: visible, expiresAt: expiresAt.toISOString() };
    },
  );

  app.get(
    '/staff/session',
    {
      schema: {
        tags: ['staff'],
        summary: 'The signed-in staff member',
        response: { 200: z.object({ staff: staffSchema }), ...errorResponses },
      },
      onRequest: requireStaff(ctx),
    },
    async (request) => {
      const { sessionId: _, ...visible } = staffOf(request);
      return { staff: visible };
    },
  );

  app.delete(
    '/staff/session',
    {
      schema: {
        tags: ['staff'],
        summary: 'Sign out: revokes the session',
        response: { 204: z.null(), ...errorResponses },
      },
      onRequest: requireStaff(ctx),
    },
    async (request, reply) => {
      await signOut(ctx, staffOf(request).sessionId);
      reply.clearCookie(cookie, { path: '/', secure });
      return reply.status(204).send(null);
    },
  );
};
