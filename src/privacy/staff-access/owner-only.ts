/**
 * PV-STF-1: a refused read of personal data is itself an audit row. The owner's privacy tools answer the owner
 * only, and the back office's other personal-data routes kept to some roles (security events, customers'
 * questions) refuse the others the same way: the log shows who tried to read what they may not. The refusal
 * is written outside any transaction (`ctx.db`), so it stays although the request fails.
 */
import type { FastifyRequest } from 'fastify';
import { staffOf } from '../../accounts/guard.ts';
import type { StaffPrincipal } from '../../accounts/staff.service.ts';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../shared/errors.ts';
import { recordStaffAccess } from './record-access.ts';
import type { AccessRecordType } from './schema.ts';

/**
 * A hook for a route that shows personal data of `recordType` to `roles` only: any other member gets a 403
 * naming PV-STF-1 (with `message`), after a 'refused' row with no record, no customer and the `fields` asked
 * for. Use it as the route's `onRequest` (after the back office's session guard) instead of `requireRole`,
 * before the body or query is checked: a member who may not call the route learns nothing of what it takes.
 */
export function rolesOnlyRecorded(
  ctx: Pick<AppContext, 'db' | 'clock'>,
  recordType: AccessRecordType,
  roles: ReadonlyArray<StaffPrincipal['role']>,
  options: { fields?: readonly string[]; message?: string } = {},
) {
  const message =
    options.message ??
    `Only ${roles.join(' or ')} staff may do this; the attempt is recorded in the audit log`;
  return async (request: FastifyRequest): Promise<void> => {
    const staff = staffOf(request);
    if (roles.includes(staff.role)) return;
    await recordStaffAccess(ctx.db, staff, ctx.clock.now(), [
      { outcome: 'refused', recordType, recordId: null, customerId: null, fields: options.fields ?? [] },
    ]);
    throw new AppError('forbidden', message, { clause: 'PV-STF-1' });
  };
}

/** `rolesOnlyRecorded` for the owner's own tools (the audit log, maintenance grants, the export). */
export function ownerOnlyRecorded(ctx: Pick<AppContext, 'db' | 'clock'>, recordType: AccessRecordType) {
  return rolesOnlyRecorded(ctx, recordType, ['owner'], {
    message: 'Only the owner may do this; the attempt is recorded in the audit log',
  });
}
