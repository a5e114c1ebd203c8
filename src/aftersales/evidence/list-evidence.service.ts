/** A case's evidence checklist and files, with short-lived signed addresses (customer's or staff's view). */
import type { AppContext } from '../../context.ts';
import { evidenceServices } from './evidence-context.ts';
import {
  caseOf,
  type EvidenceAccess,
  type EvidenceListView,
  evidenceListView,
  evidenceRowsOf,
} from './evidence-records.ts';

/**
 * Errors: 404 when the case is not the caller's.
 * @returns the checklist (required kinds still missing first named in `missing`) and every file, oldest first
 */
export async function listEvidence(
  ctx: Pick<AppContext, 'db' | 'config' | 'clock' | 'secret'>,
  access: EvidenceAccess,
): Promise<EvidenceListView> {
  const c = await caseOf(ctx.db, ctx.secret, access);
  const rows = await evidenceRowsOf(ctx.db, c.id);
  return evidenceListView(
    c,
    rows,
    ctx.secret,
    ctx.clock.now(),
    evidenceServices(ctx.config).limits.urlTtlSeconds,
    access.by,
  );
}
