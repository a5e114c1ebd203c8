import type { LoaderFunctionArgs } from 'react-router';
import { themeFor } from '../../../src/settings/theme.ts';
import { loadShopSettings } from '../lib/shop.server.ts';
import { themeCss } from '../lib/theme.ts';

/**
 * The shop's colours as a stylesheet, for whatever links to it from outside the pages (which carry the same
 * CSS inline, under the CSP nonce: see root.tsx). `?v=` names the colour, so a matching request may be cached
 * for a year.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const settings = await loadShopSettings(context);
  const theme = themeFor(settings.primaryColor);
  const current = new URL(request.url).searchParams.get('v') === theme.primary.slice(1);
  const css = `${themeCss(settings.primaryColor)}\n`;
  return new Response(css, {
    headers: {
      'Content-Type': 'text/css; charset=utf-8',
      'Cache-Control': current ? 'public, max-age=31536000, immutable' : 'public, max-age=60',
    },
  });
}
