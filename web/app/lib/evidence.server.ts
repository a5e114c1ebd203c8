/**
 * Evidence for the customer's case page, read on the server by the page's loader (the same service as the
 * JSON API): `loadCaseEvidence(context.ctx, token, reference)` → the `evidence` prop of <EvidencePanel>.
 * A case that is not the link's throws the service's 404 (the page answers its own not-found).
 */
import type { EvidenceListView } from '../../../src/aftersales/evidence/evidence-records.ts';
import { listEvidence } from '../../../src/aftersales/evidence/list-evidence.service.ts';
import type { AppContext } from '../../../src/context.ts';

export type { EvidenceListView };

export function loadCaseEvidence(
  ctx: AppContext,
  token: string,
  reference: string,
): Promise<EvidenceListView> {
  return listEvidence(ctx, { by: 'customer', token, reference });
}
