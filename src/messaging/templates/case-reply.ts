/**
 * The email a customer gets when customer service writes in a case's thread (AS-GEN-1: troubleshooting is a
 * conversation): the reply itself, and the signed link back to the case, where the customer answers.
 */
import { escapeHtml, htmlLayout, htmlLink, htmlParagraph } from './html.ts';
import { type RenderedEmail, signOffText } from './order-email.ts';

export const CASE_REPLY_TEMPLATE = 'case_reply';

export interface CaseReplyData {
  shopName: string;
  caseReference: string;
  orderReference: string;
  productName: string;
  /** The staff message as written (plain text; escaped for the HTML part). */
  body: string;
  /** The signed link to the customer's case page. */
  caseUrl: string;
}

export function renderCaseReply(data: CaseReplyData): RenderedEmail {
  const subject = `${data.shopName}: a reply about case ${data.caseReference} (order ${data.orderReference})`;
  const intro = `Customer service replied about your case ${data.caseReference} for ${data.productName}:`;
  const text = [
    intro,
    '',
    ...data.body.split(/\r?\n/).map((line) => `> ${line}`),
    '',
    `Read the whole conversation and answer on your case page: ${data.caseUrl}`,
    ...signOffText(data.shopName),
  ].join('\n');
  const html = htmlLayout(
    data.shopName,
    subject,
    [
      htmlParagraph(intro),
      `<blockquote style="white-space:pre-line;border-left:3px solid #ccc;margin:0;padding-left:12px">${escapeHtml(data.body)}</blockquote>`,
      htmlLink(data.caseUrl, 'Answer on your case page'),
    ].join('\n'),
  );
  return { subject, text, html };
}
