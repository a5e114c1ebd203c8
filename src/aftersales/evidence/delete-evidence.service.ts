/** The customer removes a file they uploaded, while its kind is still being collected. */
import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import { NotFound } from '../../shared/errors.ts';
import { afterSalesEvidence } from './evidence.schema.ts';
import { evidenceServices } from './evidence-context.ts';
import { caseOf } from './evidence-records.ts';
import { checkCustomerMayDelete } from './evidence-rules.ts';

/**
 * Errors: 404 when the case is not the link's, or the file is not the case's or was uploaded by staff; 409 on
 * `evidenceId` once the case keeps its evidence (past `awaiting_evidence`; for a receipt, past inspection).
 * The row goes first (in the case's lock), then the files: a crash between leaves unreferenced bytes, never a
 * row pointing at nothing.
 */
export async function deleteCustomerEvidence(
  ctx: Pick<AppContext, 'db' | 'config' | 'secret'>,
  token: string,
  reference: string,
  evidenceId: string,
): Promise<void> {
  const { storage } = evidenceServices(ctx.config);
  const removed = await ctx.db.transaction(async (tx) => {
    const c = await caseOf(tx, ctx.secret, { by: 'customer', token, reference }, true);
    const [row] = await tx
      .select()
      .from(afterSalesEvidence)
      .where(
        and(
          eq(afterSalesEvidence.id, evidenceId),
          eq(afterSalesEvidence.caseId, c.id),
          eq(afterSalesEvidence.uploadedBy, 'customer'),
        ),
      );
    if (!row) throw new NotFound('Evidence file');
    checkCustomerMayDelete(row.kind, c.state);
    await tx.delete(afterSalesEvidence).where(eq(afterSalesEvidence.id, row.id));
    return row;
  });
  await Promise.all([storage.delete(removed.storageKey), storage.delete(removed.thumbnailKey)]);
}
