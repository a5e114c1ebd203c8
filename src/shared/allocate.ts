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

/** Parts that do not add up to their whole: a programming error in money code, never a customer's mistake. */
export class MoneyMismatch extends Error {
  constructor(
    readonly parts: readonly number[],
    readonly whole: number,
  ) {
    super(`money parts [${parts.join(', ')}] add up to ${parts.reduce((a, b) => a + b, 0)}, not ${whole}`);
    this.name = 'MoneyMismatch';
  }
}

/**
 * Proves that `parts` (integer cents) add up exactly to `whole`, and returns the parts unchanged so a caller can
 * write `sumsTo(split(x), x)`. Every place that splits or combines money (refunds across payments, a coupon's
 * discount in an order's totals, a reimbursement added to a case refund) passes through it.
 *
 * @throws MoneyMismatch when any part or the whole is not a safe integer, or when the sum differs.
 */
export function sumsTo<T extends readonly number[]>(parts: T, whole: number): T {
  const ok =
    Number.isSafeInteger(whole) &&
    parts.every(Number.isSafeInteger) &&
    parts.reduce((a, b) => a + b, 0) === whole;
  if (!ok) throw new MoneyMismatch(parts, whole);
  return parts;
}

/**
 * Takes `amountCents` (a non-negative integer) from `capacities` in their order: each part is as much as its
 * capacity allows of what is still to take. Used to spread a refund over an order's payments (oldest first) or
 * a discount over what it may cover. Returns the parts (one per capacity, each between 0 and its capacity) and
 * `shortCents`, what could not be placed (0 when the capacities sufficed); parts plus shortfall always add up to
 * the amount (checked by `sumsTo`).
 *
 * `spendInOrder(700, [500, 500])` → `{ parts: [500, 200], shortCents: 0 }`;
 * `spendInOrder(1200, [500, 500])` → `{ parts: [500, 500], shortCents: 200 }`.
 *
 * @throws RangeError when the amount or a capacity is not a non-negative safe integer.
 */
export function spendInOrder(
  amountCents: number,
  capacities: readonly number[],
): { parts: number[]; shortCents: number } {
  if (!Number.isSafeInteger(amountCents) || amountCents < 0) {
    throw new RangeError('amountCents must be a non-negative safe integer');
  }
  let left = amountCents;
  const parts = capacities.map((capacity) => {
    if (!Number.isSafeInteger(capacity) || capacity < 0) {
      throw new RangeError('capacities must be non-negative safe integers');
    }
    const part = Math.min(capacity, left);
    left -= part;
    return part;
  });
  sumsTo([...parts, left], amountCents);
  return { parts, shortCents: left };
}
