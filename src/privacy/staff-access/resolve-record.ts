/**
 * PV-STF-1: the I/O of the audit log's record filter. A reference read by `parseRecordReference` becomes the
 * condition on the log's own columns: the order's or case's id in `recordId`, or the customer in `customerId`.
 * A guest has no customer id in the log, so a guest's email is followed to their orders and those orders'
 * cases instead. An evidence file's own id is followed to its case's evidence rows.
 */
import { and, eq, inArray, isNull, or, type SQL } from 'drizzle-orm';
import { normaliseEmail } from '../../accounts/customers/account-records.ts';
import { customers } from '../../accounts/customers/schema.ts';
import { afterSalesEvidence } from '../../aftersales/evidence/evidence.schema.ts';
import { afterSalesCases } from '../../aftersales/schema.ts';
import type { Db } from '../../db/client.ts';
import { orders } from '../../orders/schema.ts';
import type { RecordReference } from './record-reference.rules.ts';
import { type AccessRecordType, staffAccessLog } from './schema.ts';

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

/**
 * Looks `ref` up. No errors of its own: an unknown reference, or an id of no record (of the type chosen), is an
 * empty filter with a note, not a 404.
 */
export async function resolveRecordFilter(db: Db, ref: RecordReference): Promise<RecordFilter> {
  switch (ref.kind) {
    case 'id':
      return resolveId(db, ref.id, ref.recordType);
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

/** The words a note uses for a record type an id was looked up as. */
const idTypeWords: Partial<Record<AccessRecordType, string>> = {
  order: 'order',
  case: 'case',
  evidence: 'case or evidence file',
  customer: 'customer account',
};

/**
 * A record by its id, as the log stores it, or an evidence file by its own id (the one in its gallery and
 * download addresses: the log keeps evidence reads under their case's id, so the file's id becomes its case's
 * 'evidence' rows). Rows of a deleted record stay findable by its id; an id with no rows that names no record
 * of `recordType` (any order, case or customer when none is chosen) is an empty filter with a note, so a
 * mistyped id or one of the wrong type does not pass for "nobody read it".
 */
async function resolveId(
  db: Db,
  id: string,
  recordType: AccessRecordType | undefined,
): Promise<RecordFilter> {
  if (recordType === undefined || recordType === 'evidence') {
    const [file] = await db
      .select({ caseId: afterSalesEvidence.caseId })
      .from(afterSalesEvidence)
      .where(eq(afterSalesEvidence.id, id));
    if (file) return { where: caseRows([file.caseId], true), note: null };
  }
  const byId = eq(staffAccessLog.recordId, id);
  const where =
    recordType === 'customer'
      ? eq(staffAccessLog.customerId, id)
      : recordType === 'case'
        ? caseRows([id])
        : recordType
          ? both(byId, eq(staffAccessLog.recordType, recordType))
          : byId;
  const [logged] = await db.select({ id: staffAccessLog.id }).from(staffAccessLog).where(where).limit(1);
  if (logged || (await recordExists(db, id, recordType))) return { where, note: null };
  const words = recordType ? (idTypeWords[recordType] ?? 'record of that type') : 'record';
  return { where: null, note: `No ${words} has the id ${id}.` };
}

/** Whether `id` names an order, a case (also for 'evidence': its rows carry the case's id) or a customer. */
async function recordExists(db: Db, id: string, recordType: AccessRecordType | undefined): Promise<boolean> {
  const lookups: Array<() => Promise<unknown[]>> = [];
  if (recordType === undefined || recordType === 'order') {
    lookups.push(() => db.select({ id: orders.id }).from(orders).where(eq(orders.id, id)));
  }
  if (recordType === undefined || recordType === 'case' || recordType === 'evidence') {
    lookups.push(() =>
      db.select({ id: afterSalesCases.id }).from(afterSalesCases).where(eq(afterSalesCases.id, id)),
    );
  }
  if (recordType === undefined || recordType === 'customer') {
    lookups.push(() => db.select({ id: customers.id }).from(customers).where(eq(customers.id, id)));
  }
  for (const lookup of lookups) if ((await lookup()).length > 0) return true;
  return false;
}
