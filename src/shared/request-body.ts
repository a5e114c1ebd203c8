/**
 * How the API reads a request body, one way for every route:
 *
 * - JSON is parsed here instead of by Fastify's default parser, so that a body that is valid JSON but carries
 *   a key the shop refuses (`__proto__`, or `constructor` holding a `prototype`: prototype pollution) is a 400
 *   naming that key, not "not valid JSON". Text that is not JSON stays `FST_ERR_CTP_INVALID_JSON_BODY`.
 * - A route whose schema declares no body takes none: `refuseStrayBody` answers a non-empty body with a 400 on
 *   `body`. No body, an empty body and no content type keep working (what the web pages and `curl -X POST`
 *   send); an empty JSON body on such a route is no body.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ValidationError } from './errors.ts';

/** The keys no JSON body may hold, anywhere: the ones that reach an object's prototype. */
const FORBIDDEN_KEY = /"(?:__proto__|constructor)"\s*:/;

/** The dotted path of the first forbidden key in `value` (`lines.0.__proto__`), or null. */
export function forbiddenKeyPath(value: unknown, path: readonly string[] = []): string | null {
  if (value === null || typeof value !== 'object') return null;
  for (const key of Object.keys(value)) {
    const child = (value as Record<string, unknown>)[key];
    const here = [...path, key];
    if (key === '__proto__') return here.join('.');
    if (
      key === 'constructor' &&
      child !== null &&
      typeof child === 'object' &&
      Object.hasOwn(child, 'prototype')
    ) {
      return here.join('.');
    }
    const deeper = forbiddenKeyPath(child, here);
    if (deeper) return deeper;
  }
  return null;
}

/** Whether the matched route declares a request body in its schema. */
function routeTakesBody(request: FastifyRequest): boolean {
  return request.routeOptions.schema?.body !== undefined;
}

/** An error with Fastify's code, so the one error handler maps it as it maps Fastify's own. */
function fastifyError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code, statusCode: 400 });
}

/**
 * Replaces Fastify's JSON parser on `app` (call before any route is registered; an encapsulated plugin may
 * still replace it again, as the payment webhooks do to read raw bytes). Same limits as the default parser.
 */
export function installJsonBodyParser(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, text, done) => {
    const body = String(text);
    if (body.length === 0) {
      // A client that always sends the JSON content type: no body is fine where none is taken.
      if (routeTakesBody(request)) done(fastifyError('FST_ERR_CTP_EMPTY_JSON_BODY', 'empty body'), undefined);
      else done(null, undefined);
      return;
    }
    let parsed: unknown;
    try {
      // A BOM is not JSON, but Fastify's parser allowed one: keep accepting it.
      parsed = JSON.parse(body.charCodeAt(0) === 0xfeff ? body.slice(1) : body);
    } catch {
      done(fastifyError('FST_ERR_CTP_INVALID_JSON_BODY', 'invalid JSON'), undefined);
      return;
    }
    // JSON.parse makes `__proto__` an own key (no pollution yet); it must not reach code that copies objects.
    // An escaped key (`"\u005f_proto__"`) is the same key once parsed: look whenever one could be there.
    const key = FORBIDDEN_KEY.test(body) || body.includes('\\u') ? forbiddenKeyPath(parsed) : null;
    if (key) {
      const name = key.split('.').at(-1);
      done(new ValidationError([{ field: key, message: `the key "${name}" is not allowed` }]), undefined);
      return;
    }
    done(null, parsed);
  });
}

/**
 * preValidation hook for the whole API: a route with a schema but no `body` in it refuses a body (400 on
 * `body`), so a client that sends one learns that it was ignored. Routes without a schema (the storefront's
 * pages, which read their own forms) are not touched; multipart uploads leave `request.body` undefined.
 */
export async function refuseStrayBody(request: FastifyRequest): Promise<void> {
  if (!request.routeOptions.schema || routeTakesBody(request)) return;
  const body: unknown = request.body;
  if (body === undefined || body === '') return;
  if (Buffer.isBuffer(body) && body.length === 0) return;
  throw new ValidationError([{ field: 'body', message: 'this request takes no body: send none' }]);
}
