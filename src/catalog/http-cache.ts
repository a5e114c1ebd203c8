/**
 * Conditional GET for public catalog reads: a weak ETag from the hash of the body the client would get, and
 * `304 Not Modified` when it already has it. Shared caches may keep a response for 30 s and serve it stale
 * for a minute more while they revalidate.
 */
import { hash } from 'node:crypto';

export const CATALOG_CACHE_CONTROL = 'public, max-age=30, stale-while-revalidate=60';

export function weakEtag(body: string | Buffer): string {
  return `W/"${hash('sha1', body, 'base64url')}"`;
}

/** If-None-Match uses the weak comparison (RFC 9110 §13.1.2): `W/` is ignored on both sides. */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = etag.replace(/^W\//, '');
  return ifNoneMatch
    .split(',')
    .map((tag) => tag.trim())
    .some((tag) => tag === '*' || tag.replace(/^W\//, '') === opaque);
}
