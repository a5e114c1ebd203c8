/**
 * The one email of email-a-friend (PV-COL-2): who recommends what, and a link to the product. Nothing of the
 * friend's beyond their name and address reaches it, and nothing in it asks them to subscribe.
 */
import { htmlLayout, htmlLink, htmlParagraph } from './html.ts';
import { type RenderedEmail, signOffText } from './order-email.ts';

export interface EmailAFriendData {
  shopName: string;
  senderName: string;
  friendName: string;
  productName: string;
  productUrl: string;
}

export function renderEmailAFriend(data: EmailAFriendData): RenderedEmail {
  const subject = `${data.senderName} thought you might like the ${data.productName}`;
  const lines = [
    `Hello ${data.friendName},`,
    `${data.senderName} was looking at the ${data.productName} at ${data.shopName} and wanted you to see it.`,
    `${data.shopName} sends this one email at their request. Your address is not kept and you will not hear from us again because of it.`,
  ];
  const text = [
    ...lines.flatMap((l) => [l, '']),
    `See the ${data.productName}: ${data.productUrl}`,
    ...signOffText(data.shopName),
  ].join('\n');
  const html = htmlLayout(
    data.shopName,
    subject,
    [...lines.map(htmlParagraph), htmlLink(data.productUrl, `See the ${data.productName}`)].join('\n'),
  );
  return { subject, text, html };
}
