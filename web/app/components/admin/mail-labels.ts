/** The back office's words for the mail outbox: states, kinds and where the mail is. No JSX, no I/O. */
import type { MailQueue, MailStatus } from '../../../../src/messaging/schemas.ts';
import { humanize } from '../order/order-status.ts';

/**
 * Where an email is: "Waiting in the outbox" when the shop has no SMTP server (nothing will send it), "Waiting
 * to be sent" when it has one; "Sent"; "Failed" after the last attempt.
 */
export function mailStatusLabel(status: MailStatus, delivery: 'smtp' | 'outbox' | undefined): string {
  if (status === 'pending') return delivery === 'outbox' ? 'Waiting in the outbox' : 'Waiting to be sent';
  return status === 'sent' ? 'Sent' : 'Failed';
}

const mailTemplates: Record<string, string> = {
  order_placed: 'Order confirmation',
  order_shipped: 'Shipping notice',
  order_cancelled: 'Cancellation notice',
  question_answer: 'Answer to a question',
  deadline_digest: 'Daily digest of overdue case steps',
  // PV-USE-2: newsletter mail shows its kind, never its recipient.
  newsletter_confirm: 'Newsletter: confirmation request',
  newsletter_campaign: 'Newsletter: campaign',
};

/** The kind of an email ("Order confirmation"), never its template code. */
export function mailTemplateLabel(template: string): string {
  return mailTemplates[template] ?? humanize(template);
}

const emails = (n: number) => `${n} ${n === 1 ? 'email' : 'emails'}`;

/**
 * Where the shop's mail is. Without SMTP_URL nothing is ever sent, so waiting emails are not "on their way":
 * the sentence says they sit in the outbox and why.
 */
export function mailQueueSentence(q: MailQueue): string {
  const failed = q.failed > 0 ? ` ${emails(q.failed)} failed: look at them.` : '';
  if (q.delivery === 'outbox') {
    const waiting =
      q.pending > 0
        ? `${emails(q.pending)} ${q.pending === 1 ? 'is' : 'are'} waiting in the outbox, unsent`
        : 'Emails stay in the outbox, unsent';
    return `${waiting}: no mail server (SMTP_URL) is configured.${failed}`;
  }
  const sent =
    q.pending > 0 ? `${emails(q.pending)} on the way to the mail server.` : 'Every email went out.';
  return `${sent}${failed}`;
}
