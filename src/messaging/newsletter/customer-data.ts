/**
 * The customer's newsletter subscription (PV-RGT-1 export: its status and consent times; PV-ACC-4 deletion:
 * every subscriber row of the account or of its address, so no offer reaches a deleted customer).
 */
import { asc, eq, or } from 'drizzle-orm';
import { type CustomerDataEntry, iso } from '../../privacy/data-subject.ts';
import { newsletterSubscribers } from './schema.ts';

function ofSubject(subject: { customerId: string; email: string }) {
  return or(
    eq(newsletterSubscribers.customerId, subject.customerId),
    eq(newsletterSubscribers.email, subject.email),
  );
}

export const newsletterData: CustomerDataEntry = {
  key: 'newsletter',
  async export(db, subject) {
    const rows = await db
      .select({
        email: newsletterSubscribers.email,
        status: newsletterSubscribers.status,
        requestedAt: newsletterSubscribers.requestedAt,
        confirmedAt: newsletterSubscribers.confirmedAt,
        unsubscribedAt: newsletterSubscribers.unsubscribedAt,
      })
      .from(newsletterSubscribers)
      .where(ofSubject(subject))
      .orderBy(asc(newsletterSubscribers.requestedAt));
    return rows.map((r) => ({
      ...r,
      requestedAt: iso(r.requestedAt),
      confirmedAt: iso(r.confirmedAt),
      unsubscribedAt: iso(r.unsubscribedAt),
    }));
  },
  async erase(tx, subject) {
    const rows = await tx
      .delete(newsletterSubscribers)
      .where(ofSubject(subject))
      .returning({ id: newsletterSubscribers.id });
    return rows.length;
  },
};
