/**
 * The words customers read for the after-sales vocabulary: claim kinds, case states, resolutions and evidence.
 * One place, so the emails, the storefront and the back office say the same thing.
 */
import type { CaseState } from './cases/case-lifecycle.ts';
import type { ClaimKind, EvidenceKind, Resolution } from './claim.schema.ts';

export const claimKindWords: Record<ClaimKind, string> = {
  dead_on_arrival: 'did not work on arrival',
  defective: 'broke later (defective)',
  incorrect_item: 'not the item ordered',
  change_of_mind: 'change of mind',
};

export const caseStateWords: Record<CaseState, string> = {
  opened: 'Opened',
  troubleshooting: 'Troubleshooting with customer service',
  awaiting_evidence: 'Waiting for your photos or videos',
  return_authorised: 'Return authorised',
  parcel_received: 'Parcel received',
  inspected: 'Inspected',
  quote_sent: 'Parts quote waiting for your answer',
  quote_accepted: 'Quote accepted',
  quote_declined: 'Quote declined',
  resolved: 'Resolved',
  declined: 'Declined',
  withdrawn: 'Withdrawn',
  closed: 'Closed',
};

export const resolutionWords: Record<Resolution, string> = {
  troubleshoot: 'solved with customer service',
  repair: 'repair',
  replacement: 'replacement',
  refund: 'refund',
  coupon: 'coupon instead of a return',
  keep_with_voucher: 'keep the item with a voucher',
};

export const evidenceWords: Record<EvidenceKind, string> = {
  package_front: 'Photo of the front of the parcel (the label readable)',
  package_back: 'Photo of the back of the parcel',
  item_media: 'Photo or video of the item as received',
  malfunction_media: 'Photo or video showing it not working',
  defect_media: 'Photo or video showing the defect',
  shipment_slip: 'Photo of the packing slip',
  postage_receipt: 'The postage receipt of the return parcel',
};
