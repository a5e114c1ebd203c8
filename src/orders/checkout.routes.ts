import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { customerCookieName, requestMeta } from '../accounts/customers/guard.ts';
import { customerFromToken } from '../accounts/customers/sign-in.service.ts';
import type { AppContext } from '../context.ts';
import { errorBodySchema, errorResponses } from '../shared/http-schemas.ts';
import { noStore } from '../shared/no-store.ts';
import { cartCookieName } from './cart-cookie.ts';
import { checkout } from './checkout.service.ts';
import { requireIdempotencyKey } from './idempotency.ts';
import { paymentProviders } from './payments/providers.ts';
import { injectDelivery, webhookDeliveryFor } from './payments/webhook-delivery.ts';
import { sensitiveRouteLimit } from './rate-limits.ts';
import { checkoutBody, checkoutHeaders, checkoutResponse } from './schemas.ts';

export const checkoutRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  // Answers carry personal data (cart, order, session, card token): never stored by any cache.
  app.addHook('onRequest', noStore);
  const providers = paymentProviders(ctx);
  const defaultDelivery = injectDelivery(app);

  app.post(
    '/checkout',
    {
      bodyLimit: 16 * 1024,
      config: { rateLimit: sensitiveRouteLimit(ctx.config) },
      schema: {
        tags: ['checkout'],
        security: [{ cart: [] }],
        summary: 'Places the order for the cart in the cart cookie (requires an Idempotency-Key header)',
        headers: checkoutHeaders,
        body: checkoutBody,
        response: { 201: checkoutResponse, 402: errorBodySchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const idempotencyKey = requireIdempotencyKey(request.headers['idempotency-key']);
      // A signed-in customer's order joins their account at once; a guest's joins when its address is verified.
      const customerToken = request.cookies[customerCookieName(ctx.config)];
      const customer = customerToken
        ? await customerFromToken(ctx, customerToken, requestMeta(request))
        : null;
      const result = await checkout(ctx, providers, {
        cartToken: request.cookies[cartCookieName(ctx.config)],
        idempotencyKey,
        input: request.body,
        customerId: customer?.id ?? null,
      });
      if (result.created) {
        // After commit: the processor settles (the test processor captures and posts its webhook).
        const provider = providers[request.body.payment.method];
        const deliver = webhookDeliveryFor(ctx, defaultDelivery);
        await provider
          .settle?.(result.created.authorization, result.created.amountCents, deliver, ctx.clock.now())
          .catch((error: unknown) =>
            // The order stands; the payment stays authorised until the processor's webhook arrives.
            request.log.error(
              { err: error, order: result.body.order.reference },
              'payment settlement failed',
            ),
          );
      }
      return reply.status(201).send(result.body);
    },
  );
};
