import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import type { AppContext } from '../context.ts';
import { recordStaffAccess } from '../privacy/staff-access/record-access.ts';
import { sessionCookieName } from '../shared/cookie-names.ts';
import { AppError, Forbidden } from '../shared/errors.ts';
import { deactivatedMemberOfToken, type StaffPrincipal, staffFromToken } from './staff.service.ts';

/** The staff session cookie's base name; see `staffCookieName` for the name it is set under. */
export const STAFF_COOKIE = 'ac_staff';

/** `__Host-ac_staff` with Secure cookies, `ac_staff` on plain HTTP (COOKIE_SECURE=false). */
export function staffCookieName(config: Pick<Config, 'COOKIE_SECURE'>): string {
  return sessionCookieName(STAFF_COOKIE, config);
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by `requireStaff` on every /api/admin request. */
    staff?: StaffPrincipal;
  }
}

/**
 * The back-office guard: a valid staff session or 401. An owner without a second factor gets a 403 everywhere
 * but on the routes that pass `allowSetUp` (their session, sign-out, enrolment and the agreement): the owner
 * must use an authenticator (issue 12 point 3). So does a member who has not accepted the current
 * confidentiality agreement (PV-STF-3): the 403 says so and names the clause. The session is allowed to exist before enrolment rather than making the
 * password step hand out a second kind of token: one cookie, one lookup, and the check here is the single
 * place that decides, so no back-office route can forget it.
 */
export function requireStaff(ctx: AppContext, options: { allowSetUp?: boolean } = {}) {
  const cookie = staffCookieName(ctx.config);
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const token = request.cookies[cookie];
    const staff = token ? await staffFromToken(ctx, token) : null;
    if (!staff) {
      if (token) await recordFormerMember(ctx, token);
      throw new AppError('unauthenticated', 'Sign in as staff to use the back office');
    }
    if (staff.enrolmentRequired && !options.allowSetUp) {
      throw new Forbidden('Set up two-factor sign-in first: the owner signs in with an authenticator app');
    }
    // PV-STF-3: nothing of the back office before the confidentiality agreement is accepted.
    if (staff.agreementRequired && !options.allowSetUp) {
      throw new AppError(
        'forbidden',
        'Read and accept the confidentiality agreement first: the back office opens once you have',
        { clause: 'PV-STF-3' },
      );
    }
    request.staff = staff;
  };
}

/**
 * PV-STF-1, PV-STF-2: a deactivated member's old cookie is refused like any other (401) and written to the staff
 * access log as a refusal in their name, so the owner sees a former member still trying.
 */
async function recordFormerMember(ctx: AppContext, token: string): Promise<void> {
  const former = await deactivatedMemberOfToken(ctx.db, token);
  if (!former) return;
  await recordStaffAccess(ctx.db, former, ctx.clock.now(), [
    { outcome: 'refused', recordType: 'staff_session', recordId: null, customerId: null, fields: [] },
  ]);
}

/** Where a request came from, for security events: the address Fastify trusts and the client's user agent. */
export function requestMeta(request: FastifyRequest): { ip: string; userAgent: string } {
  return { ip: request.ip, userAgent: String(request.headers['user-agent'] ?? '') };
}

/** The staff member of a guarded request (the guard guarantees one). */
export function staffOf(request: FastifyRequest): StaffPrincipal {
  if (!request.staff) throw new AppError('unauthenticated', 'Sign in as staff to use the back office');
  return request.staff;
}

// A route only some roles may use is guarded by `rolesOnlyRecorded` / `ownerOnlyRecorded`
// (privacy/staff-access/owner-only.ts), never by a bare role check: PV-STF-1 records every refusal.
