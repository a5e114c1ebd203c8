/**
 * Serves the storefront from the Fastify process: hashed assets from build/client, and every other non-API
 * URL through React Router's request handler. The adapter is small on purpose: Fastify request → Web
 * `Request`, `createRequestHandler(build)(request, loadContext)`, Web `Response` → Fastify reply (status,
 * headers including several Set-Cookie, streamed body). Register it after the API plugins: /api/* keeps its
 * JSON 404.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { pathToFileURL } from 'node:url';
import { constants as zlib } from 'node:zlib';
import fastifyCompress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ServerBuild } from 'react-router';
import type { AppContext } from '../context.ts';
import { sensitiveRouteLimit } from '../orders/rate-limits.ts';
import { projectRoot } from '../shared/paths.ts';
import { isPlainText } from '../shared/text.ts';
import type { WebLoadContext } from './context.ts';
import { contentSecurityPolicy } from './csp.ts';
import {
  accountActionRoutes,
  isPersonalPage,
  limitedPageAction,
  pageActionLimitShares,
} from './page-policies.ts';
import { createRouteMatcher } from './route-match.ts';

export const defaultBuildDir = join(projectRoot, 'build');

export interface WebAppOptions {
  ctx: AppContext;
  /** Where `react-router build` wrote client/ and server/index.js. */
  buildDir?: string;
  /** Serve web/ through Vite's dev server (HMR) instead of a build. */
  dev?: boolean;
}

type Handler = (request: Request, loadContext: WebLoadContext) => Promise<Response>;

/** True when build/server/index.js exists: `npm run build` has run. */
export function hasWebBuild(buildDir = defaultBuildDir): boolean {
  return existsSync(join(buildDir, 'server', 'index.js'));
}

export async function webApp(app: FastifyInstance, options: WebAppOptions): Promise<void> {
  const { ctx, dev = false } = options;
  const buildDir = options.buildDir ?? defaultBuildDir;
  const { createRequestHandler } = await import('react-router');

  // Pages post forms (urlencoded or multipart): React Router reads the raw body, within Fastify's body limit.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  // Pages leave compressed (br or gzip by Accept-Encoding, `Vary: Accept-Encoding`), like the assets below,
  // which are compressed at build time and keep their own Content-Encoding. Every chunk React streams is
  // flushed through the compressor, so the browser still gets the head (and starts on the styles) first.
  // Registered in this plugin only: the API's replies are not changed here. Request bodies are left alone.
  await app.register(fastifyCompress, {
    global: true,
    globalDecompression: false,
    encodings: ['br', 'gzip'],
    threshold: 1024,
    brotliOptions: { flush: zlib.BROTLI_OPERATION_FLUSH },
    zlibOptions: { flush: zlib.Z_SYNC_FLUSH },
  });

  let handle: Handler | null = null;
  /** Route ids (root to leaf) React Router will run for a page URL; see route-match.ts. */
  let routeIdsFor: (url: URL) => Promise<readonly string[]> = async () => [];
  let vite: import('vite').ViteDevServer | null = null;
  if (dev) {
    const { createServer } = await import('vite');
    vite = await createServer({
      configFile: join(projectRoot, 'web', 'vite.config.ts'),
      // Hot reload shares Fastify's port instead of opening one of its own.
      server: { middlewareMode: true, hmr: { server: app.server } },
      appType: 'custom',
    });
    const server = vite;
    const devHandler = createRequestHandler(
      () => server.ssrLoadModule('virtual:react-router/server-build') as Promise<ServerBuild>,
      'development',
    );
    handle = (request, loadContext) => devHandler(request, loadContext);
    routeIdsFor = async (url) =>
      createRouteMatcher((await server.ssrLoadModule('virtual:react-router/server-build')) as ServerBuild)(
        url,
      );
    app.addHook('onClose', async () => server.close());
  } else if (hasWebBuild(buildDir)) {
    const build = (await import(pathToFileURL(join(buildDir, 'server', 'index.js')).href)) as ServerBuild;
    // Always 'production' for a build: errors reach the browser sanitised, never with a stack trace.
    const buildHandler = createRequestHandler(build, 'production');
    handle = (request, loadContext) => buildHandler(request, loadContext);
    const matcher = createRouteMatcher(build);
    routeIdsFor = async (url) => matcher(url);
    const clientDir = resolve(buildDir, 'client');
    if (existsSync(clientDir)) {
      await app.register(fastifyStatic, {
        root: clientDir,
        prefix: '/',
        // One route per built file, found at start: everything else falls through to the pages.
        wildcard: false,
        index: false,
        decorateReply: false,
        cacheControl: false,
        // scripts/build-web.mjs writes .br and .gz beside each asset.
        preCompressed: true,
        setHeaders(res, path) {
          const hashed = path.startsWith(join(clientDir, 'assets'));
          res.setHeader(
            'Cache-Control',
            hashed ? 'public, max-age=31536000, immutable' : 'public, max-age=3600',
          );
          // The same URL may be answered as br, gzip or plain: caches must keep them apart.
          res.setHeader('Vary', 'Accept-Encoding');
        },
      });
    }
  } else {
    app.log.warn('The web app is not built (no build/server/index.js): run `npm run build`.');
  }

  // Matched once per request, shared by the rate limit (onRequest) and the response headers.
  const matched = new WeakMap<FastifyRequest, Promise<readonly string[]>>();
  const routeIdsOf = (request: FastifyRequest): Promise<readonly string[]> => {
    let ids = matched.get(request);
    if (!ids) {
      const url = pageUrlOf(request);
      ids = url ? routeIdsFor(url).catch(() => []) : Promise.resolve([]);
      matched.set(request, ids);
    }
    return ids;
  };
  const actionLimits = new Map([
    ...Object.entries(pageActionLimitShares).map(
      ([id, share]) => [id, sensitiveRouteLimit(ctx.config, share).max] as const,
    ),
    ...[...accountActionRoutes].map((id) => [id, ctx.config.CUSTOMER_AUTH_PER_MINUTE] as const),
  ]);
  // Reads are never limited per page: they need no route match here.
  const limitedActionOf = async (request: FastifyRequest) =>
    request.method === 'GET' || request.method === 'HEAD'
      ? null
      : limitedPageAction(request.method, await routeIdsOf(request));

  const servePage = async (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (path === '/api' || path.startsWith('/api/')) return reply.callNotFound();
    // Pages are read and forms posted; other methods (TRACE, PROPFIND, PUT, …) are refused here, before the
    // Web Request (which cannot even be built for TRACE) and before any action sees them.
    if (!pageMethods.has(request.method)) {
      reply.header('allow', [...pageMethods].join(', '));
      return sendPlainPage(reply, 405, 'Method not allowed', 'Pages answer GET, HEAD and POST only.');
    }
    // A Host header that is no host (spaces, credentials, a port past 65535) leaves no address to build the
    // Request on.
    if (!pageUrlOf(request)) {
      return sendPlainPage(reply, 400, 'Bad request', 'The request does not name a valid host.');
    }
    if (!isReadableUrl(request.url)) {
      return sendPlainPage(
        reply,
        400,
        'This address cannot be read',
        'It contains characters that no page of this shop uses. Check the link, or start again from the home page.',
      );
    }
    if (!handle) return sendPlainPage(reply, 503, 'The shop is starting', notBuiltMessage);
    const personal = isPersonalPage(await routeIdsOf(request));

    const nonce = randomBytes(16).toString('base64');
    const loadContext: WebLoadContext = {
      ctx,
      nonce,
      requestId: request.id,
      log: request.log,
      ip: request.ip,
    };
    const abort = new AbortController();
    reply.raw.once('close', () => {
      if (!reply.raw.writableFinished) abort.abort();
    });

    if (vite) {
      const server = vite;
      reply.hijack();
      server.middlewares(request.raw, reply.raw, async () => {
        try {
          const response = await (handle as Handler)(toWebRequest(request, abort.signal), loadContext);
          await writeRaw(reply.raw, withPageHeaders(response, nonce, { dev: true, personal }));
        } catch (error) {
          server.ssrFixStacktrace(error as Error);
          request.log.error({ err: error }, 'page failed');
          if (!reply.raw.headersSent) reply.raw.writeHead(500, { 'content-type': 'text/plain' });
          reply.raw.end(String((error as Error).stack ?? error));
        }
      });
      return reply;
    }

    let response: Response;
    try {
      response = await handle(toWebRequest(request, abort.signal), loadContext);
    } catch (error) {
      request.log.error({ err: error, reference: request.id }, 'page failed');
      return sendPlainPage(
        reply,
        500,
        'Something went wrong',
        `Something went wrong on our side. If it happens again, quote reference ${request.id}.`,
      );
    }
    return sendWebResponse(reply, withPageHeaders(response, nonce, { dev: false, personal }));
  };

  // Every page shares one route, so its limit is chosen per request from the route React Router will run:
  // writes to a limited page (checkout, order lookup) count against that page's budget however the path is
  // spelled (case, trailing slash, `.data`, percent-encoding, `..`, any write method); everything else
  // counts against the pages' global budget.
  app.all(
    '/*',
    {
      config: {
        rateLimit: {
          timeWindow: '1 minute',
          keyGenerator: async (request: FastifyRequest) =>
            `${request.ip}|${(await limitedActionOf(request)) ?? 'pages'}`,
          max: async (request: FastifyRequest) => {
            const limited = await limitedActionOf(request);
            return (limited && actionLimits.get(limited)) || ctx.config.RATE_LIMIT_PER_MINUTE;
          },
        },
      },
    },
    servePage,
  );
}

const pageMethods = new Set(['GET', 'HEAD', 'POST']);

/**
 * False when the address, percent-decoded, holds text no page reads: NUL and other control characters, or a
 * path that is not valid percent-encoding. Loaders pass path and query values to the services as they are,
 * so this is where such values stop (the API's routes refuse them in their schemas).
 */
export function isReadableUrl(url: string): boolean {
  const at = url.indexOf('?');
  const rawPath = at === -1 ? url : url.slice(0, at);
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return false;
  }
  if (!isPlainText(path)) return false;
  if (at === -1) return true;
  for (const [name, value] of new URLSearchParams(url.slice(at + 1))) {
    if (!isPlainText(name) || !isPlainText(value, { multiline: true })) return false;
  }
  return true;
}

const notBuiltMessage =
  'The storefront has not been built on this server yet. Run `npm run build` (or `npm start`, which builds it).';

/**
 * The page's absolute address, or null when the Host header names no host. Built by concatenation, not
 * resolution: a path such as `//a@b/` stays a path on this host instead of naming another one.
 */
export function pageUrlOf(request: FastifyRequest): URL | null {
  try {
    const url = new URL(`${request.protocol}://${request.host}${request.url}`);
    // A Web Request refuses a URL with credentials, and a host never has them.
    return url.username || url.password ? null : url;
  } catch {
    return null;
  }
}

/** Fastify request → Web Request: absolute URL, every header, the raw body of writes. */
export function toWebRequest(request: FastifyRequest, signal: AbortSignal): Request {
  const url = pageUrlOf(request);
  if (!url) throw new TypeError(`No valid URL for host ${request.host}`);
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined || name.startsWith(':')) continue;
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else headers.set(name, String(value));
  }
  const init: RequestInit = { method: request.method, headers, signal };
  if (request.method !== 'GET' && request.method !== 'HEAD' && Buffer.isBuffer(request.body)) {
    init.body = request.body;
  }
  return new Request(url, init);
}

/**
 * Answers of pages with personal data (see page-policies.ts), HTML or data, are never stored at all.
 * HTML pages get the nonce-based CSP and are never stored by shared caches (the nonce is per request).
 * Their Referrer-Policy is `same-origin` rather than helmet's `no-referrer`: under `no-referrer` a browser
 * posts forms with `Origin: null`, which React Router refuses as a possible CSRF, so no form would work
 * without JavaScript. Other sites still get no referrer (order links carry a token in their query).
 */
function withPageHeaders(
  response: Response,
  nonce: string,
  { dev, personal }: { dev: boolean; personal: boolean },
): Response {
  if (personal) {
    // A copy: a Response's headers may be immutable (Response.redirect).
    response = new Response(response.body, {
      status: response.status,
      statusText: response.statusText,
      headers: new Headers(response.headers),
    });
    response.headers.set('cache-control', 'no-store');
  }
  const type = response.headers.get('content-type') ?? '';
  if (!type.startsWith('text/html')) return response;
  response.headers.set('content-security-policy', contentSecurityPolicy(nonce, { dev }));
  response.headers.set('referrer-policy', 'same-origin');
  if (!response.headers.has('cache-control')) response.headers.set('cache-control', 'private, no-cache');
  return response;
}

/** Web Response → Fastify reply: status, headers (each Set-Cookie on its own line), streamed body. */
export function sendWebResponse(reply: FastifyReply, response: Response): FastifyReply {
  reply.status(response.status);
  for (const [name, value] of response.headers) {
    if (name === 'set-cookie') continue;
    reply.header(name, value);
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) reply.header('set-cookie', cookies);
  if (!response.body) return reply.send();
  return reply.send(Readable.fromWeb(response.body as import('node:stream/web').ReadableStream));
}

async function writeRaw(res: ServerResponse, response: Response): Promise<void> {
  res.statusCode = response.status;
  for (const [name, value] of response.headers) {
    if (name !== 'set-cookie') res.setHeader(name, value);
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader('set-cookie', cookies);
  if (!response.body) {
    res.end();
    return;
  }
  await pipeline(Readable.fromWeb(response.body as import('node:stream/web').ReadableStream), res);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The page shown when React Router itself cannot answer: no scripts, no styles from outside. */
function sendPlainPage(reply: FastifyReply, status: number, title: string, message: string): FastifyReply {
  return reply
    .status(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
    .send(
      `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><body style="font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;line-height:1.5"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p></body></html>`,
    );
}
