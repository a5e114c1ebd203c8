import type { Config } from '../config.ts';

/**
 * The name a session cookie is set and read under. With Secure cookies (COOKIE_SECURE, the default) it
 * carries the `__Host-` prefix: browsers then accept it only when Secure, for Path=/ and without a Domain,
 * so a sibling subdomain or a plain-HTTP page can neither set nor overwrite it (no session fixation by
 * cookie tossing). Plain HTTP (COOKIE_SECURE=false) cannot have the prefix, so the bare name is used. Only
 * the name of the current mode is ever read: a bare cookie next to a prefixed one is ignored.
 */
export function sessionCookieName(base: string, config: Pick<Config, 'COOKIE_SECURE'>): string {
  return (config.COOKIE_SECURE ?? true) ? `__Host-${base}` : base;
}
