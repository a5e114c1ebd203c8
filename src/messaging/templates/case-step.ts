/**
 * The emails a customer gets as an after-sales case moves (issue 10 point 7): each says what happened, what the
 * customer does next, and links back to the case. Clause IDs stay out (they are for staff); the policy's reasons
 * are given in words.
 */
import { formatUsd } from '../../shared/format.ts';
import { escapeHtml, htmlLayout, htmlLink, htmlParagraph } from './html.ts';
import { type RenderedEmail, signOffText } from './order-email.ts';

/** The moments the customer is told about; one template each. */
export const caseStepEmails = [
  'evidence_requested',
  'evidence_reminder',
  'return_authorised',
  'return_reminder',
  'parcel_received',
  'quote_sent',
  'quote_reminder',
  'resolved',
  'declined',
  'closed',
  'abandoned',
] as const;
export type CaseStepEmail = (typeof caseStepEmails)[number];

/** The outbox template name of a step (the back office's mail list shows it). */
export function caseStepTemplate(step: CaseStepEmail): string {
  return `case_${step}`;
}

export interface CaseStepData {
  step: CaseStepEmail;
  shopName: string;
  caseReference: string;
  orderReference: string;
  productName: string;
  variantName: string;
  /** The signed link to the case (whoever holds it acts as the customer), sent only to the buyer. */
  caseUrl: string;
  /** evidence_requested, evidence_reminder: what is still to upload, in words. */
  missingEvidence?: string[];
  /** return_authorised (AS-GEN-2, AS-DEF-5): how the parcel travels. */
  returnParcel?: {
    declaredValueCents: number | null;
    /** Who pays the postage, and up to how much the shop reimburses against the receipt (AS-GEN-3). */
    payer: 'customer' | 'shop';
    reimbursableUpToCents: number;
  };
  /** quote_sent, quote_reminder (AS-DEF-3): the parts and their price to the customer. */
  quote?: { amountCents: number; parts: string };
  /** resolved, declined, closed: what was decided, in words (a resolution, or the policy's reasons). */
  outcome?: string[];
  /** abandoned: the days without an answer after which the shop closes a case. */
  abandonAfterDays?: number;
  /** The date of the step before the reminder (when the request was made), for reminders. */
  since?: string;
}

interface StepText {
  subject: string;
  paragraphs: string[];
  list?: string[];
  action: string;
}

function stepText(d: CaseStepData): StepText {
  const item = `${d.productName} (${d.variantName})`;
  const ref = d.caseReference;
  switch (d.step) {
    case 'evidence_requested':
      return {
        subject: `Case ${ref}: please send photos or videos`,
        paragraphs: [
          `To decide your case ${ref} about ${item}, we need the following. Upload them on the case page; please do not send the item back yet.`,
        ],
        list: d.missingEvidence ?? [],
        action: 'Upload on the case page',
      };
    case 'evidence_reminder':
      return {
        subject: `Reminder: case ${ref} still needs your photos or videos`,
        paragraphs: [
          `We asked on ${d.since ?? 'an earlier day'} for photos or videos to decide your case ${ref} about ${item}. These are still missing:`,
        ],
        list: d.missingEvidence ?? [],
        action: 'Upload on the case page',
      };
    case 'return_authorised': {
      const parcel = d.returnParcel;
      const lines = [
        `Your return is authorised. Your return number (RMA) is ${ref}: write it on the parcel and on the form inside. Parcels without it cannot be accepted.`,
        'Send the item with the cheapest tracked postage and keep the receipt.',
      ];
      if (parcel?.declaredValueCents != null) {
        lines.push(`Declare a value of ${formatUsd(parcel.declaredValueCents)} on the parcel.`);
      }
      if (parcel) {
        lines.push(
          parcel.payer === 'shop' && parcel.reimbursableUpToCents > 0
            ? `We reimburse the postage up to ${formatUsd(parcel.reimbursableUpToCents)}: upload the receipt on the case page.`
            : 'The postage of this return is yours to pay.',
        );
      }
      return {
        subject: `Case ${ref}: return authorised, RMA ${ref}`,
        paragraphs: lines,
        action: 'See the case',
      };
    }
    case 'return_reminder':
      return {
        subject: `Reminder: case ${ref} waits for your parcel`,
        paragraphs: [
          `We authorised the return of ${item} on ${d.since ?? 'an earlier day'}, and it has not arrived yet. Write the return number ${ref} on the parcel, send it with tracked postage and keep the receipt.`,
          'If you no longer need the return, you can withdraw the case on its page.',
        ],
        action: 'See the case',
      };
    case 'parcel_received':
      return {
        subject: `Case ${ref}: we received your parcel`,
        paragraphs: [
          `Your parcel with ${item} has arrived. Our technicians inspect it next; we write when they are done.`,
        ],
        action: 'Follow the case',
      };
    case 'quote_sent':
    case 'quote_reminder': {
      const amount = d.quote ? formatUsd(d.quote.amountCents) : '';
      return {
        subject:
          d.step === 'quote_sent'
            ? `Case ${ref}: a parts quote to accept or decline`
            : `Reminder: case ${ref} waits for your answer to the quote`,
        paragraphs: [
          `The repair of ${item} needs parts${d.quote ? `: ${d.quote.parts}` : ''}. Their price to you is ${amount}.`,
          'Nothing is done before you accept. If you decline, the item is sent back to you as it is.',
        ],
        action: 'Accept or decline the quote',
      };
    }
    case 'resolved':
      return {
        subject: `Case ${ref}: resolved`,
        paragraphs: [`Your case ${ref} about ${item} is resolved.`],
        list: d.outcome ?? [],
        action: 'See the case',
      };
    case 'declined':
      return {
        subject: `Case ${ref}: we cannot accept this claim`,
        paragraphs: [`We looked at your case ${ref} about ${item} and cannot accept it, for these reasons:`],
        list: d.outcome ?? [],
        action: 'See the case',
      };
    case 'closed':
      return {
        subject: `Case ${ref}: closed`,
        paragraphs: [`Your case ${ref} about ${item} is closed. Thank you for your patience.`],
        list: d.outcome ?? [],
        action: 'See the case',
      };
    case 'abandoned':
      return {
        subject: `Case ${ref}: closed without an answer`,
        paragraphs: [
          `We have not heard from you for ${d.abandonAfterDays ?? 'many'} days about case ${ref} (${item}), so we have closed it. If the problem is still there, open a new case from your order page.`,
        ],
        action: 'Go to your order',
      };
  }
}

/** Renders one step's email, text and HTML saying the same. */
export function renderCaseStep(d: CaseStepData): RenderedEmail {
  const t = stepText(d);
  const subject = `${d.shopName}: ${t.subject}`;
  const list = t.list ?? [];
  const text = [
    ...t.paragraphs.flatMap((p) => [p, '']),
    ...(list.length > 0 ? [...list.map((l) => `- ${l}`), ''] : []),
    `${t.action}: ${d.caseUrl}`,
    `(Order ${d.orderReference})`,
    ...signOffText(d.shopName),
  ].join('\n');
  const html = htmlLayout(
    d.shopName,
    subject,
    [
      ...t.paragraphs.map(htmlParagraph),
      list.length > 0 ? `<ul>${list.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>` : '',
      htmlLink(d.caseUrl, t.action),
      htmlParagraph(`Order ${d.orderReference}`),
    ].join('\n'),
  );
  return { subject, text, html };
}
