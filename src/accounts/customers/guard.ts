import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import type { AppContext } from '../../context.ts';
import { sessionCookieName } from '../../shared/cookie-names.ts';
import { AppError } from '../../shared/errors.ts';
import type { CustomerPrincipal, RequestMeta } from './account-records.ts';
import { customerFromToken } from './sign-in.service.ts';

/** The customer session cookie's base name; see `customerCookieName` for the name it is set under. */
export const CUSTOMER_COOKIE = 'ac_customer';

/** `__Host-ac_customer` with Secure cookies, `ac_customer` on plain HTTP (COOKIE_SECURE=false). */
export function customerCookieName(config: Pick<Config, 'COOKIE_SECURE'>): string {
  return sessionCookieName(CUSTOMER_COOKIE, config);
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by `requireCustomer` on the account's routes. */
    customer?: CustomerPrincipal;
  }
}

/** Where a request came from, for sessions and security events (the IP as Fastify resolved it, TRUST_PROXY). */
export function requestMeta(request: FastifyRequest): RequestMeta {
  return { ip: request.ip, userAgent: request.headers['user-agent'] ?? '' };
}

/**
 * The account guard: a valid customer session or 401. A cookie that no longer opens a session (signed out,
 * expired, idle) is cleared so the browser stops sending it.
 */
export function requireCustomer(ctx: AppContext) {
  const cookie = customerCookieName(ctx.config);
  const secure = ctx.config.COOKIE_SECURE ?? true;
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const token = request.cookies[cookie];
    const customer = token ? await customerFromToken(ctx, token, requestMeta(request)) : null;
    if (!customer) {
      if (token) reply.clearCookie(cookie, { path: '/', secure });
      throw new AppError('unauthenticated', 'Sign in to your account to continue');
    }
    request.customer = customer;
  };
}

/** The customer of a guarded request (the guard guarantees one). */
export function customerOf(request: FastifyRequest): CustomerPrincipal {
  if (!request.customer) throw new AppError('unauthenticated', 'Sign in to your account to continue');
  return request.customer;
}
