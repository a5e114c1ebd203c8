/**
 * Issue 10 point 1: before opening anything, the customer sees what the policy says about each line — eligible
 * or not, what may be offered, the evidence needed, the deadline, and every deciding clause — judged by the
 * current policy version. Nothing is stored.
 */
import type { AppContext } from '../../context.ts';
import { type Assessment, assessClaim } from '../policy.ts';
import { currentPolicyVersion } from '../policy-versions.service.ts';
import { claimsOf, linesOf, orderOfLink } from './claim-records.ts';
import type { ClaimBody } from './schemas.ts';

export interface AssessedLines {
  policyVersion: number;
  lines: Array<{ orderLineId: string; kind: ClaimBody['lines'][number]['kind']; assessment: Assessment }>;
}

export async function assessClaims(
  ctx: Pick<AppContext, 'db' | 'secret' | 'clock'>,
  token: string,
  body: ClaimBody,
): Promise<AssessedLines> {
  const order = await orderOfLink(ctx.db, ctx.secret, token);
  const claims = claimsOf(order, await linesOf(ctx.db, order.id), body, ctx.clock.now());
  const policy = await currentPolicyVersion(ctx.db);
  return {
    policyVersion: policy.version,
    lines: claims.map((c) => ({
      orderLineId: c.line.id,
      kind: c.kind,
      assessment: assessClaim(c.input, policy.settings),
    })),
  };
}
