/**
 * The demo cases' evidence photos, drawn by the project (issue 10 point 8): a flat picture per evidence kind
 * (the box front and back, the item, a dead screen, a cracked screen, a packing slip, a postage receipt) on a
 * table top, rendered to JPEG by sharp. They go through the shop's own upload use case like a customer's
 * photo, so the demo's gallery, thumbnails and signed addresses are the real ones.
 */
import sharp from 'sharp';
import type { EvidenceKind } from '../aftersales/claim.schema.ts';

const WIDTH = 1200;
const HEIGHT = 900;

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const table = `
  <defs>
    <linearGradient id="wood" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="#d9c3a5"/><stop offset="1" stop-color="#b89878"/>
    </linearGradient>
    <radialGradient id="light" cx="0.35" cy="0.3" r="0.9">
      <stop offset="0" stop-color="#ffffff" stop-opacity="0.35"/><stop offset="1" stop-color="#000000" stop-opacity="0.18"/>
    </radialGradient>
  </defs>
  <rect width="${WIDTH}" height="${HEIGHT}" fill="url(#wood)"/>
  ${Array.from({ length: 9 }, (_, i) => `<path d="M0 ${60 + i * 100} C 400 ${40 + i * 100}, 800 ${90 + i * 100}, ${WIDTH} ${55 + i * 100}" stroke="#a9865f" stroke-opacity="0.25" stroke-width="3" fill="none"/>`).join('')}`;

const shade = `<rect width="${WIDTH}" height="${HEIGHT}" fill="url(#light)"/>`;

function device(screen: string): string {
  return `
  <g transform="translate(430 120) rotate(-6 170 330)">
    <rect x="8" y="14" width="340" height="660" rx="46" fill="#000" opacity="0.25"/>
    <rect width="340" height="660" rx="46" fill="#1f2430"/>
    <clipPath id="screen"><rect x="18" y="18" width="304" height="624" rx="32"/></clipPath>
    <rect x="18" y="18" width="304" height="624" rx="32" fill="#0b1020"/>
    <g clip-path="url(#screen)">${screen}</g>
    <rect x="140" y="30" width="60" height="12" rx="6" fill="#2b3140"/>
  </g>`;
}

function box(label: string, back: boolean): string {
  const bars = Array.from({ length: 34 }, (_, i) => {
    const w = [3, 6, 2, 4][i % 4] as number;
    return `<rect x="${470 + i * 8}" y="560" width="${w}" height="110" fill="#1d1d1d"/>`;
  }).join('');
  return `
  <g>
    <polygon points="250,220 950,180 1010,720 230,770" fill="#000" opacity="0.2"/>
    <polygon points="240,200 940,160 990,700 220,750" fill="#c9a06b"/>
    <polygon points="240,200 940,160 930,230 250,265" fill="#b48a56"/>
    <rect x="420" y="330" width="380" height="150" rx="10" fill="#f7f3ea" transform="rotate(-3 610 405)"/>
    <text x="610" y="395" text-anchor="middle" font-family="DejaVu Sans, sans-serif" font-size="44" font-weight="700" fill="#1d2a44" transform="rotate(-3 610 405)">${back ? 'SERIAL NO.' : 'Aftercare'}</text>
    <text x="610" y="450" text-anchor="middle" font-family="DejaVu Sans, sans-serif" font-size="28" fill="#3b4660" transform="rotate(-3 610 405)">${escapeXml(label)}</text>
    ${back ? bars : ''}
  </g>`;
}

function paper(title: string, lines: string[], total?: string): string {
  const rows = lines
    .map(
      (l, i) =>
        `<text x="390" y="${330 + i * 50}" font-family="DejaVu Sans Mono, monospace" font-size="26" fill="#333">${escapeXml(l)}</text>`,
    )
    .join('');
  return `
  <g transform="rotate(4 600 450)">
    <rect x="352" y="150" width="500" height="640" fill="#000" opacity="0.2"/>
    <rect x="340" y="135" width="500" height="640" fill="#fbfaf6"/>
    <text x="590" y="230" text-anchor="middle" font-family="DejaVu Sans, sans-serif" font-size="36" font-weight="700" fill="#222">${escapeXml(title)}</text>
    <line x1="380" y1="265" x2="800" y2="265" stroke="#999" stroke-dasharray="8 6" stroke-width="2"/>
    ${rows}
    ${total ? `<text x="800" y="720" text-anchor="end" font-family="DejaVu Sans Mono, monospace" font-size="34" font-weight="700" fill="#111">${escapeXml(total)}</text>` : ''}
  </g>`;
}

const crack = `
  <g stroke="#dfe7f5" stroke-width="3" fill="none" opacity="0.9">
    <path d="M200 160 L170 250 L210 330 L150 420 L190 520 L160 640"/>
    <path d="M210 330 L290 300 M210 330 L110 380 M150 420 L60 470 M190 520 L300 560 M170 250 L80 200"/>
  </g>`;

const deadScreen = `
  <g transform="translate(170 330)">
    <rect x="-50" y="-26" width="90" height="52" rx="8" fill="none" stroke="#e2474b" stroke-width="6"/>
    <rect x="44" y="-10" width="10" height="20" rx="3" fill="#e2474b"/>
    <line x1="-60" y1="40" x2="60" y2="-40" stroke="#e2474b" stroke-width="6"/>
  </g>`;

const litScreen = `
  <rect x="18" y="18" width="304" height="624" rx="32" fill="#274b8f"/>
  <circle cx="90" cy="470" r="190" fill="#3f7bd9" opacity="0.6"/>
  <text x="170" y="200" text-anchor="middle" font-family="DejaVu Sans, sans-serif" font-size="64" fill="#fff">10:42</text>`;

function scene(kind: EvidenceKind, label: string): string {
  switch (kind) {
    case 'package_front':
      return box(label, false);
    case 'package_back':
      return box(label, true);
    case 'item_media':
      return device(litScreen);
    case 'malfunction_media':
      return device(deadScreen);
    case 'defect_media':
      return device(`${litScreen}${crack}`);
    case 'shipment_slip':
      return paper('Packing slip', [`1 × ${label}`, 'Packed by: station 3', 'Parcel 1 of 2'], undefined);
    case 'postage_receipt':
      return paper('Post office', ['Tracked parcel', 'Insured value', label], 'Total $8.40');
  }
}

/**
 * A JPEG photo (1200×900, 30–40 kB) of what `kind` asks for, with `label` (a product name or SKU) written
 * on the box or slip. Deterministic: the same arguments give the same bytes.
 */
export async function evidencePicture(kind: EvidenceKind, label: string): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}">${table}${scene(kind, label)}${shade}</svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 82 }).toBuffer();
}
