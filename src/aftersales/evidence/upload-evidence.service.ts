/**
 * Adding one evidence file to a case (issue 10 point 3; AS-DOA-2, AS-DEF-6, AS-INC-3; the postage receipt of
 * AS-DEF-5 with its amount for AS-GEN-3). The order of the work keeps it whole:
 *   1. the kind, the amount and the case's file count are checked before any byte is decoded;
 *   2. the type is read from the bytes (`file-type`), and the size limit of that type applied;
 *   3. the file is cleaned (photos re-encoded through the bounded queue; videos through ffmpeg) in memory or in
 *      the scratch folder;
 *   4. the cleaned original and thumbnail are put in the store;
 *   5. the row is written in a transaction that locks the case and checks its state and count again.
 * A failure at 2-4 leaves no row; a failure at 5 removes the stored files again: never a row without its files
 * nor a file without its row.
 */
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { count, eq } from 'drizzle-orm';
import { fileTypeFromFile } from 'file-type';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../shared/errors.ts';
import { formatBytes } from '../../shared/format.ts';
import { uuidv7 } from '../../shared/ids.ts';
import type { EvidenceKind } from '../claim.schema.ts';
import { afterSalesEvidence } from './evidence.schema.ts';
import { evidenceServices } from './evidence-context.ts';
import { caseOf, type EvidenceAccess, type EvidenceFileView, evidenceFileView } from './evidence-records.ts';
import {
  checkCaseFileCount,
  checkUploadKind,
  mediaClassOf,
  parseReceiptAmount,
  parseReceiptDollars,
} from './evidence-rules.ts';
import { processImage } from './process-image.ts';
import { processVideo } from './process-video.ts';

export interface ReceivedUpload {
  /** The file as received, in the scratch folder (removed by the caller). */
  path: string;
  bytes: number;
  /** The form's `kind` field. */
  kind: string | undefined;
  /** The form's `amountCents` field (postage receipts only). */
  amountCents: string | undefined;
  /** Or the form's `amount` field, in dollars as typed ("4.50"). */
  amount?: string | undefined;
}

async function countFiles(db: AppContext['db'], caseId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(afterSalesEvidence)
    .where(eq(afterSalesEvidence.caseId, caseId));
  return Number(row?.n ?? 0);
}

function sizeLimit(what: string, max: number): AppError {
  return new AppError('payload_too_large', `file: ${what} may be at most ${formatBytes(max)}`, {
    field: 'file',
  });
}

interface Cleaned {
  original: Buffer;
  thumbnail: Buffer;
  mediaType: string;
  extension: string;
  width: number | null;
  height: number | null;
  durationMs: number | null;
}

async function clean(ctx: Pick<AppContext, 'config'>, upload: ReceivedUpload): Promise<Cleaned> {
  const { imageQueue, heicDecoder, limits, scratchDir } = evidenceServices(ctx.config);
  const sniffed = await fileTypeFromFile(upload.path);
  const cls = mediaClassOf(sniffed?.mime);
  if (cls === 'video') {
    if (upload.bytes > limits.maxVideoBytes) throw sizeLimit('a video', limits.maxVideoBytes);
    const output = join(scratchDir, `${uuidv7()}.clean`);
    try {
      const video = await processVideo(
        upload.path,
        output,
        sniffed?.mime as 'video/mp4' | 'video/quicktime',
        {
          maxSeconds: limits.maxVideoSeconds,
          timeoutMs: limits.videoTimeoutMs,
        },
      );
      return {
        original: await readFile(output),
        thumbnail: video.thumbnail,
        mediaType: video.mediaType,
        extension: video.mediaType === 'video/quicktime' ? 'mov' : 'mp4',
        width: video.width,
        height: video.height,
        durationMs: video.durationMs,
      };
    } finally {
      await rm(output, { force: true });
    }
  }
  if (upload.bytes > limits.maxImageBytes) throw sizeLimit('a photo', limits.maxImageBytes);
  const data = await readFile(upload.path);
  const image = await imageQueue.run(() =>
    processImage(data, cls === 'heic' ? heicDecoder : null, {
      maxPixels: limits.maxPixels,
      maxSide: limits.imageMaxSide,
    }),
  );
  return {
    original: image.original,
    thumbnail: image.thumbnail,
    mediaType: 'image/jpeg',
    extension: 'jpg',
    width: image.width,
    height: image.height,
    durationMs: null,
  };
}

/**
 * Checks, cleans and stores one file for the case behind `access`; returns it with signed addresses.
 * Errors (all `{ error: { field } }`): 404 the case is not the caller's; 400 `kind` not in the case's checklist,
 * `amountCents` malformed or on another kind, `file` empty or undecodable; 409 `kind` when the case is past
 * collecting it; 413 `file` over a size, pixel, duration or per-case count limit; 415 `file` not an accepted type.
 */
export async function uploadEvidence(
  ctx: Pick<AppContext, 'db' | 'config' | 'clock' | 'secret'>,
  access: EvidenceAccess,
  upload: ReceivedUpload,
): Promise<EvidenceFileView> {
  const { storage, limits } = evidenceServices(ctx.config);
  const actor = access.by;
  const before = await caseOf(ctx.db, ctx.secret, access);
  const kind: EvidenceKind = checkUploadKind(upload.kind, before.assessment.evidence, before.state, actor);
  const amountCents =
    parseReceiptAmount(upload.amountCents, kind) ?? parseReceiptDollars(upload.amount, kind);
  checkCaseFileCount(await countFiles(ctx.db, before.id), limits.maxFilesPerCase);
  if (upload.bytes === 0) {
    throw new AppError('validation_failed', 'file: choose a photo or video to upload', { field: 'file' });
  }

  const cleaned = await clean(ctx, upload);
  const now = ctx.clock.now();
  const id = uuidv7(now.getTime());
  const storageKey = `evidence/${before.id}/${id}.${cleaned.extension}`;
  const thumbnailKey = `evidence/${before.id}/${id}-thumb.webp`;
  try {
    await storage.put(storageKey, cleaned.original, cleaned.mediaType);
    await storage.put(thumbnailKey, cleaned.thumbnail, 'image/webp');
    const row = await ctx.db.transaction(async (tx) => {
      // Under the case's lock: a move (or another upload) that happened while the file was being cleaned.
      const c = await caseOf(tx, ctx.secret, access, true);
      checkUploadKind(kind, c.assessment.evidence, c.state, actor);
      checkCaseFileCount(await countFiles(tx, c.id), limits.maxFilesPerCase);
      const [inserted] = await tx
        .insert(afterSalesEvidence)
        .values({
          id,
          caseId: c.id,
          kind,
          mediaType: cleaned.mediaType,
          bytes: cleaned.original.length,
          width: cleaned.width,
          height: cleaned.height,
          durationMs: cleaned.durationMs,
          storageKey,
          thumbnailKey,
          amountCents,
          uploadedBy: actor,
          staffId: access.by === 'staff' ? access.staffId : null,
          createdAt: now,
        })
        .returning();
      return inserted;
    });
    if (!row) throw new Error('evidence row not written');
    return evidenceFileView(row, ctx.secret, now, limits.urlTtlSeconds);
  } catch (error) {
    await Promise.all([storage.delete(storageKey), storage.delete(thumbnailKey)]);
    throw error;
  }
}
