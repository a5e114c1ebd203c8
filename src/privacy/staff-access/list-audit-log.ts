/**
 * PV-STF-1: the owner reads the audit log of staff reads: newest first, in keyset pages on (`at`, `id`) of at
 * most 100 rows (the index staff_access_log_at_idx serves the order; no page reads more than limit + 1 rows),
 * filtered by member, outcome, record type, one record ("who read this"), customer and a range of UTC days.
 */
import { and, asc, desc, eq, gte, inArray, isNull, lt, type SQL, sql } from 'drizzle-orm';
import { staffUsers } from '../../accounts/schema.ts';
import { afterSalesCases } from '../../aftersales/schema.ts';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { orders } from '../../orders/schema.ts';
import { decodeCursor, encodeCursor, timestampKey } from '../../shared/cursor.ts';
import { ValidationError } from '../../shared/errors.ts';
import { DAY_MS } from '../../shared/time.ts';
import { parseRecordReference } from './record-reference.rules.ts';
import { resolveCustomer } from './resolve-customer.ts';
import { resolveRecordFilter } from './resolve-record.ts';
import { staffAccessLog } from './schema.ts';
import type { AuditEntryView, AuditLogQuery } from './schemas.ts';

/** The 404 on `customer`'s ending: a guest's reads are found through `record`. */
export const guestCustomerAdvice =
  '(a guest order has no account: find its reads with the Record filter, by its order reference or the guest’s email)';

/**
 * One page of the log. With `record`, the rows about that record (see `auditLogQuery`); `recordType` then names
 * the record's type instead of filtering rows by their own. Errors: 400 on `cursor` for a cursor this list did
 * not make, 400 on `record` for a reference of no record type; 404 on `customer` for an email, id or order
 * reference of no account (a guest's: the message points to `record`). A `record` that names nothing (an
 * unknown reference, an id of no record of the chosen type) is an empty page with a `note`, not an error.
 */
export async function listAuditLog(
  ctx: Pick<AppContext, 'db'>,
  query: AuditLogQuery,
): Promise<{ items: AuditEntryView[]; nextCursor: string | null; note: string | null }> {
  const where: SQL[] = [];
  if (query.member) where.push(eq(staffAccessLog.staffId, query.member));
  if (query.outcome) where.push(eq(staffAccessLog.outcome, query.outcome));
  if (query.record !== undefined) {
    const ref = parseRecordReference(query.recordType, query.record);
    if ('error' in ref) throw new ValidationError([{ field: 'record', message: ref.error }]);
    const filter = await resolveRecordFilter(ctx.db, ref);
    if (!filter.where) return { items: [], nextCursor: null, note: filter.note };
    where.push(filter.where);
  } else if (query.recordType) {
    where.push(eq(staffAccessLog.recordType, query.recordType));
  }
  if (query.customer) {
    // A guest has no account, but the record filter finds a guest's order by its reference and their reads by
    // their email: the 404 says where to go rather than only that nothing matched.
    const customer = await resolveCustomer(ctx.db, query.customer, 'customer', guestCustomerAdvice);
    where.push(eq(staffAccessLog.customerId, customer.id));
  }
  if (query.from) where.push(gte(staffAccessLog.at, new Date(`${query.from}T00:00:00Z`)));
  if (query.to) where.push(lt(staffAccessLog.at, new Date(Date.parse(`${query.to}T00:00:00Z`) + DAY_MS)));
  if (query.cursor) {
    const c = decodeCursor(query.cursor, 'newest', timestampKey);
    where.push(sql`(${staffAccessLog.at}, ${staffAccessLog.id}) < (${c.key}::timestamptz, ${c.id}::uuid)`);
  }
  const rows = await ctx.db
    .select({
      e: staffAccessLog,
      // Microseconds as PostgreSQL keeps them, so a cursor skips and repeats nothing.
      atKey: sql<string>`to_char(${staffAccessLog.at} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
    })
    .from(staffAccessLog)
    .where(and(...where))
    .orderBy(desc(staffAccessLog.at), desc(staffAccessLog.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const references = await referencesOf(
    ctx.db,
    page.map(({ e }) => e),
  );
  return {
    items: page.map(({ e }) => ({
      id: e.id,
      at: e.at.toISOString(),
      member: { id: e.staffId, name: e.staffName, role: e.staffRole },
      outcome: e.outcome,
      recordType: e.recordType,
      recordId: e.recordId,
      recordReference: (e.recordId && references.get(e.recordId)) ?? null,
      customerId: e.customerId,
      fields: e.fields,
      purpose: e.purpose,
      grantId: e.grantId,
    })),
    nextCursor: rows.length > query.limit && last ? encodeCursor('newest', last.atKey, last.e.id) : null,
    note: null,
  };
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The references the back office shows (AC-26-00123, RMA-26-00042) of the orders and cases a page's rows name
 * by id, keyed by id: two small lookups per page rather than a join, since `recordId` is text and not every
 * row's is a uuid. A deleted record has none.
 */
async function referencesOf(
  db: Db,
  rows: ReadonlyArray<Pick<typeof staffAccessLog.$inferSelect, 'recordType' | 'recordId'>>,
): Promise<Map<string, string>> {
  const idsOf = (types: readonly string[]) => [
    ...new Set(
      rows
        .filter((r) => types.includes(r.recordType) && r.recordId && uuidPattern.test(r.recordId))
        .map((r) => r.recordId as string),
    ),
  ];
  const orderIds = idsOf(['order']);
  const caseIds = idsOf(['case', 'evidence']);
  const found = [
    ...(orderIds.length > 0
      ? await db
          .select({ id: orders.id, reference: orders.reference })
          .from(orders)
          .where(inArray(orders.id, orderIds))
      : []),
    ...(caseIds.length > 0
      ? await db
          .select({ id: afterSalesCases.id, reference: afterSalesCases.reference })
          .from(afterSalesCases)
          .where(inArray(afterSalesCases.id, caseIds))
      : []),
  ];
  return new Map(found.map((r) => [r.id, r.reference]));
}

/** Every member, active ones first, for the log's "member" filter (the log keeps leavers' rows too). */
export async function auditLogMembers(ctx: Pick<AppContext, 'db'>) {
  const rows = await ctx.db
    .select({
      id: staffUsers.id,
      name: staffUsers.name,
      role: staffUsers.role,
      disabledAt: staffUsers.disabledAt,
    })
    .from(staffUsers)
    .orderBy(sql`${isNull(staffUsers.disabledAt)} desc`, asc(staffUsers.name));
  return rows.map((r) => ({ id: r.id, name: r.name, role: r.role, active: r.disabledAt === null }));
}
