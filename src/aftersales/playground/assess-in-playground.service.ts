/**
 * Issue 11 point 3: staff try a hypothetical claim against the live policy version or any other, side by side.
 * The very `assessClaim` the customer and case pages use, under each version's saved settings; nothing is
 * stored (only version 1, the catalogue's defaults, is written on first use, as by any read of the versions).
 */
import type { Db } from '../../db/client.ts';
import { AppError } from '../../shared/errors.ts';
import { assessmentWords, explanationText } from '../assessment-words.ts';
import type { ClaimInput } from '../claim.schema.ts';
import { assessClaim } from '../policy.ts';
import { listPolicyVersions } from '../policy-versions.service.ts';
import type { PlaygroundAssessResponse } from './schemas.ts';

/**
 * Each requested version's answer to `claim`, in the order asked (none asked: the live version).
 * Returns `{ liveVersion, answers: [{ version, live, createdAt, assessment, words, explanation }] }`.
 * Throws a 404 naming `versions.<i>` for a version that does not exist. The claim was checked by the route's
 * schema (the engine's `claimInputSchema`); `assessClaim` checks it again and would throw a 400 naming the field.
 */
export async function assessInPlayground(
  db: Db,
  claim: ClaimInput,
  versions?: readonly number[],
): Promise<PlaygroundAssessResponse> {
  // Newest first, so the first is the live one. A shop keeps a handful of versions: reading them all is one query.
  const all = await listPolicyVersions(db);
  const live = all[0]?.version ?? 1;
  const byNumber = new Map(all.map((v) => [v.version, v]));
  const wanted = versions && versions.length > 0 ? versions : [live];
  const chosen = wanted.map((n, i) => {
    const v = byNumber.get(n);
    if (!v) {
      const field = `versions.${i}`;
      throw new AppError(
        'not_found',
        `${field}: policy version ${n} does not exist (the live one is ${live})`,
        {
          field,
        },
      );
    }
    return v;
  });
  return {
    liveVersion: live,
    answers: chosen.map((v) => {
      const assessment = assessClaim(claim, v.settings);
      const words = assessmentWords(assessment);
      return {
        version: v.version,
        live: v.version === live,
        createdAt: v.createdAt.toISOString(),
        assessment,
        words: { ...words, reasons: [...words.reasons] },
        explanation: explanationText(words),
      };
    }),
  };
}
