/**
 * Passkeys over HTTP (issue 12 points 5 and 7): the same five routes for customers (/api/account/passkeys,
 * behind the customer session) and staff (/api/staff/passkeys, behind the staff session, usable by an owner
 * who still has to enrol a second factor, since a passkey is one). Every answer is no-store. A sign-in's
 * challenge is bound to a random value in an HttpOnly cookie of its own per audience, living as long as the
 * challenge (PASSKEY_CHALLENGE_MINUTES).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { sessionCookieName } from '../../shared/cookie-names.ts';
import { errorResponses } from '../../shared/http-schemas.ts';
import type { Audience, PasskeyAccount } from './accounts.ts';
import { listPasskeys, removePasskey } from './manage.ts';
import { finishRegistration, startRegistration } from './register.ts';
import {
  authenticationResponseInput,
  ceremonyOptionsSchema,
  confirmPasswordInput,
  passkeyNameInput,
  passkeySchema,
  registrationResponseInput,
} from './schemas.ts';
import { startPasskeySignIn } from './sign-in.ts';

/** The request body of a passkey sign-in's second request. */
export const passkeySignInBody = z.strictObject({ response: authenticationResponseInput });

/** The cookie a passkey sign-in's challenge is bound to, per audience (`__Host-` with Secure cookies). */
export function passkeyCookieName(audience: Audience, config: AppContext['config']): string {
  return sessionCookieName(`ac_passkey_${audience}`, config);
}

/** What the routes of one audience need from its own session guard. */
export interface PasskeyAudience {
  audience: Audience;
  /** The session guard of the audience (401 without a session). */
  guard: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
  /** The signed-in account and its session id, once the guard has run. */
  signedIn: (request: FastifyRequest) => { account: PasskeyAccount; sessionId: string };
  /** Rate limit of the routes that check a password or start a sign-in. */
  rateLimit: { max: number; timeWindow: string };
  tag: string;
}

function metaOf(request: FastifyRequest) {
  return { ip: request.ip, userAgent: String(request.headers['user-agent'] ?? '') };
}

/** The signed-in account's passkey routes under `base` (`/account/passkeys`, `/staff/passkeys`). */
export function registerPasskeyRoutes(
  app: FastifyInstance,
  ctx: AppContext,
  base: string,
  side: PasskeyAudience,
): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const secure = ctx.config.COOKIE_SECURE ?? true;
  const cookie = passkeyCookieName(side.audience, ctx.config);
  const tags = [side.tag];

  typed.get(
    base,
    {
      schema: {
        tags,
        summary: 'Your passkeys: name, added, last used',
        response: { 200: z.object({ passkeys: z.array(passkeySchema) }), ...errorResponses },
      },
      onRequest: side.guard,
    },
    async (request) => {
      const { account } = side.signedIn(request);
      const rows = await listPasskeys(ctx.db, side.audience, account.id);
      return {
        passkeys: rows.map((p) => ({
          id: p.id,
          name: p.name,
          createdAt: p.createdAt.toISOString(),
          lastUsedAt: p.lastUsedAt?.toISOString() ?? null,
        })),
      };
    },
  );

  typed.post(
    `${base}/registration/options`,
    {
      schema: {
        tags,
        summary:
          'Add a passkey, first step: your password, then the options for navigator.credentials.create() (a challenge bound to this session)',
        body: z.strictObject({ password: confirmPasswordInput }),
        response: { 200: ceremonyOptionsSchema, ...errorResponses },
      },
      onRequest: side.guard,
      config: { rateLimit: side.rateLimit },
    },
    async (request) => {
      const { account, sessionId } = side.signedIn(request);
      return { options: { ...(await startRegistration(ctx, account, sessionId, request.body.password)) } };
    },
  );

  typed.post(
    `${base}/registration`,
    {
      schema: {
        tags,
        summary: "Add a passkey, second step: the browser's answer and the passkey's name",
        body: z.strictObject({ name: passkeyNameInput, response: registrationResponseInput }),
        response: { 201: z.object({ passkey: passkeySchema }), ...errorResponses },
      },
      onRequest: side.guard,
    },
    async (request, reply) => {
      const { account, sessionId } = side.signedIn(request);
      const added = await finishRegistration(ctx, account, sessionId, request.body, metaOf(request));
      return reply.status(201).send({
        passkey: {
          id: added.id,
          name: added.name,
          createdAt: added.createdAt.toISOString(),
          lastUsedAt: null,
        },
      });
    },
  );

  typed.post(
    `${base}/:id/removal`,
    {
      schema: {
        tags,
        summary: 'Remove one of your passkeys, with your password (another account’s is a 404)',
        params: z.strictObject({ id: z.uuid() }),
        body: z.strictObject({ password: confirmPasswordInput }),
        response: { 204: z.null(), ...errorResponses },
      },
      onRequest: side.guard,
      config: { rateLimit: side.rateLimit },
    },
    async (request, reply) => {
      const { account } = side.signedIn(request);
      await removePasskey(ctx, account, request.params.id, request.body.password, metaOf(request));
      return reply.status(204).send(null);
    },
  );

  typed.post(
    `${base}/sign-in/options`,
    {
      schema: {
        tags,
        summary:
          'Sign in with a passkey, first step: the options for navigator.credentials.get() (sets a short-lived HttpOnly cookie the challenge is bound to)',
        response: { 200: ceremonyOptionsSchema, ...errorResponses },
      },
      config: { rateLimit: side.rateLimit },
    },
    async (_request, reply) => {
      const { options, binding } = await startPasskeySignIn(ctx, side.audience);
      reply.setCookie(cookie, binding, {
        httpOnly: true,
        secure,
        sameSite: 'strict',
        path: '/',
        maxAge: ctx.config.PASSKEY_CHALLENGE_MINUTES * 60,
      });
      return { options: { ...options } };
    },
  );
}

/** The sign-in cookie's value of a request; the reply clears it, since its challenge answers once. */
export function passkeyBinding(
  request: FastifyRequest,
  reply: FastifyReply,
  audience: Audience,
  config: AppContext['config'],
): string | undefined {
  const name = passkeyCookieName(audience, config);
  const value = request.cookies[name];
  if (value) reply.clearCookie(name, { path: '/', secure: config.COOKIE_SECURE ?? true });
  return value;
}
