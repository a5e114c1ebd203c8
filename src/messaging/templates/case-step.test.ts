import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type CaseStepData, caseStepEmails, renderCaseStep } from './case-step.ts';

const base: CaseStepData = {
  step: 'return_authorised',
  shopName: 'Aftercare <Demo>',
  caseReference: 'RMA-26-00042',
  orderReference: 'AC-26-00123',
  productName: 'Pixel 9',
  variantName: '128 GB, Obsidian',
  caseUrl: 'https://shop.test/orders/view?token=abc',
  missingEvidence: ['Photo of the front of the parcel (the label readable)'],
  returnParcel: { declaredValueCents: 3000, payer: 'shop', reimbursableUpToCents: 1499 },
  quote: { amountCents: 8950, parts: 'screen' },
  outcome: ['Replacement shipped'],
  abandonAfterDays: 30,
  since: '2 Mar 2026',
};

describe('case step emails (issue 10 point 7)', () => {
  it('every step names the case, links back to it and escapes the shop name in HTML', () => {
    for (const step of caseStepEmails) {
      const mail = renderCaseStep({ ...base, step });
      assert.match(mail.subject, /RMA-26-00042/, step);
      assert.ok(mail.text.includes(base.caseUrl), step);
      assert.ok(mail.html.includes('href="https://shop.test/orders/view?token=abc"'), step);
      assert.ok(!mail.html.includes('<Demo>'), step);
      assert.ok(mail.html.includes('Aftercare &lt;Demo&gt;'), step);
    }
  });

  it('AS-GEN-2, AS-DEF-5, AS-GEN-3: the authorisation gives the RMA number, tracked post, the declared value and the postage cap', () => {
    const { text } = renderCaseStep(base);
    assert.match(text, /return number \(RMA\) is RMA-26-00042/);
    assert.match(text, /cheapest tracked postage and keep the receipt/);
    assert.match(text, /Declare a value of \$30\.00/);
    assert.match(text, /reimburse the postage up to \$14\.99/);
    const paid = renderCaseStep({
      ...base,
      returnParcel: { declaredValueCents: null, payer: 'customer', reimbursableUpToCents: 0 },
    });
    assert.match(paid.text, /postage of this return is yours to pay/);
    assert.doesNotMatch(paid.text, /Declare a value/);
  });

  it('AS-DEF-3: the quote gives the parts and their price and says nothing is done before the answer', () => {
    const { text } = renderCaseStep({ ...base, step: 'quote_sent' });
    assert.match(text, /screen\. Their price to you is \$89\.50/);
    assert.match(text, /Nothing is done before you accept/);
  });

  it('a reminder lists what is still missing and when it was asked for', () => {
    const { text } = renderCaseStep({ ...base, step: 'evidence_reminder' });
    assert.match(text, /asked on 2 Mar 2026/);
    assert.match(text, /- Photo of the front of the parcel/);
  });
});
