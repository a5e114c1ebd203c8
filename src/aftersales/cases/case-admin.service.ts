/**
 * The back office's reads of cases: the staff queue (filters, sorts, keyset pages) and one case's detail.
 *
 * Keyset pages: each sort is a column (or, for the deadline, `coalesce(due_at, 'infinity')` so cases without a
 * deadline come last) plus the id that breaks ties; the cursor carries the last row's pair and is refused by
 * another sort or direction. Each sort has an index on exactly that pair (schema.ts).
 *
 * The deadline filters (overdue, due within N days, whose) read each case's next deadline, the shop's or the
 * customer's (case-deadlines.rules.ts, issue 11 point 5): a filter is a condition on a row, so it pages with any
 * sort. The deadline sort stays on the shop's `due_at`, which has its index: the customer's deadline depends
 * on settings, so no index can hold it, and cases waiting on the customer sort after every dated one.
 */
import { and, asc, desc, eq, ilike, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { staffUsers } from '../../accounts/schema.ts';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { literalLimit, oncePerDb } from '../../db/prepared.ts';
import { orderLines, orders } from '../../orders/schema.ts';
import { recordStaffAccess, type StaffAccessEntry } from '../../privacy/staff-access/record-access.ts';
import { emailDomain, initials, visibilityOf } from '../../privacy/staff-access/visibility.rules.ts';
import { caseHoldersSql, visibleSql } from '../../privacy/staff-access/visibility.sql.ts';
import { caseAccess, type StaffWho, viewerOf } from '../../privacy/staff-access/visibility.ts';
import { decodeCursor, encodeCursor, instantKey } from '../../shared/cursor.ts';
import { NotFound } from '../../shared/errors.ts';
import { escapeLike } from '../../shared/sql.ts';
import { afterSalesCases } from '../schema.ts';
import { nextDeadline } from './case-deadlines.rules.ts';
import {
  customerDeadlineStates,
  deadlineBeforeSql,
  deadlineSettingsOf,
  deadlineView,
  evidenceCompleteSql,
} from './case-deadlines.service.ts';
import { customerWaitMs, deadlineMark } from './case-rules.ts';
import { adminCaseDetail } from './case-views.ts';
import { CASE_FIELDS, showCase } from './case-visibility.ts';
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

const p = (name: string) => sql.placeholder(name);

/**
 * An instant as the API writes it (ISO 8601, UTC, milliseconds), made by PostgreSQL: the page's rows need no
 * Date objects (25 rows × 4 instants parsed and printed again cost more than the query's own CPU).
 */
function isoSql(column: AnyPgColumn) {
  return sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

/**
 * Which filters a request uses and how it sorts: one prepared statement per shape, parsed once per database
 * connection; the values travel as parameters (`me` and a staff id are the same shape).
 */
interface QueueShape {
  sort: ListQuery['sort'];
  dir: ListQuery['dir'];
  state: boolean;
  kind: boolean;
  openedFrom: boolean;
  openedTo: boolean;
  dueWithin: boolean;
  overdue: boolean | undefined;
  whose: ListQuery['whose'];
  assignee: 'unassigned' | 'staff' | undefined;
  productId: boolean;
  product: boolean;
  /**
   * Customer service lists only their own cases and unassigned ones (PV-STF-1); the owner and technicians list
   * every case, so the role needs no other shape.
   */
  ownOrUnassigned: boolean;
  cursor: boolean;
  /** The page size plus the one row that tells whether a next page exists. */
  rows: number;
}

function prepareQueue(db: Db, shape: QueueShape, name: string) {
  const where: SQL[] = [];
  const at = (param: string) => sql`${p(param)}::timestamptz`;
  if (shape.state) where.push(sql`${afterSalesCases.state} = ${p('state')}::case_state`);
  if (shape.kind) where.push(sql`${afterSalesCases.kind} = ${p('kind')}::claim_kind`);
  if (shape.openedFrom) where.push(sql`${afterSalesCases.openedAt} >= ${at('openedFrom')}`);
  if (shape.openedTo) where.push(sql`${afterSalesCases.openedAt} < ${at('openedBefore')}`);
  // The deadline filters in the form the deadline and state indexes serve (the queue's keyset pages stop
  // after 25 rows only if the filter does not have to compute every case's deadline first).
  const days = (setting: 'abandonDays' | 'reminderDays') => sql`${p(setting)}::int`;
  if (shape.dueWithin) where.push(deadlineBeforeSql(at('dueBy'), days));
  if (shape.overdue === true) where.push(deadlineBeforeSql(at('now'), days, { strict: true }));
  if (shape.overdue === false) where.push(sql`not ${deadlineBeforeSql(at('now'), days, { strict: true })}`);
  if (shape.whose === 'shop') where.push(sql`${afterSalesCases.dueAt} is not null`);
  if (shape.whose === 'customer') {
    where.push(
      and(inArray(afterSalesCases.state, customerDeadlineStates), sql`not ${evidenceCompleteSql}`) as SQL,
    );
  }
  if (shape.assignee === 'unassigned') where.push(isNull(afterSalesCases.assignedTo));
  if (shape.assignee === 'staff') where.push(sql`${afterSalesCases.assignedTo} = ${p('assignee')}::uuid`);
  if (shape.ownOrUnassigned) {
    // PV-STF-1 (visibility.sql.ts): the member's own cases, and unassigned ones whose order is unassigned or
    // theirs (an unassigned case of another member's order is that member's). The viewer is a parameter, so
    // one statement serves every member of customer service.
    const visible = visibleSql({ id: p('viewer'), role: 'customer_service', grants: [] }, caseHoldersSql);
    if (visible) where.push(visible);
  }
  if (shape.productId) where.push(sql`${orderLines.productId} = ${p('productId')}::uuid`);
  if (shape.product) {
    where.push(
      or(ilike(orderLines.productName, p('productLike')), ilike(orderLines.sku, p('skuLike'))) as SQL,
    );
  }
  const column = sortColumn[shape.sort];
  if (shape.cursor) {
    const pair = sql`(${column}, ${afterSalesCases.id})`;
    const key = sql`(${p('cursorKey')}::timestamptz, ${p('cursorId')}::uuid)`;
    where.push(shape.dir === 'asc' ? sql`${pair} > ${key}` : sql`${pair} < ${key}`);
  }
  const order = shape.dir === 'asc' ? asc : desc;
  return db
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
      openedAt: isoSql(afterSalesCases.openedAt),
      updatedAt: isoSql(afterSalesCases.updatedAt),
      stateSince: isoSql(afterSalesCases.stateSince),
      dueAt: sql<string | null>`${isoSql(afterSalesCases.dueAt)}`,
      evidenceComplete: evidenceCompleteSql,
      assigneeId: afterSalesCases.assignedTo,
      orderAssigneeId: orders.assignedTo,
      assigneeName: staffUsers.name,
      customerId: orders.customerId,
      customerName: sql<string>`${orders.shippingAddress}->>'name'`,
      customerEmail: orders.email,
    })
    .from(afterSalesCases)
    .innerJoin(orders, eq(orders.id, afterSalesCases.orderId))
    .innerJoin(orderLines, eq(orderLines.id, afterSalesCases.orderLineId))
    .leftJoin(staffUsers, eq(staffUsers.id, afterSalesCases.assignedTo))
    .where(and(...where))
    .orderBy(order(column), order(afterSalesCases.id))
    .limit(literalLimit(shape.rows))
    .prepare(name);
}

function preparedQueue(db: Db, shape: QueueShape) {
  const key = [
    shape.sort,
    shape.dir,
    shape.state ? 's' : '',
    shape.kind ? 'k' : '',
    shape.openedFrom ? 'of' : '',
    shape.openedTo ? 'ot' : '',
    shape.dueWithin ? 'dw' : '',
    shape.overdue === undefined ? '' : shape.overdue ? 'od' : 'nod',
    shape.whose ?? '',
    shape.assignee ?? '',
    shape.productId ? 'pi' : '',
    shape.product ? 'pn' : '',
    shape.ownOrUnassigned ? 'own' : '',
    shape.cursor ? 'after' : '',
    shape.rows,
  ].join('_');
  return oncePerDb(db, `case_queue_${key}`, () => prepareQueue(db, shape, `case_queue_${key}`));
}

/** The day after `day` (YYYY-MM-DD), at midnight UTC. */
function dayAfter(day: string): Date {
  return new Date(new Date(`${day}T00:00:00Z`).getTime() + DAY_MS);
}

/**
 * One page of the staff queue. `staff` answers `assignee=me`. Dates in `openedFrom`/`openedTo` are UTC days,
 * both included; `dueWithinDays` counts from now and includes overdue cases; both deadline filters and `whose`
 * read the next deadline, the shop's or the customer's. Each row carries that deadline (`nextDeadline`). One query, prepared per shape of
 * the request (which filters, which sort); instants are ISO 8601 strings from the database.
 */
export async function listCases(ctx: Ctx, query: ListQuery, staff: StaffWho): Promise<ListPage> {
  const now = ctx.clock.now();
  const viewer = await viewerOf(ctx.db, staff, now);
  const ownOrUnassigned = staff.role === 'customer_service';
  const params: Record<string, unknown> = {};
  if (ownOrUnassigned) params.viewer = staff.id;
  if (query.state) params.state = query.state;
  if (query.kind) params.kind = query.kind;
  if (query.openedFrom) params.openedFrom = `${query.openedFrom}T00:00:00Z`;
  if (query.openedTo) params.openedBefore = dayAfter(query.openedTo).toISOString();
  if (query.dueWithinDays !== undefined) {
    params.dueBy = new Date(now.getTime() + query.dueWithinDays * DAY_MS).toISOString();
  }
  if (query.overdue !== undefined) params.now = now.toISOString();
  const settings = deadlineSettingsOf(ctx.config);
  params.abandonDays = settings.abandonDays;
  params.reminderDays = settings.reminderDays;
  if (query.assignee && query.assignee !== 'unassigned') {
    params.assignee = query.assignee === 'me' ? staff.id : query.assignee;
  }
  if (query.productId) params.productId = query.productId;
  if (query.product) {
    const q = escapeLike(query.product);
    params.productLike = `%${q}%`;
    params.skuLike = `${q}%`;
  }
  const sortName = `${query.sort}:${query.dir}`;
  if (query.cursor) {
    const c = decodeCursor(query.cursor, sortName, query.sort === 'deadline' ? deadlineKey : instantKey);
    params.cursorKey = c.key;
    params.cursorId = c.id;
  }

  const rows = await preparedQueue(ctx.db, {
    sort: query.sort,
    dir: query.dir,
    state: Boolean(query.state),
    kind: Boolean(query.kind),
    openedFrom: Boolean(query.openedFrom),
    openedTo: Boolean(query.openedTo),
    dueWithin: query.dueWithinDays !== undefined,
    overdue: query.overdue,
    whose: query.whose,
    assignee: !query.assignee ? undefined : query.assignee === 'unassigned' ? 'unassigned' : 'staff',
    productId: Boolean(query.productId),
    product: Boolean(query.product),
    ownOrUnassigned,
    cursor: Boolean(query.cursor),
    rows: query.limit + 1,
  }).execute(params);
  const page = rows.length > query.limit ? rows.slice(0, query.limit) : rows;
  const last = page.at(-1);
  const soonDays = ctx.config.CASE_DUE_SOON_DAYS;
  const reads: StaffAccessEntry[] = [];
  const items = page.map((r) => {
    const visibility = visibilityOf(viewer, {
      assignedTo: r.assigneeId,
      alsoHandledBy: [r.orderAssigneeId],
      customerId: r.customerId,
    });
    const full = visibility.kind === 'full';
    if (visibility.kind === 'full') {
      reads.push({
        outcome: 'read',
        recordType: 'case',
        recordId: r.id,
        customerId: r.customerId,
        fields: CASE_FIELDS,
        purpose: visibility.purpose,
        grantId: visibility.grantId,
      });
    }
    const dueAt = r.dueAt === null ? null : new Date(r.dueAt);
    const next = nextDeadline(
      { state: r.state, stateSince: new Date(r.stateSince), dueAt, evidenceComplete: r.evidenceComplete },
      now,
      settings,
    );
    return {
      id: r.id,
      reference: r.reference,
      orderId: r.orderId,
      orderReference: r.orderReference,
      productName: r.productName,
      kind: r.kind,
      state: r.state,
      eligible: r.eligible,
      policyVersion: r.policyVersion,
      openedAt: r.openedAt,
      updatedAt: r.updatedAt,
      stateSince: r.stateSince,
      dueAt: r.dueAt,
      deadlineMark: deadlineMark(dueAt, now, soonDays),
      nextDeadline: next ? deadlineView(next) : null,
      waitingOnCustomerMs: customerWaitMs(r.state, new Date(r.stateSince), now),
      assignee: r.assigneeId && r.assigneeName ? { id: r.assigneeId, name: r.assigneeName } : null,
      customer: full
        ? { name: r.customerName, email: r.customerEmail }
        : { name: initials(r.customerName), email: emailDomain(r.customerEmail) },
      personalData: full ? ('full' as const) : ('masked' as const),
    };
  });
  await recordStaffAccess(ctx.db, staff, now, reads);
  const keyOf = (r: (typeof rows)[number]): string =>
    query.sort === 'opened' ? r.openedAt : query.sort === 'updated' ? r.updatedAt : (r.dueAt ?? 'infinity');
  return {
    items,
    nextCursor: rows.length > query.limit && last ? encodeCursor(sortName, keyOf(last), last.id) : null,
  };
}

/**
 * One case as `staff` may see it (PV-STF-1). Errors: 404 for an unknown case, and 404 with a `refused` audit
 * row for another member's case (customer service).
 */
export async function caseDetail(ctx: Ctx, caseId: string, staff: StaffWho): Promise<AdminCaseDetail> {
  await caseAccess(ctx, staff, caseId, CASE_FIELDS);
  const detail = await adminCaseDetail(ctx.db, caseId, {
    role: staff.role,
    now: ctx.clock.now(),
    soonDays: ctx.config.CASE_DUE_SOON_DAYS,
  });
  if (!detail) throw new NotFound('Case');
  return showCase(ctx, staff, detail);
}
