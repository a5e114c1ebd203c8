/**
 * A customer's confirmed subscription follows their account to its new address (PV-USE-1, PV-USE-2), in the
 * transaction that changes the address: campaigns must not keep going to an address the customer left (and
 * may no longer own), and the subscription must not be lost either.
 *
 * Why no new opt-in: the change of address only takes effect when the customer follows the link emailed to
 * the NEW address (accounts/customers/email-change.service.ts), which proves the address is theirs just as the
 * newsletter's own confirmation link would. The consent was the person's, given for their account's address;
 * its time (confirmedAt) stays the proof, and every campaign still unsubscribes in one click.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { keptOnAddressChange } from './newsletter.rules.ts';
import { newsletterSubscribers as subs } from './schema.ts';

/**
 * Moves the confirmed subscription of the account `customerId` (the row of its old address `oldEmail`, else a
 * confirmed row linked to the account) to `newEmail`, both normalised. Run it inside the transaction that
 * changes the account's address. If `newEmail` has a row of its own, one row is kept (keptOnAddressChange)
 * and the other deleted first, so the unique address never makes this fail; the kept row is linked to the
 * account, so the account's deletion removes it. A pending or unsubscribed row is not moved: it holds no
 * consent to carry.
 */
export async function followAddressChange(
  tx: Db,
  customerId: string,
  oldEmail: string,
  newEmail: string,
): Promise<void> {
  const confirmed = eq(subs.status, 'confirmed');
  const [byAddress] = await tx
    .select()
    .from(subs)
    .where(and(eq(subs.email, oldEmail), confirmed))
    .for('update');
  const [moving] = byAddress
    ? [byAddress]
    : await tx
        .select()
        .from(subs)
        .where(and(eq(subs.customerId, customerId), confirmed))
        .orderBy(asc(subs.confirmedAt))
        .limit(1)
        .for('update');
  if (!moving || moving.email === newEmail) return;
  const [existing] = await tx.select().from(subs).where(eq(subs.email, newEmail)).for('update');
  if (existing && keptOnAddressChange(moving, existing) === 'existing') {
    await tx.delete(subs).where(eq(subs.id, moving.id));
    await tx.update(subs).set({ customerId }).where(eq(subs.id, existing.id));
    return;
  }
  if (existing) await tx.delete(subs).where(eq(subs.id, existing.id));
  await tx.update(subs).set({ email: newEmail, customerId }).where(eq(subs.id, moving.id));
}
