/**
 * Issue 11 point 4: a claim the policy declines at submission opens no case, so its refusal is kept here for
 * the owner's "declined by clause" numbers. One insert, outside any transaction or lock, on the 422 path only.
 */
import type { Db } from '../../db/client.ts';
import { uuidv7 } from '../../shared/ids.ts';
import type { ClaimKind, ProductCategory } from '../claim.schema.ts';
import type { Assessment } from '../policy.ts';
import { declinedClaims } from './declined-claim.schema.ts';

export interface DeclinedSubmission {
  line: { id: string; productId: string; category: ProductCategory };
  kind: ClaimKind;
  assessment: Pick<Assessment, 'eligible' | 'reasons'>;
}

/**
 * Appends one `declined_claims` row per submission in `claims` the engine declined (eligible false), with the
 * clause IDs of its reasons (each once, in the engine's order), `policyVersion` and `now`. No personal data.
 * Nothing is written when every claim is eligible.
 */
export async function recordDeclinedClaims(
  db: Db,
  claims: readonly DeclinedSubmission[],
  policyVersion: number,
  now: Date,
): Promise<void> {
  const rows = claims
    .filter((c) => !c.assessment.eligible)
    .map((c) => ({
      id: uuidv7(now.getTime()),
      orderLineId: c.line.id,
      productId: c.line.productId,
      category: c.line.category,
      kind: c.kind,
      clauses: [...new Set(c.assessment.reasons.map((r) => r.clause))],
      policyVersion,
      declinedAt: now,
    }));
  if (rows.length > 0) await db.insert(declinedClaims).values(rows);
}
