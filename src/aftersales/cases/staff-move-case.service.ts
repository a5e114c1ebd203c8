/**
 * A staff decision on a case (issue 10 point 2), read top to bottom:
 * role → lock the case → the lifecycle table allows the move (409 naming the allowed ones) → a decision taken on
 * the evidence (a return authorised, a case resolved without one) while required evidence is missing needs a
 * written reason (409 naming `overrideReason`, the missing kinds and the evidence clause) → the engine judges
 * again with the facts known at this step (the inspection's verdict included), under the case's frozen policy
 * version → a decision against that answer needs a written reason (422 naming `overrideReason` and the clause)
 * → one transaction writes the case (state, current assessment, inspection, quote, resolution, deadline) and
 * its timeline row (the engine's answer, the override reason beside it with the evidence that was missing, the
 * decision's fields).
 */
import { eq } from 'drizzle-orm';
import type { StaffPrincipal } from '../../accounts/staff.service.ts';
import type { AppContext } from '../../context.ts';
import type { PaymentProviders } from '../../orders/payments/provider.ts';
import type { RefundRow } from '../../orders/payments/refunds.service.ts';
import type { WebhookDelivery } from '../../orders/payments/webhook-delivery.ts';
import { orderLines, orders } from '../../orders/schema.ts';
import { AppError, Conflict, Forbidden, NotFound, ValidationError } from '../../shared/errors.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { plural, visibleLength } from '../../shared/text.ts';
import { applyResolution } from '../remedies/apply-resolution.ts';
import { submitCaseRefunds } from '../remedies/refund-case.ts';
import {
  afterSalesCaseEvents,
  afterSalesCases,
  type CaseEventDetails,
  type CaseInspection,
  type CaseQuote,
} from '../schema.ts';
import { claimInputOfCase, reassessCase } from './case-assessment.ts';
import { evidenceGap } from './case-evidence.rules.ts';
import { applyCaseAction, caseActions } from './case-lifecycle.ts';
import { roleMayTake, roleNames } from './case-roles.ts';
import { againstEngine, dueAtFor, factsForStep, returnShipmentOf } from './case-rules.ts';
import {
  enqueueCaseStepEmail,
  resolutionOutcome,
  stepOfMove,
  uploadedEvidenceKinds,
} from './case-step-emails.ts';
import { adminCaseDetail } from './case-views.ts';
import type { AdminCaseDetail, StaffCaseActionBody } from './schemas.ts';

type Ctx = Pick<AppContext, 'db' | 'clock' | 'config' | 'secret'>;

/**
 * Applies `body` to case `caseId` as `staff`. Errors: 403 when the role may not take the action, 404 for an
 * unknown case, 409 for a move the lifecycle does not allow now, 409 `conflict` (field `overrideReason`, the
 * evidence clause AS-DOA-2 / AS-DEF-6 / AS-INC-3 and `missingEvidence`, the kinds) for a return authorised or a
 * case resolved without one while required evidence is missing and no reason is given, 400 on `overrideReason`
 * when that reason is shorter than CASE_OVERRIDE_REASON_MIN_CHARS, 422 `policy_violation` (field
 * `overrideReason`, with the clause) for a decision against the engine without a written reason of at least
 * CASE_OVERRIDE_REASON_MIN_CHARS characters.
 */
export async function staffMoveCase(
  ctx: Ctx,
  caseId: string,
  body: StaffCaseActionBody,
  staff: Pick<StaffPrincipal, 'id' | 'name' | 'role'>,
  /** How a refund reaches the processor after commit; without it a refund is recorded and submitted later. */
  money?: { providers: PaymentProviders; deliver: WebhookDelivery },
): Promise<AdminCaseDetail> {
  const move = caseActions[body.action];
  // A customer's or the system's action falls through to the table, which answers 409 for staff.
  if ((move.by as readonly string[]).includes('staff') && !roleMayTake(staff.role, body.action)) {
    throw new Forbidden(`"${move.label}" is for ${roleNames(body.action)} staff`);
  }
  const now = ctx.clock.now();
  let refunds: RefundRow[] = [];
  const detail = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ c: afterSalesCases, order: orders, line: orderLines })
      .from(afterSalesCases)
      .innerJoin(orders, eq(orders.id, afterSalesCases.orderId))
      .innerJoin(orderLines, eq(orderLines.id, afterSalesCases.orderLineId))
      .where(eq(afterSalesCases.id, caseId))
      .for('update', { of: afterSalesCases });
    if (!row) throw new NotFound('Case');
    const { c, order, line } = row;
    const to = applyCaseAction(c.state, body.action, 'staff');
    const reason = 'overrideReason' in body ? body.overrideReason : undefined;
    const minChars = ctx.config.CASE_OVERRIDE_REASON_MIN_CHARS;

    // Issue 10 point 3: no decision on the evidence before it is in, unless staff write why. Read under the
    // case's lock, which an upload also takes, so the answer holds until commit.
    const gap = evidenceGap(
      body.action,
      c.kind,
      c.assessment.evidence,
      await uploadedEvidenceKinds(tx, c.id),
    );
    if (gap && !reason) {
      throw new Conflict(
        `${gap.message} (${gap.clause}) To decide without it, write why (at least ${plural(minChars, 'character')}).`,
        { field: 'overrideReason', clause: gap.clause, missingEvidence: gap.missing },
      );
    }
    if (gap && reason && visibleLength(reason) < minChars) {
      throw new ValidationError([
        {
          field: 'overrideReason',
          message: `is too short: say why you decide without the missing evidence (at least ${plural(minChars, 'character')}); the timeline keeps it`,
        },
      ]);
    }

    const inspection: CaseInspection | null =
      body.action === 'record_inspection'
        ? { verdict: body.verdict, components: body.components }
        : c.inspection;
    const facts = factsForStep(c.state, body.action, { facts: c.facts, inspection });
    const assessment = await reassessCase(
      tx,
      c.policyVersion,
      claimInputOfCase(c.openedAt, order, line, c.kind, facts),
    );
    const resolution =
      body.action === 'resolve' || body.action === 'resolve_without_return'
        ? body.resolution
        : body.action === 'mark_solved'
          ? 'troubleshoot'
          : undefined;
    const disagreement = againstEngine({ action: body.action, resolution, inspection }, assessment);
    if (disagreement && (!reason || visibleLength(reason) < minChars)) {
      throw new AppError(
        'policy_violation',
        `${disagreement.message} To decide otherwise, write why (at least ${plural(minChars, 'character')}).`,
        { field: 'overrideReason', clause: disagreement.clause, reasons: assessment.reasons },
      );
    }

    // One written reason covers both: the engine's answer gone against, and the evidence decided without.
    const overridden = disagreement ?? gap;
    const shipment =
      body.action === 'resolve' ? returnShipmentOf(body.resolution, body.carrier, body.trackingNumber) : null;
    const quote: CaseQuote | null =
      body.action === 'send_quote' ? { amountCents: body.amountCents, parts: body.parts } : c.quote;
    const details: CaseEventDetails = {
      ...(body.action === 'record_inspection' && inspection ? { inspection } : {}),
      ...(body.action === 'send_quote' && quote ? { quote } : {}),
      ...(resolution ? { resolution } : {}),
      ...(shipment ? { shipment } : {}),
      ...(overridden ? { overridden: true, overriddenClause: overridden.clause } : {}),
      ...(gap ? { missingEvidence: { clause: gap.clause, kinds: gap.missing } } : {}),
    };
    await tx
      .update(afterSalesCases)
      .set({
        state: to,
        updatedAt: now,
        stateSince: now,
        dueAt: dueAtFor(to, now, ctx.config.CASE_RESPONSE_DAYS),
        assessment,
        inspection,
        quote,
        ...(resolution ? { resolution } : {}),
      })
      .where(eq(afterSalesCases.id, c.id));
    await tx.insert(afterSalesCaseEvents).values({
      id: uuidv7(now.getTime()),
      caseId: c.id,
      at: now,
      actorType: 'staff',
      actorId: staff.id,
      actorName: staff.name,
      action: body.action,
      fromState: c.state,
      toState: to,
      note: body.note || null,
      assessment,
      overrideReason: overridden ? (reason ?? null) : null,
      details: Object.keys(details).length > 0 ? details : null,
    });
    // Issue 10 point 5: the resolution's coupon, voucher, replacement or refund, in the same transaction.
    const remedy =
      resolution && (body.action === 'resolve' || body.action === 'resolve_without_return')
        ? await applyResolution(tx, ctx, {
            caseId: c.id,
            reference: c.reference,
            resolution,
            valueCents: 'valueCents' in body ? body.valueCents : undefined,
            unitPriceCents: line.unitPriceCents,
            staff: { id: staff.id, name: staff.name },
            now,
          })
        : null;
    refunds = remedy?.refunds ?? [];
    const step = stepOfMove(to, 'staff', assessment);
    if (step) {
      await enqueueCaseStepEmail(tx, ctx, c.id, step, now, {
        ...(quote ? { quote: { amountCents: quote.amountCents, parts: quote.parts.join(', ') } } : {}),
        ...(resolution && step !== 'declined'
          ? {
              outcome: [
                resolutionOutcome(resolution, shipment),
                ...(remedy?.summary ? [remedy.summary] : []),
              ],
            }
          : {}),
      });
    }
    return (await adminCaseDetail(tx, c.id, {
      role: staff.role,
      now,
      soonDays: ctx.config.CASE_DUE_SOON_DAYS,
    })) as AdminCaseDetail;
  });
  if (refunds.length > 0 && money) await submitCaseRefunds(ctx, money.providers, refunds, money.deliver);
  return detail;
}
