import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../shared/errors.ts';
import { canonicalJson, requestHash, requireIdempotencyKey } from './idempotency.ts';

describe('Idempotency-Key', () => {
  it('hashes equal requests alike, whatever the key order', () => {
    assert.equal(
      canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: 'x' } }),
      '{"a":{"c":"x","d":[1,{"x":1,"y":2}]},"b":1}',
    );
    assert.equal(requestHash({ a: 1, b: 2 }), requestHash({ b: 2, a: 1 }));
    assert.notEqual(requestHash({ a: 1 }), requestHash({ a: 2 }));
    assert.equal(canonicalJson({ a: undefined, b: null }), '{"b":null}');
  });

  it('requires 8 to 100 printable characters, and names the header', () => {
    assert.equal(requireIdempotencyKey('order-attempt-1'), 'order-attempt-1');
    for (const bad of [undefined, '', 'short', 'x'.repeat(101), 'with space in', 'tab\there1']) {
      assert.throws(
        () => requireIdempotencyKey(bad),
        (error: unknown) => error instanceof AppError && error.field === 'Idempotency-Key',
        String(bad),
      );
    }
  });

  it('words a missing key for every route that takes one, not only checkout (a refund too)', () => {
    assert.throws(
      () => requireIdempotencyKey(undefined),
      (error: unknown) =>
        error instanceof AppError &&
        /each attempt/.test(error.message) &&
        !/order attempt/.test(error.message),
    );
  });
});
