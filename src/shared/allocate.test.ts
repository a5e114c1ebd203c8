import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { allocateCents } from './allocate.ts';

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
