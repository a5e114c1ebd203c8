/**
 * Staff invitations as the invitee's page uses them (PV-STF-2): the same service functions as
 * POST /api/staff/invitation/acceptance, and the same staff session cookie as the JSON API sets
 * (`__Host-ac_staff`, or `ac_staff` when COOKIE_SECURE=false; HttpOnly, SameSite=Lax, the whole site, for
 * STAFF_SESSION_HOURS). `.server` keeps the database code out of the browser.
 */
import type { AppLoadContext } from 'react-router';
import { STAFF_PASSWORD_MIN } from '../../../src/accounts/passwords.ts';
import { type StaffPrincipal, staffFromToken } from '../../../src/accounts/staff.service.ts';
import {
  acceptInvitation,
  InvitationRefused,
  openInvitation,
} from '../../../src/accounts/staff-lifecycle/accept-invitation.ts';
import { sessionCookieName } from '../../../src/shared/cookie-names.ts';

export { acceptInvitation, InvitationRefused, openInvitation, STAFF_PASSWORD_MIN };

/** The staff member of the request's session cookie, or null (no cookie, or a session that has ended). */
export async function staffOfRequest(
  context: AppLoadContext,
  request: Request,
): Promise<StaffPrincipal | null> {
  const name = sessionCookieName(STAFF_COOKIE, context.ctx.config);
  for (const pair of (request.headers.get('cookie') ?? '').split(';')) {
    const eq = pair.indexOf('=');
    if (eq < 0 || pair.slice(0, eq).trim() !== name) continue;
    try {
      const token = decodeURIComponent(pair.slice(eq + 1).trim());
      return token ? await staffFromToken(context.ctx, token) : null;
    } catch {
      return null;
    }
  }
  return null;
}

/** The staff session cookie's base name (STAFF_COOKIE in src/accounts/guard.ts, which the browser build cannot import). */
const STAFF_COOKIE = 'ac_staff';

/** Set-Cookie for the staff session the acceptance opened. */
export function staffSessionHeaders(context: AppLoadContext, token: string): Headers {
  const { config } = context.ctx;
  const parts = [
    `${sessionCookieName(STAFF_COOKIE, config)}=${encodeURIComponent(token)}`,
    `Max-Age=${config.STAFF_SESSION_HOURS * 3600}`,
    'Path=/',
    'HttpOnly',
  ];
  if (config.COOKIE_SECURE ?? true) parts.push('Secure');
  parts.push('SameSite=Lax');
  return new Headers({ 'Set-Cookie': parts.join('; ') });
}
