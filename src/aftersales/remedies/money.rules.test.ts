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
  const CAP = 1_500;

  it('AS-GEN-3: a receipt below the cap is reimbursed in full', () => {
    const d = reimbursement(820, shopPays(1_499), CAP);
    assert.equal(d.amountCents, 820);
    assert.equal(d.reasons[0]?.clause, 'AS-GEN-3');
  });

  it("AS-GEN-3: a receipt above the claim's reimbursable amount is reimbursed only up to it, and the reason says so", () => {
    // The customer declared $8.00 of postage when opening the claim; the receipt shows $12.00.
    const d = reimbursement(1_200, shopPays(800), CAP);
    assert.equal(d.amountCents, 800);
    assert.match(
      d.reasons[0]?.message ?? '',
      /above the \$8\.00 reimbursable for this claim: \$8\.00 is reimbursed, the rest is not/,
    );
  });

  it('AS-GEN-3: a receipt at or above the cap is not reimbursed at all', () => {
    for (const receipt of [1_500, 2_000]) {
      const d = reimbursement(receipt, shopPays(1_499), CAP);
      assert.equal(d.amountCents, 0);
      assert.equal(d.reasons[0]?.clause, 'AS-GEN-3');
      assert.match(d.reasons[0]?.message ?? '', /only return postage below \$15\.00/);
    }
    assert.equal(reimbursement(1_499, shopPays(1_499), CAP).amountCents, 1_499);
  });

  it('AS-DEF-4: when the customer pays the return, nothing is reimbursed', () => {
    const d = reimbursement(
      800,
      { eligible: true, returnShipping: { payer: 'customer', reimbursableUpToCents: 0 } },
      CAP,
    );
    assert.equal(d.amountCents, 0);
    assert.equal(d.reasons[0]?.clause, 'AS-DEF-4');
    assert.equal(reimbursement(800, { ...shopPays(1_499), eligible: false }, CAP).amountCents, 0);
  });

  it('AS-GEN-3: never more than the receipt nor the ceiling, nothing at or above the cap (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 1, max: 100_000 }),
        (receipt, ceiling, cap) => {
          const d = reimbursement(receipt, shopPays(ceiling), cap);
          assert.equal(d.amountCents, receipt >= cap ? 0 : Math.min(receipt, ceiling));
        },
      ),
      { seed: 20261130 },
    );
  });

  it('refuses a negative or fractional receipt', () => {
    assert.throws(() => reimbursement(-1, shopPays(1_499), CAP), RangeError);
    assert.throws(() => reimbursement(1.5, shopPays(1_499), CAP), RangeError);
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
