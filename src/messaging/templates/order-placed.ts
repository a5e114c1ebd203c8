/** SH-ORD-1: the email sent when an order is placed. Plain text and simple HTML, every value escaped. */
import { formatUsd } from '../../shared/format.ts';
import { escapeHtml, htmlLayout, htmlLink, htmlParagraph } from './html.ts';
import {
  addressLines,
  linesHtml,
  linesText,
  type OrderEmailData,
  type RenderedEmail,
  signOffText,
} from './order-email.ts';

export interface BankTransferInstructions {
  accountName: string;
  bankName: string;
  /** ABA routing number: US dollar transfers (ACH or domestic wire). */
  routingNumber: string;
  accountNumber: string;
  amountCents: number;
  /** The order reference, to quote as the transfer's reference. */
  reference: string;
}

export type OrderPlacedPayment =
  | { method: 'bank_transfer'; instructions: BankTransferInstructions }
  | { method: 'test_card' };

export interface OrderPlacedData extends OrderEmailData {
  payment: OrderPlacedPayment;
}

export const ORDER_PLACED_TEMPLATE = 'order_placed';

function transferLines(i: BankTransferInstructions): string[] {
  return [
    `Amount: ${formatUsd(i.amountCents)}`,
    `Account name: ${i.accountName}`,
    `Bank: ${i.bankName}`,
    `Routing number (ABA): ${i.routingNumber}`,
    `Account number: ${i.accountNumber}`,
    `Reference: ${i.reference}`,
  ];
}

export function renderOrderPlaced(data: OrderPlacedData): RenderedEmail {
  const subject = `${data.shopName}: order ${data.reference} received`;
  const paymentText =
    data.payment.method === 'bank_transfer'
      ? [
          'Your order is waiting for your bank transfer. Please transfer the total to:',
          ...transferLines(data.payment.instructions),
          'Quote the reference so we can match your payment. We ship once it has arrived.',
        ]
      : ['Your card payment is being confirmed by the payment processor; we ship once it is confirmed.'];

  const text = [
    `Thank you for your order at ${data.shopName}.`,
    '',
    `Order reference: ${data.reference}`,
    '',
    ...linesText(data),
    '',
    ...paymentText,
    '',
    'Shipping to:',
    ...addressLines(data.shippingAddress),
    '',
    `Follow your order: ${data.orderUrl}`,
    '',
    'Keep this email: the link above shows your order without an account.',
    ...signOffText(data.shopName),
  ].join('\n');

  const paymentHtml =
    data.payment.method === 'bank_transfer'
      ? [
          htmlParagraph('Your order is waiting for your bank transfer. Please transfer the total to:'),
          `<ul>${transferLines(data.payment.instructions)
            .map((l) => `<li>${escapeHtml(l)}</li>`)
            .join('')}</ul>`,
          htmlParagraph('Quote the reference so we can match your payment. We ship once it has arrived.'),
        ].join('\n')
      : htmlParagraph(
          'Your card payment is being confirmed by the payment processor; we ship once it is confirmed.',
        );

  const html = htmlLayout(
    data.shopName,
    subject,
    [
      htmlParagraph(`Thank you for your order at ${data.shopName}.`),
      `<p>Order reference: <strong>${escapeHtml(data.reference)}</strong></p>`,
      linesHtml(data),
      paymentHtml,
      `<p>Shipping to:<br>${addressLines(data.shippingAddress).map(escapeHtml).join('<br>')}</p>`,
      htmlLink(data.orderUrl, 'Follow your order'),
      htmlParagraph('Keep this email: the link above shows your order without an account.'),
    ].join('\n'),
  );
  return { subject, text, html };
}
