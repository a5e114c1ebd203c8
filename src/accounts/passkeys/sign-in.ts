/**
 * Signing in with a passkey, without a password or an email (discoverable credentials), in two requests: the
 * options for `navigator.credentials.get()`, with a challenge bound to a random value in an HttpOnly cookie,
 * then the browser's answer. The audience-specific part (opening a customer or staff session) runs in the
 * same transaction as the passkey's counter update. Issue 12 points 5 and 7.
 */
import { randomBytes } from 'node:crypto';
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/server';
import { generateAuthenticationOptions, verifyAuthenticationResponse } from '@simplewebauthn/server';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../shared/errors.ts';
import {
  type Audience,
  type PasskeyAccount,
  passkeyAccount,
  type RequestMeta,
  recordPasskeyEvent,
} from './accounts.ts';
import { claimChallenge, isIssuedChallenge, issueChallenge } from './challenges.ts';
import { clientDataOf, counterRegressed, relyingParty, signCountOf } from './passkey.rules.ts';
import { messageOf, START_AGAIN, userHandleOf } from './register.ts';
import { passkeys } from './schema.ts';
import type { authenticationResponseInput } from './schemas.ts';

type Ctx = Pick<AppContext, 'db' | 'clock' | 'config'>;

/** The one answer for a passkey that cannot sign in here (unknown, another audience's, another account's). */
const NOT_HERE = 'This passkey is not registered for this sign-in. Sign in with your password instead.';

/**
 * The options for a passkey sign-in of `audience` and the random value to keep in the sign-in cookie (the
 * challenge is bound to it, for PASSKEY_CHALLENGE_MINUTES). No credentials are listed: the browser offers the
 * passkeys it holds for this site, so nobody learns which accounts exist.
 */
export async function startPasskeySignIn(
  ctx: Ctx,
  audience: Audience,
): Promise<{ options: PublicKeyCredentialRequestOptionsJSON; binding: string }> {
  const binding = randomBytes(32).toString('base64url');
  const options = await generateAuthenticationOptions({
    rpID: relyingParty(ctx.config.PUBLIC_URL).rpID,
    userVerification: 'required',
    timeout: ctx.config.PASSKEY_CHALLENGE_MINUTES * 60_000,
  });
  await issueChallenge(
    ctx.db,
    ctx.clock.now(),
    ctx.config.PASSKEY_CHALLENGE_MINUTES,
    { audience, ceremony: 'sign_in', binding: { cookie: binding } },
    options.challenge,
  );
  return { options, binding };
}

/**
 * Verifies a passkey sign-in of `audience` (the cookie's `binding` names the challenge) and runs `open` for the
 * account in the transaction that moves the passkey's counter and last use. Refusals change nothing:
 * - no cookie or no live challenge for it (expired, answered, a replay) → 400 `response`;
 * - unreadable client data → 400 `response.response.clientDataJSON`;
 * - a credential this audience does not know (another shop's, a customer's at the staff sign-in) → 401
 *   `response.id`, `passkey_unknown`;
 * - an answer to another challenge → 400 `response.response.clientDataJSON`, `passkey_challenge_mismatch`;
 * - a user handle of another account than the credential's → 401 `response.response.userHandle`,
 *   `passkey_wrong_account`;
 * - a signature, origin, host or user verification that does not check → 401 `response`,
 *   `passkey_signature_failed`;
 * - a signature counter not above the stored one (a cloned authenticator) → 401
 *   `response.response.authenticatorData`, `passkey_counter_regression`. The counter is judged by the shop's
 *   rule after the signature verified, so a forged answer cannot write that event.
 */
export async function finishPasskeySignIn<T>(
  ctx: Ctx,
  audience: Audience,
  binding: string | undefined,
  response: z.infer<typeof authenticationResponseInput>,
  meta: RequestMeta,
  open: (tx: Db, account: PasskeyAccount) => Promise<T>,
): Promise<T> {
  const now = ctx.clock.now();
  const rp = relyingParty(ctx.config.PUBLIC_URL);
  const stored = binding
    ? await claimChallenge(ctx.db, now, { audience, ceremony: 'sign_in', binding: { cookie: binding } })
    : null;
  if (!stored) throw new AppError('validation_failed', START_AGAIN, { field: 'response' });
  const clientData = clientDataOf(response.response.clientDataJSON);
  if (!clientData) {
    throw new AppError('validation_failed', 'The passkey answer is not readable', {
      field: 'response.response.clientDataJSON',
    });
  }
  const [row] = await ctx.db.select().from(passkeys).where(eq(passkeys.credentialId, response.id));
  const ownerId = row ? (audience === 'customer' ? row.customerId : row.staffId) : null;
  const account = row && ownerId ? await passkeyAccount(ctx.db, audience, ownerId) : null;
  const event = (reason: Parameters<typeof recordPasskeyEvent>[2]['reason'], who: PasskeyAccount | null) =>
    recordPasskeyEvent(
      ctx.db,
      now,
      { audience, accountId: who?.id ?? null, email: who?.email ?? null, reason },
      meta,
    );
  if (!row || !account) {
    await event('passkey_unknown', null);
    throw new AppError('unauthenticated', NOT_HERE, { field: 'response.id' });
  }
  if (!isIssuedChallenge(stored, clientData.challenge)) {
    await event('passkey_challenge_mismatch', account);
    throw new AppError('validation_failed', 'This passkey answer belongs to another sign-in. Start again.', {
      field: 'response.response.clientDataJSON',
    });
  }
  const handle = response.response.userHandle;
  if (handle !== undefined && handle !== Buffer.from(userHandleOf(account.id)).toString('base64url')) {
    await event('passkey_wrong_account', account);
    throw new AppError('unauthenticated', NOT_HERE, { field: 'response.response.userHandle' });
  }
  let newCounter: number;
  try {
    const verified = await verifyAuthenticationResponse({
      response: response as AuthenticationResponseJSON,
      expectedChallenge: (c) => isIssuedChallenge(stored, c),
      expectedOrigin: rp.origin,
      expectedRPID: rp.rpID,
      requireUserVerification: true,
      // The counter is the shop's rule (counterRegressed), applied below once the signature is proved.
      credential: { id: row.credentialId, publicKey: Buffer.from(row.publicKey, 'base64url'), counter: 0 },
    });
    if (!verified.verified) throw new Error('the signature does not verify');
    newCounter = verified.authenticationInfo.newCounter;
  } catch (error) {
    await event('passkey_signature_failed', account);
    throw new AppError('unauthenticated', `The passkey could not be verified: ${messageOf(error)}`, {
      field: 'response',
    });
  }
  const received = signCountOf(response.response.authenticatorData) ?? newCounter;
  if (counterRegressed(row.counter, received)) {
    await event('passkey_counter_regression', account);
    throw new AppError(
      'unauthenticated',
      'This passkey answered with an old counter: it may have been copied. Sign in with your password and remove it.',
      { field: 'response.response.authenticatorData' },
    );
  }
  return ctx.db.transaction(async (tx) => {
    // Compare-and-set on the counter: two answers racing with one counter value cannot both sign in.
    const moved = await tx
      .update(passkeys)
      .set({ counter: received, lastUsedAt: now })
      .where(and(eq(passkeys.id, row.id), eq(passkeys.counter, row.counter)))
      .returning({ id: passkeys.id });
    if (moved.length === 0) throw new AppError('validation_failed', START_AGAIN, { field: 'response' });
    return open(tx, account);
  });
}
