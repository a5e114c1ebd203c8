/**
 * PV-STF-1: the owner's privacy tools answer the owner only, and a refusal is itself an audit row: the log
 * shows who tried to read it, to export customers or to hand out maintenance access. The refusal is written
 * outside any transaction (`ctx.db`), so it stays although the request fails.
 */
import type { FastifyRequest } from 'fastify';
import { staffOf } from '../../accounts/guard.ts';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../shared/errors.ts';
import { recordStaffAccess } from './record-access.ts';
import type { AccessRecordType } from './schema.ts';

/**
 * A hook for an owner-only route about `recordType`: other members get a 403 naming PV-STF-1, after a
 * 'refused' row with no record, no customer and no fields. Use it as the route's `onRequest` (after the
 * back office's session guard), before the body or query is checked: a member who may not call the route
 * learns nothing of what it takes.
 */
export function ownerOnlyRecorded(ctx: Pick<AppContext, 'db' | 'clock'>, recordType: AccessRecordType) {
  return async (request: FastifyRequest): Promise<void> => {
    const staff = staffOf(request);
    if (staff.role === 'owner') return;
    await recordStaffAccess(ctx.db, staff, ctx.clock.now(), [
      { outcome: 'refused', recordType, recordId: null, customerId: null, fields: [] },
    ]);
    throw new AppError('forbidden', 'Only the owner may do this; the attempt is recorded in the audit log', {
      clause: 'PV-STF-1',
    });
  };
}
