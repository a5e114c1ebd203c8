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
  shipped: 'Shipped',
  delivered: 'Delivered',
  completed: 'Completed',
  cancelled: 'Cancelled',
};

export function eventLabel(type: string): string {
  return eventLabels[type] ?? type.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
}

export const paymentMethodLabels: Record<string, string> = {
  bank_transfer: 'Bank transfer',
  test_card: 'Card',
};

export const paymentStatusLabels: Record<string, string> = {
  pending: 'awaiting payment',
  authorized: 'authorised, being confirmed',
  captured: 'paid',
  failed: 'failed',
  voided: 'cancelled',
};
