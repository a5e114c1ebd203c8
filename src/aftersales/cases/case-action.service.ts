/**
 * Moving a case by the customer (withdraw, answer a quote) through the order's signed link; staff decisions
 * are staff-move-case.service.ts. The case row is locked, the lifecycle table decides (a 409 naming the allowed actions), and the
 * new state and its timeline row are written in one transaction.
 */
import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { NotFound } from '../../shared/errors.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { afterSalesCaseEvents, afterSalesCases } from '../schema.ts';
import { applyCaseAction, type CaseAction, type CaseActor, type CaseState } from './case-lifecycle.ts';
import { dueAtFor } from './case-rules.ts';
import { customerCases } from './case-views.ts';
import { orderOfLink } from './claim-records.ts';
import type { CustomerCase } from './schemas.ts';

export interface CaseMoveRequest {
  action: CaseAction;
  note?: string | undefined;
}

export interface ActorOfMove {
  type: CaseActor;
  id: string | null;
  name: string | null;
}

export async function moveCase(
  tx: Db,
  where: ReturnType<typeof eq>,
  request: CaseMoveRequest,
  actor: ActorOfMove,
  now: Date,
  responseDays: number,
): Promise<{ id: string; to: CaseState }> {
  const [row] = await tx
    .select({ id: afterSalesCases.id, state: afterSalesCases.state })
    .from(afterSalesCases)
    .where(where)
    .for('update');
  if (!row) throw new NotFound('Case');
  const to = applyCaseAction(row.state, request.action, actor.type);
  await tx
    .update(afterSalesCases)
    .set({ state: to, updatedAt: now, stateSince: now, dueAt: dueAtFor(to, now, responseDays) })
    .where(eq(afterSalesCases.id, row.id));
  await tx.insert(afterSalesCaseEvents).values({
    id: uuidv7(now.getTime()),
    caseId: row.id,
    at: now,
    actorType: actor.type,
    actorId: actor.id,
    actorName: actor.name,
    action: request.action,
    fromState: row.state,
    toState: to,
    note: request.note || null,
  });
  return { id: row.id, to };
}

/** A customer's move on a case of the order behind `token`; another order's case is a 404. */
export async function customerMoveCase(
  ctx: Pick<AppContext, 'db' | 'clock' | 'secret' | 'config'>,
  token: string,
  reference: string,
  request: CaseMoveRequest,
): Promise<CustomerCase> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const order = await orderOfLink(tx, ctx.secret, token);
    const where = and(
      eq(afterSalesCases.orderId, order.id),
      eq(afterSalesCases.reference, reference.trim().toUpperCase()),
    ) as ReturnType<typeof eq>;
    const { id } = await moveCase(
      tx,
      where,
      request,
      { type: 'customer', id: null, name: null },
      now,
      ctx.config.CASE_RESPONSE_DAYS,
    );
    const [view] = await customerCases(tx, { caseIds: [id] });
    return view as CustomerCase;
  });
}
