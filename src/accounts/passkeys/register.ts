/**
 * Adding a passkey to the signed-in account (issue 12 points 5 and 7), in two requests: the options for
 * `navigator.credentials.create()` (after the password is confirmed), then the browser's answer, verified by
 * @simplewebauthn/server against the challenge stored for this session, PUBLIC_URL's origin and host, with
 * user verification required (a passkey then proves possession and the person: both factors for staff).
 */

import type {
  PublicKeyCredentialCreationOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { generateRegistrationOptions, verifyRegistrationResponse } from '@simplewebauthn/server';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { getShopSettings } from '../../settings/shop.ts';
import { AppError } from '../../shared/errors.ts';
import { uuidv7 } from '../../shared/ids.ts';
import {
  ownerColumn,
  type PasskeyAccount,
  type RequestMeta,
  recordPasskeyEvent,
  requirePassword,
} from './accounts.ts';
import { claimChallenge, isIssuedChallenge, issueChallenge } from './challenges.ts';
import { clientDataOf, relyingParty } from './passkey.rules.ts';
import { passkeys } from './schema.ts';
import type { registrationResponseInput } from './schemas.ts';

type Ctx = Pick<AppContext, 'db' | 'clock' | 'config'>;

/** The WebAuthn user handle of an account: its id's bytes (random, nothing personal). */
export function userHandleOf(accountId: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(Buffer.from(accountId, 'utf8'));
}

export const START_AGAIN = 'This passkey request has expired or was already answered. Start again.';

/**
 * The options to create a passkey for `account`, whose password must be right (400 on `password`). The
 * challenge is stored for the session `sessionId` for PASSKEY_CHALLENGE_MINUTES; the account's passkeys are
 * excluded, so the same authenticator is not added twice. A discoverable credential is required (sign-in needs
 * no email) and so is user verification.
 */
export async function startRegistration(
  ctx: Ctx,
  account: PasskeyAccount,
  sessionId: string,
  password: string,
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  await requirePassword(ctx.db, account, password);
  const now = ctx.clock.now();
  const { rpID } = relyingParty(ctx.config.PUBLIC_URL);
  const existing = await ctx.db
    .select({ id: passkeys.credentialId, transports: passkeys.transports })
    .from(passkeys)
    .where(eq(ownerColumn(account.audience), account.id));
  const shop = await getShopSettings(ctx.db);
  const options = await generateRegistrationOptions({
    rpName: account.audience === 'staff' ? `${shop.name} back office` : shop.name,
    rpID,
    userName: account.email,
    userDisplayName: account.name,
    userID: userHandleOf(account.id),
    attestationType: 'none',
    excludeCredentials: existing.map((c) => ({ id: c.id, transports: c.transports })),
    authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
    timeout: ctx.config.PASSKEY_CHALLENGE_MINUTES * 60_000,
  });
  await issueChallenge(
    ctx.db,
    now,
    ctx.config.PASSKEY_CHALLENGE_MINUTES,
    { audience: account.audience, ceremony: 'register', binding: { session: sessionId } },
    options.challenge,
  );
  return options;
}

/**
 * Verifies the browser's answer to the challenge of this session and stores the passkey under `name`, with a
 * `passkey_added` security event, in one transaction. Refusals, each changing nothing (the challenge is spent
 * all the same):
 * - no live challenge for this session (none asked, expired, already answered, e.g. a replay) → 400 `response`;
 * - an answer to another challenge → 400 `response.response.clientDataJSON` and `passkey_challenge_mismatch`;
 * - an answer that does not verify (origin, host, no user verification, broken attestation) → 400 `response`;
 * - a credential already registered (to this account or another) → 409 `response.id`.
 */
export async function finishRegistration(
  ctx: Ctx,
  account: PasskeyAccount,
  sessionId: string,
  input: { name: string; response: z.infer<typeof registrationResponseInput> },
  meta: RequestMeta,
): Promise<{ id: string; name: string; createdAt: Date }> {
  const now = ctx.clock.now();
  const rp = relyingParty(ctx.config.PUBLIC_URL);
  const stored = await claimChallenge(ctx.db, now, {
    audience: account.audience,
    ceremony: 'register',
    binding: { session: sessionId },
  });
  if (!stored) throw new AppError('validation_failed', START_AGAIN, { field: 'response' });
  const clientData = clientDataOf(input.response.response.clientDataJSON);
  if (!clientData) {
    throw new AppError('validation_failed', 'The passkey answer is not readable', {
      field: 'response.response.clientDataJSON',
    });
  }
  if (!isIssuedChallenge(stored, clientData.challenge)) {
    await recordPasskeyEvent(
      ctx.db,
      now,
      {
        audience: account.audience,
        accountId: account.id,
        email: account.email,
        reason: 'passkey_challenge_mismatch',
      },
      meta,
    );
    throw new AppError('validation_failed', 'This passkey answer belongs to another request. Start again.', {
      field: 'response.response.clientDataJSON',
    });
  }
  let verified: Awaited<ReturnType<typeof verifyRegistrationResponse>>;
  try {
    verified = await verifyRegistrationResponse({
      response: input.response as RegistrationResponseJSON,
      expectedChallenge: (c) => isIssuedChallenge(stored, c),
      expectedOrigin: rp.origin,
      expectedRPID: rp.rpID,
      requireUserVerification: true,
    });
  } catch (error) {
    throw new AppError('validation_failed', `The passkey could not be verified: ${messageOf(error)}`, {
      field: 'response',
    });
  }
  if (!verified.verified) {
    throw new AppError('validation_failed', 'The passkey could not be verified', { field: 'response' });
  }
  const { credential } = verified.registrationInfo;
  const id = uuidv7(now.getTime());
  return ctx.db.transaction(async (tx) => {
    const inserted = await tx
      .insert(passkeys)
      .values({
        id,
        customerId: account.audience === 'customer' ? account.id : null,
        staffId: account.audience === 'staff' ? account.id : null,
        credentialId: credential.id,
        publicKey: Buffer.from(credential.publicKey).toString('base64url'),
        counter: credential.counter,
        transports: credential.transports ?? input.response.response.transports ?? [],
        name: input.name,
        createdAt: now,
      })
      .onConflictDoNothing({ target: passkeys.credentialId })
      .returning({ id: passkeys.id });
    if (inserted.length === 0) {
      throw new AppError('conflict', 'This passkey is already registered', { field: 'response.id' });
    }
    await recordPasskeyEvent(
      tx,
      now,
      { audience: account.audience, accountId: account.id, email: account.email, reason: 'passkey_added' },
      meta,
    );
    return { id, name: input.name, createdAt: now };
  });
}

/** A library's error message, short and without anything the client did not send. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message.slice(0, 200) : 'unknown error';
}
