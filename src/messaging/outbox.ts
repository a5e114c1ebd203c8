import type { Db } from '../db/client.ts';
import { uuidv7 } from '../shared/ids.ts';
import { mailOutbox } from './schema.ts';

/**
 * Templates whose row is deleted as soon as the email is sent (and, unsent, after EMAIL_A_FRIEND_KEEP_HOURS):
 * PV-COL-2 collects a friend's name and address only to send that one message, so the outbox is the only
 * place they are ever written and it forgets them once delivered.
 */
export const ephemeralTemplates: readonly string[] = ['email_a_friend'];

/**
 * PV-USE-2: every template of mail to the newsletter's list (the double opt-in's confirmation request, each
 * campaign copy, any notice about a subscription) starts with this. Such mail is addressed to one subscriber,
 * so the back office never shows its recipient or body: the outbox would otherwise be the mailing list.
 */
export const NEWSLETTER_TEMPLATE_PREFIX = 'newsletter_';

/** Whether mail of `template` goes to the newsletter's list (PV-USE-2): its recipient and body are masked. */
export function isNewsletterMail(template: string): boolean {
  return template.startsWith(NEWSLETTER_TEMPLATE_PREFIX);
}

export interface OutgoingMail {
  template: string;
  /** The sender's display name: the shop's name from its settings, as the body writes it. */
  fromName: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  orderId?: string | null;
  /** Extra headers (a campaign's List-Unsubscribe pair, PV-USE-1); transactional emails carry none. */
  headers?: Record<string, string> | null;
}

/** The outbox row of `mail`, queued at `now`: for a caller that writes it in a statement of its own. */
export function outboxRow(mail: OutgoingMail, now: Date): typeof mailOutbox.$inferInsert & { id: string } {
  return {
    id: uuidv7(now.getTime()),
    template: mail.template,
    toAddress: mail.to,
    fromName: mail.fromName,
    subject: mail.subject,
    textBody: mail.text,
    htmlBody: mail.html,
    orderId: mail.orderId ?? null,
    headers: mail.headers ?? null,
    createdAt: now,
  };
}

/**
 * Queues an email in the outbox. Call it with the transaction that makes the change the email reports, so
 * the two commit or roll back together.
 */
export async function enqueueMail(db: Db, mail: OutgoingMail, now: Date): Promise<string> {
  const row = outboxRow(mail, now);
  await db.insert(mailOutbox).values(row);
  return row.id;
}
