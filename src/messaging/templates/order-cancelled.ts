/**
 * The email sent when the shop cancels an order before shipment. Staff's reason stays in the back office (it
 * may be internal); the customer learns what was cancelled and what happens to their money.
 */
import { refundSentence } from '../../orders/payments/payment-labels.ts';
import type { RefundStatus } from '../../orders/payments/payment-lifecycle.ts';
import { htmlLayout, htmlLink, htmlParagraph } from './html.ts';
import { linesHtml, linesText, type OrderEmailData, type RenderedEmail, signOffText } from './order-email.ts';

/** A refund recorded with the cancellation: to the card (pending at the processor) or owed by transfer. */
export interface CancelledEmailRefund {
  method: string;
  status: RefundStatus;
  amountCents: number;
}

export interface OrderCancelledData extends OrderEmailData {
  /** The refunds the cancellation started; none when no money had been taken. */
  refunds: CancelledEmailRefund[];
}

export const ORDER_CANCELLED_TEMPLATE = 'order_cancelled';

export function renderOrderCancelled(data: OrderCancelledData): RenderedEmail {
  const subject = `${data.shopName}: order ${data.reference} has been cancelled`;
  const opening = `Your order ${data.reference} has been cancelled and will not be shipped.`;
  // The same sentences as the order page (payment-labels.ts): "We are refunding $… to your card." or
  // "We will transfer $… back to the account you paid from."
  const money =
    data.refunds.length > 0
      ? data.refunds.map((r) => refundSentence(r, 'customer')).join(' ')
      : 'No payment was taken for this order, so there is nothing to refund.';
  const questions = 'If you did not expect this, reply to this email and we will explain.';

  const text = [
    opening,
    money,
    '',
    ...linesText(data),
    '',
    questions,
    `Your order: ${data.orderUrl}`,
    ...signOffText(data.shopName),
  ].join('\n');
  const html = htmlLayout(
    data.shopName,
    subject,
    [
      htmlParagraph(opening),
      htmlParagraph(money),
      linesHtml(data),
      htmlParagraph(questions),
      htmlLink(data.orderUrl, 'Your order'),
    ].join('\n'),
  );
  return { subject, text, html };
}
