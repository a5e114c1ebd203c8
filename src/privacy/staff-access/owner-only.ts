/**
 * PV-STF-1: a refused read of personal data is itself an audit row, and so is asking for an owner's tool. This
 * is the back office's only role guard (there is no bare role check): the owner's privacy tools, staff
 * management, newsletter campaigns, the numbers, settings, and the routes kept to some roles (security events,
 * customers' questions, refunds) all refuse the others here, so the log shows who tried what they may not. The refusal
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
 * for. Use it as the route's `onRequest` (after the back office's session guard), not `preHandler`, which
 * runs after the body or query is checked: a member who may not call the route learns nothing of what it takes
 * (a 403, not a 400 naming its fields; the authorization matrix test checks it).
 *
 * `recordType` null is a decision, not a default: only for a bare count that is no one's data and no owner's
 * tool (how many security events or questions wait), which the back office polls: a row per poll would bury
 * the refusals that matter.
 */
export function rolesOnlyRecorded(
  ctx: Pick<AppContext, 'db' | 'clock'>,
  recordType: AccessRecordType | null,
  roles: ReadonlyArray<StaffPrincipal['role']>,
  options: { fields?: readonly string[]; message?: string } = {},
) {
  const message =
    options.message ??
    `Only ${roles.join(' or ')} staff may do this${recordType === null ? '' : '; the attempt is recorded in the audit log'}`;
  return async (request: FastifyRequest): Promise<void> => {
    const staff = staffOf(request);
    if (roles.includes(staff.role)) return;
    if (recordType !== null)
      await recordStaffAccess(ctx.db, staff, ctx.clock.now(), [
        { outcome: 'refused', recordType, recordId: null, customerId: null, fields: options.fields ?? [] },
      ]);
    throw new AppError('forbidden', message, { clause: 'PV-STF-1' });
  };
}

/** `rolesOnlyRecorded` for the owner's own tools (the audit log, maintenance grants, the export, staff...). */
export function ownerOnlyRecorded(ctx: Pick<AppContext, 'db' | 'clock'>, recordType: AccessRecordType) {
  return rolesOnlyRecorded(ctx, recordType, ['owner'], {
    message: 'Only the owner may do this; the attempt is recorded in the audit log',
  });
}
