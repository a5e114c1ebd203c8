/** How the catalogue's categories read in the shop (the values are the API's). */
export const CATEGORY_VALUES = ['smartphone', 'tablet', 'wearable', 'accessory', 'other'] as const;
export type CategoryValue = (typeof CATEGORY_VALUES)[number];

export const categoryLabels: Record<CategoryValue, string> = {
  smartphone: 'Phones',
  tablet: 'Tablets',
  wearable: 'Wearables',
  accessory: 'Accessories',
  other: 'Audio and more',
};

export const categoryDescriptions: Record<CategoryValue, string> = {
  smartphone: 'Smartphones from everyday models to flagships, renewed phones and clearance deals.',
  tablet: 'Tablets for work, school, the field and children.',
  wearable: 'Smartwatches and fitness bands.',
  accessory: 'Chargers, cables, cases and power banks. Accessories are not covered by the 1-year warranty.',
  other: 'Earbuds and other devices.',
};

export function isCategory(value: string | null | undefined): value is CategoryValue {
  return (CATEGORY_VALUES as readonly string[]).includes(value ?? '');
}
