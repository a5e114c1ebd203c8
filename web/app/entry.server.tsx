/**
 * Renders a page to a stream. Browsers get the shell as soon as it is ready; crawlers wait for everything.
 * Inline scripts carry the per-request CSP nonce from the load context.
 */
import { PassThrough, Readable } from 'node:stream';
import { isbot } from 'isbot';
import type { RenderToPipeableStreamOptions } from 'react-dom/server';
import { renderToPipeableStream } from 'react-dom/server';
import type { AppLoadContext, EntryContext, HandleErrorFunction } from 'react-router';
import { ServerRouter } from 'react-router';
import './context.ts';
import appCssHref from './app.css?url';
import { DocumentContext } from './lib/document.ts';
import { builtStylesheet } from './lib/inline-css.server.ts';

export const streamTimeout = 5_000;

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  routerContext: EntryContext,
  loadContext: AppLoadContext,
): Promise<Response> {
  return new Promise((resolve, reject) => {
    let status = responseStatusCode;
    let shellRendered = false;
    const userAgent = request.headers.get('user-agent');
    const readyOption: keyof RenderToPipeableStreamOptions =
      (userAgent && isbot(userAgent)) || routerContext.isSpaMode ? 'onAllReady' : 'onShellReady';
    let timeoutId: ReturnType<typeof setTimeout> | undefined = setTimeout(
      () => abort(),
      streamTimeout + 1000,
    );

    const { pipe, abort } = renderToPipeableStream(
      <DocumentContext.Provider value={{ nonce: loadContext.nonce, appCss: builtStylesheet(appCssHref) }}>
        <ServerRouter context={routerContext} url={request.url} nonce={loadContext.nonce} />
      </DocumentContext.Provider>,
      {
        nonce: loadContext.nonce,
        [readyOption]() {
          shellRendered = true;
          const body = new PassThrough({
            final(callback) {
              clearTimeout(timeoutId);
              timeoutId = undefined;
              callback();
            },
          });
          responseHeaders.set('Content-Type', 'text/html; charset=utf-8');
          pipe(body);
          resolve(
            new Response(Readable.toWeb(body) as unknown as ReadableStream<Uint8Array>, {
              headers: responseHeaders,
              status,
            }),
          );
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          status = 500;
          // Errors before the shell reject above and are logged by handleError.
          if (shellRendered)
            loadContext.log.error({ err: error, reference: loadContext.requestId }, 'render failed');
        },
      },
    );
  });
}

/** Unexpected loader, action and render errors: logged under the request id the error page shows. */
export const handleError: HandleErrorFunction = (error, { request, context }) => {
  if (request.signal.aborted) return;
  const ctx = context as AppLoadContext;
  ctx.log.error({ err: error, reference: ctx.requestId, url: new URL(request.url).pathname }, 'page error');
};
