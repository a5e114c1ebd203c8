/**
 * Coupon codes people can read aloud and type: `AC-7KQ2-M9XD-4HTP`. Twelve symbols of Crockford's base-32
 * alphabet (no I, L, O or U, so nothing reads as another symbol) carry 60 random bits: guessing a live code
 * takes about 10^18 tries, far beyond what the checkout's rate limit lets through. Pure apart from the
 * random source, which is a parameter for tests.
 */
import { randomBytes } from 'node:crypto';

export const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const COUPON_PREFIX = 'AC';
const GROUPS = 3;
const GROUP_LENGTH = 4;
const SYMBOLS = GROUPS * GROUP_LENGTH;

/** A new code from `random` (SYMBOLS bytes; each byte's low 5 bits pick a symbol, so every symbol is equally likely). */
export function newCouponCode(random: (n: number) => Uint8Array = randomBytes): string {
  const bytes = random(SYMBOLS);
  let symbols = '';
  for (let i = 0; i < SYMBOLS; i++) symbols += CROCKFORD[(bytes[i] ?? 0) & 31];
  const groups = Array.from({ length: GROUPS }, (_, g) =>
    symbols.slice(g * GROUP_LENGTH, (g + 1) * GROUP_LENGTH),
  );
  return [COUPON_PREFIX, ...groups].join('-');
}

/**
 * The code as stored, from what a person typed: case, spaces and hyphens do not matter, and the letters
 * Crockford reads as digits are read so (I and L → 1, O → 0). Returns null when it cannot be a coupon code,
 * so a typo never costs a database lookup.
 */
export function normaliseCouponCode(typed: string): string | null {
  const compact = typed.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  if (!compact.startsWith(COUPON_PREFIX)) return null;
  const symbols = compact.slice(COUPON_PREFIX.length);
  if (symbols.length !== SYMBOLS) return null;
  for (const c of symbols) if (!CROCKFORD.includes(c)) return null;
  const groups = Array.from({ length: GROUPS }, (_, g) =>
    symbols.slice(g * GROUP_LENGTH, (g + 1) * GROUP_LENGTH),
  );
  return [COUPON_PREFIX, ...groups].join('-');
}
