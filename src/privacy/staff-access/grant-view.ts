/**
 * Reading maintenance grants as the owner's page shows them: the member, who granted and revoked, the customer
 * a 'customer' grant covers, and whether it is in force at `now`.
 */
import { eq, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { customers } from '../../accounts/customers/schema.ts';
import { staffUsers } from '../../accounts/schema.ts';
import type { Db } from '../../db/client.ts';
import { maintenanceGrants } from './schema.ts';
import type { GrantView } from './schemas.ts';

const member = alias(staffUsers, 'grant_member');
const granter = alias(staffUsers, 'grant_granter');
const revoker = alias(staffUsers, 'grant_revoker');

/** Grants matching `where`, with their names, in the order `orderBy` gives. */
export function grantRows(db: Db) {
  return db
    .select({
      g: maintenanceGrants,
      memberName: member.name,
      memberRole: member.role,
      granterName: granter.name,
      revokerName: revoker.name,
      customerEmail: customers.email,
    })
    .from(maintenanceGrants)
    .innerJoin(member, eq(member.id, maintenanceGrants.staffId))
    .innerJoin(granter, eq(granter.id, maintenanceGrants.grantedBy))
    .leftJoin(revoker, eq(revoker.id, maintenanceGrants.revokedBy))
    .leftJoin(customers, eq(customers.id, maintenanceGrants.customerId));
}

export type GrantRow = Awaited<ReturnType<ReturnType<typeof grantRows>['where']>>[number];

export function grantViewOf(row: GrantRow, now: Date): GrantView {
  const { g } = row;
  return {
    id: g.id,
    member: { id: g.staffId, name: row.memberName, role: row.memberRole },
    grantedBy: { id: g.grantedBy, name: row.granterName },
    reason: g.reason,
    scope: g.scope,
    customer: g.customerId ? { id: g.customerId, email: row.customerEmail ?? '' } : null,
    createdAt: g.createdAt.toISOString(),
    expiresAt: g.expiresAt.toISOString(),
    revokedAt: g.revokedAt?.toISOString() ?? null,
    revokedBy: g.revokedBy ? { id: g.revokedBy, name: row.revokerName ?? '' } : null,
    state: g.revokedAt ? 'revoked' : g.expiresAt <= now ? 'expired' : 'active',
  };
}

/** One grant by id, or undefined. */
export async function grantById(db: Db, id: string, now: Date): Promise<GrantView | undefined> {
  const [row] = await grantRows(db).where(eq(maintenanceGrants.id, id) as SQL);
  return row ? grantViewOf(row, now) : undefined;
}
