/** What the order emails show, independent of tables: the service fills it from the order it just wrote. */
import { formatAddress, formatUsd, type PostalAddress } from '../../shared/format.ts';
import { htmlTable } from './html.ts';

export interface OrderEmailLine {
  productName: string;
  variantName: string;
  quantity: number;
  unitPriceCents: number;
  lineTotalCents: number;
}

export type OrderEmailAddress = PostalAddress;

export interface OrderEmailData {
  /** The shop's name from its settings when the email is queued: subject, body, sign-off and sender name. */
  shopName: string;
  reference: string;
  lines: OrderEmailLine[];
  subtotalCents: number;
  /** Taken off by a coupon (0 or absent: none); subtotal − discount + shipping = total. */
  discountCents?: number;
  couponCode?: string | null;
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

/** The address as written on the parcel, in its country's order, the country named (shared/format.ts). */
export function addressLines(a: OrderEmailAddress): string[] {
  return formatAddress(a);
}

/** The plain-text emails end as the HTML ones do: signed with the shop's current name. */
export function signOffText(shopName: string): string[] {
  return ['', '—', shopName];
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
    ...(data.discountCents ? [`Coupon ${data.couponCode ?? ''}: −${formatUsd(data.discountCents)}`] : []),
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
      ...(data.discountCents
        ? [[`Coupon ${data.couponCode ?? ''}`, '', '', `−${formatUsd(data.discountCents)}`]]
        : []),
      [`Shipping (${data.shippingMethodName})`, '', '', formatUsd(data.shippingCents)],
      ['Total', '', '', formatUsd(data.totalCents)],
    ],
  );
}
