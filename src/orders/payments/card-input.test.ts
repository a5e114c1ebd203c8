import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cardFieldOf, cardMessages, parseExpiry, readCard } from './card-input.ts';

const now = new Date('2026-05-01T12:00:00Z');

describe('card as typed (PV-PAY-1: read in the browser, checked again at the processor)', () => {
  it('reads an expiry typed as 12/30, 1230, 12 / 2030, 12-30 or 122030 as December 2030', () => {
    for (const typed of ['12/30', '1230', '12 / 2030', '12-30', ' 12/2030 ', '12.30', '12 30', '122030']) {
      assert.deepEqual(parseExpiry(typed), { month: 12, year: 2030 }, typed);
    }
    assert.deepEqual(parseExpiry('1/29'), { month: 1, year: 2029 });
    assert.deepEqual(parseExpiry('0829'), { month: 8, year: 2029 });
  });

  it('refuses an expiry that is not a month and a year', () => {
    for (const typed of ['', '13/30', '00/30', '1/2/30', 'ab/cd', '123', '12/3', '12/303', '12//30']) {
      assert.equal(parseExpiry(typed), null, typed);
    }
  });

  it('names each mistake in a sentence about the field, never by its key', () => {
    const read = readCard({ cardNumber: '4242', expiry: '13/30', cvc: '12' }, now);
    assert.equal(read.ok, false);
    if (read.ok) return;
    assert.deepEqual(read.errors, {
      cardNumber: cardMessages.cardNumber,
      cardExpiry: cardMessages.cardExpiry,
      cardCvc: cardMessages.cardCvc,
    });
    for (const message of Object.values(read.errors)) {
      assert.doesNotMatch(message, /cardNumber|expMonth|expYear|cvc\b/);
      assert.match(message, /^[A-Z].*card/);
    }
  });

  it('refuses a card past its expiry month and accepts one expiring this month', () => {
    const expired = readCard({ cardNumber: '4242 4242 4242 4242', expiry: '04/26', cvc: '123' }, now);
    assert.deepEqual(expired, { ok: false, errors: { cardExpiry: cardMessages.cardExpired } });
    const fine = readCard({ cardNumber: '4242-4242-4242-4242', expiry: '0526', cvc: ' 123 ' }, now);
    assert.deepEqual(fine, {
      ok: true,
      card: { cardNumber: '4242424242424242', expMonth: 5, expYear: 2026, cvc: '123' },
    });
  });

  it("maps the processor's field names to the page's fields", () => {
    assert.equal(cardFieldOf('expMonth'), 'cardExpiry');
    assert.equal(cardFieldOf('expYear'), 'cardExpiry');
    assert.equal(cardFieldOf('expiry'), 'cardExpiry');
    assert.equal(cardFieldOf('cvc'), 'cardCvc');
    assert.equal(cardFieldOf('cardNumber'), 'cardNumber');
  });
});
