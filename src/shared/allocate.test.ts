import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { allocateCents, MoneyMismatch, spendInOrder, sumsTo } from './allocate.ts';

describe('allocateCents', () => {
  it('splits by weight, leftover cents to the largest remainders, ties to the earlier part', () => {
    assert.deepEqual(allocateCents(1000, [1, 1, 1]), [334, 333, 333]);
    assert.deepEqual(allocateCents(500, [3000, 0, 1000]), [375, 0, 125]);
    assert.deepEqual(allocateCents(1, [1, 1]), [1, 0]);
    assert.deepEqual(allocateCents(0, [5, 7]), [0, 0]);
    assert.deepEqual(allocateCents(-1000, [1, 1, 1]), [-334, -333, -333]);
    assert.deepEqual(allocateCents(999, [0.5, 0.25, 0.25]), [499, 250, 250]);
  });

  it('refuses what cannot be split', () => {
    assert.throws(() => allocateCents(100, [0, 0]), RangeError);
    assert.throws(() => allocateCents(100, []), RangeError);
    assert.throws(() => allocateCents(100, [1, -1]), RangeError);
    assert.throws(() => allocateCents(1.5, [1]), RangeError);
    assert.throws(() => allocateCents(100, [Number.NaN]), RangeError);
  });

  it('the parts always add up to the whole, and each is within one cent of its exact share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -2_000_000_000_000, max: 2_000_000_000_000 }),
        fc.array(fc.integer({ min: 0, max: 100_000_000 }), { minLength: 1, maxLength: 40 }),
        (total, weights) => {
          fc.pre(weights.some((w) => w > 0));
          const parts = allocateCents(total, weights);
          assert.equal(parts.length, weights.length);
          assert.equal(
            parts.reduce((a, b) => a + b, 0),
            total,
          );
          const sum = weights.reduce((a, b) => a + b, 0);
          parts.forEach((p, i) => {
            assert.ok(Number.isInteger(p));
            const exact = (total * (weights[i] as number)) / sum;
            assert.ok(Math.abs(p - exact) < 1 + 1e-6, `part ${i}: ${p} vs ${exact}`);
            if (weights[i] === 0) assert.equal(p, 0);
          });
        },
      ),
      { seed: 7, numRuns: 2000 },
    );
  });
});

describe('sumsTo', () => {
  it('returns the parts when they add up to the whole', () => {
    assert.deepEqual(sumsTo([500, 250, 250], 1000), [500, 250, 250]);
    assert.deepEqual(sumsTo([], 0), []);
  });

  it('throws when they do not, or when a part is not whole cents', () => {
    assert.throws(() => sumsTo([500, 250], 1000), MoneyMismatch);
    assert.throws(() => sumsTo([0.5, 0.5], 1), MoneyMismatch);
    assert.throws(() => sumsTo([1], Number.NaN), MoneyMismatch);
  });
});

describe('spendInOrder', () => {
  it('fills each capacity in turn and reports what is left over', () => {
    assert.deepEqual(spendInOrder(700, [500, 500]), { parts: [500, 200], shortCents: 0 });
    assert.deepEqual(spendInOrder(1200, [500, 500]), { parts: [500, 500], shortCents: 200 });
    assert.deepEqual(spendInOrder(0, [500]), { parts: [0], shortCents: 0 });
    assert.deepEqual(spendInOrder(300, []), { parts: [], shortCents: 300 });
  });

  it('refuses negative or fractional amounts', () => {
    assert.throws(() => spendInOrder(-1, [5]), RangeError);
    assert.throws(() => spendInOrder(5, [1.5]), RangeError);
  });

  it('parts plus shortfall add up to the amount, no part exceeds its capacity', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000_000 }),
        fc.array(fc.integer({ min: 0, max: 100_000_000 }), { maxLength: 20 }),
        (amount, capacities) => {
          const { parts, shortCents } = spendInOrder(amount, capacities);
          assert.equal(parts.reduce((a, b) => a + b, 0) + shortCents, amount);
          for (const [i, p] of parts.entries()) assert.ok(p >= 0 && p <= (capacities[i] as number));
          // Short only when every capacity is full.
          if (shortCents > 0) assert.deepEqual(parts, capacities);
        },
      ),
      { seed: 20261130 },
    );
  });
});
