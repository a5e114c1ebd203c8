/** What the order emails show, independent of tables: the service fills it from the order it just wrote. */
import { formatUsd } from '../../shared/money.ts';
import { htmlTable } from './html.ts';

export interface OrderEmailLine {
  productName: string;
  variantName: string;
  quantity: number;
  unitPriceCents: number;
  lineTotalCents: number;
}

export interface OrderEmailAddress {
  name: string;
  line1: string;
  line2?: string | undefined;
  city: string;
  postalCode: string;
  region?: string | undefined;
  country: string;
}

export interface OrderEmailData {
  shopName: string;
  reference: string;
  lines: OrderEmailLine[];
  subtotalCents: number;
  shippingCents: number;
  totalCents: number;
  shippingMethodName: string;
  shippingAddress: OrderEmailAddress;
  /** The signed link to the order page: whoever holds it sees the order, so it is sent only to the buyer. */
  orderUrl: string;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

export function addressLines(a: OrderEmailAddress): string[] {
  return [a.name, a.line1, a.line2, [a.postalCode, a.city].join(' '), a.region, a.country].filter(
    (l): l is string => typeof l === 'string' && l.trim() !== '',
  );
}

function itemLabel(line: OrderEmailLine): string {
  return `${line.productName} (${line.variantName})`;
}

export function linesText(data: OrderEmailData): string[] {
  return [
    ...data.lines.map(
      (l) =>
        `- ${l.quantity} × ${itemLabel(l)} at ${formatUsd(l.unitPriceCents)}: ${formatUsd(l.lineTotalCents)}`,
    ),
    `Subtotal: ${formatUsd(data.subtotalCents)}`,
    `Shipping (${data.shippingMethodName}): ${formatUsd(data.shippingCents)}`,
    `Total: ${formatUsd(data.totalCents)}`,
  ];
}

export function linesHtml(data: OrderEmailData): string {
  return htmlTable(
    ['Item', 'Quantity', 'Price', 'Total'],
    data.lines.map((l) => [
      itemLabel(l),
      String(l.quantity),
      formatUsd(l.unitPriceCents),
      formatUsd(l.lineTotalCents),
    ]),
    [
      ['Subtotal', '', '', formatUsd(data.subtotalCents)],
      [`Shipping (${data.shippingMethodName})`, '', '', formatUsd(data.shippingCents)],
      ['Total', '', '', formatUsd(data.totalCents)],
    ],
  );
}
