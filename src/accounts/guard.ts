import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import type { AppContext } from '../context.ts';
import { sessionCookieName } from '../shared/cookie-names.ts';
import { AppError, Forbidden } from '../shared/errors.ts';
import { type StaffPrincipal, staffFromToken } from './staff.service.ts';

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

/** The back-office guard: a valid staff session or 401. */
export function requireStaff(ctx: AppContext) {
  const cookie = staffCookieName(ctx.config);
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const token = request.cookies[cookie];
    const staff = token ? await staffFromToken(ctx, token) : null;
    if (!staff) throw new AppError('unauthenticated', 'Sign in as staff to use the back office');
    request.staff = staff;
  };
}

/** The staff member of a guarded request (the guard guarantees one). */
export function staffOf(request: FastifyRequest): StaffPrincipal {
  if (!request.staff) throw new AppError('unauthenticated', 'Sign in as staff to use the back office');
  return request.staff;
}

/** A route only some roles may use: 403 for other staff (the session guard has already run). */
export function requireRole(...roles: ReadonlyArray<StaffPrincipal['role']>) {
  return async (request: FastifyRequest): Promise<void> => {
    const staff = staffOf(request);
    if (!roles.includes(staff.role)) {
      throw new Forbidden(`Only ${roles.join(' or ')} staff may do this`);
    }
  };
}
