/**
 * PV-STF-2: "everything stops" when a member is deactivated, in one function. Each kind of credential a member
 * can hold has a revoker here; `endStaffAccess` runs them all in the caller's transaction. A new kind of
 * credential (passkeys, API tokens) joins by adding its revoker to `credentialRevokers`: deactivation, and
 * anything else that must shut a member out, then covers it without another change. The session guard and
 * every sign-in step also refuse a member with `disabledAt`, so a revoker that is forgotten still lets nobody in;
 * the revokers make sure nothing comes back to life if the member is invited again.
 */
import { and, eq, isNull, or } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { revokeGrantsOf } from '../../privacy/staff-access/revoke-grant.ts';
import { passkeys } from '../passkeys/schema.ts';
import { staffInvitations, staffRecoveryCodes, staffSessions, staffUsers } from '../schema.ts';

export interface ShutOutMember {
  id: string;
  email: string;
}

/** Ends one kind of credential of `member` at `now`, inside the caller's transaction `tx`. */
export type CredentialRevoker = (tx: Db, member: ShutOutMember, now: Date) => Promise<void>;

/** Every session ends: the next request with its cookie is a 401. */
const endSessions: CredentialRevoker = async (tx, member, now) => {
  await tx
    .update(staffSessions)
    .set({ revokedAt: now })
    .where(and(eq(staffSessions.staffId, member.id), isNull(staffSessions.revokedAt)));
};

/**
 * The password stops: the hash is replaced by a marker no password verifies against (argon2 refuses the
 * format), and the authenticator secret, its replay step and the recovery codes go.
 */
const endPasswordAndSecondFactor: CredentialRevoker = async (tx, member) => {
  await tx
    .update(staffUsers)
    .set({ passwordHash: 'deactivated', totpSecret: null, totpConfirmedAt: null, totpLastStep: null })
    .where(eq(staffUsers.id, member.id));
  await tx.delete(staffRecoveryCodes).where(eq(staffRecoveryCodes.staffId, member.id));
};

/**
 * Pending invitations die with the member: those the member sent (an owner who leaves vouches for nobody any
 * more) and any to the member's own address.
 */
const endInvitations: CredentialRevoker = async (tx, member, now) => {
  await tx
    .update(staffInvitations)
    .set({ revokedAt: now, revokedReason: 'withdrawn' })
    .where(
      and(
        or(eq(staffInvitations.invitedBy, member.id), eq(staffInvitations.email, member.email)),
        isNull(staffInvitations.acceptedAt),
        isNull(staffInvitations.revokedAt),
      ),
    );
};

/** Passkeys are removed, not suspended: a member invited again adds new ones. */
const endPasskeys: CredentialRevoker = async (tx, member) => {
  await tx.delete(passkeys).where(eq(passkeys.staffId, member.id));
};

/** PV-STF-1: a technician's maintenance access to customers' data ends with the rest of their access. */
const endMaintenanceGrants: CredentialRevoker = async (tx, member, now) => {
  await revokeGrantsOf(tx, member.id, now);
};

/** The credential kinds `endStaffAccess` ends, in order. Add a new kind's revoker here. */
export const credentialRevokers: CredentialRevoker[] = [
  endSessions,
  endPasswordAndSecondFactor,
  endPasskeys,
  endInvitations,
  endMaintenanceGrants,
];

/** Runs every revoker for `member` in `tx`: after it commits, nothing of theirs signs in or answers. */
export async function endStaffAccess(tx: Db, member: ShutOutMember, now: Date): Promise<void> {
  for (const revoke of credentialRevokers) await revoke(tx, member, now);
}
