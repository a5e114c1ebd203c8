import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.ts';
import { ownerOnlyRecorded } from '../privacy/staff-access/owner-only.ts';
import { errorResponses } from '../shared/http-schemas.ts';
import { getShopSettings, saveShopSettings, shopSettingsInputSchema, shopSettingsSchema } from './shop.ts';

/** The shop's identity in the back office: every staff member reads it, only the owner changes it. */
export const settingsAdminRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/settings/shop',
    {
      schema: {
        tags: ['admin: settings'],
        summary: "The shop's name, tagline, colour, logo and social links (SH-SOC-1)",
        response: { 200: shopSettingsSchema, ...errorResponses },
      },
    },
    async () => getShopSettings(ctx.db),
  );

  app.put(
    '/settings/shop',
    {
      onRequest: ownerOnlyRecorded(ctx, 'shop_settings'),
      schema: {
        tags: ['admin: settings'],
        summary: "Replace the shop's name, tagline, colour, logo and social links (owner only)",
        body: shopSettingsInputSchema,
        response: { 200: shopSettingsSchema, ...errorResponses },
      },
    },
    async (request) => saveShopSettings(ctx.db, request.body),
  );
};
