import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from '../context.ts';

/**
 * What every page loader and action receives as `context`: the same AppContext the JSON API gets, so pages
 * call the same service functions, plus what belongs to this one request.
 */
// A type alias, not an interface: React Router's AppLoadContext has an index signature to satisfy.
export type WebLoadContext = {
  ctx: AppContext;
  /** Per-request CSP nonce for React Router's inline scripts and the theme style. */
  nonce: string;
  /** Fastify's request id: the reference a customer quotes from an error page, and the key in the log. */
  requestId: string;
  log: FastifyBaseLogger;
  /** The client's address as Fastify sees it (trustProxy applied): sign-in throttling and session lists. */
  ip: string;
};
