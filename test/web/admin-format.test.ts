/**
 * The back office's words for states and kinds: where the mail is (SMTP or only the outbox), what an email
 * is, how a payment method reads. Raw values never reach a screen.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatDateTime } from '../../src/shared/format.ts';
import {
  mailQueueSentence,
  mailStatusLabel,
  mailTemplateLabel,
} from '../../web/app/components/admin/mail-labels.ts';
import {
  statusLabels as orderStatusLabel,
  paymentMethodLabel,
} from '../../web/app/components/order/order-status.ts';

describe('back-office labels', () => {
  it('without SMTP the dashboard says the emails wait in the outbox, not that they went out', () => {
    const sentence = mailQueueSentence({ delivery: 'outbox', pending: 7, failed: 0 });
    assert.equal(
      sentence,
      '7 emails are waiting in the outbox, unsent: no mail server (SMTP_URL) is configured.',
    );
    assert.doesNotMatch(sentence, /went out|on the way/);
    assert.equal(
      mailQueueSentence({ delivery: 'outbox', pending: 0, failed: 0 }),
      'Emails stay in the outbox, unsent: no mail server (SMTP_URL) is configured.',
    );
    assert.equal(
      mailQueueSentence({ delivery: 'outbox', pending: 1, failed: 2 }),
      '1 email is waiting in the outbox, unsent: no mail server (SMTP_URL) is configured. 2 emails failed: look at them.',
    );
  });

  it('with SMTP: every email went out, or how many are on the way', () => {
    assert.equal(mailQueueSentence({ delivery: 'smtp', pending: 0, failed: 0 }), 'Every email went out.');
    assert.equal(
      mailQueueSentence({ delivery: 'smtp', pending: 3, failed: 1 }),
      '3 emails on the way to the mail server. 1 email failed: look at them.',
    );
  });

  it('mail states and kinds read as words', () => {
    assert.equal(mailStatusLabel('pending', 'outbox'), 'Waiting in the outbox');
    assert.equal(mailStatusLabel('pending', 'smtp'), 'Waiting to be sent');
    assert.equal(mailStatusLabel('sent', 'smtp'), 'Sent');
    assert.equal(mailStatusLabel('failed', 'outbox'), 'Failed');
    assert.equal(mailTemplateLabel('order_placed'), 'Order confirmation');
    assert.equal(mailTemplateLabel('order_shipped'), 'Shipping notice');
    assert.equal(mailTemplateLabel('order_cancelled'), 'Cancellation notice');
    assert.equal(
      mailTemplateLabel('password_reset'),
      'Password reset',
      'an unknown kind is words, not a code',
    );
  });

  it('payment methods and order states read as words', () => {
    assert.equal(paymentMethodLabel('bank_transfer'), 'Bank transfer');
    assert.equal(paymentMethodLabel('test_card'), 'Card');
    assert.equal(
      paymentMethodLabel('gift_voucher'),
      'Other payment method',
      'an unknown method never shows its code',
    );
    assert.equal(orderStatusLabel.placed, 'Placed');
    assert.equal(orderStatusLabel.cancelled, 'Cancelled');
  });

  it('back-office dates read like the storefront, the emails and the policy: UTC, one style', () => {
    assert.equal(formatDateTime('2026-01-10T09:30:00Z'), '10 Jan 2026 09:30 UTC');
    assert.equal(formatDateTime(null), '—');
  });
});
