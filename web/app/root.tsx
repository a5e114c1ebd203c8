import type { ReactNode } from 'react';
import {
  isRouteErrorResponse,
  Links,
  type LinksFunction,
  type LoaderFunctionArgs,
  Meta,
  type MetaFunction,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from 'react-router';
import appCssHref from './app.css?url';
import './context.ts';
import { ErrorPage, NotFoundPage } from './components/ErrorPages.tsx';
import { SiteFooter } from './components/layout/SiteFooter.tsx';
import { SiteHeader } from './components/layout/SiteHeader.tsx';
import { hasCustomerCookie } from './lib/account.server.ts';
import { headerCartCount } from './lib/cart.server.ts';
import { INLINE_CSS_ATTRIBUTE, useInlineStyles, useNonce } from './lib/document.ts';
import { pageMeta } from './lib/meta.ts';
import { loadShopSettings, shopView } from './lib/shop.server.ts';

export async function loader({ context, request }: LoaderFunctionArgs) {
  const [settings, cartCount] = await Promise.all([
    loadShopSettings(context),
    headerCartCount(context, request),
  ]);
  return {
    shop: shopView(settings),
    cartCount,
    // The cookie alone decides "Account" or "Sign in": no database read on any page for anyone.
    signedIn: hasCustomerCookie(context, request),
    year: context.ctx.clock.now().getUTCFullYear(),
    requestId: context.requestId,
  };
}

export type RootData = Awaited<ReturnType<typeof loader>>;

export const links: LinksFunction = () => [{ rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' }];

export const meta: MetaFunction<typeof loader> = ({ data, error, matches }) => {
  const name = data?.shop.name ?? 'Aftercare';
  if (error) {
    const status = isRouteErrorResponse(error) ? error.status : 500;
    const title =
      status === 404 ? 'Page not found' : status < 500 ? 'Request not handled' : 'Something went wrong';
    return pageMeta(matches, title);
  }
  return [{ title: name }, { name: 'description', content: data?.shop.tagline ?? '' }];
};

/** The document around every page, the error pages included. */
export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>('root');
  const shop = data?.shop;
  const nonce = useNonce();
  const inlineCss = useInlineStyles();
  // The back office brings its own frame (top bar, navigation): no shop header, categories or footer there.
  const backOffice = useMatches().some(
    (m) => (m.handle as { chrome?: string } | undefined)?.chrome === 'back-office',
  );
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
        {/* Styles inline, under the CSP nonce: on a slow phone network a stylesheet request would hold the
            first paint back behind the scripts. Development links the stylesheet Vite hot-reloads. */}
        {inlineCss === null ? (
          <link rel="stylesheet" href={appCssHref} />
        ) : (
          <style
            {...{ [INLINE_CSS_ATTRIBUTE]: '' }}
            nonce={nonce}
            // biome-ignore lint/security/noDangerouslySetInnerHtml: the shop's own built stylesheet, no user input
            dangerouslySetInnerHTML={{ __html: inlineCss }}
          />
        )}
        {shop ? <style nonce={nonce}>{shop.themeCss}</style> : null}
      </head>
      <body className="flex min-h-dvh flex-col">
        <a
          href="#main"
          className="sr-only rounded-b-lg bg-primary px-4 py-3 font-semibold text-on-primary focus:not-sr-only focus:absolute focus:top-0 focus:left-4 focus:z-50"
        >
          Skip to main content
        </a>
        {backOffice ? null : (
          <SiteHeader
            name={shop?.name ?? 'Aftercare'}
            logoUrl={shop?.logoUrl ?? null}
            cartCount={data?.cartCount ?? 0}
            signedIn={data?.signedIn ?? false}
          />
        )}
        <main
          id="main"
          tabIndex={-1}
          className={
            backOffice
              ? 'w-full flex-1 px-3 py-4 focus:outline-none sm:px-6'
              : 'mx-auto w-full max-w-6xl flex-1 px-4 py-6 focus:outline-none sm:py-10'
          }
        >
          {children}
        </main>
        {backOffice ? null : (
          <SiteFooter
            name={shop?.name ?? 'Aftercare'}
            tagline={shop?.tagline ?? ''}
            social={shop?.social ?? []}
            year={data?.year ?? new Date().getUTCFullYear()}
          />
        )}
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const data = useRouteLoaderData<typeof loader>('root');
  const location = useLocation();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  // The request id names this failure in the log only when the page itself was rendered by the server;
  // after a client-side navigation the failing request was another one.
  const reference = location.key === 'default' ? data?.requestId : undefined;
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const message = isRouteErrorResponse(error) ? messageOf(error.data) : undefined;
  return (
    <ErrorPage
      status={status}
      reference={reference}
      retryHref={location.pathname + location.search}
      message={message}
    />
  );
}

/** The words a loader or action gave with a refusal (`data({ message }, { status })`), if any. */
function messageOf(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || !('message' in body)) return undefined;
  return typeof body.message === 'string' ? body.message : undefined;
}
