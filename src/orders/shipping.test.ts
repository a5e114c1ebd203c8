import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultShippingSettings, shippingMethods, shippingPriceCents } from './shipping.ts';

describe('shipping methods', () => {
  it('ordinary post costs $4.90 and tracked express $14.90 by default', () => {
    assert.equal(shippingPriceCents('post', 10_000), 490);
    assert.equal(shippingPriceCents('express', 10_000), 1490);
    assert.equal(defaultShippingSettings.freePostFromCents, null);
  });

  it('lists post first, express tracked', () => {
    const methods = shippingMethods(0);
    assert.deepEqual(
      methods.map((m) => [m.code, m.tracked, m.priceCents]),
      [
        ['post', false, 490],
        ['express', true, 1490],
      ],
    );
  });

  it('makes ordinary post free from the threshold when one is set, express never', () => {
    const settings = { ...defaultShippingSettings, freePostFromCents: 10_000 };
    assert.equal(shippingPriceCents('post', 9_999, settings), 490);
    assert.equal(shippingPriceCents('post', 10_000, settings), 0);
    assert.equal(shippingPriceCents('express', 50_000, settings), 1490);
  });
});
