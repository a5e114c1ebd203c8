import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  cardBrand,
  DECLINED_TEST_CARD,
  luhnValid,
  signWebhook,
  TestProcessor,
  verifyWebhookSignature,
} from './test-processor.ts';

const secret = 'whsec_unit_0123456789abcdef';
const now = new Date('2026-05-01T12:00:00Z');
const card = { cardNumber: '4242 4242 4242 4242', expMonth: 12, expYear: 2030, cvc: '123' };

describe('test card processor (PV-PAY-1)', () => {
  it('checks card numbers with Luhn and names the brand', () => {
    assert.equal(luhnValid('4242424242424242'), true);
    assert.equal(luhnValid(DECLINED_TEST_CARD), true);
    assert.equal(luhnValid('4242424242424241'), false);
    assert.equal(luhnValid('79927398713'), true);
    assert.equal(cardBrand('4242424242424242'), 'visa');
    assert.equal(cardBrand('5555555555554444'), 'mastercard');
    assert.equal(cardBrand('2223003122003222'), 'mastercard');
    assert.equal(cardBrand('378282246310005'), 'amex');
    assert.equal(cardBrand('6011111111111117'), 'unknown');
  });

  it('approves 4242…, declines 4000…0002, and its tokens hold no card number', () => {
    const processor = new TestProcessor(secret);
    const ok = processor.tokenize(card, now);
    assert.equal(ok.last4, '4242');
    assert.ok(!ok.token.includes('4242424242424242'));
    const approved = processor.authorize(ok.token, 1000, now);
    assert.equal(approved.result, 'approved');
    const declined = processor.tokenize({ ...card, cardNumber: DECLINED_TEST_CARD }, now);
    assert.equal(processor.authorize(declined.token, 1000, now).result, 'declined');
  });

  it('refuses tokens that are forged, signed by another account or older than 30 minutes', () => {
    const processor = new TestProcessor(secret);
    const { token } = processor.tokenize(card, now);
    const other = new TestProcessor('whsec_other_0123456789abcdef');
    assert.equal(other.authorize(token, 1000, now).result, 'invalid_token');
    assert.equal(processor.authorize(`${token}x`, 1000, now).result, 'invalid_token');
    assert.equal(processor.authorize('tok_abc', 1000, now).result, 'invalid_token');
    const later = new Date(now.getTime() + 31 * 60_000);
    assert.equal(processor.authorize(token, 1000, later).result, 'invalid_token');
  });

  it('refuses expired cards, naming the month within the current year', () => {
    const processor = new TestProcessor(secret);
    assert.throws(() => processor.tokenize({ ...card, expMonth: 4, expYear: 2026 }, now), /expired/);
    assert.doesNotThrow(() => processor.tokenize({ ...card, expMonth: 5, expYear: 2026 }, now));
    try {
      processor.tokenize({ ...card, expMonth: 4, expYear: 2026 }, now);
    } catch (error) {
      assert.equal((error as { field?: string }).field, 'expMonth');
    }
  });

  it('signs webhooks with HMAC-SHA256 and a timestamp, checked within 5 minutes', () => {
    const processor = new TestProcessor(secret);
    const hook = processor.captureWebhook('tcp_1', 1234, now);
    const header = hook.headers['x-test-processor-signature'] as string;
    assert.match(header, /^t=\d+,v1=[A-Za-z0-9_-]+$/);
    assert.equal(verifyWebhookSignature(secret, hook.body, header, now), true);
    assert.equal(verifyWebhookSignature(secret, `${hook.body} `, header, now), false);
    assert.equal(verifyWebhookSignature('whsec_wrong_0123456789abcd', hook.body, header, now), false);
    assert.equal(verifyWebhookSignature(secret, hook.body, undefined, now), false);
    assert.equal(verifyWebhookSignature(secret, hook.body, 'garbage', now), false);
    const sixMinutes = new Date(now.getTime() + 6 * 60_000);
    assert.equal(verifyWebhookSignature(secret, hook.body, header, sixMinutes), false);
    assert.equal(
      verifyWebhookSignature(secret, hook.body, signWebhook(secret, hook.body, sixMinutes), sixMinutes),
      true,
    );
  });
});
