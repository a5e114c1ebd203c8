/** The "case opened" email, queued in the transaction that opens the cases (src/messaging/outbox.ts). */
import type { OutgoingMail } from '../../messaging/outbox.ts';
import { CASE_OPENED_TEMPLATE, renderCaseOpened } from '../../messaging/templates/case-opened.ts';
import type { ShopSettings } from '../../settings/shop.ts';
import type { Assessment } from '../policy.ts';
import type { OrderLineRow, OrderRow } from './claim-records.ts';

/**
 * The "case opened" email of `cases` (all of one order), written with the shop's name at queue time.
 * `orderUrl` is the order's page (orderPageUrl of its signed link).
 */
export function caseOpenedMail(
  orderUrl: string,
  shop: Pick<ShopSettings, 'name'>,
  order: Pick<OrderRow, 'id' | 'reference' | 'email'>,
  cases: Array<{
    reference: string;
    kind: string;
    line: Pick<OrderLineRow, 'productName' | 'variantName'>;
    assessment: Assessment;
  }>,
): OutgoingMail {
  const mail = renderCaseOpened({
    shopName: shop.name,
    orderReference: order.reference,
    cases: cases.map((c) => ({
      reference: c.reference,
      productName: c.line.productName,
      variantName: c.line.variantName,
      kind: c.kind,
      reasons: c.assessment.reasons.map((r) => r.message),
    })),
    orderUrl,
  });
  return { template: CASE_OPENED_TEMPLATE, fromName: shop.name, to: order.email, orderId: order.id, ...mail };
}
