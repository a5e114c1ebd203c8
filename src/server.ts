/**
 * Builds the Fastify app from the feature plugins. Nothing here knows a table: each feature brings its own
 * routes, and the routes call that feature's services with the context.
 */
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import pino, { type DestinationStream } from 'pino';
import { accountAdminRoutes } from './accounts/admin.routes.ts';
import { addressBookRoutes } from './accounts/customers/addresses/address-book.routes.ts';
import { customerAccountRoutes } from './accounts/customers/routes.ts';
import { requireStaff, staffCookieName } from './accounts/guard.ts';
import { configurePasswordHashing } from './accounts/passwords.ts';
import { staffRoutes } from './accounts/routes.ts';
import { securityAdminRoutes } from './accounts/security-events/routes.ts';
import { staffLifecycleAdminRoutes } from './accounts/staff-lifecycle/routes.ts';
import { afterSalesAdminRoutes } from './aftersales/admin.routes.ts';
import {
  evidenceCustomerRoutes,
  evidenceFileRoutes,
  evidenceStaffRoutes,
} from './aftersales/evidence/routes.ts';
import { afterSalesNumbersRoutes } from './aftersales/numbers/numbers.routes.ts';
import { policyPlaygroundRoutes } from './aftersales/playground/routes.ts';
import { caseRemedyRoutes } from './aftersales/remedies/remedies.routes.ts';
import { afterSalesRoutes } from './aftersales/routes.ts';
import { catalogAdminRoutes } from './catalog/admin.routes.ts';
import { mediaRoutes } from './catalog/media.routes.ts';
import { catalogRoutes } from './catalog/routes.ts';
import type { AppContext } from './context.ts';
import { jobAdminRoutes } from './jobs/admin.routes.ts';
import { uploadsRoutes } from './media/routes.ts';
import { mailAdminRoutes } from './messaging/admin.routes.ts';
import { emailAFriendRoutes } from './messaging/email-a-friend/routes.ts';
import {
  newsletterAdminRoutes,
  newsletterOneClickRoutes,
  newsletterRoutes,
} from './messaging/newsletter/routes.ts';
import { ordersAdminRoutes } from './orders/admin.routes.ts';
import { cartRoutes } from './orders/cart.routes.ts';
import { cartCookieName } from './orders/cart-cookie.ts';
import { checkoutRoutes } from './orders/checkout.routes.ts';
import { orderRoutes } from './orders/order.routes.ts';
import { paymentRoutes } from './orders/payments/routes.ts';
import { dataRightsRoutes } from './privacy/routes.ts';
import { staffAccessAdminRoutes } from './privacy/staff-access/routes.ts';
import { settingsAdminRoutes } from './settings/admin.routes.ts';
import { installErrorHandler } from './shared/http-errors.ts';
import { AccessLog, AccessLogWriter, lazyChildLogger, loggerOptions } from './shared/logging.ts';
import { noStore } from './shared/no-store.ts';
import { installJsonBodyParser, refuseStrayBody } from './shared/request-body.ts';
import { rejectCrossSiteWrites } from './shared/same-origin.ts';
import { installSecurityHeaders } from './shared/security-headers.ts';
import { systemRoutes } from './system/routes.ts';
import { webApp } from './web/plugin.ts';

// Kept here too for the callers that import them from the server.
export { loggableUrl, logRedactPaths } from './shared/logging.ts';

/** One route of the app as the router knows it: `GET /api/admin/cases/:id`. HEAD twins are left out. */
export interface RouteEntry {
  method: string;
  url: string;
  /** The route's schema takes a body (the others refuse one: `refuseStrayBody`). */
  hasBody: boolean;
}

const routeTables = new WeakMap<FastifyInstance, RouteEntry[]>();

/**
 * Every route the app registered (PV-STF-1, PV-STF-2): what the authorization matrix test checks its table
 * against, so a route added without an entry there fails the suite instead of shipping unguarded.
 */
export function routeTable(app: FastifyInstance): ReadonlyArray<RouteEntry> {
  return routeTables.get(app) ?? [];
}

export interface BuildOptions {
  /** `false`: no logging; an object: the level and where the lines go (default: the config's level, stdout). */
  logger?: boolean | { level: string; stream?: DestinationStream };
  /** The storefront: from build/ (default), through Vite's dev server, or not at all. */
  web?: 'build' | 'dev' | false;
}

export async function buildApp(ctx: AppContext, options: BuildOptions = {}): Promise<FastifyInstance> {
  configurePasswordHashing({
    concurrency: ctx.config.PASSWORD_HASH_CONCURRENCY,
    queue: ctx.config.PASSWORD_HASH_QUEUE,
    nice: ctx.config.PASSWORD_HASH_NICE,
  });
  const logging =
    options.logger === false
      ? null
      : {
          level: typeof options.logger === 'object' ? options.logger.level : ctx.config.LOG_LEVEL,
          stream:
            (typeof options.logger === 'object' ? options.logger.stream : undefined) ??
            pino.destination({ dest: 1, sync: true }),
        };
  const app = Fastify({
    logger: logging ? { ...loggerOptions(logging.level), stream: logging.stream } : false,
    // One access-log line per request instead of Fastify's two.
    logController: new AccessLog(logging && new AccessLogWriter(logging.level, logging.stream)),
    ...(logging ? { childLoggerFactory: lazyChildLogger } : {}),
    bodyLimit: 256 * 1024,
    trustProxy: ctx.config.TRUST_PROXY,
    // Only the JSON API is validated here; the web app has its own handler.
    ajv: { customOptions: { removeAdditional: false } },
    genReqId: () => crypto.randomUUID(),
  }).withTypeProvider<ZodTypeProvider>();

  // Before any route: the hook sees every route registered after it, in every plugin below.
  const routes: RouteEntry[] = [];
  routeTables.set(app, routes);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') routes.push({ method, url: route.url, hasBody: Boolean(route.schema?.body) });
    }
  });

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  installJsonBodyParser(app);
  app.addHook('preValidation', refuseStrayBody);

  installSecurityHeaders(app, {
    // The storefront sets its own CSP for pages; the API answers JSON only.
    contentSecurityPolicy: false,
    hsts: { maxAge: 31_536_000, includeSubDomains: true },
  });
  await app.register(cookie, { secret: ctx.secret });
  await app.register(rateLimit, {
    max: ctx.config.RATE_LIMIT_PER_MINUTE,
    timeWindow: '1 minute',
    ...(ctx.config.REDIS_URL ? { redis: await redisClient(ctx.config.REDIS_URL) } : {}),
  });
  app.addHook('onRequest', rejectCrossSiteWrites(ctx.config));

  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Aftercare API',
        version: '0.1.0',
        description: 'Storefront and back-office API of Aftercare.',
      },
      components: {
        securitySchemes: {
          staffSession: { type: 'apiKey', in: 'cookie', name: staffCookieName(ctx.config) },
          cart: { type: 'apiKey', in: 'cookie', name: cartCookieName(ctx.config) },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  await app.register(mediaRoutes);
  await app.register(uploadsRoutes, { ctx });
  await app.register(systemRoutes, { prefix: '/api', ctx });
  await app.register(catalogRoutes, { prefix: '/api', ctx });
  await app.register(emailAFriendRoutes, { prefix: '/api', ctx });
  await app.register(cartRoutes, { prefix: '/api', ctx });
  await app.register(checkoutRoutes, { prefix: '/api', ctx });
  await app.register(orderRoutes, { prefix: '/api', ctx });
  await app.register(afterSalesRoutes, { prefix: '/api', ctx });
  await app.register(evidenceCustomerRoutes, { prefix: '/api', ctx });
  await app.register(evidenceFileRoutes, { prefix: '/api', ctx });
  await app.register(paymentRoutes, { prefix: '/api', ctx });
  await app.register(staffRoutes, { prefix: '/api', ctx });
  await app.register(customerAccountRoutes, { prefix: '/api', ctx });
  await app.register(dataRightsRoutes, { prefix: '/api', ctx });
  await app.register(addressBookRoutes, { prefix: '/api', ctx });
  await app.register(newsletterRoutes, { prefix: '/api', ctx });
  await app.register(
    async (admin) => {
      // One guard for the whole back-office subtree: no admin route can forget it.
      // Every back-office answer is personal (orders, addresses, staff): never stored by any cache.
      admin.addHook('onRequest', noStore);
      admin.addHook('onRequest', requireStaff(ctx));
      await admin.register(catalogAdminRoutes, { ctx });
      await admin.register(ordersAdminRoutes, { ctx });
      await admin.register(afterSalesAdminRoutes, { ctx });
      await admin.register(policyPlaygroundRoutes, { ctx });
      await admin.register(afterSalesNumbersRoutes, { ctx });
      await admin.register(evidenceStaffRoutes, { ctx });
      await admin.register(caseRemedyRoutes, { ctx });
      await admin.register(mailAdminRoutes, { ctx });
      await admin.register(newsletterAdminRoutes, { ctx });
      await admin.register(settingsAdminRoutes, { ctx });
      await admin.register(accountAdminRoutes, { ctx });
      await admin.register(securityAdminRoutes, { ctx });
      await admin.register(staffLifecycleAdminRoutes, { ctx });
      await admin.register(jobAdminRoutes, { ctx });
      await admin.register(staffAccessAdminRoutes, { ctx });
    },
    { prefix: '/api/admin' },
  );

  // PV-USE-1: the one-click unsubscribe of RFC 8058, at the address of the unsubscribe page.
  await app.register(newsletterOneClickRoutes, { ctx });

  // Last: the storefront answers every other URL; /api/* keeps the JSON 404 above.
  if (options.web !== false) await app.register(webApp, { ctx, dev: options.web === 'dev' });

  return app;
}

async function redisClient(url: string) {
  const { Redis } = await import('ioredis');
  return new Redis(url, { connectTimeout: 2_000, maxRetriesPerRequest: 1, enableOfflineQueue: false });
}
