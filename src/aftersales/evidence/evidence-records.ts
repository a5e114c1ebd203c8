/** The case an evidence request is about, found the way its caller is authorised, and the rows' views. */
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { NotFound } from '../../shared/errors.ts';
import { orderOfLink } from '../cases/claim-records.ts';
import type { EvidenceKind } from '../claim.schema.ts';
import { afterSalesCases } from '../schema.ts';
import { type EvidenceChecklist, evidenceChecklist } from './checklist.ts';
import { afterSalesEvidence, type EvidenceRow } from './evidence.schema.ts';
import { uploadableKinds } from './evidence-rules.ts';
import { signEvidenceUrl } from './signed-url.ts';

export type CaseOfEvidence = Pick<
  typeof afterSalesCases.$inferSelect,
  'id' | 'reference' | 'state' | 'assessment' | 'orderId'
>;

const caseColumns = {
  id: afterSalesCases.id,
  reference: afterSalesCases.reference,
  state: afterSalesCases.state,
  assessment: afterSalesCases.assessment,
  orderId: afterSalesCases.orderId,
};

/** Who is asking: the holder of the order's signed link (one case by its reference), or staff (any case). */
export type EvidenceAccess =
  | { by: 'customer'; token: string; reference: string }
  | { by: 'staff'; caseId: string; staffId: string };

/**
 * The case behind `access`, or a 404 (a reference of another order, an unknown id, a bad link). With `lock` the
 * row is locked until the transaction ends (uploads and deletes re-check the state and count under it).
 */
export async function caseOf(
  db: Db,
  secret: string,
  access: EvidenceAccess,
  lock = false,
): Promise<CaseOfEvidence> {
  let where: ReturnType<typeof eq>;
  if (access.by === 'customer') {
    const order = await orderOfLink(db, secret, access.token);
    where = and(
      eq(afterSalesCases.orderId, order.id),
      eq(afterSalesCases.reference, access.reference.trim().toUpperCase()),
    ) as ReturnType<typeof eq>;
  } else {
    where = eq(afterSalesCases.id, access.caseId);
  }
  const query = db.select(caseColumns).from(afterSalesCases).where(where);
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new NotFound('Case');
  return row;
}

export async function evidenceRowsOf(db: Db, caseId: string): Promise<EvidenceRow[]> {
  return db
    .select()
    .from(afterSalesEvidence)
    .where(eq(afterSalesEvidence.caseId, caseId))
    .orderBy(asc(afterSalesEvidence.createdAt), asc(afterSalesEvidence.id));
}

export interface EvidenceFileView {
  id: string;
  kind: EvidenceRow['kind'];
  mediaType: string;
  bytes: number;
  width: number | null;
  height: number | null;
  durationMs: number | null;
  amountCents: number | null;
  uploadedBy: 'customer' | 'staff';
  createdAt: string;
  /** Signed, short-lived addresses (EVIDENCE_URL_TTL_SECONDS): the cleaned original and the WebP thumbnail. */
  url: string;
  thumbnailUrl: string;
  urlsExpireAt: string;
}

export interface EvidenceListView {
  checklist: EvidenceChecklist;
  /** The kinds the caller may add now (for the customer, also the kinds whose files they may remove). */
  uploadableKinds: EvidenceKind[];
  files: EvidenceFileView[];
}

/** A file as the case pages show it, with fresh signed addresses. */
export function evidenceFileView(
  row: EvidenceRow,
  secret: string,
  now: Date,
  ttlSeconds: number,
): EvidenceFileView {
  const original = signEvidenceUrl(secret, row.id, 'original', now, ttlSeconds);
  const thumbnail = signEvidenceUrl(secret, row.id, 'thumbnail', now, ttlSeconds);
  return {
    id: row.id,
    kind: row.kind,
    mediaType: row.mediaType,
    bytes: row.bytes,
    width: row.width,
    height: row.height,
    durationMs: row.durationMs,
    amountCents: row.amountCents,
    uploadedBy: row.uploadedBy === 'staff' ? 'staff' : 'customer',
    createdAt: row.createdAt.toISOString(),
    url: original.url,
    thumbnailUrl: thumbnail.url,
    urlsExpireAt: original.expiresAt,
  };
}

/** The checklist and files of a case (rows already read). */
export function evidenceListView(
  c: CaseOfEvidence,
  rows: EvidenceRow[],
  secret: string,
  now: Date,
  ttlSeconds: number,
  actor: 'customer' | 'staff',
): EvidenceListView {
  return {
    checklist: evidenceChecklist(
      c.assessment.evidence,
      rows.map((r) => r.kind),
    ),
    uploadableKinds: uploadableKinds(c.assessment.evidence, c.state, actor),
    files: rows.map((r) => evidenceFileView(r, secret, now, ttlSeconds)),
  };
}
