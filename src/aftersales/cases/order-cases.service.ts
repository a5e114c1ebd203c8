/**
 * The customer's side: an order's claimable lines, its cases and the questions sent about it (with customer
 * service's answers), behind the order's signed link.
 */
import type { AppContext } from '../../context.ts';
import { customerCases } from './case-views.ts';
import { linesOf, orderOfLink } from './claim-records.ts';
import type { CustomerQuestion } from './conversation.schemas.ts';
import { customerQuestions } from './questions.service.ts';
import type { CustomerCase } from './schemas.ts';

export async function orderCases(
  ctx: Pick<AppContext, 'db' | 'secret'>,
  token: string,
): Promise<{
  lines: Array<{ orderLineId: string; productName: string; variantName: string; quantity: number }>;
  cases: CustomerCase[];
  questions: CustomerQuestion[];
}> {
  const order = await orderOfLink(ctx.db, ctx.secret, token);
  const lines = await linesOf(ctx.db, order.id);
  return {
    lines: lines.map((l) => ({
      orderLineId: l.id,
      productName: l.productName,
      variantName: l.variantName,
      quantity: l.quantity,
    })),
    cases: await customerCases(ctx.db, { orderId: order.id }),
    questions: await customerQuestions(ctx.db, order.id),
  };
}
