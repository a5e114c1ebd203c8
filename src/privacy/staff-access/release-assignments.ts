/**
 * PV-STF-2 with PV-STF-1: a member who leaves gives back every case and order assigned to them, finished or
 * not. Assignment decides who sees a customer's data: a record still assigned to a deactivated member would stay
 * hidden from every other customer-service member, and by visibilityOf an unassigned order whose case a leaver
 * keeps (even a closed case) would too, with any new question about it. Released, each record is unassigned and
 * back in the queue, masked until someone takes it. Each release is a timeline row as an assignment change by
 * `by` (the owner who deactivated the member), whose detail (`leaveReleaseDetail`) says the member left.
 */
import { eq } from 'drizzle-orm';
import { writeCaseAssignee } from '../../aftersales/cases/assign-case.service.ts';
import { afterSalesCases } from '../../aftersales/schema.ts';
import type { Db } from '../../db/client.ts';
import { writeOrderAssignee } from '../../orders/assign-order.service.ts';
import { orders } from '../../orders/schema.ts';
import { leaveReleaseDetail } from './assignment.rules.ts';
import type { StaffWho } from './visibility.ts';

/**
 * Unassigns all of `member`'s cases and orders at `now` inside the caller's transaction `tx` (the
 * deactivation's), with one timeline row each in the name of `by`. Returns how many of each were released.
 */
export async function releaseAssignments(
  tx: Db,
  member: { id: string; name: string },
  by: StaffWho,
  now: Date,
): Promise<{ cases: number; orders: number }> {
  const heldCases = await tx
    .select({ id: afterSalesCases.id, state: afterSalesCases.state })
    .from(afterSalesCases)
    .where(eq(afterSalesCases.assignedTo, member.id))
    .orderBy(afterSalesCases.id)
    .for('update');
  const heldOrders = await tx
    .select({ id: orders.id, status: orders.status })
    .from(orders)
    .where(eq(orders.assignedTo, member.id))
    .orderBy(orders.id)
    .for('update');
  const detail = leaveReleaseDetail(member);

  for (const c of heldCases) await writeCaseAssignee(tx, c, { ...detail }, by, now);
  for (const o of heldOrders) await writeOrderAssignee(tx, o, { ...detail }, by, now);
  return { cases: heldCases.length, orders: heldOrders.length };
}
