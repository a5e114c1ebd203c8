import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  maskedDetail,
  maskedSummary,
  NEWSLETTER_BODY_WITHHELD,
  NEWSLETTER_RECIPIENT,
} from './outbox-mask.rules.ts';

const row = {
  toAddress: 'ada@example.com',
  lastError: '550 <ada@example.com> unknown user',
  textBody: 'Unsubscribe: https://shop.test/newsletter/unsubscribe?token=abc123 (ada@example.com)',
  htmlBody: '<a href="https://shop.test/newsletter/unsubscribe?token=abc123">Unsubscribe</a>',
};

describe('what the back office sees of an outbox row (PV-USE-2)', () => {
  it('PV-USE-2: newsletter mail shows neither its recipient, nor an address in its error, nor its bodies', () => {
    for (const template of ['newsletter_confirm', 'newsletter_campaign', 'newsletter_unsubscribed']) {
      const shown = maskedDetail({ ...row, template });
      assert.equal(shown.recipientHidden, true);
      assert.equal(shown.toAddress, NEWSLETTER_RECIPIENT);
      assert.equal(shown.lastError, `550 <${NEWSLETTER_RECIPIENT}> unknown user`);
      assert.equal(shown.textBody, NEWSLETTER_BODY_WITHHELD);
      assert.ok(!JSON.stringify(shown).includes('ada@') && !JSON.stringify(shown).includes('abc123'));
    }
  });

  it('other mail keeps its recipient and bodies, link tokens hidden', () => {
    const shown = maskedDetail({ ...row, template: 'order_placed' });
    assert.equal(shown.recipientHidden, false);
    assert.equal(shown.toAddress, 'ada@example.com');
    assert.equal(shown.lastError, row.lastError);
    assert.match(shown.textBody, /token=\[hidden\]/);
    assert.equal(maskedSummary({ ...row, template: 'order_placed' }).toAddress, 'ada@example.com');
  });
});
