/**
 * The newsletter over HTTP (PV-USE-1, PV-USE-2):
 * - public, under /api: ask to subscribe (the same 202 for every address), confirm with the emailed token,
 *   unsubscribe with a campaign's token;
 * - the signed-in customer, under /api/account: read and set the subscription of the account's address;
 * - the owner, under /api/admin: send a campaign, list campaigns with the count of confirmed subscribers.
 *   No route lists or exports subscribers' addresses;
 * - the RFC 8058 one-click target POST /newsletter/unsubscribe?token=… (outside /api: the URL every campaign
 *   email's List-Unsubscribe header and footer carry, also the unsubscribe page's button).
 */
import type { FastifyPluginAsync } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { customerOf, requireCustomer } from '../../accounts/customers/guard.ts';
import { staffOf } from '../../accounts/guard.ts';
import type { AppContext } from '../../context.ts';
import { ownerOnlyRecorded } from '../../privacy/staff-access/owner-only.ts';
import { errorResponses } from '../../shared/http-schemas.ts';
import { noStore } from '../../shared/no-store.ts';
import { accountSubscription, setAccountSubscription } from './account-subscription.ts';
import { confirmSubscription } from './confirm-subscription.ts';
import { newsletterOverview } from './list-campaigns.ts';
import {
  acceptedSchema,
  accountSubscriptionSchema,
  campaignInputSchema,
  campaignSchema,
  emailInput,
  NEWSLETTER_ACCEPTED,
  newsletterOverviewSchema,
  tokenInput,
} from './schemas.ts';
import { sendCampaign } from './send-campaign.ts';
import { acceptedSubscriptionsSettled, acceptSubscriptionRequest } from './subscribe.ts';
import { unsubscribeByToken } from './unsubscribe.ts';

const TAGS = ['newsletter'];

/** The storefront's and the account's newsletter routes, under /api. */
export const newsletterRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  // Whether an address is subscribed is personal, and so is anything about a token.
  app.addHook('onRequest', noStore);
  // A sign-up accepted just before shutdown is still written (the API's and the pages' alike).
  app.addHook('onClose', () => acceptedSubscriptionsSettled());
  // Each request may send an email: the budget of the account forms that do (against mail bombing).
  const throttled = { rateLimit: { max: ctx.config.CUSTOMER_AUTH_PER_MINUTE, timeWindow: '1 minute' } };
  const guard = requireCustomer(ctx);

  app.post(
    '/newsletter/subscriptions',
    {
      schema: {
        tags: TAGS,
        summary:
          'Ask to receive special offers (PV-USE-1, double opt-in): the same 202, as fast, for every address; a new or pending address is emailed a confirmation link, at most once per NEWSLETTER_RESEND_MINUTES',
        body: z.strictObject({ email: emailInput }),
        response: { 202: acceptedSchema, ...errorResponses },
      },
      config: throttled,
      bodyLimit: 4 * 1024,
    },
    async (request, reply) => {
      // Handed over, not awaited: the answer's time says nothing about the address (PV-USE-1).
      acceptSubscriptionRequest(ctx, request.body.email, request.log);
      return reply.status(202).send({ message: NEWSLETTER_ACCEPTED });
    },
  );

  app.post(
    '/newsletter/confirmation',
    {
      schema: {
        tags: TAGS,
        summary:
          'Confirm a subscription with the emailed token (PV-USE-1); an unknown, used or expired token is a 400 on `token`',
        body: z.strictObject({ token: tokenInput }),
        response: { 200: z.object({ subscribed: z.literal(true) }), ...errorResponses },
      },
      config: throttled,
      bodyLimit: 4 * 1024,
    },
    async (request) => {
      await confirmSubscription(ctx, request.body.token);
      return { subscribed: true as const };
    },
  );

  app.post(
    '/newsletter/unsubscription',
    {
      schema: {
        tags: TAGS,
        summary:
          'Unsubscribe with the token of a campaign email’s link (PV-USE-1); idempotent; a token this shop did not make is a 400',
        body: z.strictObject({ token: tokenInput }),
        response: { 200: z.object({ subscribed: z.literal(false) }), ...errorResponses },
      },
      bodyLimit: 4 * 1024,
    },
    async (request) => {
      await unsubscribeByToken(ctx, request.body.token);
      return { subscribed: false as const };
    },
  );

  app.get(
    '/account/newsletter',
    {
      schema: {
        tags: ['account'],
        summary: 'Whether the signed-in customer’s address receives the newsletter, and since when',
        response: { 200: accountSubscriptionSchema, ...errorResponses },
      },
      onRequest: guard,
    },
    async (request) => accountSubscription(ctx.db, customerOf(request)),
  );

  app.put(
    '/account/newsletter',
    {
      schema: {
        tags: ['account'],
        summary:
          'Subscribe (confirmed at once: the account’s address is verified; the time is recorded) or unsubscribe the signed-in customer',
        body: z.strictObject({ subscribed: z.boolean() }),
        response: { 200: accountSubscriptionSchema, ...errorResponses },
      },
      onRequest: guard,
      bodyLimit: 4 * 1024,
    },
    async (request) => setAccountSubscription(ctx, customerOf(request), request.body.subscribed),
  );
};

/** The owner's newsletter routes, inside the /api/admin subtree (its staff guard has run). */
export const newsletterAdminRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const ownerOnly = ownerOnlyRecorded(ctx, 'newsletter_campaign');

  app.get(
    '/newsletter/campaigns',
    {
      schema: {
        tags: ['admin: newsletter'],
        summary:
          'Past campaigns, newest first, and the count of confirmed subscribers (never their addresses: PV-USE-2). Owner only',
        response: { 200: newsletterOverviewSchema, ...errorResponses },
      },
      onRequest: ownerOnly,
    },
    async () => newsletterOverview(ctx),
  );

  app.post(
    '/newsletter/campaigns',
    {
      schema: {
        tags: ['admin: newsletter'],
        summary:
          'Send a campaign: one email per confirmed subscriber, each with a one-click unsubscribe link and List-Unsubscribe headers (PV-USE-1). Owner only',
        body: campaignInputSchema,
        response: { 201: z.object({ campaign: campaignSchema }), ...errorResponses },
      },
      onRequest: ownerOnly,
      bodyLimit: 64 * 1024,
    },
    async (request, reply) => {
      const campaign = await sendCampaign(ctx, staffOf(request), request.body);
      return reply.status(201).send({ campaign });
    },
  );
};

export const ONE_CLICK_PATH = '/newsletter/unsubscribe';

/**
 * RFC 8058's one-click unsubscribe, at the URL of the List-Unsubscribe header: mail providers post
 * `List-Unsubscribe=One-Click` (urlencoded or multipart) with no cookies and no CSRF token, and the shop's
 * same-origin check lets exactly this request through (src/shared/same-origin.ts). The unsubscribe page's
 * own button posts here too. Any POST with a valid token unsubscribes (idempotent); the one-click request is
 * answered 200 in plain text, the page's button by a redirect to the page saying it is done. A token this
 * shop did not make is a 400.
 */
export const newsletterOneClickRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  // Whatever the form's encoding: only the token in the address matters, the body only says who posted.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string', bodyLimit: 8 * 1024 }, (_request, body, done) =>
    done(null, body),
  );
  app.addHook('onRequest', noStore);
  app.post(ONE_CLICK_PATH, async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const token = typeof query.token === 'string' ? query.token : '';
    const parsed = tokenInput.safeParse(token);
    await unsubscribeByToken(ctx, parsed.success ? parsed.data : '');
    const body = typeof request.body === 'string' ? request.body : '';
    if (/List-Unsubscribe/.test(body) && /One-Click/.test(body)) {
      return reply.type('text/plain; charset=utf-8').send('You are unsubscribed.');
    }
    return reply.redirect(`${ONE_CLICK_PATH}?done=1`, 303);
  });
};
