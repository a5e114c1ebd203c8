/** The member a case or an order is being given to, checked by `assigneeProblem` (PV-STF-1, PV-STF-2). */
import { eq } from 'drizzle-orm';
import { staffUsers } from '../../accounts/schema.ts';
import type { Db } from '../../db/client.ts';
import { AppError, ValidationError } from '../../shared/errors.ts';
import { assigneeProblem } from './assignment.rules.ts';

/** `staffId`'s id and name. Errors: 404 on `staffId` for no such member, 400 on `staffId` per `assigneeProblem`. */
export async function assignee(
  db: Db,
  staffId: string,
  what: 'case' | 'order',
): Promise<{ id: string; name: string }> {
  const [member] = await db
    .select({
      id: staffUsers.id,
      name: staffUsers.name,
      role: staffUsers.role,
      disabledAt: staffUsers.disabledAt,
    })
    .from(staffUsers)
    .where(eq(staffUsers.id, staffId));
  if (!member) throw new AppError('not_found', 'staffId: no such member of staff', { field: 'staffId' });
  const problem = assigneeProblem(member, what);
  if (problem) throw new ValidationError([{ field: 'staffId', message: problem }]);
  return { id: member.id, name: member.name };
}
