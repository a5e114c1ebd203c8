import type { FastifyReply, FastifyRequest, RequestPayload } from 'fastify';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/client.ts';
import { MicroCache } from '../shared/micro-cache.ts';
import { CATALOG_CACHE_CONTROL, etagMatches, weakEtag } from './http-cache.ts';

// One cache per database handle, i.e. per app: tests run many apps in one process.
const caches = new WeakMap<Db, MicroCache>();

export function catalogCache(ctx: Pick<AppContext, 'db' | 'config' | 'clock'>): MicroCache {
  let cache = caches.get(ctx.db);
  if (!cache) {
    cache = new MicroCache({ ttlMs: ctx.config.CATALOG_CACHE_MS, now: () => ctx.clock.now().getTime() });
    caches.set(ctx.db, cache);
  }
  return cache;
}

/** A browser's hard reload (or a client that must see the latest) skips the cache. */
function wantsFresh(request: FastifyRequest): boolean {
  const control = request.headers['cache-control'];
  return control?.includes('no-cache') === true || request.headers.pragma === 'no-cache';
}

const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * Hooks for a public catalog GET route: answer from the micro-cache when it can (with 304 on a matching
 * If-None-Match), and otherwise set the ETag, answer 304 when it matches, and keep the body for the next
 * callers.
 *
 * A hit is answered in the route's `preParsing` hook: after every `onRequest` hook (the security headers,
 * the cross-site check, and the rate limit, which @fastify/rate-limit appends to each route's own
 * `onRequest` list, so a route-level `onRequest` hook would run before it), but before the query string is
 * validated, the handler runs and the answer is serialized: all of that already happened for the very same
 * URL when the entry was stored (only a 200 is stored, under the exact `request.url`, so a hit is a URL that
 * passed validation). The body is kept as UTF-8 bytes, so a hit costs neither serialization nor encoding.
 */
export function cachedCatalogRead(cache: MicroCache) {
  return {
    preParsing(
      request: FastifyRequest,
      reply: FastifyReply,
      payload: RequestPayload,
      done: (error: Error | null, payload?: RequestPayload) => void,
    ) {
      if (!cache.enabled || wantsFresh(request)) return done(null, payload);
      const hit = cache.get(request.url);
      if (!hit) return done(null, payload);
      reply.header('etag', hit.etag).header('cache-control', CATALOG_CACHE_CONTROL);
      if (etagMatches(request.headers['if-none-match'], hit.etag)) {
        reply.code(304).send();
        return;
      }
      reply.header('content-type', JSON_TYPE).send(hit.body);
    },
    onSend(
      request: FastifyRequest,
      reply: FastifyReply,
      payload: unknown,
      done: (error: Error | null, payload?: unknown) => void,
    ) {
      // Answered from the cache (a Buffer, headers set already), an error, or no body: left as it is.
      if (reply.statusCode !== 200 || typeof payload !== 'string') return done(null, payload);
      const etag = weakEtag(payload);
      reply.header('etag', etag).header('cache-control', CATALOG_CACHE_CONTROL);
      cache.set(request.url, payload, etag);
      if (!etagMatches(request.headers['if-none-match'], etag)) return done(null, payload);
      reply.code(304);
      reply.removeHeader('content-type');
      done(null, null);
    },
  };
}
