/**
 * Customer accounts over HTTP, under /api/account (issue 12). Every answer is personal: no-store. The
 * session lives in the HttpOnly `ac_customer` cookie (`__Host-` prefixed with Secure cookies).
 */
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../shared/http-schemas.ts';
import { noStore } from '../../shared/no-store.ts';
import { passkeyBinding, passkeySignInBody, registerPasskeyRoutes } from '../passkeys/routes.ts';
import { confirmEmailChange, requestEmailChange } from './email-change.service.ts';
import { customerCookieName, customerOf, requestMeta, requireCustomer } from './guard.ts';
import { changePassword, requestPasswordReset, resetPassword } from './password.service.ts';
import { customerOrders, getAccount, updateProfile } from './profile.service.ts';
import {
  acceptedSchema,
  accountOrderSchema,
  accountSchema,
  customerSchema,
  emailInput,
  nameInput,
  passwordInput,
  phoneInput,
  sessionSchema,
  tokenInput,
} from './schemas.ts';
import { endSession, listSessions } from './sessions.service.ts';
import { signInCustomer, signInCustomerWithPasskey, signOutCustomer } from './sign-in.service.ts';
import { signUp, verifyEmail } from './sign-up.service.ts';

const TAGS = ['account'];

export const customerAccountRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.addHook('onRequest', noStore);
  const secure = ctx.config.COOKIE_SECURE ?? true;
  const cookie = customerCookieName(ctx.config);
  const guard = requireCustomer(ctx);
  // Per-IP throttling against password spraying and mail bombing (issue 12 point 3): @fastify/rate-limit
  // counts per client address, in Redis when REDIS_URL is set so every process shares the count.
  const throttled = { rateLimit: { max: ctx.config.CUSTOMER_AUTH_PER_MINUTE, timeWindow: '1 minute' } };
  const accepted = 'Check your inbox: we have sent an email to this address saying what to do next';

  function clearSession(reply: FastifyReply): void {
    reply.clearCookie(cookie, { path: '/', secure });
  }

  function startSession(reply: FastifyReply, token: string): void {
    reply.setCookie(cookie, token, {
      httpOnly: true,
      secure,
      sameSite: 'lax',
      path: '/',
      maxAge: ctx.config.CUSTOMER_SESSION_DAYS * 86_400,
    });
  }

  // Passkeys (issue 12 point 5): list, add, remove, and the first step of a passkey sign-in.
  registerPasskeyRoutes(app, ctx, '/account/passkeys', {
    audience: 'customer',
    guard,
    signedIn: (request) => {
      const { sessionId, id, email, name } = customerOf(request);
      return { account: { audience: 'customer', id, email, name }, sessionId };
    },
    rateLimit: throttled.rateLimit,
    tag: 'account',
  });

  app.post(
    '/account/passkeys/sign-in',
    {
      schema: {
        tags: TAGS,
        summary:
          'Sign in with a passkey, second step: the browser’s answer; sets the session cookie (a new session, no password)',
        body: passkeySignInBody,
        response: {
          200: z.object({ customer: customerSchema, expiresAt: z.iso.datetime() }),
          ...errorResponses,
        },
      },
      config: throttled,
    },
    async (request, reply) => {
      const binding = passkeyBinding(request, reply, 'customer', ctx.config);
      const { token, expiresAt, customer } = await signInCustomerWithPasskey(
        ctx,
        binding,
        request.body.response,
        requestMeta(request),
      );
      startSession(reply, token);
      return { customer, expiresAt: expiresAt.toISOString() };
    },
  );

  app.post(
    '/account/sign-up',
    {
      schema: {
        tags: TAGS,
        summary: 'Open an account: the answer is the same for any address, the email says what happens next',
        body: z.strictObject({ email: emailInput, password: passwordInput, name: nameInput }),
        response: { 202: acceptedSchema, ...errorResponses },
      },
      config: throttled,
    },
    async (request, reply) => {
      await signUp(ctx, request.body, requestMeta(request));
      return reply.status(202).send({ message: accepted });
    },
  );

  app.post(
    '/account/verify',
    {
      schema: {
        tags: TAGS,
        summary:
          'Follow the verification link: the address is confirmed and its guest orders join the account',
        body: z.strictObject({ token: tokenInput }),
        response: { 200: z.object({ verified: z.literal(true) }), ...errorResponses },
      },
      config: throttled,
    },
    async (request) => {
      await verifyEmail(ctx, request.body.token, requestMeta(request));
      return { verified: true as const };
    },
  );

  app.post(
    '/account/session',
    {
      schema: {
        tags: TAGS,
        summary: 'Sign in: sets the HttpOnly session cookie (a new session every time)',
        body: z.strictObject({ email: emailInput, password: passwordInput }),
        response: {
          200: z.object({ customer: customerSchema, expiresAt: z.iso.datetime() }),
          ...errorResponses,
        },
      },
      config: throttled,
    },
    async (request, reply) => {
      const { token, expiresAt, customer } = await signInCustomer(ctx, request.body, requestMeta(request));
      startSession(reply, token);
      return { customer, expiresAt: expiresAt.toISOString() };
    },
  );

  app.get(
    '/account/session',
    {
      schema: {
        tags: TAGS,
        summary: 'The signed-in customer',
        response: { 200: z.object({ customer: customerSchema }), ...errorResponses },
      },
      onRequest: guard,
    },
    async (request) => {
      const { sessionId: _, ...customer } = customerOf(request);
      return { customer };
    },
  );

  app.delete(
    '/account/session',
    {
      schema: {
        tags: TAGS,
        summary: 'Sign out: ends the session',
        response: { 204: z.null(), ...errorResponses },
      },
      onRequest: guard,
    },
    async (request, reply) => {
      await signOutCustomer(ctx, customerOf(request).sessionId);
      clearSession(reply);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/account',
    {
      schema: {
        tags: TAGS,
        summary: 'The account: email, name, phone',
        response: { 200: z.object({ account: accountSchema }), ...errorResponses },
      },
      onRequest: guard,
    },
    async (request) => {
      const account = await getAccount(ctx, customerOf(request));
      return {
        account: {
          ...account,
          emailVerifiedAt: account.emailVerifiedAt?.toISOString() ?? null,
          createdAt: account.createdAt.toISOString(),
        },
      };
    },
  );

  app.patch(
    '/account/profile',
    {
      schema: {
        tags: TAGS,
        summary: 'Correct the name and phone number (an empty or null phone removes it)',
        body: z.strictObject({ name: nameInput, phone: phoneInput.optional() }),
        response: { 200: z.object({ customer: customerSchema }), ...errorResponses },
      },
      onRequest: guard,
      bodyLimit: 16 * 1024,
    },
    async (request) => {
      const customer = await updateProfile(ctx, customerOf(request), {
        name: request.body.name,
        phone: request.body.phone ?? null,
      });
      return { customer };
    },
  );

  app.post(
    '/account/password-reset',
    {
      schema: {
        tags: TAGS,
        summary:
          'Ask for a reset link: the answer is the same for any address, the email says what happens next',
        body: z.strictObject({ email: emailInput }),
        response: { 202: acceptedSchema, ...errorResponses },
      },
      config: throttled,
    },
    async (request, reply) => {
      await requestPasswordReset(ctx, request.body.email, requestMeta(request));
      return reply.status(202).send({ message: accepted });
    },
  );

  app.post(
    '/account/password-reset/confirm',
    {
      schema: {
        tags: TAGS,
        summary: 'Follow the reset link with a new password: every session ends, a lockout lifts',
        body: z.strictObject({ token: tokenInput, password: passwordInput }),
        response: { 200: z.object({ reset: z.literal(true) }), ...errorResponses },
      },
      config: throttled,
    },
    async (request, reply) => {
      await resetPassword(ctx, request.body.token, request.body.password, requestMeta(request));
      // Whoever reset it signs in afresh: a session cookie this browser held ended with the others.
      clearSession(reply);
      return { reset: true as const };
    },
  );

  app.post(
    '/account/password',
    {
      schema: {
        tags: TAGS,
        summary: 'Change the password: every other session ends',
        body: z.strictObject({ currentPassword: passwordInput, newPassword: passwordInput }),
        response: { 200: z.object({ sessionsEnded: z.number().int() }), ...errorResponses },
      },
      onRequest: guard,
      config: throttled,
    },
    async (request) => {
      const { currentPassword, newPassword } = request.body;
      return changePassword(ctx, customerOf(request), currentPassword, newPassword, requestMeta(request));
    },
  );

  app.post(
    '/account/email',
    {
      schema: {
        tags: TAGS,
        summary: 'Move the account to another address: a link goes to the new address',
        body: z.strictObject({ email: emailInput, password: passwordInput }),
        response: { 202: acceptedSchema, ...errorResponses },
      },
      onRequest: guard,
      config: throttled,
    },
    async (request, reply) => {
      const { email, password } = request.body;
      await requestEmailChange(ctx, customerOf(request), email, password, requestMeta(request));
      return reply.status(202).send({ message: accepted });
    },
  );

  app.post(
    '/account/email/confirm',
    {
      schema: {
        tags: TAGS,
        summary: 'Follow the link sent to the new address: the account moves to it, the old address is told',
        body: z.strictObject({ token: tokenInput }),
        response: { 200: z.object({ email: z.string() }), ...errorResponses },
      },
      config: throttled,
    },
    async (request) => {
      const { email } = await confirmEmailChange(ctx, request.body.token, requestMeta(request));
      return { email };
    },
  );

  app.get(
    '/account/sessions',
    {
      schema: {
        tags: TAGS,
        summary: "The account's active sessions: device, last seen, network range",
        response: { 200: z.object({ sessions: z.array(sessionSchema) }), ...errorResponses },
      },
      onRequest: guard,
    },
    async (request) => {
      const sessions = await listSessions(ctx, customerOf(request));
      return {
        sessions: sessions.map((s) => ({
          ...s,
          createdAt: s.createdAt.toISOString(),
          lastSeenAt: s.lastSeenAt.toISOString(),
        })),
      };
    },
  );

  app.delete(
    '/account/sessions/:id',
    {
      schema: {
        tags: TAGS,
        summary: "End one of the account's sessions (another customer's is a 404)",
        params: z.strictObject({ id: z.uuid() }),
        response: { 204: z.null(), ...errorResponses },
      },
      onRequest: guard,
    },
    async (request, reply) => {
      const { current } = await endSession(ctx, customerOf(request), request.params.id, requestMeta(request));
      if (current) clearSession(reply);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/account/orders',
    {
      schema: {
        tags: TAGS,
        summary: "The account's orders with their after-sales cases",
        response: { 200: z.object({ orders: z.array(accountOrderSchema) }), ...errorResponses },
      },
      onRequest: guard,
    },
    async (request) => {
      const rows = await customerOrders(ctx, customerOf(request));
      return {
        orders: rows.map((o) => ({
          reference: o.reference,
          placedAt: o.placedAt.toISOString(),
          status: o.status,
          total: { amountCents: o.totalCents, currency: o.currency },
          orderUrl: o.orderUrl,
          cases: o.cases,
        })),
      };
    },
  );
};
