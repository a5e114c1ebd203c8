import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { couponDiscountCents, couponExpiry, couponProblem, orderTotals } from './coupon.rules.ts';
import { newCouponCode, normaliseCouponCode } from './coupon-code.ts';

const now = new Date('2026-03-02T09:00:00Z');

describe('coupon rules', () => {
  it('a coupon is spendable until it expires, once, in its currency', () => {
    const fresh = {
      valueCents: 500,
      currency: 'USD',
      expiresAt: new Date('2026-03-03T00:00:00Z'),
      redeemedAt: null,
    };
    assert.equal(couponProblem(fresh, now), null);
    assert.equal(couponProblem({ ...fresh, redeemedAt: now }, now), 'used');
    assert.equal(
      couponProblem(fresh, new Date('2026-03-03T00:00:00Z')),
      'expired',
      'the expiry instant is too late',
    );
    assert.equal(couponProblem({ ...fresh, currency: 'EUR' }, now), 'currency');
    // Used wins over expired: the truer answer.
    assert.equal(couponProblem({ ...fresh, redeemedAt: now }, new Date('2027-01-01T00:00:00Z')), 'used');
  });

  it('the discount is the value, or the goods when they cost less; never negative', () => {
    assert.equal(couponDiscountCents(500, 20_000), 500);
    assert.equal(couponDiscountCents(50_000, 20_000), 20_000);
    assert.equal(couponDiscountCents(500, 0), 0);
  });

  it('postage is priced on the goods paid for: a coupon does not earn free post', () => {
    const freeFrom10000 = (goods: number) => (goods >= 10_000 ? 0 : 490);
    assert.deepEqual(orderTotals(12_000, null, freeFrom10000), {
      subtotalCents: 12_000,
      discountCents: 0,
      shippingCents: 0,
      totalCents: 12_000,
    });
    assert.deepEqual(orderTotals(12_000, 5_000, freeFrom10000), {
      subtotalCents: 12_000,
      discountCents: 5_000,
      shippingCents: 490,
      totalCents: 7_490,
    });
  });

  it('totals always add up and are never negative (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.option(fc.integer({ min: 1, max: 10_000_000 })),
        fc.integer({ min: 0, max: 5_000 }),
        (subtotal, value, postage) => {
          const t = orderTotals(subtotal, value, () => postage);
          assert.equal(t.subtotalCents - t.discountCents + t.shippingCents, t.totalCents);
          assert.ok(t.totalCents >= 0 && t.discountCents >= 0 && t.discountCents <= subtotal);
        },
      ),
      { seed: 20261130 },
    );
  });

  it('a coupon expires after the configured number of days', () => {
    assert.equal(couponExpiry(now, 30).toISOString(), '2026-04-01T09:00:00.000Z');
  });
});

describe('coupon codes', () => {
  it('AC- then three groups of four Crockford symbols', () => {
    assert.equal(
      newCouponCode(() => new Uint8Array(12)),
      'AC-0000-0000-0000',
    );
    assert.equal(
      newCouponCode(() => Uint8Array.from({ length: 12 }, (_, i) => i + 20)),
      'AC-MNPQ-RSTV-WXYZ',
    );
    for (let i = 0; i < 50; i++)
      assert.match(newCouponCode(), /^AC-[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){2}$/);
  });

  it('reads what people type: any case, spaces or no hyphens, I/L as 1 and O as 0', () => {
    assert.equal(normaliseCouponCode('ac 7kq2 m9xd 4htp'), 'AC-7KQ2-M9XD-4HTP');
    assert.equal(normaliseCouponCode('AC7KQ2M9XD4HTP'), 'AC-7KQ2-M9XD-4HTP');
    assert.equal(normaliseCouponCode('AC-OIL0-0000-0000'), 'AC-0110-0000-0000');
    assert.equal(normaliseCouponCode('AC-7KQ2-M9XD'), null);
    assert.equal(normaliseCouponCode('AC-7KQ2-M9XD-4HTU'), null, 'U is not in the alphabet');
    assert.equal(normaliseCouponCode('FREE-STUFF'), null);
  });
});
