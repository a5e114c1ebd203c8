/**
 * The back office's reads: the order list (filters, cursor pages, newest first) and one order's detail, both
 * through the PV-STF-1 visibility filter: a customer-service member lists their own orders (and those of the
 * cases they handle) in full and unassigned ones masked, never another member's; technicians list every order
 * masked unless a maintenance grant covers its customer; the owner sees everything. Each row shown in full
 * writes one audit row.
 */
import { and, desc, eq, gte, ilike, lt, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { staffUsers } from '../accounts/schema.ts';
import type { AppContext } from '../context.ts';
import { recordStaffAccess, type StaffAccessEntry } from '../privacy/staff-access/record-access.ts';
import {
  emailDomain,
  initials,
  seesEveryone,
  visibilityOf,
} from '../privacy/staff-access/visibility.rules.ts';
import {
  fullSql,
  handlesLinkedSql,
  orderHoldersSql,
  visibleSql,
} from '../privacy/staff-access/visibility.sql.ts';
import { orderAccess, type StaffWho, viewerOf } from '../privacy/staff-access/visibility.ts';
import { decodeCursor, encodeCursor, instantKey } from '../shared/cursor.ts';
import { NotFound } from '../shared/errors.ts';
import { escapeLike } from '../shared/sql.ts';
import { loadAdminOrderDetail } from './order-view.ts';
import { ORDER_FIELDS, showOrder } from './order-visibility.ts';
import { orders } from './schema.ts';
import type { AdminOrderDetail, adminListQuery, adminOrderListResponse } from './schemas.ts';

type ListQuery = z.output<typeof adminListQuery>;
type ListPage = z.infer<typeof adminOrderListResponse>;
type Ctx = Pick<AppContext, 'db' | 'clock'>;

/**
 * One page of orders as `staff` may see them. `q` matches the reference, and the email only where the member
 * sees the email (the owner, an 'all' grant, a customer-service member's own orders): a search by email must
 * not tell who ordered what through masked rows.
 */
export async function listOrders(ctx: Ctx, query: ListQuery, staff: StaffWho): Promise<ListPage> {
  const now = ctx.clock.now();
  const viewer = await viewerOf(ctx.db, staff, now);
  // PV-STF-1 (visibility.sql.ts): customer service lists their own orders (and those of the cases they handle)
  // and unassigned ones no other member handles a case of; `full` is where their email shows.
  const full = fullSql(viewer, orderHoldersSql);
  const handlesCase = handlesLinkedSql(staff.id, orderHoldersSql.alsoHandledBy);
  const where: SQL[] = [];
  const visible = visibleSql(viewer, orderHoldersSql);
  if (visible) where.push(visible);
  if (query.status) where.push(eq(orders.status, query.status));
  if (query.q) {
    const q = escapeLike(query.q);
    const byEmail = ilike(orders.email, `%${q}%`);
    const emailShown = seesEveryone(viewer)
      ? byEmail
      : staff.role === 'customer_service'
        ? and(byEmail, full)
        : null;
    where.push(
      (emailShown
        ? or(ilike(orders.reference, `${q}%`), emailShown)
        : ilike(orders.reference, `${q}%`)) as SQL,
    );
  }
  if (query.from) where.push(gte(orders.placedAt, new Date(query.from)));
  if (query.to) where.push(lt(orders.placedAt, new Date(query.to)));
  if (query.cursor) {
    const c = decodeCursor(query.cursor, 'newest', instantKey);
    where.push(sql`(${orders.placedAt}, ${orders.id}) < (${c.key}::timestamptz, ${c.id}::uuid)`);
  }
  const rows = await ctx.db
    .select({
      id: orders.id,
      reference: orders.reference,
      email: orders.email,
      customerName: sql<string>`${orders.shippingAddress}->>'name'`,
      status: orders.status,
      totalCents: orders.totalCents,
      paymentMethod: orders.paymentMethod,
      shippingMethod: orders.shippingMethod,
      placedAt: orders.placedAt,
      customerId: orders.customerId,
      assigneeId: orders.assignedTo,
      assigneeName: staffUsers.name,
      handlesCase,
    })
    .from(orders)
    .leftJoin(staffUsers, eq(staffUsers.id, orders.assignedTo))
    .where(and(...where))
    .orderBy(desc(orders.placedAt), desc(orders.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const reads: StaffAccessEntry[] = [];
  const items = page.map(({ customerId, assigneeId, assigneeName, handlesCase: handles, ...r }) => {
    const visibility = visibilityOf(viewer, {
      assignedTo: assigneeId,
      alsoHandledBy: handles && assigneeId === null ? [staff.id] : [],
      customerId,
    });
    const row = {
      ...r,
      currency: 'USD' as const,
      placedAt: r.placedAt.toISOString(),
      assignee: assigneeId && assigneeName ? { id: assigneeId, name: assigneeName } : null,
    };
    if (visibility.kind !== 'full') {
      return {
        ...row,
        email: emailDomain(r.email),
        customerName: initials(r.customerName),
        personalData: 'masked' as const,
      };
    }
    reads.push({
      outcome: 'read',
      recordType: 'order',
      recordId: r.id,
      customerId,
      fields: ['name', 'email'],
      purpose: visibility.purpose,
      grantId: visibility.grantId,
    });
    return { ...row, personalData: 'full' as const };
  });
  await recordStaffAccess(ctx.db, staff, now, reads);
  return {
    items,
    nextCursor:
      rows.length > query.limit && last ? encodeCursor('newest', last.placedAt.toISOString(), last.id) : null,
  };
}

/**
 * One order as `staff` may see it. Errors: 404 for an unknown order, and 404 with a `refused` audit row for
 * another member's order (customer service, PV-STF-1).
 */
export async function orderDetail(ctx: Ctx, orderId: string, staff: StaffWho): Promise<AdminOrderDetail> {
  await orderAccess(ctx, staff, orderId, ORDER_FIELDS);
  const detail = await loadAdminOrderDetail(ctx.db, orderId);
  if (!detail) throw new NotFound('Order');
  return showOrder(ctx, staff, detail);
}
