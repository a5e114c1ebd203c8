import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { ownerOnlyRecorded, rolesOnlyRecorded } from '../../privacy/staff-access/owner-only.ts';
import { errorResponses } from '../../shared/http-schemas.ts';
import { requestMeta, staffOf } from '../guard.ts';
import { listStaff, resetSecondFactor } from '../second-factor/reset.ts';
import {
  listSecurityEvents,
  reviewSecurityEvent,
  shownEvents,
  unreviewedSecurityEventCount,
} from './list-events.ts';
import {
  securityEventIdParams,
  securityEventListQuery,
  securityEventListResponse,
  securityEventSchema,
  securityEventSummaryResponse,
} from './schemas.ts';

/** Who follows security events up (PV-ACC-2): the owner and customer service; the workshop does not. */
export const securityEventRoles = ['owner', 'customer_service'] as const;

/** The back office's security events and the owner's staff page, under the /api/admin guard. */
export const securityAdminRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const security = [{ staffSession: [] }];
  // PV-STF-1: the events name accounts' emails and addresses, so a refused member is a row of the staff access
  // log, as on every personal-data route. The summary is a count, no one's data: a plain 403 there.
  const eventsGuard = rolesOnlyRecorded(ctx, 'security_event', securityEventRoles, {
    fields: ['email', 'ip', 'user_agent'],
    message:
      'Security events are followed up by the owner and customer service; the attempt is recorded in the audit log',
  });
  // A count is no one's data (PV-STF-1 records reads of personal data): refused, not recorded.
  const summaryGuard = rolesOnlyRecorded(ctx, null, securityEventRoles);
  const ownerOnly = ownerOnlyRecorded(ctx, 'staff_member');

  app.get(
    '/security-events',
    {
      onRequest: eventsGuard,
      schema: {
        tags: ['admin: security'],
        security,
        summary:
          'Security events of customer and staff accounts, newest first; filter by reviewed or not and by reason (owner and customer service)',
        querystring: securityEventListQuery,
        response: { 200: securityEventListResponse, ...errorResponses },
      },
    },
    async (request) => listSecurityEvents(ctx, request.query, staffOf(request)),
  );

  app.get(
    '/security-events/summary',
    {
      onRequest: summaryGuard,
      schema: {
        tags: ['admin: security'],
        security,
        summary: 'How many security events wait for review (owner and customer service)',
        response: { 200: securityEventSummaryResponse, ...errorResponses },
      },
    },
    async () => ({ unreviewed: await unreviewedSecurityEventCount(ctx.db) }),
  );

  app.post(
    '/security-events/:id/review',
    {
      onRequest: eventsGuard,
      schema: {
        tags: ['admin: security'],
        security,
        summary: 'Mark an event reviewed: records who and when (the first review stays)',
        params: securityEventIdParams,
        response: { 200: z.object({ event: securityEventSchema }), ...errorResponses },
      },
    },
    async (request) => {
      const staff = staffOf(request);
      const event = await reviewSecurityEvent(ctx, request.params.id, staff.id);
      const [shown] = await shownEvents(ctx, staff, [event]);
      return { event: shown ?? event };
    },
  );

  app.get(
    '/staff',
    {
      onRequest: ownerOnly,
      schema: {
        tags: ['admin: security'],
        security,
        summary: 'The shop’s staff and whether each signs in with an authenticator (owner)',
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.uuid(),
                email: z.string(),
                name: z.string(),
                role: z.enum(['owner', 'customer_service', 'technician']),
                active: z.boolean(),
                secondFactor: z.boolean(),
                /** How many passkeys the member signs in with (each is both factors). */
                passkeys: z.number().int(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async () => ({ items: await listStaff(ctx) }),
  );

  app.post(
    '/staff/:id/second-factor/reset',
    {
      onRequest: ownerOnly,
      schema: {
        tags: ['admin: security'],
        security,
        summary:
          'Reset a member’s lost second factor: their authenticator, recovery codes and passkeys go, their sessions end, a security event is written (owner)',
        params: z.strictObject({ id: z.uuid() }),
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await resetSecondFactor(ctx, staffOf(request), request.params.id, requestMeta(request));
      return reply.status(204).send(null);
    },
  );
};
