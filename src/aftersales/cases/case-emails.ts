/** The case emails, queued in the transaction that makes the change (src/messaging/outbox.ts). */
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { enqueueMail } from '../../messaging/outbox.ts';
import { CASE_OPENED_TEMPLATE, renderCaseOpened } from '../../messaging/templates/case-opened.ts';
import { orderUrlOf } from '../../orders/order-emails.ts';
import { getShopSettings } from '../../settings/shop.ts';
import type { Assessment } from '../policy.ts';
import type { OrderLineRow, OrderRow } from './claim-records.ts';

export async function enqueueCaseOpenedEmail(
  tx: Db,
  ctx: Pick<AppContext, 'config' | 'secret'>,
  order: OrderRow,
  cases: Array<{ reference: string; kind: string; line: OrderLineRow; assessment: Assessment }>,
  now: Date,
): Promise<string> {
  // The shop's name at queue time, as the order emails do.
  const shop = await getShopSettings(tx);
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
    orderUrl: orderUrlOf(ctx, order.id),
  });
  return enqueueMail(
    tx,
    { template: CASE_OPENED_TEMPLATE, fromName: shop.name, to: order.email, orderId: order.id, ...mail },
    now,
  );
}
