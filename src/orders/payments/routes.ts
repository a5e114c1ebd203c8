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
import { webhookOutcomes } from './capture.service.ts';
import { cardDigits, cardMessages, parseExpiry } from './card-input.ts';
import { testProcessorFor } from './providers.ts';
import { receiveTestCardWebhook } from './test-card-webhook.ts';
import { TEST_CARD_SIGNATURE_HEADER } from './test-processor.ts';

const WEBHOOK_BODY_LIMIT = 64 * 1024;

/**
 * The card as a page sends it: the expiry either as `expMonth` + `expYear` (two or four digits) or as one
 * `expiry` text the way people type it (`12/30`, `1230`, `12 / 2030`, `12-30`). Messages speak to the card
 * holder, since pages show them beside the field.
 */
const tokenBody = z
  .strictObject({
    cardNumber: z
      .string({ error: cardMessages.cardNumber })
      .max(40, cardMessages.cardNumber)
      .refine((v) => cardDigits(v) !== null, cardMessages.cardNumber),
    expMonth: z
      .number({ error: cardMessages.cardExpiry })
      .int(cardMessages.cardExpiry)
      .min(1, cardMessages.cardExpiry)
      .max(12, cardMessages.cardExpiry)
      .optional(),
    expYear: z
      .number({ error: cardMessages.cardExpiry })
      .int(cardMessages.cardExpiry)
      .refine((y) => (y >= 0 && y <= 99) || (y >= 2000 && y <= 2100), cardMessages.cardExpiry)
      .optional(),
    expiry: z
      .string({ error: cardMessages.cardExpiry })
      .max(20, cardMessages.cardExpiry)
      .refine((v) => parseExpiry(v) !== null, cardMessages.cardExpiry)
      .optional()
      .meta({
        description: 'The expiry as typed: 12/30, 1230, 12 / 2030 or 12-30; instead of expMonth + expYear',
      }),
    cvc: z
      .string({ error: cardMessages.cardCvc })
      .max(10, cardMessages.cardCvc)
      .regex(/^\s*[0-9]{3,4}\s*$/, cardMessages.cardCvc),
  })
  .superRefine((card, ctx) => {
    if (card.expiry === undefined && (card.expMonth === undefined || card.expYear === undefined)) {
      const path = card.expMonth === undefined ? 'expMonth' : 'expYear';
      ctx.addIssue({ code: 'custom', path: [path], message: cardMessages.cardExpiry });
    }
  })
  .transform((card) => {
    const typed = card.expiry === undefined ? null : parseExpiry(card.expiry);
    const expYear = card.expYear !== undefined && card.expYear < 100 ? 2000 + card.expYear : card.expYear;
    return {
      cardNumber: card.cardNumber,
      expMonth: typed?.month ?? card.expMonth ?? 0,
      expYear: typed?.year ?? expYear ?? 0,
      cvc: card.cvc.trim(),
    };
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
          summary: "The test processor's signed confirmations of captures and refunds (HMAC-SHA256)",
          headers: z.looseObject({ [TEST_CARD_SIGNATURE_HEADER]: z.string().max(500).optional() }),
          body: z.string(),
          response: {
            200: z.object({
              received: z.literal(true),
              outcome: z.enum(webhookOutcomes),
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
