import type { LoaderFunctionArgs } from 'react-router';
import { themeFor } from '../../../src/settings/theme.ts';
import { loadShopSettings } from '../lib/shop.server.ts';

/**
 * The shop's colours as CSS variables, overriding the defaults in app.css. A stylesheet rather than an inline
 * style keeps the CSP strict; `?v=` names the colour, so a matching request may be cached for a year.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const settings = await loadShopSettings(context);
  const theme = themeFor(settings.primaryColor);
  const current = new URL(request.url).searchParams.get('v') === theme.primary.slice(1);
  const css = `:root{--color-primary:${theme.primary};--color-primary-hover:${theme.primaryHover};--color-on-primary:${theme.onPrimary};--color-primary-ink:${theme.primaryInk}}\n`;
  return new Response(css, {
    headers: {
      'Content-Type': 'text/css; charset=utf-8',
      'Cache-Control': current ? 'public, max-age=31536000, immutable' : 'public, max-age=60',
    },
  });
}
