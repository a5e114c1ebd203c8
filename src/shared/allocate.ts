/**
 * Splitting an amount of money into parts that add up to the whole, exactly (STYLE.md: "money is split by one
 * tested helper"). Used wherever one amount is spread over several lines: a coupon across an order's lines,
 * a refund across the lines of a case, a shipping fee across shipments.
 */

/**
 * Splits `totalCents` (an integer, may be 0 or negative) in proportion to `weights` (non-negative numbers,
 * at least one positive) by the largest-remainder method: each part is its exact share rounded down, and the
 * cents left over go one each to the parts with the largest remainders (ties to the earlier part). The parts
 * always add up to `totalCents`, and each is within one cent of its exact share.
 *
 * `allocateCents(1000, [1, 1, 1])` → `[334, 333, 333]`; `allocateCents(500, [3000, 0, 1000])` → `[375, 0, 125]`.
 *
 * @throws RangeError when the total is not a safe integer, a weight is negative or not finite, or all
 *   weights are zero.
 */
export function allocateCents(totalCents: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(totalCents)) throw new RangeError('totalCents must be a safe integer');
  let sum = 0;
  for (const w of weights) {
    if (!Number.isFinite(w) || w < 0) throw new RangeError('weights must be finite and not negative');
    sum += w;
  }
  if (!(sum > 0)) throw new RangeError('at least one weight must be positive');

  const sign = totalCents < 0 ? -1 : 1;
  const total = Math.abs(totalCents);
  // BigInt keeps total × weight exact whatever their size; the parts come back as numbers.
  const scale = weights.every(Number.isInteger) ? 1 : 1_000_000;
  const big = weights.map((w) => BigInt(Math.round(w * scale)));
  const bigSum = big.reduce((a, b) => a + b, 0n);
  if (bigSum === 0n) throw new RangeError('at least one weight must be positive');
  const bigTotal = BigInt(total);
  const parts = big.map((w) => (bigTotal * w) / bigSum);
  const remainders = big.map((w, i) => ({ i, r: (bigTotal * w) % bigSum }));
  let left = Number(bigTotal - parts.reduce((a, b) => a + b, 0n));
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left === 0) break;
    parts[i] = (parts[i] as bigint) + 1n;
    left--;
  }
  return parts.map((p) => (p === 0n ? 0 : sign * Number(p)));
}
