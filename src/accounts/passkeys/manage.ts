/** The signed-in account's passkeys: listed, and removed with the password (issue 12 points 5 and 7). */
import { and, asc, eq } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { NotFound } from '../../shared/errors.ts';
import {
  type Audience,
  ownerColumn,
  type PasskeyAccount,
  type RequestMeta,
  recordPasskeyEvent,
  requirePassword,
} from './accounts.ts';
import { passkeys } from './schema.ts';

export interface PasskeyView {
  id: string;
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
}

/** The passkeys of an account of `audience`, oldest first. */
export async function listPasskeys(db: Db, audience: Audience, accountId: string): Promise<PasskeyView[]> {
  return db
    .select({
      id: passkeys.id,
      name: passkeys.name,
      createdAt: passkeys.createdAt,
      lastUsedAt: passkeys.lastUsedAt,
    })
    .from(passkeys)
    .where(eq(ownerColumn(audience), accountId))
    .orderBy(asc(passkeys.createdAt), asc(passkeys.id));
}

/**
 * Removes one of the account's own passkeys, after its password (400 on `password`): a session alone is not
 * enough, since an open session on a borrowed computer must not be able to take away the owner's way in (nor,
 * for staff, their second factor). Another account's passkey, or an unknown one, is a 404 (nobody learns which
 * ids exist). Writes `passkey_removed` in the same transaction.
 */
export async function removePasskey(
  ctx: Pick<AppContext, 'db' | 'clock'>,
  account: PasskeyAccount,
  passkeyId: string,
  password: string,
  meta: RequestMeta,
): Promise<void> {
  const [own] = await ctx.db
    .select({ id: passkeys.id })
    .from(passkeys)
    .where(and(eq(passkeys.id, passkeyId), eq(ownerColumn(account.audience), account.id)));
  if (!own) throw new NotFound('Passkey');
  await requirePassword(ctx.db, account, password);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const removed = await tx
      .delete(passkeys)
      .where(and(eq(passkeys.id, passkeyId), eq(ownerColumn(account.audience), account.id)))
      .returning({ id: passkeys.id });
    if (removed.length === 0) throw new NotFound('Passkey');
    await recordPasskeyEvent(
      tx,
      now,
      { audience: account.audience, accountId: account.id, email: account.email, reason: 'passkey_removed' },
      meta,
    );
  });
}
