/** Money is integer cents everywhere; these helpers format it at the edge. */

function groupThousands(n: number): string {
  if (n < 1000) return `${n}`;
  const digits = String(n);
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ',';
    out += digits[i];
  }
  return out;
}

/**
 * Integer cents → "$1,234.56" ("-$5.00" below zero). The shop sells in US dollars only, so the plain "$" is
 * unambiguous. Every screen and email writes money through this (see shared/format.ts). Intl is avoided on
 * purpose: this runs inside the policy engine's hot path.
 */
export function formatUsd(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const dollars = Math.floor(abs / 100);
  const rest = abs - dollars * 100;
  return `${sign}$${groupThousands(dollars)}.${rest < 10 ? '0' : ''}${rest}`;
}

/** 4999 → 5000, 5000 → 5000. */
export function roundUpToWholeDollars(cents: number): number {
  return Math.ceil(cents / 100) * 100;
}
