/**
 * The storefront's built stylesheet as text, read once from build/client. Pages inline it: on a phone a
 * stylesheet request holds the first paint back behind the scripts that are fetched at the same time.
 */
import { readFileSync } from 'node:fs';

const cache = new Map<string, string | null>();

/**
 * The CSS at `href` (`/assets/app-[hash].css`) from the client build next to this server build, or null when
 * there is none (development: Vite serves the stylesheet itself).
 */
export function builtStylesheet(href: string): string | null {
  let css = cache.get(href);
  if (css === undefined) {
    try {
      css = href.startsWith('/assets/')
        ? readFileSync(new URL(`../client${href}`, import.meta.url), 'utf8')
        : null;
    } catch {
      css = null;
    }
    cache.set(href, css);
  }
  return css;
}
