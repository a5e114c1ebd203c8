import { eq } from 'drizzle-orm';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { getShopSettings } from '../settings/shop.ts';
import { AppError } from '../shared/errors.ts';
import { errorResponses } from '../shared/http-schemas.ts';
import { noStore } from '../shared/no-store.ts';
import { requestMeta, requireStaff, staffCookieName, staffOf } from './guard.ts';
import { passkeyBinding, passkeySignInBody, registerPasskeyRoutes } from './passkeys/routes.ts';
import { finishPasskeySignIn } from './passkeys/sign-in.ts';
import { STAFF_PASSWORD_MAX } from './passwords.ts';
import { staffUsers } from './schema.ts';
import { confirmEnrolment, secondFactorStatus, startEnrolment } from './second-factor/enrol.ts';
import { regenerateRecoveryCodes } from './second-factor/recovery-codes.ts';
import { completeSecondStep } from './second-factor/second-step.ts';
import {
  type OpenedSession,
  openStaffSession,
  type StaffPrincipal,
  signIn,
  signOut,
} from './staff.service.ts';
import { acceptInvitation } from './staff-lifecycle/accept-invitation.ts';
import { acceptAgreement, agreementFor } from './staff-lifecycle/agreement.ts';

const staffSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: z.enum(['owner', 'customer_service', 'technician']),
  /** The member signs in with an authenticator code after the password. */
  secondFactor: z.boolean(),
  /** The member has a passkey: it signs in alone (both factors). */
  passkey: z.boolean(),
  /** An owner with neither an authenticator nor a passkey: only enrolment answers until they set one up. */
  enrolmentRequired: z.boolean(),
  /** PV-STF-3: the confidentiality agreement waits for acceptance; only it (and enrolment) answers until then. */
  agreementRequired: z.boolean(),
});

const sessionResponse = z.object({ staff: staffSchema, expiresAt: z.iso.datetime() });
const secondStepResponse = z.object({
  secondStep: z.object({ token: z.string(), expiresAt: z.iso.datetime() }),
});

function visible(staff: StaffPrincipal): z.infer<typeof staffSchema> {
  const { sessionId: _, ...rest } = staff;
  return rest;
}

export const staffRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  // Answers carry personal data (cart, order, session, card token): never stored by any cache.
  app.addHook('onRequest', noStore);
  const secure = ctx.config.COOKIE_SECURE ?? true;
  const cookie = staffCookieName(ctx.config);
  const sessionGuard = requireStaff(ctx, { allowSetUp: true });

  function startSession(reply: FastifyReply, session: OpenedSession) {
    reply.setCookie(cookie, session.token, {
      httpOnly: true,
      secure,
      sameSite: 'lax',
      path: '/',
      maxAge: ctx.config.STAFF_SESSION_HOURS * 3600,
    });
    return { staff: visible(session.staff), expiresAt: session.expiresAt.toISOString() };
  }

  app.post(
    '/staff/session',
    {
      schema: {
        tags: ['staff'],
        summary:
          'Staff sign-in, first step: sets the HttpOnly session cookie, or (a member with an authenticator) returns a short-lived token for the second step',
        body: z.strictObject({ email: z.email().max(254), password: z.string().min(1).max(256) }),
        response: { 200: z.union([sessionResponse, secondStepResponse]), ...errorResponses },
      },
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const outcome = await signIn(ctx, request.body.email, request.body.password, requestMeta(request));
      if (outcome.kind === 'second_step') {
        return { secondStep: { token: outcome.pendingToken, expiresAt: outcome.expiresAt.toISOString() } };
      }
      return startSession(reply, outcome.session);
    },
  );

  app.post(
    '/staff/session/second-factor',
    {
      schema: {
        tags: ['staff'],
        summary:
          'Staff sign-in, second step: the authenticator code (or an unused recovery code) with the token of the first step; sets the session cookie',
        body: z.strictObject({ token: z.string().min(1).max(200), code: z.string().min(1).max(32) }),
        response: { 200: sessionResponse, ...errorResponses },
      },
      // Per address, as the first step: 10 guesses a minute against a million codes.
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
    },
    async (request, reply) =>
      startSession(reply, await completeSecondStep(ctx, request.body, requestMeta(request))),
  );

  // Passkeys (issue 12 point 7): a passkey with user verification is both factors, so its sign-in opens a
  // session without the authenticator step, and it satisfies the owner's second-factor requirement (the routes
  // answer an owner who has yet to enrol).
  registerPasskeyRoutes(app, ctx, '/staff/passkeys', {
    audience: 'staff',
    guard: sessionGuard,
    signedIn: (request) => {
      const { sessionId, id, email, name } = staffOf(request);
      return { account: { audience: 'staff', id, email, name }, sessionId };
    },
    rateLimit: { max: 10, timeWindow: '1 minute' },
    tag: 'staff',
  });

  app.post(
    '/staff/passkeys/sign-in',
    {
      schema: {
        tags: ['staff'],
        summary:
          'Staff sign-in with a passkey, second step: the browser’s answer; sets the session cookie (no password, no authenticator code)',
        body: passkeySignInBody,
        response: { 200: sessionResponse, ...errorResponses },
      },
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const binding = passkeyBinding(request, reply, 'staff', ctx.config);
      const session = await finishPasskeySignIn(
        ctx,
        'staff',
        binding,
        request.body.response,
        requestMeta(request),
        async (tx, account) => {
          const [user] = await tx.select().from(staffUsers).where(eq(staffUsers.id, account.id));
          if (!user) throw new AppError('unauthenticated', 'Sign in again', { field: 'response' });
          return openStaffSession({ ...ctx, db: tx }, { ...user, hasPasskey: true });
        },
      );
      return startSession(reply, session);
    },
  );

  app.get(
    '/staff/session',
    {
      schema: {
        tags: ['staff'],
        summary: 'The signed-in staff member',
        response: { 200: z.object({ staff: staffSchema }), ...errorResponses },
      },
      onRequest: sessionGuard,
    },
    async (request) => ({ staff: visible(staffOf(request)) }),
  );

  app.delete(
    '/staff/session',
    {
      schema: {
        tags: ['staff'],
        summary: 'Sign out: revokes the session',
        response: { 204: z.null(), ...errorResponses },
      },
      onRequest: sessionGuard,
    },
    async (request, reply) => {
      await signOut(ctx, staffOf(request).sessionId);
      reply.clearCookie(cookie, { path: '/', secure });
      return reply.status(204).send(null);
    },
  );

  // Enrolment lives here, outside /api/admin, because an owner who has not enrolled may use nothing else.
  app.get(
    '/staff/second-factor',
    {
      schema: {
        tags: ['staff'],
        summary: 'Your second factor: enrolled or not, since when, recovery codes left',
        response: {
          200: z.object({
            enrolled: z.boolean(),
            enrolledAt: z.iso.datetime().nullable(),
            recoveryCodesLeft: z.number().int(),
            required: z.boolean(),
          }),
          ...errorResponses,
        },
      },
      onRequest: sessionGuard,
    },
    async (request) => secondFactorStatus(ctx, staffOf(request)),
  );

  app.post(
    '/staff/second-factor/enrolment',
    {
      schema: {
        tags: ['staff'],
        summary:
          'Start enrolling an authenticator app: a new secret as text, otpauth address and QR code, shown this once (409 when you have one)',
        response: {
          200: z.object({ secret: z.string(), uri: z.string(), qrCode: z.string() }),
          ...errorResponses,
        },
      },
      onRequest: sessionGuard,
    },
    async (request) => {
      const { name } = await getShopSettings(ctx.db);
      return startEnrolment(ctx, staffOf(request), `${name} back office`);
    },
  );

  app.post(
    '/staff/second-factor/confirmation',
    {
      schema: {
        tags: ['staff'],
        summary:
          'Finish enrolling with the first code the app shows: returns 10 single-use recovery codes, shown this once',
        body: z.strictObject({ code: z.string().min(1).max(16) }),
        response: { 200: z.object({ recoveryCodes: z.array(z.string()) }), ...errorResponses },
      },
      onRequest: sessionGuard,
      // A stolen session guessing the first code: bounded per member as the password change is.
      config: {
        rateLimit: {
          max: 10,
          timeWindow: '1 minute',
          keyGenerator: (request) => `staff-2fa:${request.staff?.id ?? request.ip}`,
        },
      },
    },
    async (request) => confirmEnrolment(ctx, staffOf(request), request.body.code),
  );
  // A stolen session guessing codes: bounded per member, as the enrolment's confirmation is.
  const perMember = (prefix: string) => ({
    rateLimit: {
      max: 10,
      timeWindow: '1 minute',
      keyGenerator: (request: { staff?: StaffPrincipal; ip: string }) =>
        `${prefix}:${request.staff?.id ?? request.ip}`,
    },
  });

  app.post(
    '/staff/second-factor/recovery-codes',
    {
      schema: {
        tags: ['staff'],
        summary:
          'Make new recovery codes with the code your authenticator shows now: the old ones stop working; the 10 new ones are shown this once',
        body: z.strictObject({ code: z.string().min(1).max(16) }),
        response: { 200: z.object({ recoveryCodes: z.array(z.string()) }), ...errorResponses },
      },
      onRequest: sessionGuard,
      config: perMember('staff-recovery'),
    },
    async (request) =>
      regenerateRecoveryCodes(ctx, staffOf(request), request.body.code, requestMeta(request)),
  );

  // PV-STF-2: the invitee's first sign-in. Outside /api/admin: they have no session yet.
  app.post(
    '/staff/invitation/acceptance',
    {
      schema: {
        tags: ['staff'],
        summary:
          'Accept an invitation: the token from the emailed link and the password you choose; sets the session cookie (400 naming token for a forged, expired, used or replaced link)',
        body: z.strictObject({
          token: z.string().min(1).max(200),
          // Strength is judged by the service, with a message meant for the person choosing it.
          password: z.string().min(1).max(STAFF_PASSWORD_MAX),
        }),
        response: { 200: sessionResponse, ...errorResponses },
      },
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
    },
    async (request, reply) =>
      startSession(reply, await acceptInvitation(ctx, request.body, requestMeta(request))),
  );

  // PV-STF-3: read and accepted before anything else of the back office, so outside /api/admin.
  const agreementSchema = z.object({
    version: z.number().int(),
    title: z.string(),
    paragraphs: z.array(z.string()),
    acceptedVersion: z.number().int().nullable(),
    acceptedAt: z.iso.datetime().nullable(),
  });

  app.get(
    '/staff/agreement',
    {
      schema: {
        tags: ['staff'],
        summary: 'The confidentiality agreement, its version, and which version you accepted when',
        response: { 200: agreementSchema, ...errorResponses },
      },
      onRequest: sessionGuard,
    },
    async (request) => {
      const view = await agreementFor(ctx, staffOf(request));
      return { ...view, paragraphs: [...view.paragraphs] };
    },
  );

  app.post(
    '/staff/agreement/acceptance',
    {
      schema: {
        tags: ['staff'],
        summary:
          'Accept the confidentiality agreement of the version you read (409 when it changed since): the back office opens',
        body: z.strictObject({ version: z.number().int().min(1) }),
        response: {
          200: z.object({ version: z.number().int(), acceptedAt: z.iso.datetime() }),
          ...errorResponses,
        },
      },
      onRequest: sessionGuard,
    },
    async (request) => acceptAgreement(ctx, staffOf(request), request.body.version),
  );
};
