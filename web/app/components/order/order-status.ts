/**
 * How an order's status, timeline and payment method read, for customers and staff alike: raw values such as
 * `bank_transfer` never reach a screen.
 */
import type { OrderStatus } from '../../../../src/orders/order-status.ts';

export const statusLabels: Record<OrderStatus, string> = {
  placed: 'Placed',
  paid: 'Paid',
  shipped: 'Shipped',
  delivered: 'Delivered',
  completed: 'Completed',
  cancelled: 'Cancelled',
};

export const eventLabels: Record<string, string> = {
  placed: 'Order placed',
  paid: 'Payment received',
  payment_captured: 'Payment confirmed',
  refund_requested: 'Refund started',
  refund_owed: 'Refund due by bank transfer',
  refunded: 'Refunded',
  shipped: 'Shipped',
  delivered: 'Delivered',
  completed: 'Completed',
  cancelled: 'Cancelled',
};

/** `order_placed` → "Order placed": the last resort for a code without a label, never the raw code. */
export function humanize(code: string): string {
  const words = code.replace(/[_.-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function eventLabel(type: string): string {
  return eventLabels[type] ?? humanize(type);
}

/** Payment methods and states have one wording, shared with the back office and the emails. */
export { paymentMethodLabel } from '../../../../src/orders/payments/payment-labels.ts';
