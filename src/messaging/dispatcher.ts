/**
 * Delivers the outbox over SMTP when SMTP_URL is set. Any process may run it: each batch is claimed with
 * FOR UPDATE SKIP LOCKED, so two processes never send the same email. Without SMTP the emails stay in the
 * outbox, where the back office shows them.
 */
import { and, asc, eq, inArray, lt } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import type { AppContext } from '../context.ts';
import { ephemeralTemplates } from './outbox.ts';
import { mailOutbox } from './schema.ts';

export const MAX_ATTEMPTS = 5;

/** A sender as nodemailer takes it: the display name is quoted and encoded by nodemailer, never by hand. */
export interface MailSender {
  name: string;
  address: string;
}

export interface MailTransport {
  send(mail: {
    from: MailSender;
    to: string;
    subject: string;
    text: string;
    html: string;
    /** Extra headers stored with the email (List-Unsubscribe on campaigns); absent on most emails. */
    headers?: Record<string, string>;
  }): Promise<void>;
}

/**
 * The sender of one email: MAIL_FROM's address (the shop's mailbox is configuration) with the display name
 * stored when the email was queued, the shop's name from its settings, so a renamed shop signs the From line
 * as its body does. Emails queued before names were stored keep MAIL_FROM's own display name.
 */
export function senderOf(mailFrom: string, fromName: string | null): MailSender {
  const match = /^\s*"?([^"<]*?)"?\s*<([^<>\s]+)>\s*$/.exec(mailFrom);
  const address = match ? (match[2] as string) : mailFrom.trim();
  const configuredName = match?.[1]?.trim() ?? '';
  return { name: fromName?.trim() || configuredName, address };
}

export function smtpTransport(url: string): MailTransport & { close(): void } {
  const transporter: Transporter = nodemailer.createTransport(url);
  return {
    async send(mail) {
      await transporter.sendMail(mail);
    },
    close: () => transporter.close(),
  };
}

/** Sends up to `batch` pending emails; returns how many were sent. */
export async function deliverPendingMail(
  ctx: Pick<AppContext, 'db' | 'clock' | 'config'>,
  transport: MailTransport,
  batch = 20,
): Promise<number> {
  let sent = 0;
  await ctx.db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.status, 'pending'), lt(mailOutbox.attempts, MAX_ATTEMPTS)))
      .orderBy(asc(mailOutbox.createdAt))
      .limit(batch)
      .for('update', { skipLocked: true });
    for (const mail of due) {
      try {
        await transport.send({
          from: senderOf(ctx.config.MAIL_FROM, mail.fromName),
          to: mail.toAddress,
          subject: mail.subject,
          text: mail.textBody,
          html: mail.htmlBody,
          ...(mail.headers ? { headers: mail.headers } : {}),
        });
        if (ephemeralTemplates.includes(mail.template)) {
          // PV-COL-2: delivered, so the friend's name and address have served their one purpose.
          await tx.delete(mailOutbox).where(eq(mailOutbox.id, mail.id));
        } else {
          await tx
            .update(mailOutbox)
            .set({ status: 'sent', sentAt: ctx.clock.now(), attempts: mail.attempts + 1, lastError: null })
            .where(eq(mailOutbox.id, mail.id));
        }
        sent++;
      } catch (error) {
        const attempts = mail.attempts + 1;
        await tx
          .update(mailOutbox)
          .set({
            attempts,
            status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
            lastError: String((error as Error).message).slice(0, 500),
          })
          .where(eq(mailOutbox.id, mail.id));
      }
    }
  });
  return sent;
}

export interface MailDispatcherOptions {
  /** Where a failed round is reported (the error through the log's serializer: no addresses, no values). */
  log: { error(obj: object, msg: string): void };
  everyMs?: number;
}

/**
 * Polls the outbox every few seconds; returns a stop function for graceful shutdown. A round that fails
 * (the database unreachable, say) is logged and the next one tries again.
 */
export function startMailDispatcher(
  ctx: AppContext,
  transport: MailTransport,
  { log, everyMs = 3_000 }: MailDispatcherOptions,
): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = running
      .then(() => deliverPendingMail(ctx, transport))
      .catch((error: unknown) => log.error({ err: error }, 'mail delivery round failed'));
  }, everyMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}

/** Puts failed emails back in the queue (after fixing the SMTP settings, say). */
export async function retryFailedMail(ctx: Pick<AppContext, 'db'>, ids: string[]): Promise<number> {
  const rows = await ctx.db
    .update(mailOutbox)
    .set({ status: 'pending', attempts: 0, lastError: null })
    .where(and(eq(mailOutbox.status, 'failed'), inArray(mailOutbox.id, ids)))
    .returning({ id: mailOutbox.id });
  return rows.length;
}
