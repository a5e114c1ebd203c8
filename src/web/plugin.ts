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
import type { WebLoadContext } from './context.ts';
import { contentSecurityPolicy } from './csp.ts';

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
    app.addHook('onClose', async () => server.close());
  } else if (hasWebBuild(buildDir)) {
    const build = (await import(pathToFileURL(join(buildDir, 'server', 'index.js')).href)) as ServerBuild;
    // Always 'production' for a build: errors reach the browser sanitised, never with a stack trace.
    const buildHandler = createRequestHandler(build, 'production');
    handle = (request, loadContext) => buildHandler(request, loadContext);
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

  const servePage = async (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (path === '/api' || path.startsWith('/api/')) return reply.callNotFound();
    if (!handle) return sendPlainPage(reply, 503, 'The shop is starting', notBuiltMessage);

    const nonce = randomBytes(16).toString('base64');
    const loadContext: WebLoadContext = { ctx, nonce, requestId: request.id, log: request.log };
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
          await writeRaw(reply.raw, withPageHeaders(response, nonce, true));
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
    return sendWebResponse(reply, withPageHeaders(response, nonce, false));
  };

  app.all('/*', servePage);
  // The pages that place orders and look them up get the same per-route limits as their JSON twins
  // (POST /api/checkout, /api/orders/lookup): a form is no way around them. `.data` is the scripted post.
  for (const [path, share] of [
    ['/checkout', 20],
    ['/orders/lookup', 30],
  ] as const) {
    const config = { rateLimit: sensitiveRouteLimit(ctx.config, share) };
    app.post(path, { config }, servePage);
    app.post(`${path}.data`, { config }, servePage);
  }
}

const notBuiltMessage =
  'The storefront has not been built on this server yet. Run `npm run build` (or `npm start`, which builds it).';

/** Fastify request → Web Request: absolute URL, every header, the raw body of writes. */
export function toWebRequest(request: FastifyRequest, signal: AbortSignal): Request {
  const url = new URL(request.url, `${request.protocol}://${request.host}`);
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
 * HTML pages get the nonce-based CSP and are never stored by shared caches (the nonce is per request).
 * Their Referrer-Policy is `same-origin` rather than helmet's `no-referrer`: under `no-referrer` a browser
 * posts forms with `Origin: null`, which React Router refuses as a possible CSRF, so no form would work
 * without JavaScript. Other sites still get no referrer (order links carry a token in their query).
 */
function withPageHeaders(response: Response, nonce: string, dev: boolean): Response {
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
