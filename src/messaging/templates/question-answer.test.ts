import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderQuestionAnswer } from './question-answer.ts';

describe('the answer to a question email (issue 10 point 1)', () => {
  const mail = renderQuestionAnswer({
    shopName: 'Aftercare <Demo>',
    orderReference: 'AC-26-00123',
    productName: 'Pulse Watch',
    kind: 'change_of_mind',
    question: 'Can I send it back?\n<b>please</b>',
    answer: 'Not after 30 days,\nbut a <script>strap</script> swap is free.',
    orderUrl: 'https://shop.test/orders/view?token=a.b',
  });

  it('names the order and the item in the subject, quotes both texts line by line and links to the order page', () => {
    assert.equal(
      mail.subject,
      'Aftercare <Demo>: an answer to your question about Pulse Watch (order AC-26-00123)',
    );
    assert.match(mail.text, /You asked about Pulse Watch \(change of mind\) on order AC-26-00123:/);
    assert.match(mail.text, /^> Can I send it back\?\n> <b>please<\/b>$/m);
    assert.match(mail.text, /^> Not after 30 days,\n> but a <script>strap<\/script> swap is free\.$/m);
    assert.ok(mail.text.includes('https://shop.test/orders/view?token=a.b'));
    assert.ok(mail.html.includes('href="https://shop.test/orders/view?token=a.b"'));
  });

  it('escapes what the customer and staff wrote, and the shop name, in the HTML part', () => {
    assert.ok(!mail.html.includes('<script>'));
    assert.ok(!mail.html.includes('<b>please'));
    assert.ok(mail.html.includes('&lt;script&gt;strap&lt;/script&gt;'));
    assert.ok(mail.html.includes('Aftercare &lt;Demo&gt;'));
  });
});
