/**
 * The emails of customer accounts (issue 12): a link to follow (verify, reset, confirm a new address) or a
 * notice (the password or the address changed, sign-in locked). They share one plain shape: a few paragraphs
 * and at most one button-like link.
 */
import { htmlLayout, htmlLink, htmlParagraph } from './html.ts';
import { type RenderedEmail, signOffText } from './order-email.ts';

export interface AccountEmailData {
  shopName: string;
  subject: string;
  paragraphs: string[];
  /** The one link of the email: a capability link (token in its query) or a page of the shop. */
  link?: { url: string; label: string };
}

export function renderAccountEmail(data: AccountEmailData): RenderedEmail {
  const subject = `${data.shopName}: ${data.subject}`;
  const text = [
    ...data.paragraphs.flatMap((p) => [p, '']),
    ...(data.link ? [`${data.link.label}: ${data.link.url}`] : []),
    ...signOffText(data.shopName),
  ].join('\n');
  const html = htmlLayout(
    data.shopName,
    subject,
    [
      ...data.paragraphs.map(htmlParagraph),
      ...(data.link ? [htmlLink(data.link.url, data.link.label)] : []),
    ].join('\n'),
  );
  return { subject, text, html };
}
