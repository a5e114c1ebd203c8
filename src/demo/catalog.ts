/**
 * The demo shop's catalogue: fictional brands and models, prices in cents, stock per variant. Everything a
 * demo of the after-sales rules needs is here: clearance items (AS-GEN-6), special warranty terms
 * (AS-DEF-1), items under US$100 (AS-GEN-5), accessories, products with and without the batch-variance
 * note (SH-BATCH-1), one product out of stock, one draft and one archived product.
 */
import type { ProductCategory, ProductStatus } from '../catalog/schemas.ts';

export type Illustration =
  | 'phone'
  | 'foldable'
  | 'tablet'
  | 'watch'
  | 'band'
  | 'earbuds'
  | 'charger'
  | 'cable'
  | 'case'
  | 'powerbank'
  | 'pad';

export interface DemoVariant {
  colour: string;
  storageGb?: number;
  /** A size or length when the variant has no storage ("41 mm", "2 m"). */
  label?: string;
  priceCents: number;
  stock: number;
}

export interface DemoProduct {
  slug: string;
  /** SKU prefix. */
  code: string;
  name: string;
  brand: string;
  category: ProductCategory;
  illustration: Illustration;
  summary: string;
  description: string;
  /** Listed this many days before the seed's "now" (newest-first order). */
  ageDays: number;
  status?: ProductStatus;
  featured?: boolean;
  clearance?: boolean;
  /** Set for products sold under special warranty terms (AS-DEF-1). */
  specialWarrantyTerms?: string;
  /** SH-BATCH-1; true unless said otherwise. */
  batchVarianceNote?: boolean;
  variants: DemoVariant[];
}

/** Colour names used by the variants, and the colour the illustrations paint them in. */
export const COLOURS: Readonly<Record<string, string>> = {
  Graphite: '#3a3f47',
  Glacier: '#bcd7e6',
  Midnight: '#1e2a44',
  Sage: '#8fae8b',
  Coral: '#f27b6b',
  Ink: '#2b2d42',
  'Lunar White': '#e4e8ec',
  'Deep Space': '#263238',
  'Nova Blue': '#3f6fd8',
  Rose: '#e3a3ab',
  Slate: '#5b6770',
  Olive: '#5d6b3a',
  'Safety Orange': '#f26b1d',
  Lavender: '#a996d8',
  Onyx: '#1b1b1f',
  Aqua: '#2fb2c2',
  Sand: '#cdb88f',
  Mint: '#8fd4b5',
  Bubblegum: '#f27fab',
  Lime: '#9ccc3c',
  Charcoal: '#37474f',
  White: '#f1f3f5',
  Clear: '#d6e4ef',
  Smoke: '#6b7280',
};

const gb = (n: number) => (n >= 1024 ? `${n / 1024} TB` : `${n} GB`);

export function variantName(v: DemoVariant): string {
  return [v.colour, v.storageGb ? gb(v.storageGb) : null, v.label ?? null].filter(Boolean).join(', ');
}

export function variantSku(code: string, v: DemoVariant): string {
  const colour = v.colour
    .toUpperCase()
    .replace(/[^A-Z]/g, '')
    .slice(0, 4);
  const extra = v.storageGb
    ? String(v.storageGb)
    : v.label
      ? v.label.toUpperCase().replace(/[^A-Z0-9]/g, '')
      : '';
  return [code, colour, extra].filter(Boolean).join('-');
}

const PHONE_CARE =
  'In the box: the phone, a USB-C cable and a SIM tool. Chargers are sold separately (see Accessories).';

export const demoProducts: readonly DemoProduct[] = [
  // ---------------------------------------------------------------------------------------------- phones
  {
    slug: 'nimbus-x2',
    code: 'NMB-X2',
    name: 'Nimbus X2',
    brand: 'Nimbus',
    category: 'smartphone',
    illustration: 'phone',
    summary: '6.3" OLED, 50 MP camera and a battery that lasts two days.',
    description: [
      'The Nimbus X2 is the everyday phone done properly: a bright 6.3-inch 120 Hz OLED screen, a 50 MP main camera that keeps up at night, and a 4,800 mAh battery that comfortably reaches the end of the second day.',
      '- 6.3" OLED, 120 Hz, 1,800 nits peak\n- 50 MP main + 12 MP ultra-wide camera\n- 4,800 mAh battery, 45 W wired charging\n- IP67 water and dust resistance\n- Five years of security updates',
      PHONE_CARE,
    ].join('\n\n'),
    ageDays: 40,
    featured: true,
    batchVarianceNote: false,
    variants: [
      { colour: 'Graphite', storageGb: 128, priceCents: 59900, stock: 24 },
      { colour: 'Graphite', storageGb: 256, priceCents: 67900, stock: 12 },
      { colour: 'Glacier', storageGb: 128, priceCents: 59900, stock: 18 },
      { colour: 'Glacier', storageGb: 256, priceCents: 67900, stock: 0 },
    ],
  },
  {
    slug: 'nimbus-x2-pro',
    code: 'NMB-X2P',
    name: 'Nimbus X2 Pro',
    brand: 'Nimbus',
    category: 'smartphone',
    illustration: 'phone',
    summary: 'Triple camera with 5× optical zoom, titanium frame, 6.7" display.',
    description: [
      'The Nimbus X2 Pro adds a 5× periscope telephoto to the X2’s camera, a larger 6.7-inch display and a light titanium frame. Video is stabilised on every lens, and the screen dims to 1 nit for reading in bed.',
      '- 6.7" LTPO OLED, 1–120 Hz\n- 50 MP main, 48 MP ultra-wide, 12 MP 5× telephoto\n- 5,100 mAh battery, 65 W wired and 25 W wireless charging\n- Titanium frame, IP68',
      PHONE_CARE,
    ].join('\n\n'),
    ageDays: 38,
    featured: true,
    batchVarianceNote: false,
    variants: [
      { colour: 'Midnight', storageGb: 256, priceCents: 89900, stock: 9 },
      { colour: 'Midnight', storageGb: 512, priceCents: 99900, stock: 4 },
      { colour: 'Sage', storageGb: 256, priceCents: 89900, stock: 7 },
      { colour: 'Sage', storageGb: 512, priceCents: 99900, stock: 2 },
    ],
  },
  {
    slug: 'nimbus-lite-5',
    code: 'NMB-L5',
    name: 'Nimbus Lite 5',
    brand: 'Nimbus',
    category: 'smartphone',
    illustration: 'phone',
    summary: 'The essentials, well made: 6.5" screen, 5G and a headphone jack.',
    description: [
      'Nimbus Lite 5 keeps what matters and the price down: a 6.5-inch 90 Hz screen, 5G, a 5,000 mAh battery, a microSD slot and a 3.5 mm headphone jack.',
      '- 6.5" LCD, 90 Hz\n- 48 MP main camera\n- 5,000 mAh battery, 18 W charging\n- microSD up to 1 TB, 3.5 mm jack',
      PHONE_CARE,
    ].join('\n\n'),
    ageDays: 120,
    variants: [
      { colour: 'Coral', storageGb: 64, priceCents: 24900, stock: 30 },
      { colour: 'Coral', storageGb: 128, priceCents: 27900, stock: 16 },
      { colour: 'Ink', storageGb: 64, priceCents: 24900, stock: 22 },
      { colour: 'Ink', storageGb: 128, priceCents: 27900, stock: 11 },
    ],
  },
  {
    slug: 'nimbus-x1-renewed',
    code: 'NMB-X1R',
    name: 'Nimbus X1 Renewed',
    brand: 'Nimbus',
    category: 'smartphone',
    illustration: 'phone',
    summary: 'Last year’s flagship, professionally renewed, with a new battery.',
    description: [
      'A Nimbus X1 restored by a certified refurbisher: tested on 70 points, fitted with a new battery and a new screen protector, and delivered in a plain box. Minor signs of use on the frame are possible.',
      '- 6.1" OLED, 90 Hz\n- 50 MP main camera\n- New 4,300 mAh battery\n- Grade A: no marks on the screen',
      'This phone is sold under special warranty terms (see the warranty section).',
    ].join('\n\n'),
    ageDays: 60,
    specialWarrantyTerms:
      'Renewed by Nimbus Certified Refurbishing and covered by the refurbisher’s own 6-month warranty, handled directly with the refurbisher. Defective-item returns to the shop do not apply; dead-on-arrival claims do.',
    variants: [
      { colour: 'Graphite', storageGb: 128, priceCents: 32900, stock: 6 },
      { colour: 'Glacier', storageGb: 128, priceCents: 32900, stock: 3 },
    ],
  },
  {
    slug: 'orbit-one',
    code: 'ORB-1',
    name: 'Orbit One',
    brand: 'Orbit',
    category: 'smartphone',
    illustration: 'phone',
    summary: 'A clean, fast phone with a flat 6.1" screen and no bloatware.',
    description: [
      'Orbit One runs a clean version of its system with nothing pre-installed you did not ask for. It is compact, quick, and takes natural-looking photos.',
      '- 6.1" OLED, 120 Hz\n- 50 MP main + 8 MP ultra-wide camera\n- 4,500 mAh battery, 33 W charging\n- Dual SIM + eSIM',
      PHONE_CARE,
    ].join('\n\n'),
    ageDays: 90,
    variants: [
      { colour: 'Lunar White', storageGb: 128, priceCents: 44900, stock: 14 },
      { colour: 'Lunar White', storageGb: 256, priceCents: 49900, stock: 8 },
      { colour: 'Deep Space', storageGb: 128, priceCents: 44900, stock: 20 },
      { colour: 'Nova Blue', storageGb: 256, priceCents: 49900, stock: 5 },
    ],
  },
  {
    slug: 'orbit-mini',
    code: 'ORB-MINI',
    name: 'Orbit Mini',
    brand: 'Orbit',
    category: 'smartphone',
    illustration: 'phone',
    summary: 'A one-hand 5.4" phone, at a clearance price while stock lasts.',
    description: [
      'The Orbit Mini fits any pocket and every hand. This model is being replaced and is sold at a clearance price: as a clearance product it is not covered by the 1-year warranty.',
      '- 5.4" OLED, 60 Hz\n- 12 MP camera\n- 2,900 mAh battery',
    ].join('\n\n'),
    ageDays: 400,
    clearance: true,
    variants: [
      { colour: 'Rose', storageGb: 64, priceCents: 22900, stock: 7 },
      { colour: 'Slate', storageGb: 64, priceCents: 22900, stock: 4 },
    ],
  },
  {
    slug: 'kestrel-k8-rugged',
    code: 'KST-K8',
    name: 'Kestrel K8 Rugged',
    brand: 'Kestrel',
    category: 'smartphone',
    illustration: 'phone',
    summary: 'Drop-proof, waterproof, glove-friendly: a phone for building sites and trails.',
    description: [
      'The Kestrel K8 survives 1.8 m drops onto concrete, 30 minutes at 2 m underwater, dust, mud and frost. The screen works with gloves and wet fingers, and the programmable side key opens the torch or a push-to-talk app.',
      '- 6.1" Gorilla-class glass, glove mode\n- IP68 / IP69K, MIL-STD-810H tested\n- 6,600 mAh battery\n- Programmable side key',
      'This phone is sold under special warranty terms (see the warranty section).',
    ].join('\n\n'),
    ageDays: 75,
    specialWarrantyTerms:
      'Kestrel Rugged Promise: a 24-month manufacturer warranty that includes water and drop damage, serviced by Kestrel directly. Because of these special terms, defective-item returns to the shop do not apply; dead-on-arrival claims do.',
    variants: [
      { colour: 'Olive', storageGb: 128, priceCents: 37900, stock: 10 },
      { colour: 'Safety Orange', storageGb: 128, priceCents: 37900, stock: 6 },
    ],
  },
  {
    slug: 'lumen-flip',
    code: 'LMN-FLIP',
    name: 'Lumen Flip',
    brand: 'Lumen',
    category: 'smartphone',
    illustration: 'foldable',
    summary: 'A foldable that closes to a square and opens to a full 6.9" screen.',
    description: [
      'Lumen Flip folds in half to slip into the smallest pocket. The 3.4-inch cover screen shows notifications, the camera viewfinder and widgets without opening the phone.',
      '- 6.9" foldable OLED, 120 Hz\n- 3.4" cover screen\n- 50 MP main camera\n- Hinge tested to 400,000 folds',
      PHONE_CARE,
    ].join('\n\n'),
    ageDays: 14,
    featured: true,
    variants: [
      { colour: 'Lavender', storageGb: 256, priceCents: 109900, stock: 5 },
      { colour: 'Onyx', storageGb: 256, priceCents: 109900, stock: 8 },
      { colour: 'Onyx', storageGb: 512, priceCents: 119900, stock: 3 },
    ],
  },
  {
    slug: 'tidal-s',
    code: 'TDL-S',
    name: 'Tidal S',
    brand: 'Tidal',
    category: 'smartphone',
    illustration: 'phone',
    summary: 'A simple first smartphone at a clearance price.',
    description: [
      'Tidal S is an easy first smartphone: big icons, a loud speaker, and a battery that lasts. Sold at a clearance price; clearance products are not covered by the 1-year warranty.',
      '- 6.0" LCD\n- 13 MP camera\n- 4,000 mAh battery',
    ].join('\n\n'),
    ageDays: 500,
    clearance: true,
    variants: [
      { colour: 'Aqua', storageGb: 64, priceCents: 14900, stock: 12 },
      { colour: 'Sand', storageGb: 64, priceCents: 14900, stock: 9 },
    ],
  },
  // --------------------------------------------------------------------------------------------- tablets
  {
    slug: 'nimbus-tab-11',
    code: 'NMB-T11',
    name: 'Nimbus Tab 11',
    brand: 'Nimbus',
    category: 'tablet',
    illustration: 'tablet',
    summary: 'An 11" tablet for films, notes and homework, with stylus support.',
    description: [
      'Nimbus Tab 11 has a sharp 11-inch 120 Hz screen, four speakers and support for the Nimbus Pen. Split-screen lets you take notes beside a video call.',
      '- 11" LCD, 2.5K, 120 Hz\n- Quad speakers\n- 8,000 mAh battery, 33 W charging\n- Stylus support (pen sold separately)',
    ].join('\n\n'),
    ageDays: 30,
    featured: true,
    batchVarianceNote: false,
    variants: [
      { colour: 'Graphite', storageGb: 128, priceCents: 52900, stock: 15 },
      { colour: 'Graphite', storageGb: 256, priceCents: 59900, stock: 7 },
      { colour: 'Glacier', storageGb: 128, priceCents: 52900, stock: 9 },
    ],
  },
  {
    slug: 'orbit-pad-air',
    code: 'ORB-PADA',
    name: 'Orbit Pad Air',
    brand: 'Orbit',
    category: 'tablet',
    illustration: 'tablet',
    summary: 'Thin, light 10.9" tablet with all-day battery.',
    description: [
      'Orbit Pad Air weighs 460 g and is 6.1 mm thin, with a 10.9-inch screen and a battery that lasts a full day of reading, browsing and streaming.',
      '- 10.9" LCD\n- 7,600 mAh battery\n- USB-C with display output\n- Keyboard cover compatible',
    ].join('\n\n'),
    ageDays: 150,
    variants: [
      { colour: 'Lunar White', storageGb: 64, priceCents: 39900, stock: 10 },
      { colour: 'Nova Blue', storageGb: 64, priceCents: 39900, stock: 6 },
      { colour: 'Nova Blue', storageGb: 256, priceCents: 47900, stock: 4 },
    ],
  },
  {
    slug: 'lumen-slate-8',
    code: 'LMN-SL8',
    name: 'Lumen Slate 8',
    brand: 'Lumen',
    category: 'tablet',
    illustration: 'tablet',
    summary: 'A compact 8" tablet for reading and travel.',
    description: [
      'Lumen Slate 8 is the tablet that comes along: small enough for a coat pocket, with a reading mode that turns the screen warm and grey for e-books.',
      '- 8" LCD\n- 5,100 mAh battery\n- microSD slot\n- Reading mode',
    ].join('\n\n'),
    ageDays: 200,
    variants: [
      { colour: 'Onyx', storageGb: 32, priceCents: 18900, stock: 18 },
      { colour: 'Mint', storageGb: 64, priceCents: 20900, stock: 12 },
    ],
  },
  {
    slug: 'kestrel-field-tab',
    code: 'KST-FT10',
    name: 'Kestrel Field Tab',
    brand: 'Kestrel',
    category: 'tablet',
    illustration: 'tablet',
    summary: 'A rugged 10" tablet for field work, with a hot-swappable battery.',
    description: [
      'Kestrel Field Tab is made for warehouses, farms and fieldwork: it survives drops and rain, reads barcodes with its rear scanner, and takes a spare battery without switching off.',
      '- 10.1" sunlight-readable screen, glove mode\n- IP65, 1.2 m drop tested\n- Hot-swappable 7,000 mAh battery\n- Barcode scanner',
      'This tablet is sold under special warranty terms (see the warranty section).',
    ].join('\n\n'),
    ageDays: 100,
    specialWarrantyTerms:
      'Kestrel Field Service: a 36-month on-site service contract with Kestrel, who repair or swap the tablet at your address. Because of these special terms, defective-item returns to the shop do not apply; dead-on-arrival claims do.',
    variants: [{ colour: 'Olive', storageGb: 128, priceCents: 64900, stock: 5 }],
  },
  {
    slug: 'tidal-kids-tab',
    code: 'TDL-KT',
    name: 'Tidal Kids Tab',
    brand: 'Tidal',
    category: 'tablet',
    illustration: 'tablet',
    summary: 'A 7" tablet in a soft bumper, with parental controls, on clearance.',
    description: [
      'Tidal Kids Tab comes in a soft bumper case with a handle, and with parental controls and time limits set up from the first start. Sold at a clearance price; clearance products are not covered by the 1-year warranty.',
      '- 7" LCD\n- Bumper case with handle\n- Parental controls',
    ].join('\n\n'),
    ageDays: 380,
    clearance: true,
    variants: [
      { colour: 'Bubblegum', storageGb: 32, priceCents: 9900, stock: 8 },
      { colour: 'Lime', storageGb: 32, priceCents: 9900, stock: 5 },
    ],
  },
  // ------------------------------------------------------------------------------------------- wearables
  {
    slug: 'pulse-band-3',
    code: 'ORB-PB3',
    name: 'Pulse Band 3',
    brand: 'Orbit',
    category: 'wearable',
    illustration: 'band',
    summary: 'Steps, sleep and heart rate, with a 14-day battery.',
    description: [
      'Pulse Band 3 tracks steps, sleep stages and heart rate around the clock and lasts two weeks on a charge. Swim-proof to 50 m.',
      '- 1.1" AMOLED\n- Heart rate and SpO2\n- 14-day battery\n- 5 ATM water resistance',
    ].join('\n\n'),
    ageDays: 50,
    variants: [
      { colour: 'Charcoal', priceCents: 5900, stock: 40 },
      { colour: 'Coral', priceCents: 5900, stock: 25 },
    ],
  },
  {
    slug: 'nimbus-watch-2',
    code: 'NMB-W2',
    name: 'Nimbus Watch 2',
    brand: 'Nimbus',
    category: 'wearable',
    illustration: 'watch',
    summary: 'A smartwatch with GPS, ECG and two-day battery.',
    description: [
      'Nimbus Watch 2 pairs with any Nimbus phone (and most others) for notifications, payments and workouts, with built-in GPS and an ECG sensor.',
      '- Always-on AMOLED\n- GPS, ECG, heart rate, SpO2\n- Two-day battery\n- Sapphire-coated glass',
    ].join('\n\n'),
    ageDays: 35,
    batchVarianceNote: false,
    variants: [
      { colour: 'Midnight', label: '41 mm', priceCents: 29900, stock: 12 },
      { colour: 'Midnight', label: '45 mm', priceCents: 32900, stock: 9 },
      { colour: 'Glacier', label: '41 mm', priceCents: 29900, stock: 6 },
    ],
  },
  {
    slug: 'kestrel-trail-watch',
    code: 'KST-TW',
    name: 'Kestrel Trail Watch',
    brand: 'Kestrel',
    category: 'wearable',
    illustration: 'watch',
    summary: 'An outdoor watch with maps, barometer and a three-week battery.',
    description: [
      'Kestrel Trail Watch shows offline topographic maps, warns of weather changes with its barometer, and runs for three weeks between charges. Currently out of stock: new units are on the way.',
      '- 1.4" transflective screen\n- Offline maps, multi-band GPS\n- Barometer, altimeter, compass\n- 21-day battery',
    ].join('\n\n'),
    ageDays: 80,
    variants: [
      { colour: 'Olive', priceCents: 34900, stock: 0 },
      { colour: 'Safety Orange', priceCents: 34900, stock: 0 },
    ],
  },
  {
    slug: 'tidal-kids-watch',
    code: 'TDL-KW',
    name: 'Tidal Kids Watch',
    brand: 'Tidal',
    category: 'wearable',
    illustration: 'watch',
    summary: 'A kids’ watch with calls to approved contacts and location sharing.',
    description: [
      'Tidal Kids Watch lets children call the contacts their parents approved and share their location, with a school mode that silences everything but the time.',
      '- Calls to approved contacts\n- Location sharing\n- School mode\n- Splash-proof',
    ].join('\n\n'),
    ageDays: 110,
    variants: [
      { colour: 'Bubblegum', priceCents: 8900, stock: 14 },
      { colour: 'Aqua', priceCents: 8900, stock: 10 },
    ],
  },
  // ------------------------------------------------------------------------------------------------ audio
  {
    slug: 'orbit-buds-pro',
    code: 'ORB-BP',
    name: 'Orbit Buds Pro',
    brand: 'Orbit',
    category: 'other',
    illustration: 'earbuds',
    summary: 'Noise-cancelling earbuds with 30 hours of battery in the case.',
    description: [
      'Orbit Buds Pro cancel the noise of trains and offices, let the world back in with a touch, and switch between your phone and laptop on their own.',
      '- Active noise cancelling\n- 7 h listening, 30 h with the case\n- Wireless charging case\n- IPX4',
    ].join('\n\n'),
    ageDays: 70,
    variants: [
      { colour: 'Lunar White', priceCents: 12900, stock: 25 },
      { colour: 'Deep Space', priceCents: 12900, stock: 18 },
    ],
  },
  {
    slug: 'lumen-buds-lite',
    code: 'LMN-BL',
    name: 'Lumen Buds Lite',
    brand: 'Lumen',
    category: 'other',
    illustration: 'earbuds',
    summary: 'Light, comfortable everyday earbuds.',
    description: [
      'Lumen Buds Lite weigh 4 g each, sit comfortably for hours, and come in a case that fits the smallest pocket.',
      '- 6 h listening, 24 h with the case\n- USB-C charging\n- Touch controls',
    ].join('\n\n'),
    ageDays: 25,
    variants: [
      { colour: 'Mint', priceCents: 6900, stock: 35 },
      { colour: 'Onyx', priceCents: 6900, stock: 28 },
    ],
  },
  // ------------------------------------------------------------------------------------------ accessories
  {
    slug: 'volt-30w-usb-c-charger',
    code: 'VLT-30',
    name: 'Volt 30W USB-C Charger',
    brand: 'Volt',
    category: 'accessory',
    illustration: 'charger',
    summary: 'A compact 30 W USB-C wall charger for phones and tablets.',
    description: [
      'Volt 30W charges a phone from empty to 50% in about 25 minutes and a tablet at full speed. Foldable prongs; works with every USB-C device.',
      '- 30 W USB-C Power Delivery\n- Foldable US plug\n- Over-temperature protection',
    ].join('\n\n'),
    ageDays: 180,
    variants: [{ colour: 'White', priceCents: 2900, stock: 80 }],
  },
  {
    slug: 'volt-65w-gan-charger',
    code: 'VLT-65',
    name: 'Volt 65W GaN Charger',
    brand: 'Volt',
    category: 'accessory',
    illustration: 'charger',
    summary: 'Two USB-C ports and one USB-A: a laptop, a phone and a watch at once.',
    description: [
      'Volt 65W uses gallium nitride to fit a laptop charger into the size of a phone charger, and shares its power across three ports.',
      '- 65 W total, 2 × USB-C + 1 × USB-A\n- GaN technology\n- Foldable US plug',
    ].join('\n\n'),
    ageDays: 45,
    variants: [
      { colour: 'Charcoal', priceCents: 4900, stock: 40 },
      { colour: 'White', priceCents: 4900, stock: 32 },
    ],
  },
  {
    slug: 'braid-usb-c-cable',
    code: 'VLT-CBL',
    name: 'Braid USB-C Cable',
    brand: 'Volt',
    category: 'accessory',
    illustration: 'cable',
    summary: 'A braided USB-C to USB-C cable rated for 100 W.',
    description: [
      'A tough braided cable that charges laptops at up to 100 W and survives 20,000 bends.',
      '- USB-C to USB-C, 100 W\n- Braided nylon\n- 480 Mb/s data',
    ].join('\n\n'),
    ageDays: 220,
    variants: [
      { colour: 'Charcoal', label: '1 m', priceCents: 1500, stock: 120 },
      { colour: 'Charcoal', label: '2 m', priceCents: 1900, stock: 90 },
      { colour: 'Sand', label: '1 m', priceCents: 1500, stock: 60 },
    ],
  },
  {
    slug: 'nimbus-x2-clear-case',
    code: 'NMB-X2C',
    name: 'Nimbus X2 Clear Case',
    brand: 'Nimbus',
    category: 'accessory',
    illustration: 'case',
    summary: 'A slim clear case for the Nimbus X2 that does not yellow.',
    description: [
      'A slim, clear case with raised edges around the screen and camera, made of a material that resists yellowing.',
      '- Fits the Nimbus X2 (not the X2 Pro)\n- Raised edges\n- Wireless charging compatible',
    ].join('\n\n'),
    ageDays: 39,
    variants: [
      { colour: 'Clear', priceCents: 2500, stock: 60 },
      { colour: 'Smoke', priceCents: 2500, stock: 35 },
    ],
  },
  {
    slug: 'powercell-10000',
    code: 'VLT-PC10',
    name: 'PowerCell 10,000 mAh',
    brand: 'Volt',
    category: 'accessory',
    illustration: 'powerbank',
    summary: 'A pocket power bank: two phone charges, 20 W USB-C.',
    description: [
      'PowerCell charges a phone about twice and refills itself in three hours over USB-C.',
      '- 10,000 mAh\n- 20 W USB-C in and out, USB-A out\n- Charge level lights',
    ].join('\n\n'),
    ageDays: 95,
    variants: [
      { colour: 'Charcoal', priceCents: 3900, stock: 45 },
      { colour: 'Sand', priceCents: 3900, stock: 20 },
    ],
  },
  {
    slug: 'volt-wireless-pad',
    code: 'VLT-PAD',
    name: 'Volt Wireless Charging Pad',
    brand: 'Volt',
    category: 'accessory',
    illustration: 'pad',
    summary: 'A 15 W wireless charging pad, on clearance.',
    description: [
      'Put your phone down and it charges. This model is sold at a clearance price; clearance products and accessories are not covered by the 1-year warranty.',
      '- 15 W wireless charging\n- Non-slip surface\n- USB-C cable included',
    ].join('\n\n'),
    ageDays: 365,
    clearance: true,
    variants: [
      { colour: 'White', priceCents: 1900, stock: 25 },
      { colour: 'Charcoal', priceCents: 1900, stock: 0 },
    ],
  },
  // --------------------------------------------------------------------------- not on the storefront
  {
    slug: 'nimbus-x3',
    code: 'NMB-X3',
    name: 'Nimbus X3',
    brand: 'Nimbus',
    category: 'smartphone',
    illustration: 'phone',
    summary: 'Coming soon.',
    description: 'The next Nimbus. Details are being written: this product is a draft.',
    ageDays: 2,
    status: 'draft',
    batchVarianceNote: false,
    variants: [{ colour: 'Midnight', storageGb: 256, priceCents: 69900, stock: 0 }],
  },
  {
    slug: 'orbit-zero',
    code: 'ORB-0',
    name: 'Orbit Zero',
    brand: 'Orbit',
    category: 'smartphone',
    illustration: 'phone',
    summary: 'The first Orbit phone, no longer sold.',
    description: 'Orbit Zero is no longer sold; this page is kept for orders and after-sales cases.',
    ageDays: 700,
    status: 'archived',
    variants: [{ colour: 'Slate', storageGb: 64, priceCents: 19900, stock: 0 }],
  },
];
