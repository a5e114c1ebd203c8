/**
 * PV-STF-2 with PV-STF-1: a member who leaves gives back their open cases and orders. Assignment decides who
 * sees a customer's data, so a record still assigned to a deactivated member would stay hidden from every
 * other customer-service member (only the owner would see it); released, it is unassigned and back in the
 * queue for the others to take. Which records go is `releasedOnLeave`; each release is a timeline row as an
 * assignment change by `by` (the owner who deactivated the member) is.
 */
import { eq, inArray } from 'drizzle-orm';
import { isOpenCase } from '../../aftersales/cases/case-lifecycle.ts';
import { afterSalesCaseEvents, afterSalesCases } from '../../aftersales/schema.ts';
import type { Db } from '../../db/client.ts';
import { recordOrderEvent } from '../../orders/order-events.ts';
import { orders } from '../../orders/schema.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { releasedOnLeave } from './assignment.rules.ts';
import type { StaffWho } from './visibility.ts';

/** An order no one works on any more (orderLifecycle: no move out of it). */
const finishedOrderStatuses = ['completed', 'cancelled'] as const;

/**
 * Unassigns `memberId`'s open cases and orders at `now` inside the caller's transaction `tx` (the
 * deactivation's), with one timeline row each in the name of `by`. Returns how many of each were released.
 */
export async function releaseAssignments(
  tx: Db,
  memberId: string,
  by: StaffWho,
  now: Date,
): Promise<{ cases: number; orders: number }> {
  const heldCases = await tx
    .select({ id: afterSalesCases.id, state: afterSalesCases.state, orderId: afterSalesCases.orderId })
    .from(afterSalesCases)
    .where(eq(afterSalesCases.assignedTo, memberId))
    .orderBy(afterSalesCases.id)
    .for('update');
  const heldOrders = await tx
    .select({ id: orders.id, status: orders.status })
    .from(orders)
    .where(eq(orders.assignedTo, memberId))
    .orderBy(orders.id)
    .for('update');
  const openCaseOrders =
    heldOrders.length === 0
      ? []
      : await tx
          .select({ orderId: afterSalesCases.orderId, state: afterSalesCases.state })
          .from(afterSalesCases)
          .where(
            inArray(
              afterSalesCases.orderId,
              heldOrders.map((o) => o.id),
            ),
          );
  const { caseIds, orderIds } = releasedOnLeave(
    heldCases.map((c) => ({ id: c.id, open: isOpenCase(c.state) })),
    heldOrders.map((o) => ({
      id: o.id,
      open: !(finishedOrderStatuses as readonly string[]).includes(o.status),
    })),
    new Set(openCaseOrders.filter((c) => isOpenCase(c.state)).map((c) => c.orderId)),
  );

  for (const c of heldCases.filter((h) => caseIds.includes(h.id))) {
    await tx
      .update(afterSalesCases)
      .set({ assignedTo: null, updatedAt: now })
      .where(eq(afterSalesCases.id, c.id));
    await tx.insert(afterSalesCaseEvents).values({
      id: uuidv7(now.getTime()),
      caseId: c.id,
      at: now,
      actorType: 'staff',
      actorId: by.id,
      actorName: by.name,
      action: 'assign',
      fromState: c.state,
      toState: c.state,
      details: { assignedTo: null },
    });
  }
  for (const o of heldOrders.filter((h) => orderIds.includes(h.id))) {
    await tx.update(orders).set({ assignedTo: null, updatedAt: now }).where(eq(orders.id, o.id));
    await recordOrderEvent(tx, {
      orderId: o.id,
      type: 'assigned',
      from: o.status,
      to: o.status,
      actor: { type: 'staff', id: by.id, name: by.name },
      data: { assignedTo: null },
      at: now,
    });
  }
  return { cases: caseIds.length, orders: orderIds.length };
}
