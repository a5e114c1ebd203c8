import type { LoaderFunctionArgs } from 'react-router';

/** Crawlers may read the storefront; carts, checkout, accounts, the back office and the API are off limits. */
export function loader({ context }: LoaderFunctionArgs) {
  const origin = context.ctx.config.PUBLIC_URL;
  const body = [
    'User-agent: *',
    'Disallow: /admin',
    'Disallow: /api/',
    'Disallow: /cart',
    'Disallow: /checkout',
    'Disallow: /account',
    'Disallow: /orders/',
    'Disallow: /search',
    'Allow: /',
    '',
    `Sitemap: ${origin}/sitemap.xml`,
    '',
  ].join('\n');
  return new Response(body, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'public, max-age=3600' },
  });
}
