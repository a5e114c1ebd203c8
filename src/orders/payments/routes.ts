/**
 * The payment endpoints. `/test-processor/tokens` plays the hosted processor's tokenisation endpoint: the
 * browser sends the card there and the shop only ever receives the token (PV-PAY-1); nothing of the card is
 * stored or logged. `/payments/webhooks/test-card` receives the processor's signed confirmations.
 */
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../shared/http-schemas.ts';
import { noStore } from '../../shared/no-store.ts';
import { sensitiveRouteLimit } from '../rate-limits.ts';
import { testProcessorFor } from './providers.ts';
import { receiveTestCardWebhook } from './test-card-webhook.ts';
import { TEST_CARD_SIGNATURE_HEADER } from './test-processor.ts';

const WEBHOOK_BODY_LIMIT = 64 * 1024;

const tokenBody = z.strictObject({
  cardNumber: z.string().regex(/^[0-9 -]{12,23}$/, 'must be 12 to 19 digits'),
  expMonth: z.number().int().min(1).max(12),
  expYear: z.number().int().min(2000).max(2100),
  cvc: z.string().regex(/^[0-9]{3,4}$/, 'must be 3 or 4 digits'),
});

const tokenResponse = z.object({
  token: z.string(),
  card: z.object({ last4: z.string(), brand: z.string() }),
  expiresAt: z.iso.datetime(),
});

export const paymentRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  // Answers carry personal data (cart, order, session, card token): never stored by any cache.
  app.addHook('onRequest', noStore);
  const processor = testProcessorFor(ctx);

  app.post(
    '/test-processor/tokens',
    {
      bodyLimit: 1024,
      config: { rateLimit: sensitiveRouteLimit(ctx.config) },
      schema: {
        tags: ['payments'],
        summary:
          'Test card processor: turns a card into a token (4242 4242 4242 4242 approves, 4000 0000 0000 0002 declines)',
        body: tokenBody,
        response: { 201: tokenResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { token, last4, brand, expiresAt } = processor.tokenize(request.body, ctx.clock.now());
      return reply.status(201).send({ token, card: { last4, brand }, expiresAt: expiresAt.toISOString() });
    },
  );

  // The signature covers the exact bytes sent, so this route reads its body as text.
  await app.register(async (instance) => {
    const webhooks = instance.withTypeProvider<ZodTypeProvider>();
    webhooks.removeContentTypeParser('application/json');
    webhooks.addContentTypeParser(
      'application/json',
      { parseAs: 'string', bodyLimit: WEBHOOK_BODY_LIMIT },
      (_request, body, done) => done(null, body),
    );

    webhooks.post(
      '/payments/webhooks/test-card',
      {
        bodyLimit: WEBHOOK_BODY_LIMIT,
        // Signed by the processor and retried by it: a limit here would only drop confirmations.
        config: { rateLimit: false },
        schema: {
          tags: ['payments'],
          summary: "The test processor's signed payment confirmations (HMAC-SHA256)",
          headers: z.looseObject({ [TEST_CARD_SIGNATURE_HEADER]: z.string().max(500).optional() }),
          body: z.string(),
          response: {
            200: z.object({
              received: z.literal(true),
              outcome: z.enum(['captured', 'already_captured', 'ignored']),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        const signature = request.headers[TEST_CARD_SIGNATURE_HEADER];
        const outcome = await receiveTestCardWebhook(
          ctx,
          request.body,
          typeof signature === 'string' ? signature : undefined,
        );
        return { received: true as const, outcome };
      },
    );
  });
};
