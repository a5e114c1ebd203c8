/**
 * The policy engine's answer (`Assessment`) in a customer's words: what may be offered, the evidence to
 * upload, who pays the return postage and up to how much, the deadline. Pure and browser-safe: the claim page
 * formats the server's answer and the live one (fetched as the customer types) through the same functions, and
 * the back office's policy playground writes its reply text (`explanationText`) from the same words.
 * Dates and money go through src/shared/format.ts.
 */

import { formatDateTime, formatUsd } from '../shared/format.ts';
import type { EvidenceKind, Resolution } from './claim.schema.ts';
import type { Assessment } from './policy.ts';

/** What the customer uploads, named as the evidence checklist names it. */
export const evidenceLabels: Record<EvidenceKind, string> = {
  package_front: 'A photo of the front of the package',
  package_back: 'A photo of the back of the package (with its labels)',
  item_media: 'Photos or a video of the item',
  malfunction_media: 'A photo, video or screenshot of the malfunction',
  defect_media: 'Photos, a video or a description of the defect',
  shipment_slip: 'Partial shipment slips, if there were any',
  postage_receipt: 'The postage receipt, once you have sent the item back',
};

function resolutionWords(r: Resolution, a: Assessment): string {
  switch (r) {
    case 'troubleshoot':
      return 'first, customer service tries to solve it with you';
    case 'repair':
      return 'a repair';
    case 'replacement':
      return 'a replacement';
    case 'refund':
      return 'a refund';
    case 'coupon':
      return a.couponValueCents !== null ? `a coupon worth ${formatUsd(a.couponValueCents)}` : 'a coupon';
    case 'keep_with_voucher':
      return 'keeping the item with a voucher';
  }
}

export interface AssessmentWords {
  eligible: boolean;
  headline: string;
  offers: string | null;
  reasons: ReadonlyArray<{ clause: string; message: string }>;
  evidence: Array<{ label: string; required: boolean }>;
  shipping: string | null;
  parts: string | null;
  deadline: string | null;
}

export function assessmentWords(a: Assessment): AssessmentWords {
  const offered = a.resolutions.filter((r) => r !== 'troubleshoot').map((r) => resolutionWords(r, a));
  const troubleshootFirst = a.resolutions.includes('troubleshoot');
  let offers: string | null = null;
  if (a.eligible && offered.length > 0) {
    const list =
      offered.length === 1
        ? String(offered[0])
        : `${offered.slice(0, -1).join(', ')} or ${offered[offered.length - 1]}`;
    offers = troubleshootFirst
      ? `First, customer service tries to solve it with you; if that does not work, ${list}.`
      : `${list.charAt(0).toUpperCase()}${list.slice(1)}.`;
  }
  let shipping: string | null = null;
  if (a.eligible && a.returnParcel) {
    const upTo = a.returnShipping.reimbursableUpToCents;
    shipping =
      a.returnShipping.payer === 'shop'
        ? `The shop pays the return postage${upTo > 0 ? `: keep the receipt, up to ${formatUsd(upTo)} is reimbursed` : ''}.`
        : upTo > 0
          ? `You pay the return postage; up to ${formatUsd(upTo)} is reimbursed if the inspection finds the complaint justified.`
          : 'You pay the return postage.';
  }
  const parts =
    a.partsPayer === null
      ? null
      : a.partsPayer === 'shop'
        ? 'The shop pays for any parts the repair needs.'
        : 'You pay for the parts the repair needs, after accepting a quote.';
  return {
    eligible: a.eligible,
    headline: a.eligible ? 'The policy covers this claim' : 'The policy does not cover this claim',
    offers,
    reasons: a.reasons,
    evidence: a.evidence.map((e) => ({ label: evidenceLabels[e.kind], required: e.required })),
    shipping,
    parts,
    deadline: a.deadline ? formatDateTime(a.deadline) : null,
  };
}

/**
 * The answer as plain text for a reply to the customer (the policy playground's "Copy the explanation"): the
 * verdict, what may be offered, then every reason as a list item ("- " and the reason). The engine's reasons
 * already state the deadline, the evidence and the return postage with their real dates and amounts. Clause IDs
 * stay out, as in every text a customer reads; staff see them beside the reasons on screen. Ends with "\n".
 */
export function explanationText(w: AssessmentWords): string {
  const lines = [`${w.headline}.`];
  if (w.offers) lines.push(w.offers);
  lines.push('', 'Why:', ...w.reasons.map((r) => `- ${r.message}`));
  return `${lines.join('\n')}\n`;
}
