/**
 * The evidence a case still lacks, and the staff decisions that wait for it (issue 10 points 2–3). The list is
 * the assessment's `evidence` (the engine's copy of AS-DOA-2, AS-DEF-6 or AS-INC-3 for the claim's kind); a
 * kind counts as sent once it has one file. Pure: the staff move (staff-move-case.service.ts), the staff case
 * page's actions (case-views.ts → CaseActions), the checklist (evidence/checklist.ts) and the reminders
 * (case-follow-up.ts, case-step-emails.ts) all ask `missingEvidence`, so "complete" means one thing everywhere.
 */
import { evidenceWords } from '../case-words.ts';
import type { ClaimKind, EvidenceKind } from '../claim.schema.ts';
import { type EvidenceRequirement, evidenceClauseOf } from '../policy.ts';
import type { CaseAction } from './case-lifecycle.ts';

/**
 * The required kinds of `requirements` (the assessment's evidence list) with no file among `uploadedKinds`
 * (the kind of every file of the case, one entry per file), in the list's order; [] when every required kind
 * has a file. Optional kinds (AS-DEF-6 shipment slips, AS-INC-3 fault media, the postage receipt) never count.
 */
export function missingEvidence(
  requirements: readonly EvidenceRequirement[],
  uploadedKinds: readonly EvidenceKind[],
): EvidenceKind[] {
  const sent = new Set(uploadedKinds);
  return requirements.filter((r) => r.required && !sent.has(r.kind)).map((r) => r.kind);
}

/**
 * The decisions taken on the evidence (from `awaiting_evidence`): a return authorised (AS-GEN-2) or a case
 * resolved without one (AS-GEN-5 coupon, AS-INC-2 voucher). Declining needs no evidence.
 */
export const evidenceGatedActions: readonly CaseAction[] = ['authorise_return', 'resolve_without_return'];

/** A decision taken before the evidence it rests on is in: what is missing and the clause that lists it. */
export interface EvidenceGap {
  /** The required kinds with no file, in the assessment's order. */
  missing: EvidenceKind[];
  /** AS-DOA-2, AS-DEF-6 or AS-INC-3: the claim kind's evidence clause. */
  clause: string;
  /** "Still missing: photo of the back of the parcel, photo or video of the item as received." */
  message: string;
}

/**
 * "Still missing: photo of the back of the parcel, photo or video showing the defect." in the words of the
 * customer's emails; `lead` replaces "Still missing" (the timeline says what was missing then).
 */
export function stillMissingSentence(missing: readonly EvidenceKind[], lead = 'Still missing'): string {
  const words = missing.map((kind) => {
    const w = evidenceWords[kind];
    return w.charAt(0).toLowerCase() + w.slice(1);
  });
  return `${lead}: ${words.join(', ')}.`;
}

/**
 * Whether `action` on a case of claim `kind` is taken before its required evidence is in: the gap (the
 * missing kinds, the clause, the words), or null when the action does not rest on the evidence or every
 * required kind has a file. Staff may still take it with a written reason (the override), which the timeline
 * keeps beside the engine's answer with the missing kinds.
 */
export function evidenceGap(
  action: CaseAction,
  kind: ClaimKind,
  requirements: readonly EvidenceRequirement[],
  uploadedKinds: readonly EvidenceKind[],
): EvidenceGap | null {
  if (!evidenceGatedActions.includes(action)) return null;
  const missing = missingEvidence(requirements, uploadedKinds);
  const clause = evidenceClauseOf(kind);
  if (missing.length === 0 || !clause) return null;
  return { missing, clause, message: stillMissingSentence(missing) };
}
