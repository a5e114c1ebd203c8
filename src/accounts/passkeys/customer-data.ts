/**
 * A customer's passkeys in their data (PV-RGT-1 export, PV-ACC-4 deletion). Only what the customer can read
 * on the security page is exported: the public key and credential id open nothing and mean nothing to them.
 */
import { iso } from '../../privacy/data-subject.ts';
import { ownedRows } from '../../privacy/owned-rows.ts';
import { passkeys } from './schema.ts';

export const passkeyData = ownedRows('passkeys', passkeys, passkeys.customerId, (p) => ({
  name: p.name,
  createdAt: iso(p.createdAt),
  lastUsedAt: iso(p.lastUsedAt),
}));
