/**
 * The email a customer gets when after-sales cases are opened on an order: each case's RMA reference (AS-GEN-2),
 * the item, and what the policy said, without clause IDs (those are for staff).
 */
import { escapeHtml, htmlLayout, htmlLink, htmlParagraph } from './html.ts';
import { type RenderedEmail, signOffText } from './order-email.ts';

export const CASE_OPENED_TEMPLATE = 'case_opened';

/** A claim kind in the customer's words (the case and question emails). */
export const KIND_WORDS: Record<string, string> = {
  dead_on_arrival: 'arrived not working',
  defective: 'defective',
  incorrect_item: 'not the item ordered',
  change_of_mind: 'change of mind',
};

export interface CaseOpenedData {
  shopName: string;
  orderReference: string;
  cases: Array<{
    reference: string;
    productName: string;
    variantName: string;
    kind: string;
    reasons: string[];
  }>;
  orderUrl: string;
}

export function renderCaseOpened(data: CaseOpenedData): RenderedEmail {
  const n = data.cases.length;
  const refs = data.cases.map((c) => c.reference).join(', ');
  const subject = `${data.shopName}: ${n === 1 ? 'case' : 'cases'} ${refs} opened for order ${data.orderReference}`;
  const intro = `We have opened ${n === 1 ? 'a case' : `${n} cases`} for your order ${data.orderReference}. Customer service will contact you; please do not send anything back before we give you the go-ahead with the case reference.`;
  const item = (c: CaseOpenedData['cases'][number]) =>
    `${c.reference}: ${c.productName} (${c.variantName}), ${KIND_WORDS[c.kind] ?? c.kind}`;

  const text = [
    intro,
    '',
    ...data.cases.flatMap((c) => [item(c), ...c.reasons.map((r) => `  - ${r}`), '']),
    `Follow your order and cases: ${data.orderUrl}`,
    ...signOffText(data.shopName),
  ].join('\n');

  const html = htmlLayout(
    data.shopName,
    subject,
    [
      htmlParagraph(intro),
      ...data.cases.map(
        (c) =>
          `<p><strong>${escapeHtml(item(c))}</strong></p><ul>${c.reasons.map((r) => `<li>${escapeHtml(r)}</li>`).join('')}</ul>`,
      ),
      htmlLink(data.orderUrl, 'Follow your order and cases'),
    ].join('\n'),
  );
  return { subject, text, html };
}
