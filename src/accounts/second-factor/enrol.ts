import { randomBytes } from 'node:crypto';
import { and, count, eq, isNull } from 'drizzle-orm';
import QRCode from 'qrcode';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { sha256 } from '../../shared/crypto.ts';
import { AppError, ValidationError } from '../../shared/errors.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { staffRecoveryCodes, staffUsers } from '../schema.ts';
import type { StaffPrincipal } from '../staff.service.ts';
import { openSecret, sealSecret } from './secret-box.ts';
import { checkTotpCode, newTotpSecret, recoveryCodesFrom, totpUri } from './totp.rules.ts';

export interface SecondFactorStatus {
  enrolled: boolean;
  /** ISO 8601, when the authenticator was confirmed. */
  enrolledAt: string | null;
  recoveryCodesLeft: number;
  /** Owners must have one (issue 12 point 3). */
  required: boolean;
}

/** Whether the member has a confirmed authenticator and how many recovery codes are still unused. */
export async function secondFactorStatus(
  ctx: Pick<AppContext, 'db'>,
  staff: StaffPrincipal,
): Promise<SecondFactorStatus> {
  const [user] = await ctx.db
    .select({ confirmedAt: staffUsers.totpConfirmedAt })
    .from(staffUsers)
    .where(eq(staffUsers.id, staff.id));
  const [left] = await ctx.db
    .select({ n: count() })
    .from(staffRecoveryCodes)
    .where(and(eq(staffRecoveryCodes.staffId, staff.id), isNull(staffRecoveryCodes.usedAt)));
  const confirmedAt = user?.confirmedAt ?? null;
  return {
    enrolled: confirmedAt !== null,
    enrolledAt: confirmedAt?.toISOString() ?? null,
    recoveryCodesLeft: confirmedAt ? (left?.n ?? 0) : 0,
    required: staff.role === 'owner',
  };
}

/**
 * Starts enrolling an authenticator: a new secret (replacing an unconfirmed one) stored sealed, returned once as
 * base32 text, as an `otpauth://` address and as that address in a QR code (an SVG data URL, drawn on the
 * server so the secret never reaches a third party). 409 when the member already has a confirmed one (the
 * owner resets it first).
 */
export async function startEnrolment(
  ctx: Pick<AppContext, 'db' | 'secret'>,
  staff: StaffPrincipal,
  issuer: string,
): Promise<{ secret: string; uri: string; qrCode: string }> {
  const secret = newTotpSecret();
  const updated = await ctx.db
    .update(staffUsers)
    .set({ totpSecret: sealSecret(ctx.secret, secret), totpLastStep: null })
    .where(and(eq(staffUsers.id, staff.id), isNull(staffUsers.totpConfirmedAt)))
    .returning({ id: staffUsers.id });
  if (updated.length === 0) {
    throw new AppError(
      'conflict',
      'You already sign in with an authenticator. Ask the owner to reset it first.',
    );
  }
  const uri = totpUri(secret, staff.email, issuer);
  const svg = await QRCode.toString(uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  return { secret, uri, qrCode: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` };
}

/**
 * Confirms the authenticator with its first code (the step is stored: that code cannot sign in afterwards) and
 * returns 10 new single-use recovery codes, shown this once and stored as SHA-256. 400 naming `code` when the
 * code is wrong; 409 when no enrolment was started or it is already confirmed.
 */
export async function confirmEnrolment(
  ctx: Pick<AppContext, 'db' | 'clock' | 'secret'>,
  staff: StaffPrincipal,
  code: string,
): Promise<{ recoveryCodes: string[] }> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [user] = await tx
      .select({ sealed: staffUsers.totpSecret, confirmedAt: staffUsers.totpConfirmedAt })
      .from(staffUsers)
      .where(eq(staffUsers.id, staff.id))
      .for('update');
    if (!user?.sealed || user.confirmedAt) {
      throw new AppError('conflict', 'Start again: show a new QR code, then enter the code your app shows');
    }
    const check = checkTotpCode(openSecret(ctx.secret, user.sealed), code, now.getTime(), null);
    if (!check.ok) {
      throw new ValidationError([
        { field: 'code', message: 'That code is not right. Enter the 6 digits your app shows now.' },
      ]);
    }
    await tx
      .update(staffUsers)
      .set({ totpConfirmedAt: now, totpLastStep: check.step })
      .where(eq(staffUsers.id, staff.id));
    return { recoveryCodes: await replaceRecoveryCodes(tx, staff.id, now) };
  });
}

/**
 * Replaces every recovery code of `staffId` (used or not) by 10 new ones, stored as SHA-256 and returned this
 * once. Call it in the transaction of the change that asks for it.
 */
export async function replaceRecoveryCodes(tx: Db, staffId: string, now: Date): Promise<string[]> {
  await tx.delete(staffRecoveryCodes).where(eq(staffRecoveryCodes.staffId, staffId));
  const recoveryCodes = recoveryCodesFrom(randomBytes(100));
  await tx.insert(staffRecoveryCodes).values(
    recoveryCodes.map((c) => ({
      id: uuidv7(now.getTime()),
      staffId,
      codeHash: sha256(c),
      createdAt: now,
    })),
  );
  return recoveryCodes;
}
