import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import type { Config } from '../config.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Payment processors call their webhooks from their own servers, with a signature instead of a cookie. */
const WEBHOOK_PREFIX = '/api/payments/webhooks/';

/**
 * PV-USE-1, RFC 8058: mail providers post `List-Unsubscribe=One-Click` to a campaign's unsubscribe URL from
 * wherever they run, with no cookies. The token in its address is the only authority it carries, so such a
 * post is let through when it carries no cookies; with cookies the usual check applies.
 */
const ONE_CLICK_UNSUBSCRIBE_PATH = '/newsletter/unsubscribe';

function isOneClickUnsubscribe(request: FastifyRequest): boolean {
  return (
    request.method === 'POST' &&
    request.headers.cookie === undefined &&
    (request.url.split('?')[0] ?? '') === ONE_CLICK_UNSUBSCRIBE_PATH
  );
}

/**
 * CSRF defence for writes: a browser tells where a request comes from (Sec-Fetch-Site, Origin), and a write
 * from anywhere but the shop's own origin is refused with a 403. The whole origin counts — scheme, host and
 * port — so `http://shop` posting to `https://shop`, or another port or subdomain of the same host, is
 * refused too. The shop's origins are PUBLIC_URL's and the one the request itself was addressed to (a
 * proxy without TRUST_PROXY makes them differ in scheme). `Origin: null` (sandboxed frames, opaque
 * redirects, privacy modes) is refused whenever the request carries cookies, since it proves nothing about
 * who sent them. Clients that are not browsers send neither header and are not affected; SameSite=Lax
 * cookies are the second layer.
 */
export function rejectCrossSiteWrites(config: Pick<Config, 'PUBLIC_URL'>) {
  const publicOrigin = originOf(config.PUBLIC_URL);
  // A callback hook, not an async one: it runs for every request, and most are reads that pass at once.
  return (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void => {
    const safe =
      SAFE_METHODS.has(request.method) ||
      request.url.startsWith(WEBHOOK_PREFIX) ||
      isOneClickUnsubscribe(request);
    if (safe || !isCrossOrigin(request, publicOrigin)) done();
    else reply.status(403).send({ error: { code: 'forbidden', message: 'Cross-site request refused' } });
  };
}

function isCrossOrigin(request: FastifyRequest, publicOrigin: string | null): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') return true;
  const origin = request.headers.origin;
  if (origin === undefined) return false;
  if (origin === 'null') return request.headers.cookie !== undefined;
  const claimed = originOf(origin);
  if (claimed === null) return true;
  return claimed !== publicOrigin && claimed !== originOf(`${request.protocol}://${request.host}`);
}

/** `scheme://host[:port]` with default ports dropped and the host lower-cased, or null when unparseable. */
function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.origin === 'null' ? null : parsed.origin;
  } catch {
    return null;
  }
}
