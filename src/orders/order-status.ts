/**
 * An order's lifecycle as data: one table of allowed moves drives the 409 message, the back office's
 * buttons (`allowedNext`) and the tests. Pure: no database, no clock.
 */
import { Conflict } from '../shared/errors.ts';

export const orderStatuses = ['placed', 'paid', 'shipped', 'delivered', 'completed', 'cancelled'] as const;
export type OrderStatus = (typeof orderStatuses)[number];

export const orderTransitions: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  placed: ['paid', 'cancelled'],
  paid: ['shipped', 'cancelled'],
  shipped: ['delivered'],
  delivered: ['completed'],
  completed: [],
  cancelled: [],
};

export function allowedNext(from: OrderStatus): readonly OrderStatus[] {
  return orderTransitions[from];
}

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return orderTransitions[from].includes(to);
}

/** The new status, or a 409 that names the moves the order does allow. */
export function transition(from: OrderStatus, to: OrderStatus): OrderStatus {
  if (canTransition(from, to)) return to;
  const allowed = orderTransitions[from];
  const next = allowed.length > 0 ? `allowed next: ${allowed.join(', ')}` : `${from} is final`;
  throw new Conflict(`An order that is ${from} cannot become ${to}; ${next}`, {
    field: 'status',
    from,
    to,
    allowed: [...allowed],
  });
}
