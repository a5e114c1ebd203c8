import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * An onRequest hook for routes whose answers carry personal data (a cart, an order, a staff session, the
 * whole back office): `Cache-Control: no-store`, set before anything else runs so errors and 401s carry it
 * too, and no browser, proxy or back/forward cache keeps a copy.
 */
export async function noStore(_request: FastifyRequest, reply: FastifyReply): Promise<void> {
  reply.header('cache-control', 'no-store');
}
