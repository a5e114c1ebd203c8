/**
 * The rules of staff decisions on a case, pure (no database, no clock: "now" is an argument):
 * - which facts the engine reads at each step (the customer's answers, then what troubleshooting and the
 *   inspection established), so `assessClaim` judges every decision with what is known by then;
 * - whether a decision goes against the engine's answer (then it needs a written reason, and the clause it
 *   overrides is named);
 * - who the case waits on, its staff deadline, and the queue's marks.
 */

import { ValidationError } from '../../shared/errors.ts';
import type { Resolution } from '../claim.schema.ts';
import type { Assessment } from '../policy.ts';
import type { CaseFacts, CaseInspection, CaseShipment, InspectionVerdict } from '../schema.ts';
import type { CaseAction, CaseState } from './case-lifecycle.ts';

export const inspectionVerdicts = [
  'product_fault',
  'buyer_caused',
  'no_fault_found',
] as const satisfies readonly InspectionVerdict[];

export const verdictLabels: Record<InspectionVerdict, string> = {
  product_fault: 'Product fault',
  buyer_caused: 'Caused by the buyer',
  no_fault_found: 'No fault found',
};

/**
 * AS-GEN-4, AS-DEF-3: the engine's facts after an inspection.
 * - product fault: no misuse and no damage caused by the buyer; the components found are the ones to replace
 *   (AS-DEF-3 then makes the customer pay them outside AS-GEN-4's days, the shop inside them);
 * - caused by the buyer: misuse (a man-made issue, AS-GEN-4: the buyer bears repair, parts and shipping);
 *   the components found are still listed, since the buyer pays for them;
 * - no fault found: nothing to replace; the engine's other facts stay as the customer gave them (the
 *   complaint is not justified, which the engine does not model: see `againstEngine` for `decline`).
 * The inspection replaces what the customer guessed about misuse and components: the workshop has the item.
 */
export function factsAfterInspection(facts: CaseFacts, inspection: CaseInspection): CaseFacts {
  switch (inspection.verdict) {
    case 'product_fault':
      return {
        ...facts,
        misuse: false,
        physicalDamage: false,
        componentsToReplace: [...inspection.components],
      };
    case 'buyer_caused':
      return { ...facts, misuse: true, componentsToReplace: [...inspection.components] };
    case 'no_fault_found':
      return { ...facts, componentsToReplace: [] };
  }
}

/** What the case knows at a step: the customer's answers, and the inspection once recorded. */
export interface CaseKnowledge {
  facts: CaseFacts;
  inspection: CaseInspection | null;
}

/**
 * The facts the engine reads for `action` on a case in `state` (AS-GEN-1: leaving troubleshooting for the
 * evidence means the issue persists; any step past the evidence implies troubleshooting is finished).
 * `inspection` is the one being recorded by `record_inspection`, else the case's.
 */
export function factsForStep(state: CaseState, action: CaseAction, known: CaseKnowledge): CaseFacts {
  let facts: CaseFacts = { ...known.facts };
  const troubleshootingOver =
    (state === 'troubleshooting' && action === 'request_evidence') ||
    !['opened', 'troubleshooting'].includes(state);
  if (troubleshootingOver) facts = { ...facts, troubleshootingDone: true };
  if (known.inspection) facts = factsAfterInspection(facts, known.inspection);
  return facts;
}

/** The resolutions a staff decision may choose (troubleshooting is a step, not an outcome). */
export const finalResolutions = ['repair', 'replacement', 'refund', 'coupon', 'keep_with_voucher'] as const;
export type FinalResolution = (typeof finalResolutions)[number];
/** AS-GEN-5, AS-INC-2: the resolutions where nothing travels back. */
export const resolutionsWithoutReturn = ['coupon', 'keep_with_voucher'] as const;

export const resolutionLabels: Record<Resolution, string> = {
  troubleshoot: 'Troubleshooting',
  repair: 'Repair',
  replacement: 'Replacement',
  refund: 'Refund',
  coupon: 'Coupon instead of a repair',
  keep_with_voucher: 'Keep the item with a voucher',
};

/** The resolutions after which the item stays with the shop: nothing is sent back to the customer. */
const keptByTheShop: readonly Resolution[] = ['refund', 'replacement'];

/**
 * The parcel a resolution sends the item back in: `{ carrier, trackingNumber | null }`, or null when staff
 * gave neither (the resolution sends nothing, or the parcel is recorded later in a note).
 * @throws ValidationError (400, field `carrier`) for a tracking number without its carrier, or a parcel for a
 *   refund or a replacement, where the returned item stays with the shop.
 */
export function returnShipmentOf(
  resolution: Resolution,
  carrier: string | undefined,
  trackingNumber: string | undefined,
): CaseShipment | null {
  if (!carrier && !trackingNumber) return null;
  if (!carrier) {
    throw new ValidationError([{ field: 'carrier', message: 'name the carrier the tracking number is for' }]);
  }
  if (keptByTheShop.includes(resolution)) {
    throw new ValidationError([
      {
        field: 'carrier',
        message: `a ${resolution} keeps the returned item at the shop, so nothing is sent back`,
      },
    ]);
  }
  return { carrier, trackingNumber: trackingNumber ?? null };
}

/** A staff decision as the rules read it. */
export interface Decision {
  action: CaseAction;
  resolution?: Resolution | undefined;
  inspection?: CaseInspection | null | undefined;
}

/** Why a decision goes against the engine: the clause that decided, and the words shown to staff. */
export interface Disagreement {
  clause: string;
  message: string;
}

/** The clause the engine's answer rests on: its first reason (the deciding one), else AS-GEN-1. */
function decidingClause(assessment: Assessment): string {
  return assessment.reasons[0]?.clause ?? 'AS-GEN-1';
}

/** The first reason of `clause` in the answer, or the deciding one. */
function clauseOf(assessment: Assessment, ...clauses: string[]): string {
  return assessment.reasons.find((r) => clauses.includes(r.clause))?.clause ?? decidingClause(assessment);
}

/**
 * Whether `decision` goes against the engine's `assessment` (made with the facts of this step), or null when
 * the engine agrees. A disagreement needs a written reason from staff (the override).
 * - authorise_return (AS-GEN-2): the answer must be eligible and offer something that travels back;
 * - resolve / resolve_without_return / mark_solved: the resolution must be among the answer's `resolutions`
 *   (AS-GEN-5 coupon, AS-INC-2 voucher: no return);
 * - send_quote (AS-DEF-3): only when the engine names the customer as the parts payer;
 * - decline: only when the engine says not eligible, or the inspection found no fault (AS-GEN-3: the
 *   complaint was not judged justified).
 */
export function againstEngine(decision: Decision, assessment: Assessment): Disagreement | null {
  switch (decision.action) {
    case 'authorise_return':
      if (!assessment.eligible || assessment.returnParcel === null) {
        return {
          clause: assessment.eligible
            ? clauseOf(assessment, 'AS-GEN-5', 'AS-INC-2')
            : decidingClause(assessment),
          message: assessment.eligible
            ? 'The policy offers nothing that is sent back for this claim, so no return is authorised.'
            : 'The policy does not accept this claim, so no return is authorised.',
        };
      }
      return null;
    case 'resolve':
    case 'resolve_without_return':
    case 'mark_solved': {
      const chosen = decision.action === 'mark_solved' ? 'troubleshoot' : decision.resolution;
      if (!chosen || !assessment.eligible || !assessment.resolutions.includes(chosen)) {
        return {
          clause: assessment.eligible
            ? clauseOf(assessment, 'AS-GEN-5', 'AS-INC-2', 'AS-GEN-6')
            : decidingClause(assessment),
          message: assessment.eligible
            ? `The policy offers ${assessment.resolutions.map((r) => resolutionLabels[r].toLowerCase()).join(', ') || 'nothing'} for this claim, not ${chosen ? resolutionLabels[chosen].toLowerCase() : 'this'}.`
            : 'The policy does not accept this claim, so it cannot be resolved in the customer’s favour.',
        };
      }
      return null;
    }
    case 'send_quote':
      if (assessment.partsPayer !== 'customer') {
        return {
          clause: clauseOf(assessment, 'AS-DEF-3', 'AS-GEN-4'),
          message:
            assessment.partsPayer === 'shop'
              ? 'The shop pays for these parts (AS-GEN-4), so the customer is not sent a quote.'
              : 'No component has to be replaced at the customer’s cost, so there is nothing to quote.',
        };
      }
      return null;
    case 'decline':
      if (assessment.eligible && decision.inspection?.verdict !== 'no_fault_found') {
        return {
          clause: decidingClause(assessment),
          message: 'The policy accepts this claim, so declining it goes against the policy.',
        };
      }
      return null;
    default:
      return null;
  }
}

/** Who a case in `state` waits on: the customer (to send evidence, the parcel, or answer a quote), staff, or nobody. */
export function waitingOn(state: CaseState): 'customer' | 'staff' | null {
  switch (state) {
    case 'awaiting_evidence':
    case 'return_authorised':
    case 'quote_sent':
      return 'customer';
    case 'declined':
    case 'withdrawn':
    case 'closed':
      return null;
    default:
      return 'staff';
  }
}

export const customerWaitStates: readonly CaseState[] = [
  'awaiting_evidence',
  'return_authorised',
  'quote_sent',
];

const DAY_MS = 86_400_000;

/** The staff deadline of a case that reached `state` at `since`: `responseDays` later, or null when staff wait for nobody. */
export function dueAtFor(state: CaseState, since: Date, responseDays: number): Date | null {
  return waitingOn(state) === 'staff' ? new Date(since.getTime() + responseDays * DAY_MS) : null;
}

/** The queue's mark: past the deadline, within `soonDays` of it, or nothing. */
export function deadlineMark(dueAt: Date | null, now: Date, soonDays: number): 'overdue' | 'due_soon' | null {
  if (!dueAt) return null;
  const left = dueAt.getTime() - now.getTime();
  if (left < 0) return 'overdue';
  return left <= soonDays * DAY_MS ? 'due_soon' : null;
}

/** How long the customer has been keeping a case waiting, in milliseconds, or null when it does not wait on them. */
export function customerWaitMs(state: CaseState, since: Date, now: Date): number | null {
  return waitingOn(state) === 'customer' ? Math.max(0, now.getTime() - since.getTime()) : null;
}
