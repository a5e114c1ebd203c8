/**
 * Formatting and parsing at the edge of the back office. Money and dates are written as everywhere else in the
 * shop (src/shared/format.ts: "$1,234.56", "10 Jan 2026 09:30 UTC"), so staff read the same instant a
 * customer's email or the after-sales deadlines name; the labels of order states and payment methods are the
 * storefront's.
 */
import type { MailQueue, MailStatus, OrderStatus } from '../../lib/admin-api.ts';
import { humanize, paymentMethodLabel, statusLabels } from '../order/order-status.ts';
import type { Tone } from '../ui/Badge.tsx';

export { formatDate, formatDateTime, formatUsd } from '../../../../src/shared/format.ts';
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

/**
 * Where an email is: "Waiting in the outbox" when the shop has no SMTP server (nothing will send it), "Waiting
 * to be sent" when it has one; "Sent"; "Failed" after the last attempt.
 */
export function mailStatusLabel(status: MailStatus, delivery: 'smtp' | 'outbox' | undefined): string {
  if (status === 'pending') return delivery === 'outbox' ? 'Waiting in the outbox' : 'Waiting to be sent';
  return status === 'sent' ? 'Sent' : 'Failed';
}

const mailTemplates: Record<string, string> = {
  order_placed: 'Order confirmation',
  order_shipped: 'Shipping notice',
  order_cancelled: 'Cancellation notice',
};

/** The kind of an email ("Order confirmation"), never its template code. */
export function mailTemplateLabel(template: string): string {
  return mailTemplates[template] ?? humanize(template);
}

const emails = (n: number) => `${n} ${n === 1 ? 'email' : 'emails'}`;

/**
 * Where the shop's mail is. Without SMTP_URL nothing is ever sent, so waiting emails are not "on their way":
 * the sentence says they sit in the outbox and why.
 */
export function mailQueueSentence(q: MailQueue): string {
  const failed = q.failed > 0 ? ` ${emails(q.failed)} failed: look at them.` : '';
  if (q.delivery === 'outbox') {
    const waiting =
      q.pending > 0
        ? `${emails(q.pending)} ${q.pending === 1 ? 'is' : 'are'} waiting in the outbox, unsent`
        : 'Emails stay in the outbox, unsent';
    return `${waiting}: no mail server (SMTP_URL) is configured.${failed}`;
  }
  const sent =
    q.pending > 0 ? `${emails(q.pending)} on the way to the mail server.` : 'Every email went out.';
  return `${sent}${failed}`;
}
