/** Evidence on the wire (the list answer, one file, route parameters). */
import { z } from 'zod';
import { text } from '../../shared/text.ts';
import { wholeNumber } from '../../shared/whole-number.ts';
import { caseIdParams, caseLinkParams } from '../cases/schemas.ts';
import { evidenceKinds } from '../claim.schema.ts';
import { evidenceVariants } from './signed-url.ts';

export const evidenceFileSchema = z.object({
  id: z.uuid(),
  kind: z.enum(evidenceKinds),
  mediaType: z.string(),
  bytes: z.number().int(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  durationMs: z.number().int().nullable(),
  amountCents: z.number().int().nullable(),
  uploadedBy: z.enum(['customer', 'staff']),
  createdAt: z.iso.datetime({ offset: true }),
  url: z.string(),
  thumbnailUrl: z.string(),
  urlsExpireAt: z.iso.datetime({ offset: true }),
});

export const evidenceListResponse = z.object({
  checklist: z.object({
    items: z.array(z.object({ kind: z.enum(evidenceKinds), required: z.boolean(), files: z.number().int() })),
    missing: z.array(z.enum(evidenceKinds)),
    complete: z.boolean(),
  }),
  uploadableKinds: z.array(z.enum(evidenceKinds)),
  files: z.array(evidenceFileSchema),
});

export const evidenceFileResponse = z.object({ file: evidenceFileSchema });

export const customerEvidenceFileParams = caseLinkParams.extend({ evidenceId: z.uuid() });

export const staffEvidenceFileParams = caseIdParams.extend({ evidenceId: z.uuid() });

/** Why staff remove a file: kept in the case's timeline (its minimum length is CASE_OVERRIDE_REASON_MIN_CHARS). */
export const evidenceRemovalBody = z.strictObject({ reason: text({ multiline: true }).trim().max(2000) });

export const evidenceFileParams = z.strictObject({ id: z.uuid(), variant: z.enum(evidenceVariants) });
export const evidenceFileQuery = z.strictObject({
  exp: wholeNumber({ min: 0, max: 1e11 }),
  sig: z.string().min(1).max(128),
});
