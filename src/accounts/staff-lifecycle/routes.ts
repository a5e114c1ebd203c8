import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { ownerOnlyRecorded } from '../../privacy/staff-access/owner-only.ts';
import { errorResponses } from '../../shared/http-schemas.ts';
import { requestMeta, staffCookieName, staffOf } from '../guard.ts';
import { deactivateStaff } from './deactivate.ts';
import { inviteStaff, openInvitations, staffNameInput } from './invite.ts';

const roleSchema = z.enum(['owner', 'customer_service', 'technician']);
const invitationSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
});

/** PV-STF-2: what the member left open and went back to the queue for the others to take. */
export const deactivationResponse = z.object({
  released: z.object({ cases: z.number().int(), orders: z.number().int() }),
});

/** PV-STF-2: the owner's invitations and deactivations, under the /api/admin guard. */
export const staffLifecycleAdminRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const security = [{ staffSession: [] }];
  const ownerOnly = ownerOnlyRecorded(ctx, 'staff_member');

  app.post(
    '/staff/invitations',
    {
      onRequest: ownerOnly,
      schema: {
        tags: ['admin: staff'],
        security,
        summary:
          'Invite a member by email, name and role: the email with a one-time link (STAFF_INVITATION_HOURS) is queued; an open invitation to the address is replaced (owner)',
        body: z.strictObject({
          email: z.email().max(254),
          name: staffNameInput,
          role: roleSchema,
        }),
        response: { 201: z.object({ invitation: invitationSchema }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const invitation = await inviteStaff(ctx, staffOf(request), request.body);
      return reply.status(201).send({ invitation });
    },
  );

  app.get(
    '/staff/invitations',
    {
      onRequest: ownerOnly,
      schema: {
        tags: ['admin: staff'],
        security,
        summary: 'Invitations waiting for an answer: not accepted, replaced or expired (owner)',
        response: { 200: z.object({ items: z.array(invitationSchema) }), ...errorResponses },
      },
    },
    async () => ({ items: await openInvitations(ctx) }),
  );

  app.post(
    '/staff/:id/deactivation',
    {
      onRequest: ownerOnly,
      schema: {
        tags: ['admin: staff'],
        security,
        summary:
          'Deactivate a member: their sessions, password, second factor and invitations stop at once; their open cases and orders go back to the queue (unassigned, counted in the answer); a security event names who did it (owner; 409 for the last active owner)',
        params: z.strictObject({ id: z.uuid() }),
        response: { 200: deactivationResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const owner = staffOf(request);
      const done = await deactivateStaff(ctx, owner, request.params.id, requestMeta(request));
      // An owner who deactivated themselves (another owner stays) is signed out here as everywhere.
      if (request.params.id === owner.id) {
        reply.clearCookie(staffCookieName(ctx.config), {
          path: '/',
          secure: ctx.config.COOKIE_SECURE ?? true,
        });
      }
      return reply.status(200).send(done);
    },
  );
};
