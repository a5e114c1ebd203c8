/**
 * The cart cookie, one definition for the JSON API (Fastify's setCookie) and the web pages (a Set-Cookie
 * header on a React Router response): same name, HttpOnly, Secure unless COOKIE_SECURE=false,
 * SameSite=Lax, the whole site, 30 days.
 */
import type { Config } from '../config.ts';
import { CART_COOKIE, CART_DAYS } from './cart.service.ts';

export interface CartCookieOptions {
  httpOnly: true;
  secure: boolean;
  sameSite: 'lax';
  path: '/';
  /** Seconds. */
  maxAge: number;
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
    `${CART_COOKIE}=${encodeURIComponent(token)}`,
    `Max-Age=${o.maxAge}`,
    `Path=${o.path}`,
    'HttpOnly',
  ];
  if (o.secure) parts.push('Secure');
  parts.push('SameSite=Lax');
  return parts.join('; ');
}

/** The cart token in a Cookie request header, if any. */
export function cartTokenOf(cookieHeader: string | null | undefined): string | undefined {
  if (!cookieHeader) return undefined;
  for (const pair of cookieHeader.split(';')) {
    const eq = pair.indexOf('=');
    if (eq < 0 || pair.slice(0, eq).trim() !== CART_COOKIE) continue;
    const raw = pair.slice(eq + 1).trim();
    try {
      return decodeURIComponent(raw) || undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}
