/**
 * PV-STF-2: the owner invites a member by email, name and role. The one way a member joins the shop besides
 * the first owner (`ensureOwner` at the first start).
 */
import { and, asc, eq, gt, isNull } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import { enqueueMail } from '../../messaging/outbox.ts';
import { renderAccountEmail } from '../../messaging/templates/account-email.ts';
import { getShopSettings } from '../../settings/shop.ts';
import { sha256 } from '../../shared/crypto.ts';
import { Conflict } from '../../shared/errors.ts';
import { formatDateTime } from '../../shared/format.ts';
import { randomToken, uuidv7 } from '../../shared/ids.ts';
import { text } from '../../shared/text.ts';
import { checkedField } from '../../shared/validate.ts';
import { staffInvitations, staffUsers } from '../schema.ts';
import type { StaffPrincipal } from '../staff.service.ts';
import type { StaffRole } from './lifecycle.rules.ts';

/**
 * A member's name as the owner types it in an invitation: one line of visible text, 100 characters at most;
 * every row of the audit log carries it, so no hidden or direction-changing characters (`audited`).
 */
export const staffNameInput = text({ audited: true }).trim().min(1).max(100);

/** The page the emailed link opens; the token rides in its query, as the customers' account links do. */
export const INVITATION_PATH = '/admin/invitation';

const roleWords: Record<StaffRole, string> = {
  owner: 'an owner',
  customer_service: 'customer service',
  technician: 'a technician',
};

export interface InvitationView {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  /** ISO 8601. */
  createdAt: string;
  expiresAt: string;
}

/**
 * Invites `input.email` as `input.role`, in one transaction: an open invitation to the same address is replaced
 * (its link dies), the new one is stored with only its token's SHA-256, and the email with the link is queued
 * in the outbox. The link works once, for STAFF_INVITATION_HOURS. 400 naming `name` when the name is not
 * `staffNameInput` (checked here, whoever calls); 409 naming `email` when an active member already uses the
 * address; a deactivated member's address may be invited: accepting brings them back.
 */
export async function inviteStaff(
  ctx: Pick<AppContext, 'db' | 'clock' | 'config'>,
  owner: StaffPrincipal,
  input: { email: string; name: string; role: StaffRole },
): Promise<InvitationView> {
  const email = input.email.trim().toLowerCase();
  const name = checkedField(staffNameInput, 'name', input.name);
  const now = ctx.clock.now();
  const hours = ctx.config.STAFF_INVITATION_HOURS;
  const expiresAt = new Date(now.getTime() + hours * 3_600_000);
  const token = randomToken();
  const id = uuidv7(now.getTime());
  const shop = await getShopSettings(ctx.db);
  await ctx.db.transaction(async (tx) => {
    const [member] = await tx
      .select({ disabledAt: staffUsers.disabledAt })
      .from(staffUsers)
      .where(eq(staffUsers.email, email))
      .for('update');
    if (member && !member.disabledAt) {
      throw new Conflict('A member of the staff already uses this email address', { field: 'email' });
    }
    await tx
      .update(staffInvitations)
      .set({ revokedAt: now, revokedReason: 'replaced' })
      .where(
        and(
          eq(staffInvitations.email, email),
          isNull(staffInvitations.acceptedAt),
          isNull(staffInvitations.revokedAt),
        ),
      );
    await tx.insert(staffInvitations).values({
      id,
      email,
      name,
      role: input.role,
      tokenHash: sha256(token),
      invitedBy: owner.id,
      createdAt: now,
      expiresAt,
    });
    const url = `${ctx.config.PUBLIC_URL.replace(/\/+$/, '')}${INVITATION_PATH}?token=${encodeURIComponent(token)}`;
    const rendered = renderAccountEmail({
      shopName: shop.name,
      subject: 'you are invited to the back office',
      paragraphs: [
        `${owner.name} invited you to work in the back office of ${shop.name} as ${roleWords[input.role]}.`,
        `Follow the link below to choose your password. It works once, until ${formatDateTime(expiresAt)}.`,
        'If you did not expect this email, ignore it: nothing happens without the link.',
      ],
      link: { url, label: 'Accept the invitation' },
    });
    await enqueueMail(tx, { template: 'staff_invitation', fromName: shop.name, to: email, ...rendered }, now);
  });
  return {
    id,
    email,
    name,
    role: input.role,
    createdAt: now.toISOString(),
    expiresAt: expiresAt.toISOString(),
  };
}

/** Invitations not yet accepted, replaced or expired, oldest first: the staff page lists them. */
export async function openInvitations(ctx: Pick<AppContext, 'db' | 'clock'>): Promise<InvitationView[]> {
  const rows = await ctx.db
    .select()
    .from(staffInvitations)
    .where(
      and(
        isNull(staffInvitations.acceptedAt),
        isNull(staffInvitations.revokedAt),
        gt(staffInvitations.expiresAt, ctx.clock.now()),
      ),
    )
    .orderBy(asc(staffInvitations.createdAt), asc(staffInvitations.id));
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    name: r.name,
    role: r.role,
    createdAt: r.createdAt.toISOString(),
    expiresAt: r.expiresAt.toISOString(),
  }));
}
