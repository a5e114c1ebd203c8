/** The address book's part of a customer's data (PV-RGT-1 export, PV-ACC-4 deletion). */
import { iso } from '../../../privacy/data-subject.ts';
import { ownedRows } from '../../../privacy/owned-rows.ts';
import { customerAddresses } from '../schema.ts';

export const addressBookData = ownedRows(
  'addresses',
  customerAddresses,
  customerAddresses.customerId,
  (a) => ({
    address: a.address,
    isDefault: a.isDefault,
    createdAt: iso(a.createdAt),
    updatedAt: iso(a.updatedAt),
  }),
);
