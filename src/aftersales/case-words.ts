/** Words of cases shared by the back office's screens and the emails staff get. */
import type { CaseState } from './cases/case-lifecycle.ts';
import type { EvidenceKind } from './claim.schema.ts';

/** A case's state as staff read it (the queue, the case page, the owner's deadline digest). */
export const caseStateLabel: Record<CaseState, string> = {
  opened: 'Opened',
  troubleshooting: 'Troubleshooting',
  awaiting_evidence: 'Awaiting evidence',
  return_authorised: 'Return authorised',
  parcel_received: 'Parcel received',
  inspected: 'Inspected',
  quote_sent: 'Quote sent',
  quote_accepted: 'Quote accepted',
  quote_declined: 'Quote declined',
  resolved: 'Resolved',
  declined: 'Declined',
  withdrawn: 'Withdrawn',
  closed: 'Closed',
};

/** The evidence a case asks for, as the customer's emails list it (case-step-emails.ts). */
export const evidenceWords: Record<EvidenceKind, string> = {
  package_front: 'Photo of the front of the parcel (the label readable)',
  package_back: 'Photo of the back of the parcel',
  item_media: 'Photo or video of the item as received',
  malfunction_media: 'Photo or video showing it not working',
  defect_media: 'Photo or video showing the defect',
  shipment_slip: 'Photo of the packing slip',
  postage_receipt: 'The postage receipt of the return parcel',
};
