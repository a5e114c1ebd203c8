/**
 * PV-STF-1: the I/O of the audit log's record filter. A reference read by `parseRecordReference` becomes the
 * condition on the log's own columns: the order's or case's id in `recordId`, or the customer in `customerId`.
 * A guest has no customer id in the log, so a guest's email is followed to their orders and those orders'
 * cases instead.
 */
import { and, eq, inArray, isNull, or, type SQL } from 'drizzle-orm';
import { normaliseEmail } from '../../accounts/customers/account-records.ts';
import { customers } from '../../accounts/customers/schema.ts';
import { afterSalesCases } from '../../aftersales/schema.ts';
import type { Db } from '../../db/client.ts';
import { orders } from '../../orders/schema.ts';
import type { RecordReference } from './record-reference.rules.ts';
import { staffAccessLog } from './schema.ts';

/**
 * `where` selects the rows about the record; null when the reference names nothing (the list is then empty)
 * and `note` says so in words the page shows. Notes never repeat an email.
 */
export interface RecordFilter {
  where: SQL | null;
  note: string | null;
}

/** Both conditions (drizzle's `and` is typed as possibly empty; two are never empty). */
const both = (a: SQL, b: SQL): SQL => and(a, b) as SQL;
const caseRows = (ids: string[], evidenceOnly = false) =>
  both(
    inArray(staffAccessLog.recordType, evidenceOnly ? ['evidence'] : ['case', 'evidence']),
    inArray(staffAccessLog.recordId, ids),
  );
const orderRows = (ids: string[]) =>
  both(eq(staffAccessLog.recordType, 'order'), inArray(staffAccessLog.recordId, ids));

/** Looks `ref` up. No errors of its own: an unknown reference is an empty filter with a note, not a 404. */
export async function resolveRecordFilter(db: Db, ref: RecordReference): Promise<RecordFilter> {
  switch (ref.kind) {
    case 'id': {
      if (ref.recordType === 'customer') return { where: eq(staffAccessLog.customerId, ref.id), note: null };
      const byId = eq(staffAccessLog.recordId, ref.id);
      if (ref.recordType === 'case') return { where: caseRows([ref.id]), note: null };
      return {
        where: ref.recordType ? both(byId, eq(staffAccessLog.recordType, ref.recordType)) : byId,
        note: null,
      };
    }
    case 'order': {
      const [order] = await db
        .select({ id: orders.id })
        .from(orders)
        .where(eq(orders.reference, ref.reference));
      if (!order) return { where: null, note: `No order has the reference ${ref.reference}.` };
      return { where: orderRows([order.id]), note: null };
    }
    case 'case': {
      const [found] = await db
        .select({ id: afterSalesCases.id })
        .from(afterSalesCases)
        .where(eq(afterSalesCases.reference, ref.reference));
      if (!found) return { where: null, note: `No case has the number ${ref.reference}.` };
      return { where: caseRows([found.id], ref.evidenceOnly), note: null };
    }
    case 'customer': {
      const email = normaliseEmail(ref.email);
      const [account] = await db
        .select({ id: customers.id })
        .from(customers)
        .where(eq(customers.email, email));
      // A guest's orders (and an account's orders placed as a guest before it existed) carry no customer id.
      const guestOrders = await db
        .select({ id: orders.id })
        .from(orders)
        .where(and(eq(orders.email, email), isNull(orders.customerId)));
      const orderIds = guestOrders.map((o) => o.id);
      const caseIds =
        orderIds.length === 0
          ? []
          : (
              await db
                .select({ id: afterSalesCases.id })
                .from(afterSalesCases)
                .where(inArray(afterSalesCases.orderId, orderIds))
            ).map((c) => c.id);
      const parts: SQL[] = [];
      if (account) parts.push(eq(staffAccessLog.customerId, account.id));
      if (orderIds.length > 0) parts.push(orderRows(orderIds));
      if (caseIds.length > 0) parts.push(caseRows(caseIds));
      if (parts.length === 0) {
        return { where: null, note: 'No customer account or guest order has that email.' };
      }
      return { where: or(...parts) as SQL, note: null };
    }
  }
}
