/** PV-STF-1: the owner ends a maintenance grant before its expiry. */
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { StaffPrincipal } from '../../accounts/staff.service.ts';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { NotFound } from '../../shared/errors.ts';
import { grantById } from './grant-view.ts';
import { maintenanceGrants } from './schema.ts';
import type { GrantView } from './schemas.ts';

/**
 * Revokes grant `id` as `owner` now and returns it. Idempotent: a grant already revoked keeps its first
 * revocation (who and when) and one already expired is returned as it is. 404 for an unknown id.
 */
export async function revokeMaintenanceGrant(
  ctx: Pick<AppContext, 'db' | 'clock'>,
  owner: Pick<StaffPrincipal, 'id'>,
  id: string,
): Promise<GrantView> {
  const now = ctx.clock.now();
  await ctx.db
    .update(maintenanceGrants)
    .set({ revokedAt: now, revokedBy: owner.id })
    .where(
      and(
        eq(maintenanceGrants.id, id),
        isNull(maintenanceGrants.revokedAt),
        gt(maintenanceGrants.expiresAt, now),
      ),
    );
  const grant = await grantById(ctx.db, id, now);
  if (!grant) throw new NotFound('Maintenance grant');
  return grant;
}

/**
 * PV-STF-2 with PV-STF-1: every grant `staffId` still holds ends at `now`, in the caller's transaction (a
 * deactivated member keeps no access to come back to). `revokedBy` stays null: no one revoked the grant, it
 * ended with the member's access.
 */
export async function revokeGrantsOf(tx: Db, staffId: string, now: Date): Promise<void> {
  await tx
    .update(maintenanceGrants)
    .set({ revokedAt: now })
    .where(
      and(
        eq(maintenanceGrants.staffId, staffId),
        isNull(maintenanceGrants.revokedAt),
        gt(maintenanceGrants.expiresAt, now),
      ),
    );
}
