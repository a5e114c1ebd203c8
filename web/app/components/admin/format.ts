/**
 * Formatting and parsing at the edge of the back office. Money and dates are written as everywhere else in the
 * shop (src/shared/format.ts: "$1,234.56", "10 Jan 2026 09:30 UTC"), so staff read the same instant a
 * customer's email or the after-sales deadlines name; the labels of order states and payment methods are the
 * storefront's.
 */
import type { MailStatus, OrderStatus } from '../../lib/admin-api.ts';
import { humanize, paymentMethodLabel, statusLabels } from '../order/order-status.ts';
import type { Tone } from '../ui/Badge.tsx';

export { formatDate, formatDateTime, formatUsd } from '../../../../src/shared/format.ts';
export { mailQueueSentence, mailStatusLabel, mailTemplateLabel } from './mail-labels.ts';
export { humanize, paymentMethodLabel };

/**
 * Dollars typed by a person ("1,299.5", "$12", "12.30") → integer cents, without floating point; null when it
 * is not an amount with at most two decimals.
 */
export function dollarsToCents(text: string): number | null {
  const match = /^\s*\$?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?\s*$/.exec(text);
  if (!match) return null;
  const whole = Number((match[1] as string).replaceAll(',', ''));
  const fraction = Number((match[2] ?? '').padEnd(2, '0'));
  const cents = whole * 100 + fraction;
  return Number.isSafeInteger(cents) ? cents : null;
}

/** Integer cents → the plain dollar amount an input shows ("1299.50"). */
export function centsToDollars(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** A staff member's date input (YYYY-MM-DD, their day) → the instant it starts, as ISO. */
export function startOfLocalDay(date: string, addDays = 0): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return undefined;
  const day = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + addDays);
  return Number.isNaN(day.getTime()) ? undefined : day.toISOString();
}

/** Today in the staff member's time zone, as a date input's value. */
export function todayInput(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export const orderStatusLabel: Record<OrderStatus, string> = statusLabels;

export const orderStatusTone: Record<OrderStatus, Tone> = {
  placed: 'neutral',
  paid: 'warning',
  shipped: 'info',
  delivered: 'success',
  completed: 'success',
  cancelled: 'danger',
};

export const mailStatusTone: Record<MailStatus, Tone> = {
  pending: 'info',
  sent: 'success',
  failed: 'danger',
};
