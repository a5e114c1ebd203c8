import type { LoaderFunctionArgs } from 'react-router';
import { listProducts } from '../lib/catalog.server.ts';
import { staticPages } from '../lib/site-links.ts';

/** One sitemap holds at most 50,000 addresses; past that the shop needs a sitemap index. */
const MAX_URLS = 50_000;

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The static pages and every active product, read page by page through the catalog service. */
export async function loader({ context }: LoaderFunctionArgs) {
  const origin = context.ctx.config.PUBLIC_URL;
  const paths = [...staticPages];
  let cursor: string | undefined;
  do {
    const page = await listProducts(context.ctx.db, {
      sort: 'newest',
      limit: 60,
      ...(cursor ? { cursor } : {}),
    });
    for (const p of page.items) paths.push(`/products/${encodeURIComponent(p.slug)}`);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && paths.length < MAX_URLS);

  const body = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...paths.slice(0, MAX_URLS).map((p) => `  <url><loc>${escapeXml(origin + p)}</loc></url>`),
    '</urlset>',
    '',
  ].join('\n');
  return new Response(body, {
    headers: { 'Content-Type': 'application/xml; charset=utf-8', 'Cache-Control': 'public, max-age=3600' },
  });
}
