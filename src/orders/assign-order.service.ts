/**
 * Handing an order to a member of staff, or taking it off everyone (PV-STF-1: the member handling an order is
 * the customer-service member who sees its customer's personal data). Who may move which assignment is
 * assignment.rules.ts; the assignee must be an active member. The assignment is a timeline row of its own.
 */
import { eq } from 'drizzle-orm';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/client.ts';
import { assignee as assigneeOf } from '../privacy/staff-access/assignee.ts';
import { assignmentRefusal } from '../privacy/staff-access/assignment.rules.ts';
import { orderAccess, type StaffWho } from '../privacy/staff-access/visibility.ts';
import { AppError, NotFound } from '../shared/errors.ts';
import { recordOrderEvent } from './order-events.ts';
import { loadAdminOrderDetail } from './order-view.ts';
import { ORDER_FIELDS, showOrder } from './order-visibility.ts';
import { orders } from './schema.ts';
import type { AdminOrderDetail } from './schemas.ts';

/**
 * Assigns order `orderId` to `staffId` (null: unassigned). Errors: 404 for an unknown order or another
 * member's order a customer-service member may not see; 403 (PV-STF-1) when `by`'s role may not make this
 * move (customer service takes unassigned orders for themselves and gives back their own; technicians do not
 * assign); 404 on `staffId` for an unknown member, 400 on `staffId` for one who has left (PV-STF-2).
 */
export async function assignOrder(
  ctx: Pick<AppContext, 'db' | 'clock'>,
  orderId: string,
  staffId: string | null,
  by: StaffWho,
): Promise<AdminOrderDetail> {
  await orderAccess(ctx, by, orderId, ORDER_FIELDS);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const [order] = await tx
      .select({ id: orders.id, status: orders.status, assignedTo: orders.assignedTo })
      .from(orders)
      .where(eq(orders.id, orderId))
      .for('update');
    if (!order) throw new NotFound('Order');
    // Re-checked on the locked row: another member may have taken it since the read above.
    const refusal = assignmentRefusal(by, order.assignedTo, staffId, 'order');
    if (refusal) throw new AppError('forbidden', refusal, { clause: 'PV-STF-1' });
    let assignee: { id: string; name: string } | null = null;
    if (staffId) assignee = await assigneeOf(tx, staffId, 'order');
    if (order.assignedTo === (assignee?.id ?? null)) return;
    await writeOrderAssignee(tx, order, { assignedTo: assignee }, by, now);
  });
  return showOrder(ctx, by, (await loadAdminOrderDetail(ctx.db, orderId)) as AdminOrderDetail);
}

/**
 * Writes an assignment inside `tx`: `order` goes to `data.assignedTo` (null: unassigned) and its timeline gains
 * an 'assigned' row by `by` at `now` carrying `data` (the status does not move). Who may make the move is the
 * caller's check; assignOrder and a leaving member's release (release-assignments.ts) both write through here.
 */
export async function writeOrderAssignee(
  tx: Db,
  order: Pick<typeof orders.$inferSelect, 'id' | 'status'>,
  data: Record<string, unknown> & { assignedTo: { id: string; name: string } | null },
  by: Pick<StaffWho, 'id' | 'name'>,
  now: Date,
): Promise<void> {
  await tx
    .update(orders)
    .set({ assignedTo: data.assignedTo?.id ?? null, updatedAt: now })
    .where(eq(orders.id, order.id));
  await recordOrderEvent(tx, {
    orderId: order.id,
    type: 'assigned',
    from: order.status,
    to: order.status,
    actor: { type: 'staff', id: by.id, name: by.name },
    data,
    at: now,
  });
}
