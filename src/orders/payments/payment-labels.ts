/**
 * The one wording of payment methods, payment states and refunds, for the customer (order page, emails) and
 * for staff (back office). Every screen and email renders payments through these functions, so a raw value
 * such as `bank_transfer` or `captured` never reaches a person, and a bank transfer not yet received never
 * reads as paid. Pure: no I/O; the web app imports it too.
 */
import { formatUsd } from '../../shared/money.ts';
import type { PaymentStatus, RefundStatus } from './payment-lifecycle.ts';

export type Audience = 'customer' | 'staff';

const methodLabels: Record<string, string> = {
  bank_transfer: 'Bank transfer',
  test_card: 'Card',
  replacement: 'Free replacement',
};

/** "Bank transfer", "Card"; an unknown method reads as "Other payment method", never as its code. */
export function paymentMethodLabel(method: string): string {
  return methodLabels[method] ?? 'Other payment method';
}

type Wording = Record<Audience, string>;

const cardStates: Record<PaymentStatus, Wording> = {
  pending: { customer: 'Being confirmed', staff: 'Awaiting the processor' },
  authorized: { customer: 'Authorised, being confirmed', staff: 'Authorised, not yet charged' },
  captured: { customer: 'Paid', staff: 'Paid' },
  partially_refunded: { customer: 'Partly refunded', staff: 'Partly refunded' },
  refunded: { customer: 'Refunded', staff: 'Refunded' },
  failed: { customer: 'Failed', staff: 'Failed' },
  voided: { customer: 'Not charged (released)', staff: 'Authorisation released, not charged' },
};

const transferStates: Record<PaymentStatus, Wording> = {
  pending: { customer: 'Awaiting your transfer', staff: 'Awaiting transfer, not received' },
  authorized: { customer: 'Awaiting your transfer', staff: 'Awaiting transfer, not received' },
  captured: { customer: 'Received', staff: 'Received' },
  partially_refunded: { customer: 'Partly refunded', staff: 'Partly refunded' },
  refunded: { customer: 'Refunded', staff: 'Refunded' },
  failed: { customer: 'Failed', staff: 'Failed' },
  voided: { customer: 'Not paid (order cancelled)', staff: 'Never received (order cancelled)' },
};

/** "Paid", "Awaiting your transfer", "Authorisation released, not charged"… for a payment of this method. */
export function paymentStatusLabel(method: string, status: PaymentStatus, audience: Audience): string {
  // A replacement order takes no payment at all: it never reads as "being confirmed" or "awaiting".
  if (method === 'replacement') return 'Nothing to pay';
  const table = method === 'bank_transfer' ? transferStates : cardStates;
  return table[status][audience];
}

/** A refund as its label function needs it. */
export interface RefundLike {
  /** The payment method it goes back to: 'test_card' refunds to the card, 'bank_transfer' by transfer. */
  method: string;
  status: RefundStatus;
  amountCents: number;
  /** The processor's refund id, or the reference of the bank transfer staff made. */
  reference?: string | null;
}

/** A badge-sized state of a refund: "Pending at the processor", "Owed: transfer to make"… */
export function refundStatusLabel(refund: Pick<RefundLike, 'method' | 'status'>, audience: Audience): string {
  const card = refund.method !== 'bank_transfer';
  switch (refund.status) {
    case 'pending':
      return audience === 'staff' ? 'Pending at the card processor' : 'In progress';
    case 'owed':
      return audience === 'staff' ? 'Owed: transfer to make' : 'We will transfer it';
    case 'succeeded':
      return card ? 'Refunded to the card' : 'Transferred back';
    case 'failed':
      // The customer is not asked to act on a processor's failure: staff retry it.
      return audience === 'staff' ? 'Failed: retry' : 'In progress';
  }
}

/**
 * The sentence that says what happens to the money: "Refunded $12.00 to your card.", "We will transfer
 * $12.00 back to you.", or for staff "Transfer $12.00 back to the customer, then enter its reference.".
 */
export function refundSentence(refund: RefundLike, audience: Audience): string {
  const amount = formatUsd(refund.amountCents);
  const card = refund.method !== 'bank_transfer';
  if (audience === 'customer') {
    switch (refund.status) {
      case 'succeeded':
        return card
          ? `Refunded ${amount} to your card. Banks take up to 10 days to show it.`
          : `We transferred ${amount} back to you${refund.reference ? ` (transfer reference ${refund.reference})` : ''}.`;
      case 'owed':
        return `We will transfer ${amount} back to the account you paid from.`;
      case 'pending':
      case 'failed':
        return `We are refunding ${amount} to your card.`;
    }
  }
  switch (refund.status) {
    case 'succeeded':
      return card
        ? `Refunded ${amount} to the card; the processor confirmed it.`
        : `Refunded ${amount} by bank transfer${refund.reference ? `, reference ${refund.reference}` : ''}.`;
    case 'owed':
      return `Transfer ${amount} back to the customer, then enter the transfer's reference here.`;
    case 'pending':
      return `Refund of ${amount} sent to the card processor; waiting for its confirmation.`;
    case 'failed':
      return `The card processor refused the refund of ${amount}. Nothing was refunded: retry it.`;
  }
}
