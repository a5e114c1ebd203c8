/**
 * The demo shop's after-sales cases (issue 10 point 8): the scenarios of case-scenarios.ts played through the
 * shop's own use cases with a clock set to each step's moment, so each case holds what the shop would have
 * written itself: the engine's answers at every step, the timeline, the emails in the outbox.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { staffUsers } from '../accounts/schema.ts';
import { assignCase } from '../aftersales/cases/assign-case.service.ts';
import { customerMoveCase } from '../aftersales/cases/case-action.service.ts';
import { openClaims } from '../aftersales/cases/open-claims.service.ts';
import { staffMoveCase } from '../aftersales/cases/staff-move-case.service.ts';
import { evidenceServices } from '../aftersales/evidence/evidence-context.ts';
import { listEvidence } from '../aftersales/evidence/list-evidence.service.ts';
import { uploadEvidence } from '../aftersales/evidence/upload-evidence.service.ts';
import { afterSalesCases } from '../aftersales/schema.ts';
import type { AppContext } from '../context.ts';
import { orderLinkToken } from '../orders/order-link.ts';
import { orderLines } from '../orders/schema.ts';
import { fixedClock } from '../shared/clock.ts';
import { DAY_MS } from '../shared/time.ts';
import { demoMoney, reimburseDemoPostage, spendDemoCode } from './case-costs.ts';
import { type CaseOnDemoOrder, caseScenarios, casesOnDemoOrders } from './case-scenarios.ts';
import { evidencePicture } from './evidence-pictures.ts';

/**
 * The customer's photos for the case: one project-drawn picture per required kind still missing (or only the
 * first), through the shop's upload use case (type sniffed, re-encoded, thumbnail, signed addresses).
 */
async function uploadDemoPhotos(
  ctx: Pick<AppContext, 'db' | 'config' | 'clock' | 'secret'>,
  c: { scenario: CaseOnDemoOrder; token: string; reference: string },
  which: 'missing' | 'first',
): Promise<void> {
  const access = { by: 'customer' as const, token: c.token, reference: c.reference };
  const { checklist } = await listEvidence(ctx, access);
  const kinds = which === 'first' ? checklist.missing.slice(0, 1) : checklist.missing;
  const { scratchDir } = evidenceServices(ctx.config);
  await mkdir(scratchDir, { recursive: true });
  for (const kind of kinds) {
    const bytes = await evidencePicture(kind, c.scenario.sku);
    const path = join(scratchDir, `demo-${c.reference}-${kind}.jpg`);
    await writeFile(path, bytes);
    try {
      await uploadEvidence(ctx, access, { path, bytes: bytes.length, kind, amountCents: undefined });
    } finally {
      await rm(path, { force: true });
    }
  }
}

/**
 * Plays every demo case on `db` (usually the seed's transaction) as of `nowMs`; the orders must be seeded
 * (`orderIds`: each demo order's id by key). Staff steps are taken by the shop's first owner; without one,
 * nothing is played. Returns the number of cases opened.
 */
export async function seedDemoCases(
  ctx: Pick<AppContext, 'db' | 'config' | 'secret'>,
  nowMs: number,
  orderIds: ReadonlyMap<string, string>,
): Promise<number> {
  const [owner] = await ctx.db
    .select({ id: staffUsers.id, name: staffUsers.name, role: staffUsers.role })
    .from(staffUsers)
    .where(and(eq(staffUsers.role, 'owner'), isNull(staffUsers.disabledAt)))
    .orderBy(asc(staffUsers.createdAt))
    .limit(1);
  if (!owner) return 0;
  const clock = fixedClock(new Date(nowMs));
  const at = { ...ctx, clock };
  const moment = (daysAgo: number) => clock.set(new Date(nowMs - Math.round(daysAgo * DAY_MS)));

  // Opened oldest first, so the RMA numbers follow the dates as the shop's own would.
  const scenarios = [...caseScenarios, ...casesOnDemoOrders].sort(
    (a, b) => b.openedDaysAgo - a.openedDaysAgo,
  );
  const opened: Array<{
    scenario: (typeof scenarios)[number];
    token: string;
    id: string;
    reference: string;
  }> = [];
  for (const scenario of scenarios) {
    const orderId = orderIds.get(scenario.orderKey);
    if (!orderId) throw new Error(`Demo case: no demo order ${scenario.orderKey}`);
    const [line] = await ctx.db
      .select({ id: orderLines.id })
      .from(orderLines)
      .where(and(eq(orderLines.orderId, orderId), eq(orderLines.sku, scenario.sku)));
    if (!line) throw new Error(`Demo case: order ${scenario.orderKey} has no line of ${scenario.sku}`);
    const token = orderLinkToken(ctx.secret, orderId);
    moment(scenario.openedDaysAgo);
    const [c] = await openClaims(at, token, {
      lines: [{ orderLineId: line.id, kind: scenario.kind, facts: scenario.facts }],
    });
    if (!c) throw new Error(`Demo case: ${scenario.orderKey} opened nothing`);
    const [row] = await ctx.db
      .select({ id: afterSalesCases.id })
      .from(afterSalesCases)
      .where(eq(afterSalesCases.reference, c.reference));
    opened.push({ scenario, token, id: row?.id as string, reference: c.reference });
  }

  // Every case's steps in the order they happened across the shop.
  const steps = opened
    .flatMap((c) => c.scenario.steps.map((step) => ({ c, step })))
    .sort((a, b) => b.step.daysAgo - a.step.daysAgo);
  for (const { c, step } of steps) {
    moment(step.daysAgo);
    if (step.by === 'staff' && 'reimburseReceiptCents' in step)
      await reimburseDemoPostage(at, c, step.reimburseReceiptCents, owner);
    else if (step.by === 'staff') await staffMoveCase(at, c.id, step.body, owner, demoMoney(at));
    else if (step.by === 'customer' && 'upload' in step) await uploadDemoPhotos(at, c, step.upload);
    else if (step.by === 'customer' && 'redeemCodeOn' in step) await spendDemoCode(at, c, step.redeemCodeOn);
    else if (step.by === 'customer')
      await customerMoveCase(at, c.token, c.reference, { action: step.action });
    else await assignCase(at, c.id, owner.id, owner);
  }
  return opened.length;
}
