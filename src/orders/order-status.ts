/**
 * An order's lifecycle as data: one table of allowed moves drives the 409 message, the back office's
 * buttons (`allowedNext`) and the tests. Pure: no database, no clock.
 */
import { defineLifecycle } from '../shared/lifecycle.ts';

export const orderStatuses = ['placed', 'paid', 'shipped', 'delivered', 'completed', 'cancelled'] as const;
export type OrderStatus = (typeof orderStatuses)[number];

export const orderLifecycle = defineLifecycle<OrderStatus>('order', {
  placed: ['paid', 'cancelled'],
  paid: ['shipped', 'cancelled'],
  shipped: ['delivered'],
  delivered: ['completed'],
  completed: [],
  cancelled: [],
});

export const orderTransitions = orderLifecycle.table;

export function allowedNext(from: OrderStatus): readonly OrderStatus[] {
  return orderLifecycle.allowedNext(from);
}

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return orderLifecycle.canTransition(from, to);
}

/** The new status, or a 409 that names the moves the order does allow. */
export function transition(from: OrderStatus, to: OrderStatus): OrderStatus {
  return orderLifecycle.transition(from, to);
}
