/**
 * The back office's reads of cases: the staff queue (filters, sorts, keyset pages) and one case's detail.
 *
 * Keyset pages: each sort is a column (or, for the deadline, `coalesce(due_at, 'infinity')` so cases without a
 * deadline come last) plus the id that breaks ties; the cursor carries the last row's pair and is refused by
 * another sort or direction. Each sort has an index on exactly that pair (schema.ts).
 */
import { and, asc, desc, eq, gte, ilike, isNull, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { staffUsers } from '../../accounts/schema.ts';
import type { StaffPrincipal } from '../../accounts/staff.service.ts';
import type { AppContext } from '../../context.ts';
import { orderLines, orders } from '../../orders/schema.ts';
import { decodeCursor, encodeCursor, instantKey } from '../../shared/cursor.ts';
import { NotFound } from '../../shared/errors.ts';
import { escapeLike } from '../../shared/sql.ts';
import { afterSalesCases } from '../schema.ts';
import { customerWaitMs, deadlineMark } from './case-rules.ts';
import { adminCaseDetail } from './case-views.ts';
import type { AdminCaseDetail, adminCaseListQuery, adminCaseListResponse } from './schemas.ts';

type ListQuery = z.output<typeof adminCaseListQuery>;
type ListPage = z.infer<typeof adminCaseListResponse>;
type Ctx = Pick<AppContext, 'db' | 'clock' | 'config'>;

const DAY_MS = 86_400_000;
/** A deadline key: an instant, or `infinity` for a case without one. */
const deadlineKey = z.union([instantKey, z.literal('infinity')]);

const sortColumn = {
  opened: sql`${afterSalesCases.openedAt}`,
  updated: sql`${afterSalesCases.updatedAt}`,
  deadline: sql`coalesce(${afterSalesCases.dueAt}, 'infinity'::timestamptz)`,
} as const;

/** The day after `day` (YYYY-MM-DD), at midnight UTC. */
function dayAfter(day: string): Date {
  return new Date(new Date(`${day}T00:00:00Z`).getTime() + DAY_MS);
}

/**
 * One page of the staff queue. `staff` answers `assignee=me`. Dates in `openedFrom`/`openedTo` are UTC days,
 * both included; `dueWithinDays` counts from now and includes overdue cases.
 */
export async function listCases(
  ctx: Ctx,
  query: ListQuery,
  staff: Pick<StaffPrincipal, 'id'>,
): Promise<ListPage> {
  const now = ctx.clock.now();
  const where: SQL[] = [];
  if (query.state) where.push(eq(afterSalesCases.state, query.state));
  if (query.kind) where.push(eq(afterSalesCases.kind, query.kind));
  if (query.openedFrom) where.push(gte(afterSalesCases.openedAt, new Date(`${query.openedFrom}T00:00:00Z`)));
  if (query.openedTo) where.push(lt(afterSalesCases.openedAt, dayAfter(query.openedTo)));
  if (query.dueWithinDays !== undefined) {
    where.push(lte(afterSalesCases.dueAt, new Date(now.getTime() + query.dueWithinDays * DAY_MS)));
  }
  if (query.overdue === true) where.push(lt(afterSalesCases.dueAt, now));
  if (query.overdue === false) {
    where.push(or(isNull(afterSalesCases.dueAt), gte(afterSalesCases.dueAt, now)) as SQL);
  }
  if (query.assignee === 'unassigned') where.push(isNull(afterSalesCases.assignedTo));
  else if (query.assignee === 'me') where.push(eq(afterSalesCases.assignedTo, staff.id));
  else if (query.assignee) where.push(eq(afterSalesCases.assignedTo, query.assignee));
  if (query.productId) where.push(eq(orderLines.productId, query.productId));
  if (query.product) {
    const q = escapeLike(query.product);
    where.push(or(ilike(orderLines.productName, `%${q}%`), ilike(orderLines.sku, `${q}%`)) as SQL);
  }

  const sortName = `${query.sort}:${query.dir}`;
  const column = sortColumn[query.sort];
  if (query.cursor) {
    const c = decodeCursor(query.cursor, sortName, query.sort === 'deadline' ? deadlineKey : instantKey);
    const pair = sql`(${column}, ${afterSalesCases.id})`;
    const key = sql`(${c.key}::timestamptz, ${c.id}::uuid)`;
    where.push(query.dir === 'asc' ? sql`${pair} > ${key}` : sql`${pair} < ${key}`);
  }
  const order = query.dir === 'asc' ? asc : desc;

  const rows = await ctx.db
    .select({
      id: afterSalesCases.id,
      reference: afterSalesCases.reference,
      orderId: afterSalesCases.orderId,
      orderReference: orders.reference,
      productName: orderLines.productName,
      kind: afterSalesCases.kind,
      state: afterSalesCases.state,
      eligible: sql<boolean>`(${afterSalesCases.assessment}->>'eligible')::boolean`,
      policyVersion: afterSalesCases.policyVersion,
      openedAt: afterSalesCases.openedAt,
      updatedAt: afterSalesCases.updatedAt,
      stateSince: afterSalesCases.stateSince,
      dueAt: afterSalesCases.dueAt,
      assigneeId: afterSalesCases.assignedTo,
      assigneeName: staffUsers.name,
    })
    .from(afterSalesCases)
    .innerJoin(orders, eq(orders.id, afterSalesCases.orderId))
    .innerJoin(orderLines, eq(orderLines.id, afterSalesCases.orderLineId))
    .leftJoin(staffUsers, eq(staffUsers.id, afterSalesCases.assignedTo))
    .where(and(...where))
    .orderBy(order(column), order(afterSalesCases.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const soonDays = ctx.config.CASE_DUE_SOON_DAYS;
  const keyOf = (r: (typeof rows)[number]): string =>
    query.sort === 'opened'
      ? r.openedAt.toISOString()
      : query.sort === 'updated'
        ? r.updatedAt.toISOString()
        : (r.dueAt?.toISOString() ?? 'infinity');
  return {
    items: page.map(({ assigneeId, assigneeName, ...r }) => ({
      ...r,
      openedAt: r.openedAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
      stateSince: r.stateSince.toISOString(),
      dueAt: r.dueAt?.toISOString() ?? null,
      deadlineMark: deadlineMark(r.dueAt, now, soonDays),
      waitingOnCustomerMs: customerWaitMs(r.state, r.stateSince, now),
      assignee: assigneeId && assigneeName ? { id: assigneeId, name: assigneeName } : null,
    })),
    nextCursor: rows.length > query.limit && last ? encodeCursor(sortName, keyOf(last), last.id) : null,
  };
}

export async function caseDetail(
  ctx: Ctx,
  caseId: string,
  staff: Pick<StaffPrincipal, 'role'>,
): Promise<AdminCaseDetail> {
  const detail = await adminCaseDetail(ctx.db, caseId, {
    role: staff.role,
    now: ctx.clock.now(),
    soonDays: ctx.config.CASE_DUE_SOON_DAYS,
  });
  if (!detail) throw new NotFound('Case');
  return detail;
}
