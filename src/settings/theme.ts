/**
 * Colours the storefront derives from the shop's primary colour so that any colour chosen in the back office
 * still reads at WCAG AA: text on the primary colour, and the primary colour used as text on white.
 * Pure functions over `#rrggbb` strings.
 */

export interface Theme {
  /** Buttons and accents. */
  primary: string;
  /** Hover and pressed state of `primary`. */
  primaryHover: string;
  /** Text on `primary`: white or black, whichever contrasts more (every colour reaches 4.5:1 with one). */
  onPrimary: string;
  /** The primary colour as text or focus ring on white, darkened until it reaches 4.5:1. */
  primaryInk: string;
}

const WHITE = '#ffffff';
const BLACK = '#000000';

function channels(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function toHex([r, g, b]: [number, number, number]): string {
  return `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

/** WCAG 2 relative luminance. */
export function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Mixes `hex` towards black by `amount` (0..1). */
export function darken(hex: string, amount: number): string {
  return toHex(channels(hex).map((c) => c * (1 - amount)) as [number, number, number]);
}

/** Mixes `hex` towards white by `amount` (0..1). */
export function lighten(hex: string, amount: number): string {
  return toHex(channels(hex).map((c) => c + (255 - c) * amount) as [number, number, number]);
}

export function themeFor(primary: string): Theme {
  const colour = /^#[0-9a-fA-F]{6}$/.test(primary) ? primary.toLowerCase() : '#0f766e';
  const onPrimary = contrastRatio(colour, WHITE) >= contrastRatio(colour, BLACK) ? WHITE : BLACK;
  let primaryInk = colour;
  for (let step = 1; contrastRatio(primaryInk, WHITE) < 4.5 && step <= 20; step++) {
    primaryInk = darken(colour, step * 0.05);
  }
  // Hovering moves away from the text colour, so the pair only gains contrast.
  const primaryHover = onPrimary === WHITE ? darken(colour, 0.15) : lighten(colour, 0.25);
  return { primary: colour, primaryHover, onPrimary, primaryInk };
}
