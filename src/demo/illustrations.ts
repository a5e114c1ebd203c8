/**
 * The demo products' pictures: flat SVG illustrations drawn from the product's kind, colour and name, so the
 * demo shop ships its own images (nothing hot-linked, no licences to track). `write-media.ts` writes them to
 * public/media/products; a test checks the committed files still match this code.
 */
import { COLOURS, type DemoProduct, type Illustration } from './catalog.ts';

type Rgb = [number, number, number];

function rgb(hex: string): Rgb {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
}

function hex([r, g, b]: Rgb): string {
  return `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

function mix(a: string, b: string, t: number): string {
  const x = rgb(a);
  const y = rgb(b);
  return hex([x[0] + (y[0] - x[0]) * t, x[1] + (y[1] - x[1]) * t, x[2] + (y[2] - x[2]) * t]);
}

const tint = (c: string, t: number) => mix(c, '#ffffff', t);
const shade = (c: string, t: number) => mix(c, '#000000', t);

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

interface Palette {
  body: string;
  edge: string;
  light: string;
  deep: string;
}

const SCREEN = '#0b1020';
const METAL = '#c8d0da';
const PORT = '#111827';

/** A dark screen with a soft wallpaper in the product's colour, clipped to the screen's shape. */
function screen(
  p: Palette,
  x: number,
  y: number,
  w: number,
  h: number,
  r: number,
  clock?: { text: string; size: number },
): string {
  return [
    `<clipPath id="screen"><rect x="${x}" y="${y}" width="${w}" height="${h}" rx="${r}"/></clipPath>`,
    `<g clip-path="url(#screen)">`,
    `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="url(#glass)"/>`,
    `<circle cx="${x + w * 0.22}" cy="${y + h * 0.34}" r="${w * 0.62}" fill="${p.light}" opacity="0.42"/>`,
    `<circle cx="${x + w * 0.86}" cy="${y + h * 0.8}" r="${w * 0.55}" fill="${p.body}" opacity="0.55"/>`,
    clock
      ? `<text x="${x + w / 2}" y="${y + clock.size * 1.9}" text-anchor="middle" font-size="${clock.size}" font-weight="300" fill="#ffffff">${clock.text}</text>`
      : '',
    `</g>`,
  ].join('');
}

/** The phone's back, in its colour, with the camera module. */
function phoneBack(p: Palette, x: number, y: number, w: number, h: number): string {
  const lens = (cx: number, cy: number) =>
    `<circle cx="${cx}" cy="${cy}" r="19" fill="${PORT}" stroke="${p.edge}" stroke-width="4"/><circle cx="${cx}" cy="${cy}" r="7" fill="#334155"/>`;
  return [
    `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="40" fill="${p.body}" stroke="${p.edge}" stroke-width="3"/>`,
    `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="40" fill="url(#sheen)"/>`,
    `<rect x="${x + 18}" y="${y + 18}" width="92" height="128" rx="28" fill="${p.deep}" opacity="0.35"/>`,
    lens(x + 50, y + 52),
    lens(x + 50, y + 108),
    `<circle cx="${x + 88}" cy="${y + 80}" r="7" fill="#fef3c7"/>`,
  ].join('');
}

function phone(p: Palette, foldable: boolean): string {
  const [w, h] = foldable ? [224, 440] : [214, 420];
  const y = 300 - h / 2 - 10;
  // Front and back side by side, overlapping by 40, centred together.
  const front = 320 - (2 * w - 40) / 2;
  const back = front + w - 40;
  const parts = [
    `<g transform="rotate(7 ${back + w / 2} ${y + h / 2})">${phoneBack(p, back, y, w, h)}</g>`,
    `<rect x="${front + w - 3}" y="${y + 96}" width="8" height="58" rx="3" fill="${p.edge}"/>`,
    `<rect x="${front + w - 3}" y="${y + 170}" width="8" height="34" rx="3" fill="${p.edge}"/>`,
    `<rect x="${front}" y="${y}" width="${w}" height="${h}" rx="40" fill="${p.body}" stroke="${p.edge}" stroke-width="3"/>`,
    screen(p, front + 10, y + 10, w - 20, h - 20, 31, { text: '9:41', size: 40 }),
    `<circle cx="${front + w / 2}" cy="${y + 28}" r="7" fill="#05070d"/>`,
  ];
  if (foldable) {
    parts.push(
      `<rect x="${front + 10}" y="${y + h / 2 - 2}" width="${w - 20}" height="4" fill="#ffffff" opacity="0.16"/>`,
      `<rect x="${front - 4}" y="${y + h / 2 - 14}" width="6" height="28" rx="3" fill="${p.edge}"/>`,
    );
  }
  return parts.join('');
}

function tablet(p: Palette): string {
  const [x, y, w, h] = [125, 52, 390, 448];
  return [
    `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="34" fill="${p.body}" stroke="${p.edge}" stroke-width="3"/>`,
    screen(p, x + 18, y + 18, w - 36, h - 36, 18, { text: '9:41', size: 44 }),
    `<circle cx="${x + w / 2}" cy="${y + 9}" r="4" fill="#05070d"/>`,
  ].join('');
}

function watch(p: Palette): string {
  const holes = [400, 428, 456].map((cy) => `<circle cx="320" cy="${cy}" r="5" fill="${p.deep}"/>`).join('');
  return [
    `<rect x="266" y="50" width="108" height="150" rx="22" fill="${p.edge}"/>`,
    `<rect x="266" y="330" width="108" height="160" rx="22" fill="${p.edge}"/>`,
    holes,
    `<rect x="409" y="232" width="14" height="46" rx="5" fill="${p.edge}"/>`,
    `<rect x="226" y="150" width="190" height="230" rx="52" fill="${p.body}" stroke="${p.edge}" stroke-width="3"/>`,
    `<rect x="242" y="166" width="158" height="198" rx="40" fill="url(#glass)"/>`,
    `<circle cx="321" cy="265" r="66" fill="none" stroke="${p.light}" stroke-width="9" stroke-dasharray="300 115" stroke-linecap="round" transform="rotate(-90 321 265)"/>`,
    `<text x="321" y="280" text-anchor="middle" font-size="42" font-weight="300" fill="#ffffff">10:09</text>`,
  ].join('');
}

function band(p: Palette): string {
  return [
    `<rect x="284" y="52" width="72" height="436" rx="36" fill="${p.body}" stroke="${p.edge}" stroke-width="3"/>`,
    `<rect x="270" y="180" width="100" height="176" rx="42" fill="${PORT}"/>`,
    `<rect x="282" y="194" width="76" height="148" rx="32" fill="url(#glass)"/>`,
    `<path d="M320 252c-6-10-24-8-24 6 0 12 24 26 24 26s24-14 24-26c0-14-18-16-24-6z" fill="${p.light}"/>`,
    `<text x="320" y="316" text-anchor="middle" font-size="24" font-weight="600" fill="#ffffff">72</text>`,
  ].join('');
}

function earbuds(p: Palette): string {
  const bud = (cx: number, flip: number) =>
    [
      `<rect x="${cx - 14 + 12 * flip}" y="150" width="28" height="112" rx="14" fill="${p.body}" stroke="${p.edge}" stroke-width="3"/>`,
      `<circle cx="${cx}" cy="140" r="46" fill="${p.body}" stroke="${p.edge}" stroke-width="3"/>`,
      `<circle cx="${cx - 14 * flip}" cy="132" r="16" fill="${p.deep}" opacity="0.6"/>`,
    ].join('');
  return [
    bud(250, 1),
    bud(390, -1),
    `<rect x="196" y="286" width="248" height="196" rx="92" fill="${p.body}" stroke="${p.edge}" stroke-width="3"/>`,
    `<path d="M200 352h240" stroke="${p.edge}" stroke-width="3"/>`,
    `<circle cx="320" cy="404" r="6" fill="#34d399"/>`,
  ].join('');
}

function charger(p: Palette, name: string): string {
  const watts = /(\d+)\s*W\b/.exec(name)?.[1];
  return [
    `<rect x="272" y="96" width="18" height="84" rx="4" fill="${METAL}"/>`,
    `<rect x="350" y="96" width="18" height="84" rx="4" fill="${METAL}"/>`,
    `<rect x="215" y="170" width="210" height="230" rx="38" fill="${p.body}" stroke="${p.edge}" stroke-width="3"/>`,
    `<rect x="286" y="330" width="68" height="20" rx="10" fill="${PORT}"/>`,
    watts
      ? `<text x="320" y="290" text-anchor="middle" font-size="44" font-weight="700" fill="${p.deep}" opacity="0.55">${watts}W</text>`
      : '',
  ].join('');
}

function cable(p: Palette): string {
  const path = 'M178 420C170 260 300 420 330 300S470 300 462 190';
  return [
    `<path d="${path}" fill="none" stroke="${p.edge}" stroke-width="22" stroke-linecap="round"/>`,
    `<path d="${path}" fill="none" stroke="${p.body}" stroke-width="16" stroke-linecap="round"/>`,
    `<path d="${path}" fill="none" stroke="${p.light}" stroke-width="4" stroke-dasharray="7 9" opacity="0.7"/>`,
    `<rect x="160" y="412" width="38" height="66" rx="10" fill="${p.edge}"/>`,
    `<rect x="167" y="472" width="24" height="26" rx="6" fill="${METAL}"/>`,
    `<rect x="443" y="132" width="38" height="66" rx="10" fill="${p.edge}"/>`,
    `<rect x="450" y="112" width="24" height="26" rx="6" fill="${METAL}"/>`,
  ].join('');
}

function phoneCase(p: Palette): string {
  return [
    `<rect x="205" y="60" width="230" height="440" rx="42" fill="${p.body}" fill-opacity="0.7" stroke="${p.edge}" stroke-width="4"/>`,
    `<rect x="216" y="71" width="208" height="418" rx="34" fill="none" stroke="#ffffff" stroke-opacity="0.55" stroke-width="3"/>`,
    `<rect x="226" y="84" width="96" height="118" rx="26" fill="${p.deep}" fill-opacity="0.35" stroke="${p.edge}" stroke-width="3"/>`,
    `<circle cx="256" cy="118" r="17" fill="${PORT}"/>`,
    `<circle cx="256" cy="168" r="17" fill="${PORT}"/>`,
    `<circle cx="296" cy="143" r="6" fill="#fef3c7"/>`,
  ].join('');
}

function powerbank(p: Palette): string {
  const leds = [0, 1, 2, 3]
    .map((i) => `<circle cx="${287 + i * 22}" cy="420" r="6" fill="${i < 3 ? '#34d399' : p.deep}"/>`)
    .join('');
  return [
    `<rect x="215" y="70" width="210" height="400" rx="42" fill="${p.body}" stroke="${p.edge}" stroke-width="3"/>`,
    `<rect x="286" y="84" width="68" height="16" rx="8" fill="${PORT}"/>`,
    `<rect x="232" y="120" width="176" height="270" rx="28" fill="#ffffff" opacity="0.12"/>`,
    `<text x="320" y="262" text-anchor="middle" font-size="40" font-weight="700" fill="${p.deep}" opacity="0.55">10K</text>`,
    leds,
  ].join('');
}

function pad(p: Palette): string {
  return [
    `<path d="M470 330C540 330 545 250 585 236" fill="none" stroke="${p.edge}" stroke-width="12" stroke-linecap="round"/>`,
    `<ellipse cx="320" cy="342" rx="210" ry="78" fill="${p.edge}"/>`,
    `<ellipse cx="320" cy="322" rx="210" ry="78" fill="${p.body}"/>`,
    `<ellipse cx="320" cy="322" rx="130" ry="46" fill="none" stroke="${p.light}" stroke-width="6"/>`,
    `<path d="M330 284l-40 46h30l-10 36 40-48h-30z" fill="${p.deep}" opacity="0.6"/>`,
  ].join('');
}

function device(kind: Illustration, p: Palette, name: string): string {
  switch (kind) {
    case 'phone':
      return phone(p, false);
    case 'foldable':
      return phone(p, true);
    case 'tablet':
      return tablet(p);
    case 'watch':
      return watch(p);
    case 'band':
      return band(p);
    case 'earbuds':
      return earbuds(p);
    case 'charger':
      return charger(p, name);
    case 'cable':
      return cable(p);
    case 'case':
      return phoneCase(p);
    case 'powerbank':
      return powerbank(p);
    case 'pad':
      return pad(p);
  }
}

export function colourOf(product: DemoProduct): string {
  const name = product.variants[0]?.colour ?? 'Graphite';
  return COLOURS[name] ?? (COLOURS.Graphite as string);
}

export function illustrationAlt(product: DemoProduct): string {
  return `Illustration of the ${product.name} in ${product.variants[0]?.colour ?? 'its colour'}`;
}

export function productIllustration(product: DemoProduct): string {
  const colour = colourOf(product);
  const p: Palette = {
    body: colour,
    edge: shade(colour, 0.28),
    light: tint(colour, 0.45),
    deep: shade(colour, 0.5),
  };
  const bgTop = mix(tint(colour, 0.86), '#eef2f7', 0.35);
  const bgBottom = mix(tint(colour, 0.7), '#dde3ea', 0.35);
  const title = escapeXml(illustrationAlt(product));
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 640" width="640" height="640" role="img" aria-labelledby="title">`,
    `<title id="title">${title}</title>`,
    `<defs>`,
    `<linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${bgTop}"/><stop offset="1" stop-color="${bgBottom}"/></linearGradient>`,
    `<linearGradient id="sheen" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#ffffff" stop-opacity="0.28"/><stop offset="0.55" stop-color="#ffffff" stop-opacity="0"/></linearGradient>`,
    `<linearGradient id="glass" x1="0" y1="0" x2="0.6" y2="1"><stop offset="0" stop-color="${mix(SCREEN, colour, 0.35)}"/><stop offset="1" stop-color="${SCREEN}"/></linearGradient>`,
    `</defs>`,
    `<rect width="640" height="640" fill="url(#bg)"/>`,
    `<circle cx="320" cy="280" r="215" fill="#ffffff" opacity="0.35"/>`,
    `<ellipse cx="320" cy="508" rx="160" ry="14" fill="#0f172a" opacity="0.1"/>`,
    `<g font-family="Inter, 'Segoe UI', system-ui, -apple-system, sans-serif">`,
    device(product.illustration, p, product.name),
    `<text x="320" y="560" text-anchor="middle" font-size="18" font-weight="600" letter-spacing="4" fill="${shade(colour, 0.55)}" opacity="0.75">${escapeXml(product.brand.toUpperCase())}</text>`,
    `<text x="320" y="600" text-anchor="middle" font-size="30" font-weight="600" fill="#0f172a">${escapeXml(product.name)}</text>`,
    `</g>`,
    `</svg>`,
    '',
  ].join('\n');
}

/** Where the illustration of a product is served from (see catalog/media.routes.ts). */
export function illustrationUrl(product: DemoProduct): string {
  return `/media/products/${product.slug}.svg`;
}
