import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { partsQuote, reimbursement } from './money.rules.ts';
import { partsQuoteTerms } from './parts-quote.ts';

const shopPays = (cap: number) => ({
  eligible: true,
  returnShipping: { payer: 'shop' as const, reimbursableUpToCents: cap },
});

describe('return-shipping reimbursement', () => {
  it('AS-GEN-3: a receipt under the cap is reimbursed in full', () => {
    const d = reimbursement(820, shopPays(1_499));
    assert.equal(d.amountCents, 820);
    assert.equal(d.reasons[0]?.clause, 'AS-GEN-3');
  });

  it('AS-GEN-3: a receipt above the cap is reimbursed only up to the cap, and the reason says so', () => {
    const d = reimbursement(2_000, shopPays(1_499));
    assert.equal(d.amountCents, 1_499);
    assert.match(
      d.reasons[0]?.message ?? '',
      /above the \$14\.99 the shop reimburses: \$14\.99 is reimbursed, the rest is not/,
    );
  });

  it('AS-DEF-4: when the customer pays the return, nothing is reimbursed', () => {
    const d = reimbursement(800, {
      eligible: true,
      returnShipping: { payer: 'customer', reimbursableUpToCents: 0 },
    });
    assert.equal(d.amountCents, 0);
    assert.equal(d.reasons[0]?.clause, 'AS-DEF-4');
    assert.equal(reimbursement(800, { ...shopPays(1_499), eligible: false }).amountCents, 0);
  });

  it('AS-GEN-3: a fee at or above the cap leaves a cap of 0: nothing is reimbursed', () => {
    assert.equal(reimbursement(1_500, shopPays(0)).amountCents, 0);
  });

  it('AS-GEN-3: never more than the receipt nor the cap (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 0, max: 100_000 }),
        (receipt, cap) => {
          const d = reimbursement(receipt, shopPays(cap));
          assert.equal(d.amountCents, Math.min(receipt, cap));
        },
      ),
      { seed: 20261130 },
    );
  });

  it('refuses a negative or fractional receipt', () => {
    assert.throws(() => reimbursement(-1, shopPays(1_499)), RangeError);
    assert.throws(() => reimbursement(1.5, shopPays(1_499)), RangeError);
  });
});

describe('parts quote', () => {
  it('AS-DEF-3: the customer pays the quoted parts when the engine names them as payer', () => {
    const d = partsQuote(8_900, { partsPayer: 'customer' });
    assert.equal(d.amountCents, 8_900);
    assert.equal(d.reasons[0]?.clause, 'AS-DEF-3');
  });

  it('AS-GEN-4: when the shop pays the parts, the quote to the customer is 0', () => {
    const d = partsQuote(8_900, { partsPayer: 'shop' });
    assert.equal(d.amountCents, 0);
    assert.equal(d.reasons[0]?.clause, 'AS-GEN-4');
  });

  it('AS-DEF-3: no component to change, the repair is free and a quote above 0 is refused', () => {
    assert.equal(partsQuote(0, { partsPayer: null }).amountCents, 0);
    assert.throws(() => partsQuote(100, { partsPayer: null }), RangeError);
  });
});

describe('parts quote terms', () => {
  it('AS-DEF-3: a quote the customer pays comes with bank-transfer instructions quoting the RMA number', () => {
    const terms = partsQuoteTerms(8_900, { partsPayer: 'customer' }, 'RMA-26-00042');
    assert.equal(terms.amountCents, 8_900);
    assert.equal(terms.payment?.reference, 'RMA-26-00042');
    assert.equal(terms.payment?.amountCents, 8_900);
    assert.equal(partsQuoteTerms(8_900, { partsPayer: 'shop' }, 'RMA-26-00042').payment, null);
  });
});
