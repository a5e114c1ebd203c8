import { eq, max } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { uuidv7 } from '../shared/ids.ts';
import type { OrderStatus } from './order-status.ts';
import { orderEvents } from './schema.ts';

/** Who made a change: a staff member, the customer, the shop itself or the payment processor. */
export type Actor =
  | { type: 'staff'; id: string; name: string }
  | { type: 'customer' }
  | { type: 'system' }
  | { type: 'payment_processor'; name: string };

export interface OrderEventInput {
  orderId: string;
  type: string;
  from?: OrderStatus | null;
  to?: OrderStatus | null;
  actor: Actor;
  data?: Record<string, unknown> | null;
  at: Date;
  /** The order's first event (it was just created): there is no earlier one to come after. */
  first?: boolean;
}

export type OrderEventRow = typeof orderEvents.$inferSelect;

/**
 * One timeline row; call it in the transaction that makes the change, with the order row locked. Two changes
 * in the same millisecond would sort at random, so a row is never timed before the order's previous one.
 */
export async function recordOrderEvent(tx: Db, event: OrderEventInput): Promise<OrderEventRow> {
  let previous = Number.NEGATIVE_INFINITY;
  if (!event.first) {
    const [last] = await tx
      .select({ at: max(orderEvents.createdAt) })
      .from(orderEvents)
      .where(eq(orderEvents.orderId, event.orderId));
    if (last?.at) previous = new Date(last.at).getTime();
  }
  const at = new Date(Math.max(event.at.getTime(), previous + 1));
  const [row] = await tx
    .insert(orderEvents)
    .values({
      id: uuidv7(at.getTime()),
      orderId: event.orderId,
      type: event.type,
      fromStatus: event.from ?? null,
      toStatus: event.to ?? null,
      actorType: event.actor.type,
      actorId: event.actor.type === 'staff' ? event.actor.id : null,
      actorName:
        event.actor.type === 'staff' || event.actor.type === 'payment_processor' ? event.actor.name : null,
      data: event.data ?? null,
      createdAt: at,
    })
    .returning();
  return row as OrderEventRow;
}
