/**
 * The words and tones of after-sales cases in the back office: states, kinds, evidence, verdicts, how long a
 * case has waited and how far its deadline is. The rules behind them are the server's (case-rules.ts).
 */

import { caseStateLabel } from '../../../../src/aftersales/case-words.ts';
import type { CaseState } from '../../../../src/aftersales/cases/case-lifecycle.ts';
import { resolutionLabels, verdictLabels } from '../../../../src/aftersales/cases/case-rules.ts';
import type { ClaimKind, EvidenceKind } from '../../../../src/aftersales/claim.schema.ts';
import type { Tone } from '../ui/Badge.tsx';

export type { CaseState, ClaimKind };
export { caseStateLabel, resolutionLabels, verdictLabels };

export const caseStateTone: Record<CaseState, Tone> = {
  opened: 'info',
  troubleshooting: 'info',
  awaiting_evidence: 'warning',
  return_authorised: 'warning',
  parcel_received: 'info',
  inspected: 'info',
  quote_sent: 'warning',
  quote_accepted: 'info',
  quote_declined: 'info',
  resolved: 'success',
  declined: 'danger',
  withdrawn: 'neutral',
  closed: 'neutral',
};

export const claimKindLabel: Record<ClaimKind, string> = {
  dead_on_arrival: 'Dead on arrival',
  defective: 'Defective',
  incorrect_item: 'Incorrect item',
  change_of_mind: 'Change of mind',
};

export const evidenceLabel: Record<EvidenceKind, string> = {
  package_front: 'Front of the package',
  package_back: 'Back of the package',
  item_media: 'Photos or video of the item',
  malfunction_media: 'Photos, video or a screenshot of the malfunction',
  defect_media: 'Photos, video or a description of the defect',
  shipment_slip: 'Partial shipment slips, if any',
  postage_receipt: 'The postage receipt, once shipped',
};

export const componentLabel: Record<'screen' | 'battery' | 'motherboard', string> = {
  screen: 'Screen',
  battery: 'Battery',
  motherboard: 'Motherboard',
};

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** "3 days", "5 hours", "less than an hour". */
export function formatSpan(ms: number): string {
  const abs = Math.abs(ms);
  if (abs >= DAY_MS) {
    const days = Math.floor(abs / DAY_MS);
    return `${days} ${days === 1 ? 'day' : 'days'}`;
  }
  if (abs >= HOUR_MS) {
    const hours = Math.floor(abs / HOUR_MS);
    return `${hours} ${hours === 1 ? 'hour' : 'hours'}`;
  }
  return 'less than an hour';
}

/** "Deadline in 2 days", "Overdue by 5 hours". */
export function deadlineText(dueAt: string, now = Date.now()): string {
  const left = new Date(dueAt).getTime() - now;
  return left < 0 ? `Overdue by ${formatSpan(left)}` : `Deadline in ${formatSpan(left)}`;
}
