/**
 * A customer's passkeys in their data (PV-RGT-1 export, PV-ACC-4 deletion). Only what the customer can read
 * on the security page is exported: the public key and credential id open nothing and mean nothing to them.
 */
import { asc, eq } from 'drizzle-orm';
import { type CustomerDataEntry, iso } from '../../privacy/data-subject.ts';
import { passkeys } from './schema.ts';

export const passkeyData: CustomerDataEntry = {
  key: 'passkeys',
  async export(db, subject) {
    const rows = await db
      .select({ name: passkeys.name, createdAt: passkeys.createdAt, lastUsedAt: passkeys.lastUsedAt })
      .from(passkeys)
      .where(eq(passkeys.customerId, subject.customerId))
      .orderBy(asc(passkeys.createdAt));
    return rows.map((p) => ({ name: p.name, createdAt: iso(p.createdAt), lastUsedAt: iso(p.lastUsedAt) }));
  },
  async erase(tx, subject) {
    const rows = await tx
      .delete(passkeys)
      .where(eq(passkeys.customerId, subject.customerId))
      .returning({ id: passkeys.id });
    return rows.length;
  },
};
