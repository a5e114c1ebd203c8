/**
 * How the API reads a request body, one way for every route:
 *
 * - JSON is parsed here instead of by Fastify's default parser, so that a body that is valid JSON but carries
 *   a key the shop refuses (`__proto__`, or `constructor` holding a `prototype`: prototype pollution) is a 400
 *   naming that key, not "not valid JSON". Text that is not JSON stays `FST_ERR_CTP_INVALID_JSON_BODY`.
 */
import type { FastifyInstance } from 'fastify';
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
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, text, done) => {
    const body = String(text);
    if (body.length === 0) {
      done(fastifyError('FST_ERR_CTP_EMPTY_JSON_BODY', 'empty body'), undefined);
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
