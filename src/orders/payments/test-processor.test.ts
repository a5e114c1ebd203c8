import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Db } from '../../db/client.ts';
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
/** Refusals are decided before the processor writes anything, so these need no database. */
const noDb = null as unknown as Db;

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

  it('declines 4000…0002; its tokens hold no card number and differ for the same card', async () => {
    const processor = new TestProcessor(secret);
    const ok = processor.tokenize(card, now);
    assert.equal(ok.last4, '4242');
    assert.ok(!ok.token.includes('4242424242424242'));
    assert.notEqual(processor.tokenize(card, now).token, ok.token, 'each token has its own id');
    const declined = processor.tokenize({ ...card, cardNumber: DECLINED_TEST_CARD }, now);
    assert.equal((await processor.authorize(noDb, declined.token, 1000, now)).result, 'declined');
  });

  it('refuses tokens that are forged, signed by another account or older than 30 minutes', async () => {
    const processor = new TestProcessor(secret);
    const { token } = processor.tokenize(card, now);
    const other = new TestProcessor('whsec_other_0123456789abcdef');
    const result = async (p: TestProcessor, t: string, at = now) =>
      (await p.authorize(noDb, t, 1000, at)).result;
    assert.equal(await result(other, token), 'invalid_token');
    assert.equal(await result(processor, `${token}x`), 'invalid_token');
    assert.equal(await result(processor, 'tok_abc'), 'invalid_token');
    assert.equal(await result(processor, token, new Date(now.getTime() + 31 * 60_000)), 'invalid_token');
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
