/** The bytes behind a signed evidence address (signed-url.ts), or why not. */
import type { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import { AppError, NotFound } from '../../shared/errors.ts';
import { afterSalesEvidence } from './evidence.schema.ts';
import { evidenceServices } from './evidence-context.ts';
import { checkEvidenceSignature, type EvidenceVariant } from './signed-url.ts';

/**
 * Errors: 403 when the signature does not match (tampered, or another file's) or the address has expired;
 * 404 when the file was removed since.
 */
export async function openEvidenceFile(
  ctx: Pick<AppContext, 'db' | 'config' | 'clock' | 'secret'>,
  request: { id: string; variant: EvidenceVariant; exp: number; sig: string },
): Promise<{ stream: Readable; bytes: number; mediaType: string }> {
  const verdict = checkEvidenceSignature(
    ctx.secret,
    request.id,
    request.variant,
    request.exp,
    request.sig,
    ctx.clock.now(),
  );
  if (verdict === 'bad_signature') {
    throw new AppError('forbidden', 'This address is not valid; open the file from the case page again', {
      field: 'sig',
    });
  }
  if (verdict === 'expired') {
    throw new AppError('forbidden', 'This address has expired; open the file from the case page again', {
      field: 'exp',
    });
  }
  const [row] = await ctx.db.select().from(afterSalesEvidence).where(eq(afterSalesEvidence.id, request.id));
  if (!row) throw new NotFound('Evidence file');
  const key = request.variant === 'thumbnail' ? row.thumbnailKey : row.storageKey;
  const stored = await evidenceServices(ctx.config).storage.get(key);
  if (!stored) throw new NotFound('Evidence file');
  return { ...stored, mediaType: request.variant === 'thumbnail' ? 'image/webp' : row.mediaType };
}
