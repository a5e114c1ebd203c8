/**
 * One case as its customer's page shows it (issue 10 point 3), behind the order's signed link: the case with
 * the actions the lifecycle table allows the customer, its conversation, and the settings of the policy
 * version it was judged by (the AS-DEF-5 declared value of the return parcel comes from those, never from
 * today's settings), and what the case gave (a coupon's code, a replacement order). Another order's case is a
 * 404.
 */
import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import { NotFound } from '../../shared/errors.ts';
import type { PolicySettings } from '../policy.settings.ts';
import { type CustomerRemedy, customerCaseRemedies } from '../remedies/customer-case-remedies.ts';
import { afterSalesCases, policyVersions } from '../schema.ts';
import { customerThread } from './case-messages.service.ts';
import { customerCases } from './case-views.ts';
import { orderOfLink } from './claim-records.ts';
import type { CustomerMessage } from './conversation.schemas.ts';
import type { CustomerCase } from './schemas.ts';

export interface CustomerCasePage {
  orderReference: string;
  case: CustomerCase;
  messages: CustomerMessage[];
  /** The settings of the policy version the case was judged by. */
  policy: PolicySettings;
  /** What the case gave: a coupon's code, a replacement order, a refund (empty until it is resolved). */
  remedies: CustomerRemedy[];
}

export async function customerCasePage(
  ctx: Pick<AppContext, 'db' | 'secret'>,
  token: string,
  reference: string,
): Promise<CustomerCasePage> {
  const order = await orderOfLink(ctx.db, ctx.secret, token);
  const [row] = await ctx.db
    .select({ id: afterSalesCases.id, settings: policyVersions.settings })
    .from(afterSalesCases)
    .innerJoin(policyVersions, eq(policyVersions.version, afterSalesCases.policyVersion))
    .where(
      and(
        eq(afterSalesCases.orderId, order.id),
        eq(afterSalesCases.reference, reference.trim().toUpperCase()),
      ),
    );
  if (!row) throw new NotFound('Case');
  const [view] = await customerCases(ctx.db, { caseIds: [row.id] });
  if (!view) throw new NotFound('Case');
  return {
    orderReference: order.reference,
    case: view,
    messages: await customerThread(ctx, token, reference),
    policy: row.settings,
    remedies: await customerCaseRemedies(ctx.db, row.id),
  };
}
