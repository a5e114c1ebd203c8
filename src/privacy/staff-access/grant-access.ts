/**
 * PV-STF-1: the owner gives a technician maintenance access: a reason, a scope (one customer, or every
 * customer) and an expiry. Only an active technician receives one: customer service reach customers' data
 * through their own cases, and the owner needs no grant.
 */
import { eq } from 'drizzle-orm';
import { staffUsers } from '../../accounts/schema.ts';
import type { StaffPrincipal } from '../../accounts/staff.service.ts';
import type { AppContext } from '../../context.ts';
import { AppError, NotFound, ValidationError } from '../../shared/errors.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { HOUR_MS } from '../../shared/time.ts';
import { grantById } from './grant-view.ts';
import { resolveCustomer } from './resolve-customer.ts';
import { maintenanceGrants } from './schema.ts';
import type { GrantBody, GrantView } from './schemas.ts';

/**
 * Creates the grant from `owner` to `body.staffId`, in force from now for `body.hours`. Errors: 400 on `hours`
 * above MAINTENANCE_ACCESS_MAX_HOURS; 404 on `staffId` (no such member) or on `customer` (no such account);
 * 422 on `staffId` (PV-STF-1) for a member who is not an active technician. The member's row is read under a
 * share lock, so a deactivation at the same instant either comes first (and this refuses) or after (and its
 * revoker ends this grant).
 */
export async function grantMaintenanceAccess(
  ctx: Pick<AppContext, 'db' | 'clock' | 'config'>,
  owner: Pick<StaffPrincipal, 'id'>,
  body: GrantBody,
): Promise<GrantView> {
  const max = ctx.config.MAINTENANCE_ACCESS_MAX_HOURS;
  if (body.hours > max) {
    throw new ValidationError([
      { field: 'hours', message: `must be at most ${max} (hours of access at once)` },
    ]);
  }
  const now = ctx.clock.now();
  const customer =
    body.scope === 'customer' && body.customer
      ? await resolveCustomer(ctx.db, body.customer, 'customer')
      : null;
  const id = uuidv7(now.getTime());
  await ctx.db.transaction(async (tx) => {
    const [member] = await tx
      .select({ role: staffUsers.role, disabledAt: staffUsers.disabledAt })
      .from(staffUsers)
      .where(eq(staffUsers.id, body.staffId))
      .for('share');
    if (!member) throw new AppError('not_found', 'Staff member not found', { field: 'staffId' });
    if (member.role !== 'technician' || member.disabledAt) {
      throw new AppError(
        'policy_violation',
        'Maintenance access is given to active technicians only; other members see customers’ data through their own work',
        { field: 'staffId', clause: 'PV-STF-1' },
      );
    }
    await tx.insert(maintenanceGrants).values({
      id,
      staffId: body.staffId,
      grantedBy: owner.id,
      reason: body.reason,
      scope: body.scope,
      customerId: customer?.id ?? null,
      createdAt: now,
      expiresAt: new Date(now.getTime() + body.hours * HOUR_MS),
    });
  });
  const grant = await grantById(ctx.db, id, now);
  if (!grant) throw new NotFound('Maintenance grant');
  return grant;
}
