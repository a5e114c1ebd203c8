/**
 * The evidence checklist of a case: the assessment's evidence list (AS-DOA-2, AS-DEF-6, AS-INC-3) against the
 * files uploaded so far. Pure: the case views call it with the stored assessment and the kinds of the rows.
 */

import { missingEvidence } from '../cases/case-evidence.rules.ts';
import type { EvidenceKind } from '../claim.schema.ts';
import type { EvidenceRequirement } from '../policy.ts';

export interface ChecklistItem {
  kind: EvidenceKind;
  required: boolean;
  /** Files uploaded for this kind. */
  files: number;
}

export interface EvidenceChecklist {
  items: ChecklistItem[];
  /** The required kinds with no file yet, in the assessment's order: what the customer's page asks for. */
  missing: EvidenceKind[];
  /** True when every required kind has at least one file. */
  complete: boolean;
}

/**
 * @param requirements the assessment's `evidence` list, as stored on the case
 * @param uploadedKinds the kind of every evidence file of the case (one entry per file)
 */
export function evidenceChecklist(
  requirements: readonly EvidenceRequirement[],
  uploadedKinds: readonly EvidenceKind[],
): EvidenceChecklist {
  const counts = new Map<EvidenceKind, number>();
  for (const kind of uploadedKinds) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  const items = requirements.map((r) => ({
    kind: r.kind,
    required: r.required,
    files: counts.get(r.kind) ?? 0,
  }));
  const missing = missingEvidence(requirements, uploadedKinds);
  return { items, missing, complete: missing.length === 0 };
}

/** Human words for each kind (the case pages' labels), matching the engine's evidence reasons. */
export const evidenceKindLabels: Record<EvidenceKind, string> = {
  package_front: 'Front of the package',
  package_back: 'Back of the package',
  item_media: 'The item',
  malfunction_media: 'The malfunction',
  defect_media: 'The defect',
  shipment_slip: 'Partial shipment slips',
  postage_receipt: 'Postage receipt',
};
