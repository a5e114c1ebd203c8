/**
 * Removing evidence in bulk: every file of some cases (a deleted account's, PV-ACC-4; cases finished longer
 * than EVIDENCE_RETENTION_DAYS, PV-MIN-1). The rows go in the caller's transaction together with a purge task
 * per case folder (`evidence_purges`); the bytes go after the commit (`runEvidencePurges`). A crash or a
 * storage error between the two leaves the task for the next run of the retention job, never a row pointing
 * at missing bytes nor bytes that outlive the promise to delete them.
 */
import { and, asc, eq, inArray, lte } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { afterSalesCases, FINISHED_CASE_STATES } from '../schema.ts';
import { afterSalesEvidence, evidencePurges } from './evidence.schema.ts';
import { evidenceServices } from './evidence-context.ts';

/** The storage folder of a case's evidence (see upload-evidence.service.ts for the keys under it). */
export function caseEvidenceFolder(caseId: string): string {
  return `evidence/${caseId}`;
}

/**
 * Deletes the evidence rows of `caseIds` and queues their folders for removal, in `tx`. Returns the number of
 * files (rows) removed.
 */
export async function deleteCaseEvidence(tx: Db, caseIds: readonly string[], now: Date): Promise<number> {
  if (caseIds.length === 0) return 0;
  const removed = await tx
    .delete(afterSalesEvidence)
    .where(inArray(afterSalesEvidence.caseId, [...caseIds]))
    .returning({ caseId: afterSalesEvidence.caseId });
  const folders = [...new Set(removed.map((r) => r.caseId))];
  if (folders.length > 0) {
    await tx.insert(evidencePurges).values(
      folders.map((caseId) => ({
        id: uuidv7(now.getTime()),
        storagePrefix: caseEvidenceFolder(caseId),
        createdAt: now,
      })),
    );
  }
  return removed.length;
}

/**
 * Removes the stored files of every queued purge task, oldest first, each task deleted once its files are
 * gone (deleting twice is harmless). A storage error leaves that task for the next run. Returns the number of
 * folders removed.
 */
export async function runEvidencePurges(ctx: Pick<AppContext, 'db' | 'config'>): Promise<number> {
  const { storage } = evidenceServices(ctx.config);
  const tasks = await ctx.db.select().from(evidencePurges).orderBy(asc(evidencePurges.createdAt)).limit(1000);
  let done = 0;
  for (const task of tasks) {
    try {
      await storage.deleteUnder(task.storagePrefix);
    } catch {
      continue; // kept for the next run
    }
    await ctx.db.delete(evidencePurges).where(eq(evidencePurges.id, task.id));
    done += 1;
  }
  return done;
}

/** How many cases one retention run clears; the next run (an hour later) takes the rest. */
const RETENTION_BATCH = 200;

/**
 * PV-MIN-1: the evidence of cases finished (closed, declined, withdrawn) before `before` is deleted, rows and
 * files. Returns how many files went.
 */
export async function deleteExpiredEvidence(
  ctx: Pick<AppContext, 'db' | 'clock' | 'config'>,
  before: Date,
): Promise<number> {
  const now = ctx.clock.now();
  const removed = await ctx.db.transaction(async (tx) => {
    const cases = await tx
      .selectDistinct({ id: afterSalesCases.id })
      .from(afterSalesCases)
      .innerJoin(afterSalesEvidence, eq(afterSalesEvidence.caseId, afterSalesCases.id))
      .where(
        and(
          inArray(afterSalesCases.state, [...FINISHED_CASE_STATES]),
          lte(afterSalesCases.stateSince, before),
        ),
      )
      .limit(RETENTION_BATCH);
    // Locked and checked again: a case reopened meanwhile (none can be today, but the lifecycle may grow) keeps
    // its files.
    const ids = cases.map((c) => c.id);
    if (ids.length === 0) return 0;
    const still = await tx
      .select({ id: afterSalesCases.id })
      .from(afterSalesCases)
      .where(
        and(
          inArray(afterSalesCases.id, ids),
          inArray(afterSalesCases.state, [...FINISHED_CASE_STATES]),
          lte(afterSalesCases.stateSince, before),
        ),
      )
      .for('update');
    return deleteCaseEvidence(
      tx,
      still.map((c) => c.id),
      now,
    );
  });
  await runEvidencePurges(ctx);
  return removed;
}
