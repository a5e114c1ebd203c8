import { themeFor } from '../../../src/settings/theme.ts';

/**
 * The shop's colours as CSS custom properties on :root, overriding the defaults in app.css. Every page
 * carries them inline in its <head> (one render-blocking request fewer on a phone); /theme.css serves the
 * same text as a stylesheet.
 */
export function themeCss(primaryColor: string): string {
  const theme = themeFor(primaryColor);
  return `:root{--color-primary:${theme.primary};--color-primary-hover:${theme.primaryHover};--color-on-primary:${theme.onPrimary};--color-primary-ink:${theme.primaryInk}}`;
}
