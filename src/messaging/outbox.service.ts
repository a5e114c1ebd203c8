import { and, count, desc, eq, ilike, inArray, lt, not, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../db/client.ts';
import { decodeCursor, encodeCursor, instantKey } from '../shared/cursor.ts';
import { NotFound } from '../shared/errors.ts';
import { escapeLike } from '../shared/sql.ts';
import { ephemeralTemplates, NEWSLETTER_TEMPLATE_PREFIX } from './outbox.ts';
import { maskedDetail, maskedSummary } from './outbox-mask.rules.ts';
import { mailOutbox } from './schema.ts';
import type { MailDetail, MailSummary, mailListQuerySchema } from './schemas.ts';

type OutboxQuery = z.output<typeof mailListQuerySchema>;
type Row = { createdAt: Date; sentAt: Date | null };

/** Instants leave as ISO 8601 strings. */
function onTheWire<T extends Row>(
  row: T,
): Omit<T, 'createdAt' | 'sentAt'> & { createdAt: string; sentAt: string | null } {
  return { ...row, createdAt: row.createdAt.toISOString(), sentAt: row.sentAt?.toISOString() ?? null };
}

const summaryColumns = {
  id: mailOutbox.id,
  template: mailOutbox.template,
  toAddress: mailOutbox.toAddress,
  subject: mailOutbox.subject,
  orderId: mailOutbox.orderId,
  status: mailOutbox.status,
  attempts: mailOutbox.attempts,
  lastError: mailOutbox.lastError,
  createdAt: mailOutbox.createdAt,
  sentAt: mailOutbox.sentAt,
};

/** True for the rows of newsletter mail (PV-USE-2), as `isNewsletterMail` says in SQL. */
const newsletterMail = sql`starts_with(${mailOutbox.template}, ${NEWSLETTER_TEMPLATE_PREFIX})`;

/**
 * Newest first, keyset-paginated on (createdAt, id). Newsletter mail is listed with its recipient masked, and
 * `q` never matches its address: a search would otherwise tell whether someone is subscribed (PV-USE-2).
 */
export async function listOutbox(
  db: Db,
  query: OutboxQuery,
): Promise<{ items: MailSummary[]; nextCursor: string | null }> {
  const filters: SQL[] = [];
  if (query.status) filters.push(eq(mailOutbox.status, query.status));
  if (query.orderId) filters.push(eq(mailOutbox.orderId, query.orderId));
  if (query.q) {
    const like = `%${escapeLike(query.q)}%`;
    filters.push(
      or(and(not(newsletterMail), ilike(mailOutbox.toAddress, like)), ilike(mailOutbox.subject, like)) as SQL,
    );
  }
  const after = query.cursor ? decodeCursor(query.cursor, 'newest', instantKey) : null;
  if (after) {
    const at = new Date(after.key);
    filters.push(
      or(lt(mailOutbox.createdAt, at), and(eq(mailOutbox.createdAt, at), lt(mailOutbox.id, after.id))) as SQL,
    );
  }
  const rows = await db
    .select(summaryColumns)
    .from(mailOutbox)
    .where(filters.length ? and(...filters) : undefined)
    .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => maskedSummary(onTheWire(row))),
    nextCursor:
      rows.length > query.limit && last
        ? encodeCursor('newest', last.createdAt.toISOString(), last.id)
        : null,
  };
}

/**
 * One email with its bodies, link tokens hidden; newsletter mail without its recipient or bodies (PV-USE-2).
 * An unknown id is a 404.
 */
export async function getOutboxMail(db: Db, id: string): Promise<MailDetail> {
  const [mail] = await db
    .select({ ...summaryColumns, textBody: mailOutbox.textBody, htmlBody: mailOutbox.htmlBody })
    .from(mailOutbox)
    .where(eq(mailOutbox.id, id));
  if (!mail) throw new NotFound('Email');
  return maskedDetail(onTheWire(mail));
}

/** Pending and failed emails: the queue's health. */
export async function mailQueueCounts(db: Db): Promise<{ pending: number; failed: number }> {
  const rows = await db
    .select({ status: mailOutbox.status, n: count() })
    .from(mailOutbox)
    .groupBy(mailOutbox.status);
  const of = (status: string) => rows.find((r) => r.status === status)?.n ?? 0;
  return { pending: of('pending'), failed: of('failed') };
}

/**
 * PV-MIN-1: an email that went out (or was given up on) before `before` holds an address and an order's
 * details for nothing. Mail still waiting to be sent is never deleted.
 */
export async function deleteOldMail(db: Db, before: Date): Promise<number> {
  const deleted = await db
    .delete(mailOutbox)
    .where(and(inArray(mailOutbox.status, ['sent', 'failed']), lt(mailOutbox.createdAt, before)))
    .returning({ id: mailOutbox.id });
  return deleted.length;
}

/**
 * PV-COL-2: deletes the emails of `ephemeralTemplates` queued before `before`, whatever their state: without
 * SMTP they are never sent and would otherwise keep a friend's address for the whole mail retention period,
 * and a failed one will not be retried into usefulness. Returns how many were deleted.
 */
export async function deleteEphemeralMail(db: Db, before: Date): Promise<number> {
  const deleted = await db
    .delete(mailOutbox)
    .where(and(inArray(mailOutbox.template, [...ephemeralTemplates]), lt(mailOutbox.createdAt, before)))
    .returning({ id: mailOutbox.id });
  return deleted.length;
}
