/**
 * Shipping methods and their prices: pure, the settings are a value. Ordinary post is the cheapest service
 * (tracked when the post office offers it cheaply, otherwise untracked); express is always tracked.
 */
export const shippingMethodCodes = ['post', 'express'] as const;
export type ShippingMethodCode = (typeof shippingMethodCodes)[number];

export interface ShippingSettings {
  postCents: number;
  expressCents: number;
  /** Ordinary post is free when the subtotal reaches this; null: never free. */
  freePostFromCents: number | null;
}

export const defaultShippingSettings: ShippingSettings = {
  postCents: 490,
  expressCents: 1490,
  freePostFromCents: null,
};

export interface ShippingMethod {
  code: ShippingMethodCode;
  name: string;
  description: string;
  tracked: boolean;
  estimatedDays: { min: number; max: number };
  priceCents: number;
}

const catalogue: Record<ShippingMethodCode, Omit<ShippingMethod, 'priceCents'>> = {
  post: {
    code: 'post',
    name: 'Ordinary post',
    description: 'The cheapest post service; tracked when tracking is available at a small cost.',
    tracked: false,
    estimatedDays: { min: 5, max: 15 },
  },
  express: {
    code: 'express',
    name: 'Tracked express',
    description: 'Express courier with a tracking number.',
    tracked: true,
    estimatedDays: { min: 2, max: 5 },
  },
};

export function shippingPriceCents(
  code: ShippingMethodCode,
  subtotalCents: number,
  settings: ShippingSettings = defaultShippingSettings,
): number {
  if (code === 'express') return settings.expressCents;
  const free = settings.freePostFromCents !== null && subtotalCents >= settings.freePostFromCents;
  return free ? 0 : settings.postCents;
}

export function shippingMethod(
  code: ShippingMethodCode,
  subtotalCents: number,
  settings: ShippingSettings = defaultShippingSettings,
): ShippingMethod {
  return { ...catalogue[code], priceCents: shippingPriceCents(code, subtotalCents, settings) };
}

/** Every method with its price for this subtotal, cheapest first. */
export function shippingMethods(
  subtotalCents: number,
  settings: ShippingSettings = defaultShippingSettings,
): ShippingMethod[] {
  return shippingMethodCodes.map((code) => shippingMethod(code, subtotalCents, settings));
}

export function shippingMethodName(code: string): string {
  return code in catalogue ? catalogue[code as ShippingMethodCode].name : code;
}
