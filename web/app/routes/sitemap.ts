import type { LoaderFunctionArgs } from 'react-router';
import { staticPages } from '../lib/site-links.ts';

/** One sitemap holds at most 50,000 addresses; past that the shop needs a sitemap index. */
const MAX_URLS = 50_000;

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The static pages. */
export async function loader({ context }: LoaderFunctionArgs) {
  const origin = context.ctx.config.PUBLIC_URL;
  const paths = [...staticPages];
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
