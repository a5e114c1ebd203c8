/**
 * helmet's security headers (HSTS, nosniff, frame options, …) on every answer, worked out once at start-up.
 * @fastify/helmet runs `helmet(options)` — validating the options and building eleven middlewares — again on
 * every request, through two hooks; the headers are the same each time, so here helmet runs once against a
 * recording response and each request gets the recorded headers. Only static options are accepted: a
 * per-request value (a CSP nonce) belongs to the page that needs it (see web/plugin.ts).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

/** The headers helmet sets for `options`, lower-cased names to values. Throws if helmet answers asynchronously. */
export function helmetHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  let done = false;
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error;
    done = true;
  });
  if (!done) throw new Error('helmet did not set its headers synchronously');
  return headers;
}

/** Adds helmet's headers (for static `options`) to every answer of `app`, 404s and errors included. */
export function installSecurityHeaders(app: FastifyInstance, options: HelmetOptions): void {
  const headers = helmetHeaders(options);
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
}
