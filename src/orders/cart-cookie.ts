/**
 * The cart cookie, one definition for the JSON API (Fastify's setCookie) and the web pages (a Set-Cookie
 * header on a React Router response): same name (`__Host-ac_cart`, or `ac_cart` when COOKIE_SECURE=false),
 * HttpOnly, Secure unless COOKIE_SECURE=false, SameSite=Lax, the whole site, 30 days.
 */
import type { Config } from '../config.ts';
import { sessionCookieName } from '../shared/cookie-names.ts';
import { CART_COOKIE, CART_DAYS } from './cart.service.ts';

export interface CartCookieOptions {
  httpOnly: true;
  secure: boolean;
  sameSite: 'lax';
  path: '/';
  /** Seconds. */
  maxAge: number;
}

/** The name the cart cookie is set and read under (see sessionCookieName). */
export function cartCookieName(config: Pick<Config, 'COOKIE_SECURE'>): string {
  return sessionCookieName(CART_COOKIE, config);
}

export function cartCookieOptions(config: Pick<Config, 'COOKIE_SECURE'>): CartCookieOptions {
  return {
    httpOnly: true,
    secure: config.COOKIE_SECURE ?? true,
    sameSite: 'lax',
    path: '/',
    maxAge: CART_DAYS * 86_400,
  };
}

/** The Set-Cookie header value that stores (or extends) a cart token. */
export function cartSetCookie(config: Pick<Config, 'COOKIE_SECURE'>, token: string): string {
  const o = cartCookieOptions(config);
  const parts = [
    `${cartCookieName(config)}=${encodeURIComponent(token)}`,
    `Max-Age=${o.maxAge}`,
    `Path=${o.path}`,
    'HttpOnly',
  ];
  if (o.secure) parts.push('Secure');
  parts.push('SameSite=Lax');
  return parts.join('; ');
}

/** The cart token in a Cookie request header, if any. */
export function cartTokenOf(
  config: Pick<Config, 'COOKIE_SECURE'>,
  cookieHeader: string | null | undefined,
): string | undefined {
  if (!cookieHeader) return undefined;
  const name = cartCookieName(config);
  for (const pair of cookieHeader.split(';')) {
    const eq = pair.indexOf('=');
    if (eq < 0 || pair.slice(0, eq).trim() !== name) continue;
    const raw = pair.slice(eq + 1).trim();
    try {
      return decodeURIComponent(raw) || undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}
