/**
 * PV-STF-1: the maintenance grants the owner reviews (those in force and those ended lately), and the ones a
 * technician holds, for the banner that tells them what they may see and until when.
 */
import { and, desc, eq, gt, isNull, or } from 'drizzle-orm';
import { customers } from '../../accounts/customers/schema.ts';
import type { AppContext } from '../../context.ts';
import { DAY_MS } from '../../shared/time.ts';
import { grantRows, grantViewOf } from './grant-view.ts';
import { maintenanceGrants } from './schema.ts';
import type { GrantView, OwnGrantView } from './schemas.ts';

/** Ended grants stay on the owner's list this long (display only; the rows are kept for the audit log). */
const RECENT_DAYS = 30;
const MAX_LISTED = 200;

/** Grants in force and those created in the last 30 days, newest first (at most 200). */
export async function listMaintenanceGrants(ctx: Pick<AppContext, 'db' | 'clock'>): Promise<GrantView[]> {
  const now = ctx.clock.now();
  const since = new Date(now.getTime() - RECENT_DAYS * DAY_MS);
  const rows = await grantRows(ctx.db)
    .where(
      or(
        and(isNull(maintenanceGrants.revokedAt), gt(maintenanceGrants.expiresAt, now)),
        gt(maintenanceGrants.createdAt, since),
      ),
    )
    .orderBy(desc(maintenanceGrants.createdAt), desc(maintenanceGrants.id))
    .limit(MAX_LISTED);
  return rows.map((row) => grantViewOf(row, now));
}

/** `staffId`'s grants in force now, soonest expiry first (any member may ask for their own: none but technicians have any). */
export async function ownMaintenanceGrants(
  ctx: Pick<AppContext, 'db' | 'clock'>,
  staffId: string,
): Promise<OwnGrantView[]> {
  const now = ctx.clock.now();
  const rows = await ctx.db
    .select({
      id: maintenanceGrants.id,
      reason: maintenanceGrants.reason,
      scope: maintenanceGrants.scope,
      customerId: maintenanceGrants.customerId,
      customerEmail: customers.email,
      expiresAt: maintenanceGrants.expiresAt,
    })
    .from(maintenanceGrants)
    .leftJoin(customers, eq(customers.id, maintenanceGrants.customerId))
    .where(
      and(
        eq(maintenanceGrants.staffId, staffId),
        isNull(maintenanceGrants.revokedAt),
        gt(maintenanceGrants.expiresAt, now),
      ),
    )
    .orderBy(maintenanceGrants.expiresAt);
  return rows.map((r) => ({
    id: r.id,
    reason: r.reason,
    scope: r.scope,
    customer: r.customerId ? { id: r.customerId, email: r.customerEmail ?? '' } : null,
    expiresAt: r.expiresAt.toISOString(),
  }));
}
