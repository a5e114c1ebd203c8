/**
 * The email a customer gets when customer service answers their question (issue 10 point 1: a declined claim
 * sent as a question): what it was about, their own words, the answer, and the signed link to the order page,
 * where the answer stays.
 */
import { KIND_WORDS } from './case-opened.ts';
import { escapeHtml, htmlLayout, htmlLink, htmlParagraph } from './html.ts';
import { type RenderedEmail, signOffText } from './order-email.ts';

export const QUESTION_ANSWER_TEMPLATE = 'question_answer';

export interface QuestionAnswerData {
  shopName: string;
  orderReference: string;
  productName: string;
  /** The claim kind the question was about (`dead_on_arrival` …). */
  kind: string;
  /** The customer's question and customer service's answer, as written (plain text; escaped for HTML). */
  question: string;
  answer: string;
  /** The signed link to the customer's order page. */
  orderUrl: string;
}

const quoteStyle = 'white-space:pre-line;border-left:3px solid #ccc;margin:0 0 16px;padding-left:12px';

/** Subject, text and HTML of the answer email; every value is escaped in the HTML part. */
export function renderQuestionAnswer(data: QuestionAnswerData): RenderedEmail {
  const about = `${data.productName} (${KIND_WORDS[data.kind] ?? data.kind})`;
  const subject = `${data.shopName}: an answer to your question about ${data.productName} (order ${data.orderReference})`;
  const asked = `You asked about ${about} on order ${data.orderReference}:`;
  const answered = 'Customer service answered:';
  const quote = (body: string) => body.split(/\r?\n/).map((line) => `> ${line}`);
  const text = [
    asked,
    '',
    ...quote(data.question),
    '',
    answered,
    '',
    ...quote(data.answer),
    '',
    `The answer stays on your order page: ${data.orderUrl}`,
    ...signOffText(data.shopName),
  ].join('\n');
  const html = htmlLayout(
    data.shopName,
    subject,
    [
      htmlParagraph(asked),
      `<blockquote style="${quoteStyle}">${escapeHtml(data.question)}</blockquote>`,
      htmlParagraph(answered),
      `<blockquote style="${quoteStyle}">${escapeHtml(data.answer)}</blockquote>`,
      htmlLink(data.orderUrl, 'See your order page'),
    ].join('\n'),
  );
  return { subject, text, html };
}
