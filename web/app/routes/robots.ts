import type { LoaderFunctionArgs } from 'react-router';

/**
 * Crawlers may read the storefront; carts, accounts, order pages, search results, the back office and the
 * API are off limits. The checkout is not listed: crawlers, who have no cart, get its empty form with a
 * `noindex` instead, which keeps it out of results just as well (a disallowed page can still be listed
 * from links to it) and lets audits that read robots.txt treat it as the ordinary page it is.
 */
export function loader({ context }: LoaderFunctionArgs) {
  const origin = context.ctx.config.PUBLIC_URL;
  const body = [
    'User-agent: *',
    'Disallow: /admin',
    'Disallow: /api/',
    'Disallow: /cart',
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
