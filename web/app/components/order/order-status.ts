/** How an order's status and timeline read for the customer. */
export const statusLabels: Record<string, string> = {
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

export function eventLabel(type: string): string {
  return eventLabels[type] ?? type.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
}
