/**
 * Challenges of passkey ceremonies, stored server-side as hashes: issued for one binding (a session, or the
 * random value of a sign-in cookie), answered once, within PASSKEY_CHALLENGE_MINUTES. The challenge a
 * browser echoes back is only ever compared with the stored hash, never trusted.
 */
import { and, eq, lt } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { sha256 } from '../../shared/crypto.ts';
import { uuidv7 } from '../../shared/ids.ts';
import type { Audience } from './accounts.ts';
import { challengeExpiresAt, challengeLive } from './passkey.rules.ts';
import { passkeyChallenges } from './schema.ts';

export type Ceremony = 'register' | 'sign_in';

/** What a challenge is bound to: the session that asked (registration) or a sign-in cookie's random value. */
export type Binding = { session: string } | { cookie: string };

function bindingHash(binding: Binding): string {
  return 'session' in binding ? sha256(`session:${binding.session}`) : sha256(`cookie:${binding.cookie}`);
}

/**
 * Stores `challenge` (base64url, as sent to the browser) for `binding`, replacing any earlier one of the same
 * binding and ceremony: only the newest request can be answered. Expired challenges of anyone are swept on
 * the way, so the table holds only live ones.
 */
export async function issueChallenge(
  db: Db,
  now: Date,
  minutes: number,
  target: { audience: Audience; ceremony: Ceremony; binding: Binding },
  challenge: string,
): Promise<void> {
  await db.delete(passkeyChallenges).where(lt(passkeyChallenges.expiresAt, now));
  const values = {
    challengeHash: sha256(challenge),
    createdAt: now,
    expiresAt: challengeExpiresAt(now, minutes),
  };
  await db
    .insert(passkeyChallenges)
    .values({
      id: uuidv7(now.getTime()),
      audience: target.audience,
      ceremony: target.ceremony,
      bindingHash: bindingHash(target.binding),
      ...values,
    })
    .onConflictDoUpdate({
      target: [passkeyChallenges.audience, passkeyChallenges.ceremony, passkeyChallenges.bindingHash],
      set: values,
    });
}

/**
 * Takes the challenge of `binding` out of the store (deleted: it can never be answered again, whatever the
 * outcome) and returns its hash, or null when there is none or it expired.
 */
export async function claimChallenge(
  db: Db,
  now: Date,
  target: { audience: Audience; ceremony: Ceremony; binding: Binding },
): Promise<string | null> {
  const [row] = await db
    .delete(passkeyChallenges)
    .where(
      and(
        eq(passkeyChallenges.audience, target.audience),
        eq(passkeyChallenges.ceremony, target.ceremony),
        eq(passkeyChallenges.bindingHash, bindingHash(target.binding)),
      ),
    )
    .returning({ challengeHash: passkeyChallenges.challengeHash, expiresAt: passkeyChallenges.expiresAt });
  return row && challengeLive(row.expiresAt, now) ? row.challengeHash : null;
}

/** Whether `challenge` (as the browser echoed it) is the one whose hash was stored. */
export function isIssuedChallenge(challengeHash: string, challenge: string): boolean {
  return sha256(challenge) === challengeHash;
}
