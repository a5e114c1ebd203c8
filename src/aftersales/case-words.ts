/** The evidence a case asks for, as the customer's emails list it (case-step-emails.ts). */
import type { EvidenceKind } from './claim.schema.ts';

export const evidenceWords: Record<EvidenceKind, string> = {
  package_front: 'Photo of the front of the parcel (the label readable)',
  package_back: 'Photo of the back of the parcel',
  item_media: 'Photo or video of the item as received',
  malfunction_media: 'Photo or video showing it not working',
  defect_media: 'Photo or video showing the defect',
  shipment_slip: 'Photo of the packing slip',
  postage_receipt: 'The postage receipt of the return parcel',
};
