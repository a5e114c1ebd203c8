/** The address book's part of a customer's data (PV-RGT-1 export, PV-ACC-4 deletion). */
import { asc, eq } from 'drizzle-orm';
import { type CustomerDataEntry, iso } from '../../../privacy/data-subject.ts';
import { customerAddresses } from '../schema.ts';

export const addressBookData: CustomerDataEntry = {
  key: 'addresses',
  async export(db, subject) {
    const rows = await db
      .select()
      .from(customerAddresses)
      .where(eq(customerAddresses.customerId, subject.customerId))
      .orderBy(asc(customerAddresses.createdAt));
    return rows.map((a) => ({
      address: a.address,
      isDefault: a.isDefault,
      createdAt: iso(a.createdAt),
      updatedAt: iso(a.updatedAt),
    }));
  },
  async erase(tx, subject) {
    const rows = await tx
      .delete(customerAddresses)
      .where(eq(customerAddresses.customerId, subject.customerId))
      .returning({ id: customerAddresses.id });
    return rows.length;
  },
};
