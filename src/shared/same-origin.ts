import type { FastifyReply, FastifyRequest } from 'fastify';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF defence for cookie-authenticated writes: a browser tells where a request comes from (Sec-Fetch-Site,
 * Origin), and a write sent from another site is refused. Clients that are not browsers send neither and
 * are not affected; SameSite=Lax cookies are the second layer.
 */
export async function rejectCrossSiteWrites(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (SAFE_METHODS.has(request.method)) return;
  const site = request.headers['sec-fetch-site'];
  const origin = request.headers.origin;
  const crossSite =
    site === 'cross-site' ||
    (typeof origin === 'string' && origin !== 'null' && hostOf(origin) !== request.host);
  // Payment processors call their webhooks from their own servers, with a signature instead of a cookie.
  if (crossSite && !request.url.startsWith('/api/payments/webhooks/')) {
    await reply.status(403).send({ error: { code: 'forbidden', message: 'Cross-site request refused' } });
  }
}

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}
