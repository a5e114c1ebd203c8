import type { FastifyReply, FastifyRequest } from 'fastify';
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
  const control = request.headers['cache-control'] ?? '';
  return control.includes('no-cache') || request.headers.pragma === 'no-cache';
}

/**
 * Hooks for a public catalog GET route: answer from the micro-cache when it can (with 304 on a matching
 * If-None-Match), and otherwise set the ETag, answer 304 when it matches, and keep the body for the next
 * callers.
 */
export function cachedCatalogRead(cache: MicroCache) {
  return {
    async preHandler(request: FastifyRequest, reply: FastifyReply) {
      if (!cache.enabled || wantsFresh(request)) return;
      const hit = cache.get(request.url);
      if (!hit) return;
      reply.header('etag', hit.etag).header('cache-control', CATALOG_CACHE_CONTROL);
      if (etagMatches(request.headers['if-none-match'], hit.etag)) return reply.code(304).send();
      return reply.type('application/json; charset=utf-8').send(hit.body);
    },
    async onSend(request: FastifyRequest, reply: FastifyReply, payload: unknown) {
      if (reply.statusCode !== 200 || typeof payload !== 'string') return payload;
      // Answered from the cache: the headers are set already.
      if (reply.hasHeader('etag')) return payload;
      const etag = weakEtag(payload);
      reply.header('etag', etag).header('cache-control', CATALOG_CACHE_CONTROL);
      cache.set(request.url, payload, etag);
      if (!etagMatches(request.headers['if-none-match'], etag)) return payload;
      reply.code(304);
      reply.removeHeader('content-type');
      return null;
    },
  };
}
