/**
 * PV-STF-1, the I/O around visibility.rules.ts: who is looking (with their maintenance grants), whose a case or
 * an order is, and the refusal that answers 404 and still leaves its audit row.
 */
import { and, eq, isNotNull } from 'drizzle-orm';
import type { StaffPrincipal } from '../../accounts/staff.service.ts';
import { afterSalesCases } from '../../aftersales/schema.ts';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { orders } from '../../orders/schema.ts';
import { NotFound } from '../../shared/errors.ts';
import { activeGrants } from './active-grants.ts';
import { recordStaffAccess } from './record-access.ts';
import type { AccessRecordType } from './schema.ts';
import { type RecordHolders, type Viewer, type Visibility, visibilityOf } from './visibility.rules.ts';

export type StaffWho = Pick<StaffPrincipal, 'id' | 'name' | 'role'>;

/** The viewer of `staff` at `now`: only technicians hold maintenance grants, so only theirs are read. */
export async function viewerOf(db: Db, staff: StaffWho, now: Date): Promise<Viewer> {
  return {
    id: staff.id,
    role: staff.role,
    grants: staff.role === 'technician' ? await activeGrants(db, staff.id, now) : [],
  };
}

/** Who holds case `caseId` (its assignee, and its order's) and whose it is; null for no such case. */
export async function caseHolders(
  db: Db,
  caseId: string,
): Promise<(RecordHolders & { orderId: string }) | null> {
  const [row] = await db
    .select({
      assignedTo: afterSalesCases.assignedTo,
      customerId: orders.customerId,
      orderId: afterSalesCases.orderId,
      orderAssignee: orders.assignedTo,
    })
    .from(afterSalesCases)
    .innerJoin(orders, eq(orders.id, afterSalesCases.orderId))
    .where(eq(afterSalesCases.id, caseId));
  if (!row) return null;
  const { orderAssignee, ...holders } = row;
  return { ...holders, alsoHandledBy: [orderAssignee] };
}

/** Who holds order `orderId` (its assignee and its cases' assignees) and whose it is; null for no such order. */
export async function orderHolders(db: Db, orderId: string): Promise<RecordHolders | null> {
  const [row] = await db
    .select({ assignedTo: orders.assignedTo, customerId: orders.customerId })
    .from(orders)
    .where(eq(orders.id, orderId));
  if (!row) return null;
  const cases = await db
    .select({ assignedTo: afterSalesCases.assignedTo })
    .from(afterSalesCases)
    .where(and(eq(afterSalesCases.orderId, orderId), isNotNull(afterSalesCases.assignedTo)));
  return { ...row, alsoHandledBy: cases.map((c) => c.assignedTo) };
}

/**
 * Records the refusal with `ctx.db` (outside any transaction, so the row survives the error) and throws the
 * 404 a missing record gets: a 403 would tell the member that the record exists.
 */
export async function refuse(
  ctx: Pick<AppContext, 'db' | 'clock'>,
  staff: StaffWho,
  what: { recordType: AccessRecordType; recordId: string; customerId: string | null; fields: string[] },
  notFound: string,
): Promise<never> {
  await recordStaffAccess(ctx.db, staff, ctx.clock.now(), [{ outcome: 'refused', ...what }]);
  throw new NotFound(notFound);
}

export interface Access {
  viewer: Viewer;
  visibility: Visibility;
  holders: RecordHolders;
}

/**
 * What `staff` may see of case `caseId`: 404 for no such case, and 404 with a `refused` audit row for a case
 * assigned to another member.
 */
export async function caseAccess(
  ctx: Pick<AppContext, 'db' | 'clock'>,
  staff: StaffWho,
  caseId: string,
  fields: string[],
  recordType: AccessRecordType = 'case',
): Promise<Access> {
  const holders = await caseHolders(ctx.db, caseId);
  if (!holders) return refuse(ctx, staff, { recordType, recordId: caseId, customerId: null, fields }, 'Case');
  const viewer = await viewerOf(ctx.db, staff, ctx.clock.now());
  const visibility = visibilityOf(viewer, holders);
  if (visibility.kind === 'hidden') {
    await refuse(
      ctx,
      staff,
      { recordType, recordId: caseId, customerId: holders.customerId, fields },
      'Case',
    );
  }
  return { viewer, visibility, holders };
}

/** As `caseAccess`, for order `orderId`. */
export async function orderAccess(
  ctx: Pick<AppContext, 'db' | 'clock'>,
  staff: StaffWho,
  orderId: string,
  fields: string[],
): Promise<Access> {
  const holders = await orderHolders(ctx.db, orderId);
  if (!holders) {
    return refuse(ctx, staff, { recordType: 'order', recordId: orderId, customerId: null, fields }, 'Order');
  }
  const viewer = await viewerOf(ctx.db, staff, ctx.clock.now());
  const visibility = visibilityOf(viewer, holders);
  if (visibility.kind === 'hidden') {
    await refuse(
      ctx,
      staff,
      { recordType: 'order', recordId: orderId, customerId: holders.customerId, fields },
      'Order',
    );
  }
  return { viewer, visibility, holders };
}

/**
 * Message texts and evidence files: only with full visibility (the member's own record, the owner, a
 * technician's grant); otherwise 404 and a `refused` row. Returns the visibility to record the read with.
 */
export async function requireFullCaseAccess(
  ctx: Pick<AppContext, 'db' | 'clock'>,
  staff: StaffWho,
  caseId: string,
  field: 'messages' | 'evidence',
  notFound = 'Case',
): Promise<Access & { visibility: Extract<Visibility, { kind: 'full' }> }> {
  const recordType: AccessRecordType = field === 'evidence' ? 'evidence' : 'case';
  const access = await caseAccess(ctx, staff, caseId, [field], recordType);
  if (access.visibility.kind !== 'full') {
    await refuse(
      ctx,
      staff,
      {
        recordType,
        recordId: caseId,
        customerId: access.holders.customerId,
        fields: [field],
      },
      notFound,
    );
  }
  return access as Access & { visibility: Extract<Visibility, { kind: 'full' }> };
}

/**
 * As `requireFullCaseAccess`, for an order's questions (their texts are messages): only with full visibility
 * of the order, otherwise 404 naming `notFound` and a `refused` row.
 */
export async function requireFullOrderAccess(
  ctx: Pick<AppContext, 'db' | 'clock'>,
  staff: StaffWho,
  orderId: string,
  field: 'messages',
  notFound: string,
): Promise<Access & { visibility: Extract<Visibility, { kind: 'full' }> }> {
  const holders = await orderHolders(ctx.db, orderId);
  const viewer = await viewerOf(ctx.db, staff, ctx.clock.now());
  const visibility = holders ? visibilityOf(viewer, holders) : ({ kind: 'hidden' } as const);
  if (!holders || visibility.kind !== 'full') {
    await refuse(
      ctx,
      staff,
      { recordType: 'order', recordId: orderId, customerId: holders?.customerId ?? null, fields: [field] },
      notFound,
    );
  }
  return { viewer, visibility, holders } as Access & { visibility: Extract<Visibility, { kind: 'full' }> };
}
