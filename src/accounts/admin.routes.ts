import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { getShopSettings } from '../settings/shop.ts';
import { errorResponses } from '../shared/http-schemas.ts';
import { staffOf } from './guard.ts';
import { STAFF_PASSWORD_MAX } from './passwords.ts';
import { changeStaffPassword } from './staff.service.ts';

/** The signed-in member's own account, under the back-office guard (/api/admin). */
export const accountAdminRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.post(
    '/account/password',
    {
      schema: {
        tags: ['admin: account'],
        summary:
          'Change your password: the current one is required; every other session of yours ends, this one stays',
        body: z.strictObject({
          currentPassword: z.string().min(1).max(STAFF_PASSWORD_MAX),
          // Strength is judged by the service, with a message meant for the person choosing it.
          newPassword: z.string().min(1).max(STAFF_PASSWORD_MAX),
        }),
        response: { 200: z.object({ sessionsEnded: z.number().int() }), ...errorResponses },
      },
      // Guessing the current password from a stolen session: 10 tries per member (not per address) in 15
      // minutes, enough for a person trying a few new passwords. The guard has run, so the member is known.
      config: {
        rateLimit: {
          max: 10,
          timeWindow: '15 minutes',
          keyGenerator: (request) => `staff:${request.staff?.id ?? request.ip}`,
        },
      },
    },
    async (request) => {
      const { name } = await getShopSettings(ctx.db);
      return changeStaffPassword(ctx, staffOf(request), { ...request.body, shopName: name });
    },
  );
};
