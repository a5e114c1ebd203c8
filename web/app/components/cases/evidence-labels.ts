/** Words and small formatters shared by the evidence components (no server code: they run in the browser). */

import type { EvidenceKind } from '../../../../src/aftersales/claim.schema.ts';
import type {
  EvidenceFileView,
  EvidenceListView,
} from '../../../../src/aftersales/evidence/evidence-records.ts';

export type { EvidenceFileView, EvidenceKind, EvidenceListView };

/** What each kind asks for, as the customer reads it (the engine's AS-DOA-2 / AS-DEF-6 / AS-INC-3 list). */
export const kindLabels: Record<EvidenceKind, { title: string; hint: string }> = {
  package_front: { title: 'Front of the package', hint: 'A photo of the box’s front, with its label.' },
  package_back: {
    title: 'Back of the package',
    hint: 'A photo of the box’s back, with the serial number sticker.',
  },
  item_media: { title: 'The item', hint: 'Photos or a short video of the item itself.' },
  malfunction_media: {
    title: 'The malfunction',
    hint: 'A photo, a short video or a screenshot showing what goes wrong.',
  },
  defect_media: { title: 'The defect', hint: 'A photo or a short video of the defect.' },
  shipment_slip: { title: 'Partial shipment slips', hint: 'If the order came in several parcels.' },
  postage_receipt: {
    title: 'Postage receipt',
    hint: 'Once you have posted the parcel: a photo of the receipt, and the amount you paid.',
  },
};

/** What the file inputs accept (the server checks the bytes again, whatever the browser says). */
export const ACCEPT =
  'image/jpeg,image/png,image/webp,image/heic,image/heif,.heic,.heif,video/mp4,video/quicktime,.mov';

export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

export function isVideo(file: Pick<EvidenceFileView, 'mediaType'>): boolean {
  return file.mediaType.startsWith('video/');
}
