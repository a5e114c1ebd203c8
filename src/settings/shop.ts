/**
 * The shop's public identity: name, tagline, colour, logo and social links (SH-SOC-1). Stored as one JSON
 * value under the `shop` key of app_settings; every field falls back to its default when unset or invalid,
 * so a bad stored value can never take the storefront down.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { AppError } from '../shared/errors.ts';
import { isSameOriginPath, nonPublicUrlReason } from '../shared/public-url.ts';
import { text } from '../shared/text.ts';
import { appSettings } from './schema.ts';
import { socialNetworks } from './social.ts';

export const SHOP_SETTINGS_KEY = 'shop';

export { type SocialNetwork, socialNetworkLabels, socialNetworks } from './social.ts';

/** An https URL on a public host: a logo or social link never points inside the shop's network. */
const httpsUrl = z
  .url({ protocol: /^https$/ })
  .max(500)
  .superRefine((url, check) => {
    const reason = nonPublicUrlReason(url);
    if (reason) check.addIssue({ code: 'custom', message: reason });
  });

export const shopSettingsSchema = z.object({
  name: text().trim().min(1).max(60),
  tagline: text().trim().max(160),
  /** `#rrggbb`; the storefront derives readable text colours from it (see theme.ts). */
  primaryColor: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #0f766e'),
  /** An https URL or a path on the shop's own origin; null shows the built-in mark. */
  logoUrl: z
    .union([
      httpsUrl,
      text().max(500).refine(isSameOriginPath, 'must be an https URL or a path starting with /'),
    ])
    .nullable(),
  social: z.array(z.object({ network: z.enum(socialNetworks), url: httpsUrl })).max(socialNetworks.length),
});

export type ShopSettings = z.infer<typeof shopSettingsSchema>;

/** What the back office sends: every field, nothing else, each social network at most once. */
export const shopSettingsInputSchema = z.strictObject({
  ...shopSettingsSchema.shape,
  social: shopSettingsSchema.shape.social.refine(
    (links) => new Set(links.map((l) => l.network)).size === links.length,
    'lists a network twice',
  ),
});

export const defaultShopSettings: Readonly<ShopSettings> = Object.freeze({
  name: 'Aftercare',
  tagline: 'Phones, tablets and wearables, with after-sales promises the shop software keeps.',
  primaryColor: '#0f766e',
  logoUrl: null,
  social: [],
});

/** Each stored field that passes its schema wins; anything else keeps the default. */
export function mergeShopSettings(stored: unknown): ShopSettings {
  const out: ShopSettings = { ...defaultShopSettings, social: [...defaultShopSettings.social] };
  if (typeof stored !== 'object' || stored === null) return out;
  const raw = stored as Record<string, unknown>;
  const shape = shopSettingsSchema.shape;
  for (const key of Object.keys(shape) as Array<keyof ShopSettings>) {
    if (!(key in raw)) continue;
    const parsed = shape[key].safeParse(raw[key]);
    if (parsed.success) (out as Record<keyof ShopSettings, unknown>)[key] = parsed.data;
  }
  return out;
}

export async function getShopSettings(db: Db): Promise<ShopSettings> {
  const [row] = await db
    .select({ value: appSettings.value })
    .from(appSettings)
    .where(eq(appSettings.key, SHOP_SETTINGS_KEY));
  return mergeShopSettings(row?.value);
}

/** Validates the merged settings as a whole and stores them; a bad field is a validation error naming it. */
export async function saveShopSettings(db: Db, change: Partial<ShopSettings>): Promise<ShopSettings> {
  const parsed = shopSettingsSchema.safeParse({ ...(await getShopSettings(db)), ...change });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') ?? '';
    throw new AppError('validation_failed', `${field}: ${issue?.message ?? 'invalid'}`, { field });
  }
  const next = parsed.data;
  await db
    .insert(appSettings)
    .values({ key: SHOP_SETTINGS_KEY, value: next })
    .onConflictDoUpdate({ target: appSettings.key, set: { value: next, updatedAt: new Date() } });
  return next;
}
