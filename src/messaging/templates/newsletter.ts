/**
 * The newsletter's emails (PV-USE-1): the double opt-in's confirmation link, and a campaign whose every copy
 * ends with the footer that says why it came and unsubscribes in one click. Transactional emails (orders,
 * cases, accounts) never use these: they carry no offers.
 */
import { renderAccountEmail } from './account-email.ts';
import { escapeHtml, htmlLayout, htmlLink, htmlParagraph } from './html.ts';
import type { RenderedEmail } from './order-email.ts';
import { signOffText } from './order-email.ts';

/** The confirmation of a subscription: one link, valid `hours` hours; nothing is sent until it is followed. */
export function renderNewsletterConfirmation(data: {
  shopName: string;
  url: string;
  hours: number;
}): RenderedEmail {
  return renderAccountEmail({
    shopName: data.shopName,
    subject: 'confirm your newsletter subscription',
    paragraphs: [
      `Someone, hopefully you, asked to receive ${data.shopName}'s special offers at this address.`,
      `Follow the link below to confirm. It works for ${data.hours} hours. Until you confirm, we send you no offers.`,
      'If it was not you, ignore this email: the address stays off our list.',
    ],
    link: { url: data.url, label: 'Confirm my subscription' },
  });
}

/** The footer of every campaign email: why it came, and the one-click way out (PV-USE-1). */
export function campaignFooterText(shopName: string, unsubscribeUrl: string): string[] {
  return [
    `You receive this email because you subscribed to ${shopName}'s newsletter and confirmed it.`,
    `Unsubscribe in one click: ${unsubscribeUrl}`,
  ];
}

/** One subscriber's copy of a campaign: the owner's text as written, then the footer with their own link. */
export function renderCampaign(data: {
  shopName: string;
  subject: string;
  text: string;
  unsubscribeUrl: string;
}): RenderedEmail {
  const footer = campaignFooterText(data.shopName, data.unsubscribeUrl);
  const text = [data.text.trimEnd(), '', ...signOffText(data.shopName), '', ...footer].join('\n');
  const paragraphs = data.text
    .trim()
    .split(/\n\s*\n/)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`);
  const html = htmlLayout(
    data.shopName,
    data.subject,
    [
      ...paragraphs,
      `<hr style="border:none;border-top:1px solid #ddd;margin-top:32px">`,
      htmlParagraph(footer[0] as string),
      htmlLink(data.unsubscribeUrl, 'Unsubscribe'),
    ].join('\n'),
  );
  return { subject: data.subject, text, html };
}
