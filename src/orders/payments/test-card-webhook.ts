/**
 * Receiving the test processor's signed webhook: verify the signature over the exact bytes, parse, apply.
 * The HTTP route calls this; so does the in-process delivery the web pages use after a checkout, which has
 * no Fastify instance to `inject` into. Either way the signature is checked.
 */
import type { AppContext } from '../../context.ts';
import { AppError, ValidationError } from '../../shared/errors.ts';
import { applyTestCardEvent, testCardEventSchema, type WebhookOutcome } from './capture.service.ts';
import { paymentProviders, paymentWebhookSecret } from './providers.ts';
import { submitRefund } from './refunds.service.ts';
import { TEST_CARD_SIGNATURE_HEADER, verifyWebhookSignature } from './test-processor.ts';
import type { WebhookDelivery } from './webhook-delivery.ts';

export async function receiveTestCardWebhook(
  ctx: Pick<AppContext, 'db' | 'clock' | 'config' | 'secret'>,
  body: string,
  signature: string | undefined,
): Promise<WebhookOutcome> {
  const valid = verifyWebhookSignature(paymentWebhookSecret(ctx), body, signature, ctx.clock.now());
  if (!valid) throw new AppError('unauthenticated', 'The webhook signature is missing or wrong');
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new ValidationError([{ field: 'body', message: 'is not valid JSON' }]);
  }
  const event = testCardEventSchema.safeParse(parsed);
  if (!event.success) {
    const issue = event.error.issues[0];
    throw new ValidationError([{ field: issue?.path.join('.') || 'body', message: issue?.message ?? '' }]);
  }
  const applied = await applyTestCardEvent(ctx, event.data);
  if (applied.refundToSubmit) {
    // A capture that crossed a cancellation is refunded at once; the processor's refund webhook comes back
    // through the same checks as any other.
    await submitRefund(ctx, paymentProviders(ctx), applied.refundToSubmit, directTestCardDelivery(ctx));
  }
  return applied.outcome;
}

/** Delivers the test processor's webhooks by calling the receiver directly (same checks as over HTTP). */
export function directTestCardDelivery(
  ctx: Pick<AppContext, 'db' | 'clock' | 'config' | 'secret'>,
): WebhookDelivery {
  return async (request) => {
    await receiveTestCardWebhook(ctx, request.body, request.headers[TEST_CARD_SIGNATURE_HEADER]);
  };
}
