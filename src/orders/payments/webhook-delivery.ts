/**
 * How a payment processor's webhook reaches the shop. In production the test processor runs in-process, so
 * its webhook enters the app through `app.inject`, exactly like an HTTP request, with no network call. Tests
 * may replace the delivery for one app (to hold a webhook back, replay it or tamper with it).
 */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';

export interface WebhookRequest {
  /** Under the app's root, e.g. /api/payments/webhooks/test-card */
  path: string;
  headers: Record<string, string>;
  /** The exact bytes that were signed. */
  body: string;
}

export type WebhookDelivery = (request: WebhookRequest) => Promise<void>;

export function injectDelivery(app: FastifyInstance): WebhookDelivery {
  return async (request) => {
    const res = await app.inject({
      method: 'POST',
      url: request.path,
      headers: { 'content-type': 'application/json', ...request.headers },
      payload: request.body,
    });
    if (res.statusCode >= 300) {
      throw new Error(`webhook ${request.path} answered ${res.statusCode}`);
    }
  };
}

const overrides = new WeakMap<AppContext, WebhookDelivery>();

/** Replaces the webhook delivery of the app built with this context; null restores the default. */
export function setWebhookDelivery(ctx: AppContext, deliver: WebhookDelivery | null): void {
  if (deliver) overrides.set(ctx, deliver);
  else overrides.delete(ctx);
}

export function webhookDeliveryFor(ctx: AppContext, fallback: WebhookDelivery): WebhookDelivery {
  return overrides.get(ctx) ?? fallback;
}
