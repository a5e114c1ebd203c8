/**
 * The shop-wide data every page shows (name, colours, social links), read through the settings service.
 * `.server` keeps this module, and the database code behind it, out of the browser bundle.
 */
import type { AppLoadContext } from 'react-router';
import {
  defaultShopSettings,
  getShopSettings,
  type ShopSettings,
  socialNetworkLabels,
} from '../../../src/settings/shop.ts';
import { themeCss } from './theme.ts';

export interface ShopView {
  name: string;
  tagline: string;
  logoUrl: string | null;
  /** `?v=` of /theme.css: changes when the colour does, so the stylesheet can be cached for a year. */
  themeVersion: string;
  /** The shop's colours as CSS custom properties, inlined in every page's <head>. */
  themeCss: string;
  social: Array<{ network: string; label: string; url: string }>;
}

export function shopView(settings: ShopSettings): ShopView {
  return {
    name: settings.name,
    tagline: settings.tagline,
    logoUrl: settings.logoUrl,
    themeVersion: settings.primaryColor.slice(1).toLowerCase(),
    themeCss: themeCss(settings.primaryColor),
    social: settings.social.map((s) => ({ ...s, label: socialNetworkLabels[s.network] })),
  };
}

/**
 * The shop's settings, or the defaults when they cannot be read: the header and footer should not be what
 * takes a page down. The failure is still logged, and the page's own loader will report a database outage.
 */
export async function loadShopSettings(context: AppLoadContext): Promise<ShopSettings> {
  try {
    return await getShopSettings(context.ctx.db);
  } catch (error) {
    context.log.error({ err: error, reference: context.requestId }, 'shop settings unavailable');
    return defaultShopSettings;
  }
}
