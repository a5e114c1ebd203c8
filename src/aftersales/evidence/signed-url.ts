/**
 * Short-lived signed addresses of evidence files: `/api/evidence/<id>/<variant>?exp=<unix seconds>&sig=<hmac>`.
 * Whoever may list a case's evidence (the customer through the order link, staff through their session) gets
 * addresses that work for EVIDENCE_URL_TTL_SECONDS and for that one file and variant only; the address carries
 * no personal data. Pure: the time and secret are inputs.
 */
import { hmac, safeEqual } from '../../shared/crypto.ts';

export const evidenceVariants = ['original', 'thumbnail'] as const;
export type EvidenceVariant = (typeof evidenceVariants)[number];

function signature(secret: string, id: string, variant: EvidenceVariant, exp: number): string {
  return hmac(secret, `evidence:${id}:${variant}:${exp}`);
}

/** The signed path of one file's variant, valid until `now + ttlSeconds`. */
export function signEvidenceUrl(
  secret: string,
  id: string,
  variant: EvidenceVariant,
  now: Date,
  ttlSeconds: number,
): { url: string; expiresAt: string } {
  const exp = Math.floor(now.getTime() / 1000) + ttlSeconds;
  const sig = signature(secret, id, variant, exp);
  return {
    url: `/api/evidence/${id}/${variant}?exp=${exp}&sig=${sig}`,
    expiresAt: new Date(exp * 1000).toISOString(),
  };
}

/** 'ok', or why the address does not open the file: tampered with (or another file's) or expired. */
export function checkEvidenceSignature(
  secret: string,
  id: string,
  variant: EvidenceVariant,
  exp: number,
  sig: string,
  now: Date,
): 'ok' | 'bad_signature' | 'expired' {
  if (!safeEqual(signature(secret, id, variant, exp), sig)) return 'bad_signature';
  if (exp * 1000 <= now.getTime()) return 'expired';
  return 'ok';
}
