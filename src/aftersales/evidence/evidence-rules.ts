/**
 * The rules of evidence uploads, pure: which file types are accepted (read from the bytes, never the name),
 * which kinds a case takes (its assessment's list), and when the customer may add or remove a file.
 */
import { AppError, Conflict } from '../../shared/errors.ts';
import type { CaseState } from '../cases/case-lifecycle.ts';
import type { EvidenceKind } from '../claim.schema.ts';
import type { EvidenceRequirement } from '../policy.ts';

/** The accepted types as `file-type` reads them from the bytes, and what each becomes. */
export const acceptedMedia = {
  'image/jpeg': 'image',
  'image/png': 'image',
  'image/webp': 'image',
  'image/heic': 'heic',
  'image/heif': 'heic',
  'video/mp4': 'video',
  'video/quicktime': 'video',
} as const;
export type MediaClass = (typeof acceptedMedia)[keyof typeof acceptedMedia];

/** The class of a sniffed type, or a 415 on `file` naming what is accepted. */
export function mediaClassOf(sniffedMime: string | undefined): MediaClass {
  const cls = sniffedMime ? acceptedMedia[sniffedMime as keyof typeof acceptedMedia] : undefined;
  if (!cls) {
    throw new AppError(
      'unsupported_media_type',
      'file: this file is not a photo (JPEG, PNG, WebP, HEIC) or a video (MP4, MOV); its content was checked, not its name',
      { field: 'file' },
    );
  }
  return cls;
}

/** States in which the customer may add (or remove) evidence of a kind; staff may add in any open state. */
const CUSTOMER_UPLOAD_STATES: readonly CaseState[] = ['opened', 'troubleshooting', 'awaiting_evidence'];
/** AS-DEF-5: the receipt exists once the parcel is posted, i.e. after the return was authorised. */
const RECEIPT_STATES: readonly CaseState[] = [
  'awaiting_evidence',
  'return_authorised',
  'parcel_received',
  'inspected',
];
const STAFF_UPLOAD_STATES: readonly CaseState[] = [
  'opened',
  'troubleshooting',
  'awaiting_evidence',
  'return_authorised',
  'parcel_received',
  'inspected',
  'quote_sent',
  'quote_accepted',
  'quote_declined',
];

/**
 * The kind named by the upload, checked against the case's assessment (AS-DOA-2, AS-DEF-6, AS-INC-3): a kind
 * the checklist does not list is a 400 on `kind`; a case past the point where this kind is collected is a 409.
 */
export function checkUploadKind(
  kind: string | undefined,
  evidence: readonly EvidenceRequirement[],
  state: CaseState,
  actor: 'customer' | 'staff',
): EvidenceKind {
  const requirement = evidence.find((e) => e.kind === kind);
  if (!requirement) {
    const allowed = evidence.map((e) => e.kind);
    throw new AppError(
      'validation_failed',
      allowed.length > 0
        ? `kind: must be one of this case's evidence kinds: ${allowed.join(', ')}`
        : 'kind: this case needs no evidence',
      { field: 'kind' },
    );
  }
  const states =
    actor === 'staff'
      ? STAFF_UPLOAD_STATES
      : requirement.kind === 'postage_receipt'
        ? RECEIPT_STATES
        : CUSTOMER_UPLOAD_STATES;
  if (!states.includes(state)) {
    throw new Conflict(
      `kind: a case that is ${state.replaceAll('_', ' ')} takes no more ${requirement.kind.replaceAll('_', ' ')} files`,
      {
        field: 'kind',
        state,
      },
    );
  }
  return requirement.kind;
}

/**
 * The kinds of `evidence` that `actor` may add to a case in `state` now (the file inputs a case page shows;
 * for the customer, also the kinds whose files they may still remove).
 */
export function uploadableKinds(
  evidence: readonly EvidenceRequirement[],
  state: CaseState,
  actor: 'customer' | 'staff',
): EvidenceKind[] {
  return evidence
    .filter((e) => {
      try {
        checkUploadKind(e.kind, evidence, state, actor);
        return true;
      } catch {
        return false;
      }
    })
    .map((e) => e.kind);
}

/** The customer removes a file of theirs only while that kind is still being collected. */
export function checkCustomerMayDelete(kind: EvidenceKind, state: CaseState): void {
  const states = kind === 'postage_receipt' ? RECEIPT_STATES : CUSTOMER_UPLOAD_STATES;
  if (!states.includes(state)) {
    throw new Conflict(
      `A case that is ${state.replaceAll('_', ' ')} keeps its evidence; it can no longer be removed`,
      {
        field: 'evidenceId',
        state,
      },
    );
  }
}

/** AS-GEN-3: the receipt's amount, in cents, only on a postage receipt. Blank means not given. */
export function parseReceiptAmount(raw: string | undefined, kind: EvidenceKind): number | null {
  if (raw === undefined || raw.trim() === '') return null;
  if (kind !== 'postage_receipt') {
    throw new AppError('validation_failed', 'amountCents: only a postage receipt has an amount', {
      field: 'amountCents',
    });
  }
  const value = raw.trim();
  if (!/^\d{1,9}$/.test(value)) {
    throw new AppError('validation_failed', 'amountCents: must be a whole number of cents (0 to 999999999)', {
      field: 'amountCents',
    });
  }
  return Number(value);
}

/**
 * AS-GEN-3: the receipt's amount as a person types it in US dollars ("4.50", "12"), in cents; blank is not
 * given. The no-JavaScript form sends this; scripts and API clients may send `amountCents` instead.
 */
export function parseReceiptDollars(raw: string | undefined, kind: EvidenceKind): number | null {
  if (raw === undefined || raw.trim() === '') return null;
  const match = /^\$?\s*(\d{1,7})(?:\.(\d{1,2}))?$/.exec(raw.trim());
  if (kind !== 'postage_receipt' || !match) {
    throw new AppError(
      'validation_failed',
      kind !== 'postage_receipt'
        ? 'amount: only a postage receipt has an amount'
        : 'amount: write the amount paid in dollars and cents, e.g. 4.50',
      { field: 'amount' },
    );
  }
  return Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0'));
}

/** Per case, all kinds together: a 413 on `file` naming the limit. */
export function checkCaseFileCount(existing: number, max: number): void {
  if (existing >= max) {
    throw new AppError('payload_too_large', `file: a case holds at most ${max} files; remove one first`, {
      field: 'file',
    });
  }
}
