/**
 * The rules of a staff member's life in the back office (PV-STF-2, PV-STF-3), pure: whether an invitation link
 * still works, whether an owner may deactivate a member, whether a member must accept the confidentiality
 * agreement first. No database, no clock of its own: the caller passes rows and the time.
 */

export type StaffRole = 'owner' | 'customer_service' | 'technician';

/** Why an invitation link is refused; null when it may be accepted. */
export type InvitationRefusal = 'unknown' | 'expired' | 'used' | 'replaced' | 'withdrawn';

/**
 * The states of an invitation, as a transition table: `open` becomes `accepted` (the invitee set a password),
 * `replaced` (a newer invitation to the address), `withdrawn` (the member, or the owner who sent it, was
 * deactivated) or, by time alone, `expired`.
 * Only an open invitation before its `expiresAt` may be accepted; every other state is final.
 */
export const invitationTransitions = {
  open: ['accepted', 'replaced', 'withdrawn', 'expired'],
  accepted: [],
  replaced: [],
  withdrawn: [],
  expired: [],
} as const satisfies Record<string, readonly string[]>;

export type InvitationState = keyof typeof invitationTransitions;

/** What the rules read of an invitation row. */
export interface InvitationRow {
  expiresAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
  revokedReason?: 'replaced' | 'withdrawn' | null;
}

/** The state of an invitation row at `now` (ms since the epoch). */
export function invitationState(row: InvitationRow, nowMs: number): InvitationState {
  if (row.acceptedAt) return 'accepted';
  // A row revoked before the reason was kept (no `revokedReason`) was replaced: the only revocation then named.
  if (row.revokedAt) return row.revokedReason === 'withdrawn' ? 'withdrawn' : 'replaced';
  if (nowMs >= row.expiresAt.getTime()) return 'expired';
  return 'open';
}

/** PV-STF-2: whether an invitation link (its row, or null when no row has its hash) may be accepted at `nowMs`. */
export function invitationRefusal(row: InvitationRow | null, nowMs: number): InvitationRefusal | null {
  if (!row) return 'unknown';
  const state = invitationState(row, nowMs);
  if (state === 'open') return null;
  return state === 'accepted' ? 'used' : state;
}

/** What the invitee reads when their link is refused: what happened and what to do. */
export const invitationRefusalMessages: Record<InvitationRefusal, string> = {
  unknown: 'This invitation link is not valid. Check that you opened the whole link from the email.',
  expired: 'This invitation has expired. Ask the shop owner to invite you again.',
  used: 'This invitation was already used. Sign in with your email and password.',
  replaced: 'This invitation was replaced by a newer one. Use the link in the latest email.',
  withdrawn: 'This invitation was withdrawn. Ask the shop owner to invite you again.',
};

/**
 * PV-STF-2: why `actorId` (an active owner) may not deactivate `target`, or null when they may. The shop never
 * loses its last active owner: nobody could invite, deactivate or reset a second factor any more.
 * `activeOwnerIds` are the owners without `disabledAt`, read under lock by the caller.
 */
export function deactivationProblem(input: {
  actorId: string;
  target: { id: string; role: StaffRole; active: boolean };
  activeOwnerIds: readonly string[];
}): string | null {
  const { actorId, target, activeOwnerIds } = input;
  if (!target.active) return 'This member is already deactivated';
  const lastOwner = target.role === 'owner' && activeOwnerIds.length === 1 && activeOwnerIds[0] === target.id;
  if (lastOwner) {
    return target.id === actorId
      ? 'You are the last active owner: invite another owner before you deactivate yourself'
      : 'This is the last active owner: the shop must keep one';
  }
  return null;
}

/** Whether a member must have a second factor before using the back office: the owner (issue 12 point 3). */
export function secondFactorRequired(role: StaffRole): boolean {
  return role === 'owner';
}

/** PV-STF-3: a member who has not accepted `currentVersion` of the agreement may use nothing else. */
export function agreementRequired(acceptedVersion: number | null, currentVersion: number): boolean {
  return acceptedVersion === null || acceptedVersion < currentVersion;
}

/**
 * PV-STF-3: why a member's acceptance of agreement `version` is refused while `currentVersion` is current, or
 * null. Versions are numbered from 1 up to the current one: a number outside is `unknown` (the client sent a
 * version that never existed), an older real one is `stale` (the text changed while the member read it).
 */
export function agreementVersionProblem(version: number, currentVersion: number): 'unknown' | 'stale' | null {
  if (!Number.isInteger(version) || version < 1 || version > currentVersion) return 'unknown';
  return version < currentVersion ? 'stale' : null;
}
