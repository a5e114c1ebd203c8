/**
 * A case judged again: the engine's input rebuilt from the case's records (the order's dates, the line's price,
 * category and flags, the moment the claim was opened) and the facts known at a step, judged by the settings of
 * the policy version frozen on the case, never the current ones.
 */
import type { Db } from '../../db/client.ts';
import type { ClaimInput } from '../claim.schema.ts';
import { type Assessment, assessClaim } from '../policy.ts';
import { policyVersionOf } from '../policy-versions.service.ts';
import type { CaseFacts } from '../schema.ts';
import type { OrderLineRow, OrderRow } from './claim-records.ts';

/**
 * The engine's input for a case: `openedAt` stays the moment the claim was opened (a later step never makes
 * a claim late), dates and prices come from the order, the answers from `facts`. Pure.
 */
export function claimInputOfCase(
  openedAt: Date,
  order: Pick<OrderRow, 'shippedAt' | 'deliveredAt'>,
  line: Pick<OrderLineRow, 'category' | 'unitPriceCents' | 'clearance' | 'specialWarranty'>,
  kind: ClaimInput['kind'],
  facts: CaseFacts,
): ClaimInput {
  const { openedByCustomer, ...answers } = facts;
  // A case exists only for a shipped order (claimsOf refuses the rest); the fallback keeps the type honest.
  const shipped = order.shippedAt ?? openedAt;
  return {
    kind,
    openedAt: openedAt.toISOString(),
    shippedAt: shipped.toISOString(),
    deliveredAt: order.deliveredAt ? order.deliveredAt.toISOString() : null,
    item: {
      category: line.category,
      unitPriceCents: line.unitPriceCents,
      clearance: line.clearance,
      specialWarranty: line.specialWarranty,
      openedByCustomer,
    },
    facts: answers,
  };
}

/** `assessClaim` for a case with `facts`, under the settings of its policy `version`. */
export async function reassessCase(db: Db, version: number, input: ClaimInput): Promise<Assessment> {
  const policy = await policyVersionOf(db, version);
  return assessClaim(input, policy.settings);
}
