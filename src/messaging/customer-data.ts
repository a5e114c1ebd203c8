/**
 * The emails the shop wrote to a customer (PV-RGT-1 export: which, when; PV-ACC-4 deletion: every one, their
 * bodies hold names and addresses). The deletion's own confirmation is queued after this runs, so it is sent.
 */
import { asc, eq, inArray, or } from 'drizzle-orm';
import { type CustomerDataEntry, iso } from '../privacy/data-subject.ts';
import { mailOutbox } from './schema.ts';

function toSubject(subject: { email: string; orderIds: string[] }) {
  return subject.orderIds.length > 0
    ? or(eq(mailOutbox.toAddress, subject.email), inArray(mailOutbox.orderId, subject.orderIds))
    : eq(mailOutbox.toAddress, subject.email);
}

export const mailData: CustomerDataEntry = {
  key: 'emails',
  async export(db, subject) {
    const rows = await db
      .select({
        subject: mailOutbox.subject,
        to: mailOutbox.toAddress,
        status: mailOutbox.status,
        createdAt: mailOutbox.createdAt,
        sentAt: mailOutbox.sentAt,
      })
      .from(mailOutbox)
      .where(toSubject(subject))
      .orderBy(asc(mailOutbox.createdAt));
    return rows.map((m) => ({ ...m, createdAt: iso(m.createdAt), sentAt: iso(m.sentAt) }));
  },
  async erase(tx, subject) {
    const rows = await tx.delete(mailOutbox).where(toSubject(subject)).returning({ id: mailOutbox.id });
    return rows.length;
  },
};
