/**
 * Issue 10 point 1 and AS-GEN-2: opening after-sales cases. In one transaction per request each line is
 * assessed again with the current policy version (the answer the customer saw may be minutes old), one case per
 * line is stored with that assessment and version (state `opened`), its first timeline row, and the "case
 * opened" email. A claim the policy declines opens nothing: a 422 with the deciding clause and the engine's
 * reasons (the customer may still write to customer service). One open case per line and kind: a second is a
 * 409 naming the open one, also when two requests race (the partial unique index decides).
 */
import { and, eq, notInArray, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { AppError, Conflict } from '../../shared/errors.ts';
import { uuidv7 } from '../../shared/ids.ts';
import type { ClaimKind } from '../claim.schema.ts';
import { assessClaim } from '../policy.ts';
import { currentPolicyVersion } from '../policy-versions.service.ts';
import { afterSalesCaseEvents, afterSalesCases, FINISHED_CASE_STATES } from '../schema.ts';
import { enqueueCaseOpenedEmail } from './case-emails.ts';
import { dueAtFor } from './case-rules.ts';
import { customerCases } from './case-views.ts';
import { claimsOf, linesOf, orderOfLink } from './claim-records.ts';
import type { ClaimBody, CustomerCase } from './schemas.ts';

type OpenCtx = Pick<AppContext, 'db' | 'secret' | 'clock' | 'config'>;

/** RMA-26-00042: the year the case is opened, then the next number of the case sequence. */
function nextCaseReferenceSql(now: Date) {
  const head = `RMA-${String(now.getUTCFullYear() % 100).padStart(2, '0')}-`;
  return sql<string>`(select ${head} || lpad(n::text, greatest(5, length(n::text)), '0') from (select nextval('case_reference_seq') as n) as next)`;
}

async function openCaseOf(db: Db, orderLineId: string, kind: ClaimKind): Promise<string | null> {
  const [open] = await db
    .select({ reference: afterSalesCases.reference })
    .from(afterSalesCases)
    .where(
      and(
        eq(afterSalesCases.orderLineId, orderLineId),
        eq(afterSalesCases.kind, kind),
        notInArray(afterSalesCases.state, [...FINISHED_CASE_STATES]),
      ),
    );
  return open?.reference ?? null;
}

function alreadyOpen(reference: string, index: number): Conflict {
  return new Conflict(`Case ${reference} is already open for this item and kind of claim`, {
    field: `lines.${index}.orderLineId`,
    reference,
  });
}

function isOpenCaseViolation(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const { code, constraint } = e as { code?: unknown; constraint?: unknown };
    if (code === '23505' && constraint === 'after_sales_cases_open_key') return true;
  }
  return false;
}

export async function openClaims(ctx: OpenCtx, token: string, body: ClaimBody): Promise<CustomerCase[]> {
  const now = ctx.clock.now();
  try {
    return await ctx.db.transaction(async (tx) => {
      const order = await orderOfLink(tx, ctx.secret, token);
      const claims = claimsOf(order, await linesOf(tx, order.id), body, now);
      const policy = await currentPolicyVersion(tx);
      const assessed = claims.map((c) => ({ ...c, assessment: assessClaim(c.input, policy.settings) }));

      const refused = assessed.findIndex((a) => !a.assessment.eligible);
      const declined = assessed[refused];
      if (declined) {
        const reasons = declined.assessment.reasons;
        throw new AppError(
          'policy_violation',
          `lines.${refused}: the after-sales policy declines this claim, so no case is opened: ${reasons
            .map((r) => r.message)
            .join(' ')} You may still ask customer service about it.`,
          { field: `lines.${refused}.kind`, clause: reasons[0]?.clause ?? 'AS-GEN-1', reasons },
        );
      }
      for (const [i, a] of assessed.entries()) {
        const open = await openCaseOf(tx, a.line.id, a.kind);
        if (open) throw alreadyOpen(open, i);
      }

      const opened: Array<(typeof assessed)[number] & { id: string; reference: string }> = [];
      for (const a of assessed) {
        const id = uuidv7(now.getTime());
        const [row] = await tx
          .insert(afterSalesCases)
          .values({
            id,
            reference: nextCaseReferenceSql(now),
            orderId: order.id,
            orderLineId: a.line.id,
            kind: a.kind,
            state: 'opened',
            policyVersion: policy.version,
            facts: a.facts,
            assessment: a.assessment,
            openedAt: now,
            updatedAt: now,
            stateSince: now,
            dueAt: dueAtFor('opened', now, ctx.config.CASE_RESPONSE_DAYS),
          })
          .returning({ reference: afterSalesCases.reference });
        await tx.insert(afterSalesCaseEvents).values({
          id: uuidv7(now.getTime()),
          caseId: id,
          at: now,
          actorType: 'customer',
          action: 'open',
          fromState: null,
          toState: 'opened',
          assessment: a.assessment,
        });
        opened.push({ ...a, id, reference: row?.reference as string });
      }
      await enqueueCaseOpenedEmail(tx, ctx, order, opened, now);
      return customerCases(tx, { caseIds: opened.map((o) => o.id) });
    });
  } catch (error) {
    if (!isOpenCaseViolation(error)) throw error;
    // Another request opened the same claim between our check and our insert: name its case.
    for (const [i, line] of body.lines.entries()) {
      const open = await openCaseOf(ctx.db, line.orderLineId, line.kind);
      if (open) throw alreadyOpen(open, i);
    }
    throw new Conflict('This claim is already open', { field: 'lines' });
  }
}
