/**
 * The shop's own passkey (WebAuthn) decisions as pure functions; the cryptography (attestation, signatures,
 * COSE keys) is @simplewebauthn/server's. Issue 12 points 5 and 7.
 */

/** Who the browser must think it talks to: the relying party id (a host name) and the exact origin. */
export interface RelyingParty {
  /** PUBLIC_URL's host name, without port: passkeys are scoped to it (`shop.example`). */
  rpID: string;
  /** PUBLIC_URL's origin (`https://shop.example`): a response made on any other origin is refused. */
  origin: string;
}

/** The relying party from PUBLIC_URL (the address customers use), never from the request's Host header. */
export function relyingParty(publicUrl: string): RelyingParty {
  const url = new URL(publicUrl);
  return { rpID: url.hostname, origin: url.origin };
}

/** What a response's `clientDataJSON` (base64url JSON) says, or null when it is not readable as such. */
export function clientDataOf(
  clientDataJSON: string,
): { type: string; challenge: string; origin: string } | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(clientDataJSON, 'base64url').toString('utf8'));
    if (typeof parsed !== 'object' || parsed === null) return null;
    const { type, challenge, origin } = parsed as Record<string, unknown>;
    if (typeof type !== 'string' || typeof challenge !== 'string' || typeof origin !== 'string') return null;
    return { type, challenge, origin };
  } catch {
    return null;
  }
}

/**
 * The signature counter in authenticator data (base64url): bytes 33-36, big-endian (WebAuthn §6.1), or null
 * when the data is too short to hold one.
 */
export function signCountOf(authenticatorData: string): number | null {
  const bytes = Buffer.from(authenticatorData, 'base64url');
  return bytes.length >= 37 ? bytes.readUInt32BE(33) : null;
}

/**
 * WebAuthn §6.1.1: an authenticator that keeps a counter increases it at every signature. A counter that is
 * not above the stored one (while either is non-zero) means two copies of the key exist: a cloned
 * authenticator or a replayed assertion. Authenticators that keep no counter (synced passkeys) send 0 each
 * time, which is fine.
 */
export function counterRegressed(stored: number, received: number): boolean {
  return (stored > 0 || received > 0) && received <= stored;
}

/** When a challenge issued at `now` stops being answerable (PASSKEY_CHALLENGE_MINUTES). */
export function challengeExpiresAt(now: Date, minutes: number): Date {
  return new Date(now.getTime() + minutes * 60_000);
}

/** True while a challenge can still be answered (its end is exclusive). */
export function challengeLive(expiresAt: Date, now: Date): boolean {
  return expiresAt.getTime() > now.getTime();
}
