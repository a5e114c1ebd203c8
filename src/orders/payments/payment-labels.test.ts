import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type Audience,
  paymentMethodLabel,
  paymentStatusLabel,
  refundSentence,
  refundStatusLabel,
} from './payment-labels.ts';
import { paymentStatuses, refundStatuses } from './payment-lifecycle.ts';

const audiences: Audience[] = ['customer', 'staff'];
const methods = ['bank_transfer', 'test_card'];
/** A raw code on a screen: an underscore, or one of the enum words as they are spelled in the database. */
const RAW = /_|\b(pending|authorized|captured|voided|owed|succeeded)\b/;

describe('payment and refund wording', () => {
  it('every method, status and refund reads as words for customer and staff, never as its code', () => {
    assert.equal(paymentMethodLabel('bank_transfer'), 'Bank transfer');
    assert.equal(paymentMethodLabel('test_card'), 'Card');
    assert.equal(paymentMethodLabel('paypal_legacy'), 'Other payment method');
    for (const audience of audiences) {
      for (const method of methods) {
        for (const status of paymentStatuses) {
          const label = paymentStatusLabel(method, status, audience);
          assert.ok(label.length > 0);
          assert.doesNotMatch(label, RAW, `${method} ${status} for ${audience}: ${label}`);
        }
        for (const status of refundStatuses) {
          const refund = { method, status, amountCents: 1234, reference: 'BANK-1' };
          assert.doesNotMatch(refundStatusLabel(refund, audience), RAW);
          assert.doesNotMatch(refundSentence(refund, audience), RAW);
          assert.match(refundSentence(refund, audience), /\$12\.34/);
        }
      }
    }
  });

  it('money taken is never worded as released or voided; a replacement order has nothing to pay', () => {
    for (const audience of audiences) {
      for (const method of methods) {
        for (const status of ['captured', 'partially_refunded', 'refunded'] as const) {
          assert.doesNotMatch(
            paymentStatusLabel(method, status, audience),
            /void|released|not charged|never/i,
          );
        }
      }
      assert.equal(paymentStatusLabel('replacement', 'pending', audience), 'Nothing to pay');
    }
    assert.equal(paymentMethodLabel('replacement'), 'Free replacement');
  });

  it('a bank transfer not yet received is never "paid" or "captured"', () => {
    for (const audience of audiences) {
      assert.doesNotMatch(paymentStatusLabel('bank_transfer', 'pending', audience), /paid|captured/i);
    }
    assert.equal(paymentStatusLabel('bank_transfer', 'captured', 'staff'), 'Received');
  });

  it('says which refund happened: to the card, or a transfer owed and then made', () => {
    const card = { method: 'test_card', amountCents: 5000 };
    assert.equal(
      refundSentence({ ...card, status: 'succeeded' }, 'customer'),
      'Refunded $50.00 to your card. Banks take up to 10 days to show it.',
    );
    assert.equal(
      refundSentence({ ...card, status: 'pending' }, 'customer'),
      'We are refunding $50.00 to your card.',
    );
    assert.match(refundSentence({ ...card, status: 'failed' }, 'staff'), /refused .* retry it/);
    const transfer = { method: 'bank_transfer', amountCents: 5000 };
    assert.equal(
      refundSentence({ ...transfer, status: 'owed' }, 'customer'),
      'We will transfer $50.00 back to the account you paid from.',
    );
    assert.match(refundSentence({ ...transfer, status: 'owed' }, 'staff'), /enter the transfer's reference/);
    assert.equal(
      refundSentence({ ...transfer, status: 'succeeded', reference: 'BANK-7' }, 'customer'),
      'We transferred $50.00 back to you (transfer reference BANK-7).',
    );
  });
});
