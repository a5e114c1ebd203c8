/**
 * Issue 10 point 1 and AS-GEN-2: opening after-sales cases. In one transaction per request each line is
 * assessed again with the current policy version (the answer the customer saw may be minutes old), one case per
 * line is stored with that assessment and version (state `opened`), its first timeline row, and the "case
 * opened" email. A claim the policy declines opens nothing: a 422 with the deciding clause and the engine's
 * reasons (the customer may still write to customer service). One open case per line and kind: a second is a
 * 409 naming the open one, also when two requests race (the partial unique index decides).
 *
 * It is the customer's busiest write, so it is five round trips: BEGIN; one read of the order, its lines, the
 * current policy version's number and the shop's settings; the cases inserted together; their first timeline
 * rows and the email in one statement; COMMIT. A version's settings are read once per process (versions never
 * change), and the answer is built from what was written rather than read back.
 */
import { and, asc, eq, notInArray, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { outboxRow } from '../../messaging/outbox.ts';
import { mailOutbox } from '../../messaging/schema.ts';
import { orderIdFromLinkToken } from '../../orders/order-link.ts';
import { orderLines, orders } from '../../orders/schema.ts';
import { appSettings } from '../../settings/schema.ts';
import { mergeShopSettings, SHOP_SETTINGS_KEY } from '../../settings/shop.ts';
import { AppError, Conflict, NotFound } from '../../shared/errors.ts';
import { uuidv7 } from '../../shared/ids.ts';
import type { ClaimKind } from '../claim.schema.ts';
import { recordDeclinedClaims } from '../numbers/record-declined-claims.ts';
import { assessClaim } from '../policy.ts';
import { cachedPolicyVersion, currentPolicyVersion } from '../policy-versions.service.ts';
import { afterSalesCaseEvents, afterSalesCases, FINISHED_CASE_STATES, policyVersions } from '../schema.ts';
import { caseOpenedMail } from './case-emails.ts';
import { dueAtFor } from './case-rules.ts';
import { customerCaseView } from './case-views.ts';
import { claimsOf } from './claim-records.ts';
import type { ClaimBody, CustomerCase } from './schemas.ts';

type OpenCtx = Pick<AppContext, 'db' | 'secret' | 'clock' | 'config'>;

/** RMA-26-00042: the year the case is opened, then the next number of the case sequence. */
function nextCaseReferenceSql(now: Date) {
  const head = `RMA-${String(now.getUTCFullYear() % 100).padStart(2, '0')}-`;
  return sql<string>`(select ${head} || lpad(n::text, greatest(5, length(n::text)), '0') from (select nextval('case_reference_seq') as n) as next)`;
}

async function openCaseOf(db: Db, orderLineId: string, kind: ClaimKind): Promise<string | null> {
  const [open] = await db
    .select({ reference: afterSalesCases.reference })
    .from(afterSalesCases)
    .where(
      and(
        eq(afterSalesCases.orderLineId, orderLineId),
        eq(afterSalesCases.kind, kind),
        notInArray(afterSalesCases.state, [...FINISHED_CASE_STATES]),
      ),
    );
  return open?.reference ?? null;
}

function alreadyOpen(reference: string, index: number): Conflict {
  return new Conflict(`Case ${reference} is already open for this item and kind of claim`, {
    field: `lines.${index}.orderLineId`,
    reference,
  });
}

function isOpenCaseViolation(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const { code, constraint } = e as { code?: unknown; constraint?: unknown };
    if (code === '23505' && constraint === 'after_sales_cases_open_key') return true;
  }
  return false;
}

/**
 * The order behind `orderId` with its lines (oldest first), the current policy version's number (null before
 * version 1 is written) and the stored shop settings: one prepared statement, one round trip.
 */
function prepareClaimRead(db: Db) {
  return db
    .select({
      order: orders,
      line: orderLines,
      policyVersion: sql<number | null>`(select max(${policyVersions.version}) from ${policyVersions})`,
      shop: sql<unknown>`(select ${appSettings.value} from ${appSettings} where ${appSettings.key} = ${SHOP_SETTINGS_KEY})`,
    })
    .from(orders)
    .leftJoin(orderLines, eq(orderLines.orderId, orders.id))
    .where(eq(orders.id, sql.placeholder('orderId')))
    .orderBy(asc(orderLines.id))
    .prepare('claim_order_lines_policy_shop');
}

const claimReads = new WeakMap<Db, ReturnType<typeof prepareClaimRead>>();

/**
 * What a claim is judged on, read before the transaction (a read in it would see no more: it runs at READ
 * COMMITTED and takes no lock), so that the read is a prepared statement of the pool. 404 for a bad link.
 */
async function readClaimRecords(db: Db, secret: string, token: string) {
  const orderId = orderIdFromLinkToken(secret, token);
  if (!orderId) throw new NotFound('Order');
  let prepared = claimReads.get(db);
  if (!prepared) {
    prepared = prepareClaimRead(db);
    claimReads.set(db, prepared);
  }
  const rows = await prepared.execute({ orderId });
  const first = rows[0];
  if (!first) throw new NotFound('Order');
  const policy =
    first.policyVersion === null
      ? await currentPolicyVersion(db)
      : await cachedPolicyVersion(db, first.policyVersion);
  return {
    order: first.order,
    lines: rows.flatMap((r) => (r.line ? [r.line] : [])),
    policy,
    shop: mergeShopSettings(first.shop),
  };
}

export async function openClaims(ctx: OpenCtx, token: string, body: ClaimBody): Promise<CustomerCase[]> {
  const now = ctx.clock.now();
  const { order, lines, policy, shop } = await readClaimRecords(ctx.db, ctx.secret, token);
  const assessed = claimsOf(order, lines, body, now).map((c) => ({
    ...c,
    id: uuidv7(now.getTime()),
    assessment: assessClaim(c.input, policy.settings),
  }));
  const refused = assessed.findIndex((a) => !a.assessment.eligible);
  const declined = assessed[refused];
  if (declined) {
    // Kept for the owner's numbers (declined by clause): a declined claim leaves no case behind.
    await recordDeclinedClaims(ctx.db, assessed, policy.version, now);
    const reasons = declined.assessment.reasons;
    throw new AppError(
      'policy_violation',
      `lines.${refused}: the after-sales policy declines this claim, so no case is opened: ${reasons
        .map((r) => r.message)
        .join(' ')} You may still ask customer service about it.`,
      { field: `lines.${refused}.kind`, clause: reasons[0]?.clause ?? 'AS-GEN-1', reasons },
    );
  }

  try {
    return await ctx.db.transaction(async (tx) => {
      // A claim already open on this line and kind is refused by the partial unique index (caught below).
      const dueAt = dueAtFor('opened', now, ctx.config.CASE_RESPONSE_DAYS);
      const cases = await tx
        .insert(afterSalesCases)
        .values(
          assessed.map((a) => ({
            id: a.id,
            reference: nextCaseReferenceSql(now),
            orderId: order.id,
            orderLineId: a.line.id,
            productId: a.line.productId,
            category: a.line.category,
            kind: a.kind,
            state: 'opened' as const,
            policyVersion: policy.version,
            facts: a.facts,
            assessment: a.assessment,
            openedAt: now,
            updatedAt: now,
            stateSince: now,
            dueAt,
          })),
        )
        .returning();
      const opened = assessed.map((a) => {
        const row = cases.find((c) => c.id === a.id);
        if (!row) throw new Error(`case ${a.id} was inserted but did not come back`);
        return { ...a, row, reference: row.reference };
      });
      const events = opened.map((o) => ({
        id: uuidv7(now.getTime()),
        caseId: o.row.id,
        at: now,
        actorType: 'customer' as const,
        action: 'open',
        fromState: null,
        toState: 'opened' as const,
        note: null,
        assessment: o.assessment,
        details: null,
      }));
      // The first timeline rows and the "case opened" email (the shop's name at queue time) in one statement.
      const timeline = tx.$with('opened_timeline').as(tx.insert(afterSalesCaseEvents).values(events));
      await tx
        .with(timeline)
        .insert(mailOutbox)
        .values(outboxRow(caseOpenedMail(ctx, shop, order, opened), now));
      return opened.map((o, i) => customerCaseView(o.row, o.line, [events[i] as (typeof events)[number]]));
    });
  } catch (error) {
    if (!isOpenCaseViolation(error)) throw error;
    // The line and kind already have an open case (maybe opened a moment ago by another request): name it.
    for (const [i, line] of body.lines.entries()) {
      const open = await openCaseOf(ctx.db, line.orderLineId, line.kind);
      if (open) throw alreadyOpen(open, i);
    }
    throw new Conflict('This claim is already open', { field: 'lines' });
  }
}
