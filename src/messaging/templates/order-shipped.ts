/** SH-ORD-1: the email sent when an order ships, with the carrier, tracking number and shipment date. */
import { formatDay } from '../../shared/format.ts';
import { escapeHtml, htmlLayout, htmlLink, htmlParagraph } from './html.ts';
import {
  addressLines,
  linesHtml,
  linesText,
  type OrderEmailData,
  type RenderedEmail,
  signOffText,
} from './order-email.ts';

export interface OrderShippedData extends OrderEmailData {
  carrier: string;
  /** Null when the parcel travels by untracked post. */
  trackingNumber: string | null;
  shippedAt: Date;
}

export const ORDER_SHIPPED_TEMPLATE = 'order_shipped';

export function renderOrderShipped(data: OrderShippedData): RenderedEmail {
  const subject = `${data.shopName}: order ${data.reference} has shipped`;
  const shipped = formatDay(data.shippedAt.getTime());
  const tracking = data.trackingNumber
    ? `Tracking number: ${data.trackingNumber}`
    : 'This parcel travels by untracked post: it has no tracking number.';

  const text = [
    `Good news: your order ${data.reference} left ${data.shopName} on ${shipped}.`,
    '',
    `Carrier: ${data.carrier}`,
    tracking,
    `Shipped on: ${shipped}`,
    '',
    ...linesText(data),
    '',
    'Shipping to:',
    ...addressLines(data.shippingAddress),
    '',
    `Follow your order: ${data.orderUrl}`,
    ...signOffText(data.shopName),
  ].join('\n');

  const html = htmlLayout(
    data.shopName,
    subject,
    [
      htmlParagraph(`Good news: your order ${data.reference} left ${data.shopName} on ${shipped}.`),
      `<ul><li>Carrier: <strong>${escapeHtml(data.carrier)}</strong></li><li>${escapeHtml(tracking)}</li><li>Shipped on: ${escapeHtml(shipped)}</li></ul>`,
      linesHtml(data),
      `<p>Shipping to:<br>${addressLines(data.shippingAddress).map(escapeHtml).join('<br>')}</p>`,
      htmlLink(data.orderUrl, 'Follow your order'),
    ].join('\n'),
  );
  return { subject, text, html };
}
