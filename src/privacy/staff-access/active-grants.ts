/**
 * The maintenance grants a technician holds right now (PV-STF-1): not revoked, not expired. The visibility
 * filter reads them; the owner's grant pages write them.
 */
import { and, asc, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { type MaintenanceScope, maintenanceGrants } from './schema.ts';

export interface ActiveGrant {
  id: string;
  reason: string;
  scope: MaintenanceScope;
  /** The one customer of a 'customer' grant; null for 'all'. */
  customerId: string | null;
  expiresAt: Date;
}

/** `staffId`'s grants in force at `now`, soonest expiry first. */
export async function activeGrants(db: Db, staffId: string, now: Date): Promise<ActiveGrant[]> {
  return db
    .select({
      id: maintenanceGrants.id,
      reason: maintenanceGrants.reason,
      scope: maintenanceGrants.scope,
      customerId: maintenanceGrants.customerId,
      expiresAt: maintenanceGrants.expiresAt,
    })
    .from(maintenanceGrants)
    .where(
      and(
        eq(maintenanceGrants.staffId, staffId),
        isNull(maintenanceGrants.revokedAt),
        gt(maintenanceGrants.expiresAt, now),
      ),
    )
    .orderBy(asc(maintenanceGrants.expiresAt));
}

/** The grant among `grants` that covers `customerId`'s data (a 'customer' grant for them first), or null. */
export function grantCovering(grants: readonly ActiveGrant[], customerId: string | null): ActiveGrant | null {
  return (
    grants.find((g) => g.scope === 'customer' && customerId !== null && g.customerId === customerId) ??
    grants.find((g) => g.scope === 'all') ??
    null
  );
}
