/**
 * The pending sign-in between a correct password and the authenticator code: a short-lived signed token, not a
 * session (it opens nothing but the second step). It is stateless, `<staffId>.<expiresMs>.<mac>`, with the MAC
 * over the member's current password hash too, so changing the password voids every pending sign-in at once.
 * Guessing codes with one token is bounded by the second step's rate limit and writes a security event per try.
 */
import type { AppContext } from '../../context.ts';
import { hmac, safeEqual, sha256 } from '../../shared/crypto.ts';

function macOf(secret: string, staffId: string, expiresMs: number, passwordHash: string): string {
  return hmac(secret, `staff second step\0${staffId}\0${expiresMs}\0${sha256(passwordHash)}`);
}

/** A token valid for STAFF_SECOND_STEP_MINUTES for the member `user`. */
export function pendingSignInToken(
  ctx: Pick<AppContext, 'clock' | 'config' | 'secret'>,
  user: { id: string; passwordHash: string },
): { token: string; expiresAt: Date } {
  const expiresMs = ctx.clock.now().getTime() + ctx.config.STAFF_SECOND_STEP_MINUTES * 60_000;
  return {
    token: `${user.id}.${expiresMs}.${macOf(ctx.secret, user.id, expiresMs, user.passwordHash)}`,
    expiresAt: new Date(expiresMs),
  };
}

/** The member id a token claims, before its MAC is checked (the MAC needs the member's password hash). */
export function claimedStaffId(token: string): string | null {
  const [staffId] = token.split('.');
  return staffId && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(staffId)
    ? staffId
    : null;
}

/** Whether `token` was issued for `user` with their current password and has not expired at `now`. */
export function pendingSignInValid(
  ctx: Pick<AppContext, 'clock' | 'secret'>,
  token: string,
  user: { id: string; passwordHash: string },
): boolean {
  const [staffId, expires, mac] = token.split('.');
  if (staffId !== user.id || !expires || !mac || !/^\d{1,15}$/.test(expires)) return false;
  const expiresMs = Number(expires);
  if (!safeEqual(mac, macOf(ctx.secret, user.id, expiresMs, user.passwordHash))) return false;
  return ctx.clock.now().getTime() < expiresMs;
}
