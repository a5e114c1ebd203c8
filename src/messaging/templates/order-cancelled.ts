/**
 * The email sent when the shop cancels an order before shipment. Staff's reason stays in the back office (it
 * may be internal); the customer learns what was cancelled and what happens to their money.
 */
import { formatUsd } from '../../shared/format.ts';
import { htmlLayout, htmlLink, htmlParagraph } from './html.ts';
import { linesHtml, linesText, type OrderEmailData, type RenderedEmail, signOffText } from './order-email.ts';

export interface OrderCancelledData extends OrderEmailData {
  /** The payment was received: it is refunded to where it came from. */
  refundDue: boolean;
}

export const ORDER_CANCELLED_TEMPLATE = 'order_cancelled';

export function renderOrderCancelled(data: OrderCancelledData): RenderedEmail {
  const subject = `${data.shopName}: order ${data.reference} has been cancelled`;
  const opening = `Your order ${data.reference} has been cancelled and will not be shipped.`;
  const money = data.refundDue
    ? `Your payment of ${formatUsd(data.totalCents)} will be refunded the way you paid.`
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
