/**
 * What the back office may see of one outbox row (PV-USE-2), pure: newsletter mail (isNewsletterMail) shows
 * its kind, subject, state, times and attempts, never its recipient nor a body, which holds the subscriber's
 * own confirmation or unsubscribe link. Otherwise the outbox, page after page, would be the mailing list.
 */
import { hideLinkTokens } from './link-tokens.ts';
import { isNewsletterMail } from './outbox.ts';

/** Shown instead of a newsletter mail's recipient. */
export const NEWSLETTER_RECIPIENT = 'a newsletter subscriber';

/** Shown instead of a newsletter mail's body. */
export const NEWSLETTER_BODY_WITHHELD =
  'This email went to one newsletter subscriber. Its text, with their own link, is not shown: no list of subscribers is kept in view (PV-USE-2). A campaign’s text is on the Newsletter page.';

/** Anything shaped like an email address, inside an SMTP error say ("550 <someone@example.com> unknown"). */
const ADDRESS = /[^\s<>"'(),;:[\]]+@[^\s<>"'(),;:[\]]+/g;

interface Shown {
  template: string;
  toAddress: string;
  lastError: string | null;
}

/**
 * The row as the outbox list shows it: `recipientHidden` true, `toAddress` replaced by NEWSLETTER_RECIPIENT and
 * any address or link token in `lastError` hidden for newsletter mail (PV-USE-2); other mail unchanged.
 */
export function maskedSummary<T extends Shown>(row: T): T & { recipientHidden: boolean } {
  if (!isNewsletterMail(row.template)) return { ...row, recipientHidden: false };
  return {
    ...row,
    toAddress: NEWSLETTER_RECIPIENT,
    lastError:
      row.lastError === null ? null : hideLinkTokens(row.lastError.replace(ADDRESS, NEWSLETTER_RECIPIENT)),
    recipientHidden: true,
  };
}

/**
 * One email as its page shows it: masked as maskedSummary, and for newsletter mail both bodies replaced by
 * NEWSLETTER_BODY_WITHHELD (PV-USE-2); other mail keeps its bodies with their link tokens hidden.
 */
export function maskedDetail<T extends Shown & { textBody: string; htmlBody: string }>(
  row: T,
): T & { recipientHidden: boolean } {
  const shown = maskedSummary(row);
  if (shown.recipientHidden) {
    return {
      ...shown,
      textBody: NEWSLETTER_BODY_WITHHELD,
      htmlBody: `<p>${NEWSLETTER_BODY_WITHHELD}</p>`,
    };
  }
  return { ...shown, textBody: hideLinkTokens(row.textBody), htmlBody: hideLinkTokens(row.htmlBody) };
}
