/** Cases as customers and staff see them, read from the rows (shared by the use cases that answer them). */
import { and, asc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import { staffUsers } from '../../accounts/schema.ts';
import type { Db } from '../../db/client.ts';
import { orderLines, orders } from '../../orders/schema.ts';
import type { EvidenceKind } from '../claim.schema.ts';
import { afterSalesEvidence } from '../evidence/evidence.schema.ts';
import { afterSalesCaseEvents, afterSalesCases } from '../schema.ts';
import { missingEvidence } from './case-evidence.rules.ts';
import { actionsFor, caseActions } from './case-lifecycle.ts';
import { evidenceRemovalRoles, type StaffRole, staffActionsFor } from './case-roles.ts';
import { customerWaitMs, deadlineMark } from './case-rules.ts';
import type { AdminCaseDetail, CustomerCase } from './schemas.ts';

type CaseRow = typeof afterSalesCases.$inferSelect;
type EventRow = typeof afterSalesCaseEvents.$inferSelect;

async function eventsOf(db: Db, caseIds: string[]): Promise<Map<string, EventRow[]>> {
  const byCase = new Map<string, EventRow[]>();
  if (caseIds.length === 0) return byCase;
  const rows = await db
    .select()
    .from(afterSalesCaseEvents)
    .where(inArray(afterSalesCaseEvents.caseId, caseIds))
    .orderBy(asc(afterSalesCaseEvents.seq));
  for (const row of rows) byCase.set(row.caseId, [...(byCase.get(row.caseId) ?? []), row]);
  return byCase;
}

function eventView(e: EventRow) {
  return {
    at: e.at.toISOString(),
    actor: { type: e.actorType, id: e.actorId, name: e.actorName },
    action: e.action,
    fromState: e.fromState,
    toState: e.toState,
    note: e.note,
    assessment: e.assessment,
    overrideReason: e.overrideReason,
    details: e.details,
  };
}

/** The customer's cases of one order (or the ones listed), newest first. Staff names stay out. */
export async function customerCases(
  db: Db,
  where: { orderId: string } | { caseIds: string[] },
): Promise<CustomerCase[]> {
  const rows = await db
    .select({ c: afterSalesCases, productName: orderLines.productName, variantName: orderLines.variantName })
    .from(afterSalesCases)
    .innerJoin(orderLines, eq(orderLines.id, afterSalesCases.orderLineId))
    .where(
      'orderId' in where
        ? eq(afterSalesCases.orderId, where.orderId)
        : inArray(
            afterSalesCases.id,
            where.caseIds.length > 0 ? where.caseIds : ['00000000-0000-0000-0000-000000000000'],
          ),
    )
    .orderBy(asc(afterSalesCases.openedAt), asc(afterSalesCases.id));
  const events = await eventsOf(
    db,
    rows.map((r) => r.c.id),
  );
  return rows.map(({ c, productName, variantName }) =>
    customerCaseView(c, { productName, variantName }, events.get(c.id) ?? []),
  );
}

/**
 * One case as its customer sees it, from its row, its line's names and its timeline rows (oldest first).
 * Staff's names, override reasons and assignments stay in the back office.
 */
export function customerCaseView(
  c: Pick<
    CaseRow,
    | 'reference'
    | 'orderLineId'
    | 'kind'
    | 'state'
    | 'policyVersion'
    | 'assessment'
    | 'openedAt'
    | 'updatedAt'
    | 'quote'
  >,
  line: { productName: string; variantName: string },
  events: ReadonlyArray<
    Pick<
      EventRow,
      'at' | 'actorType' | 'action' | 'fromState' | 'toState' | 'note' | 'assessment' | 'details'
    >
  >,
): CustomerCase {
  return {
    reference: c.reference,
    orderLineId: c.orderLineId,
    productName: line.productName,
    variantName: line.variantName,
    kind: c.kind,
    state: c.state,
    policyVersion: c.policyVersion,
    assessment: c.assessment,
    openedAt: c.openedAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    quote: c.quote,
    // The latest parcel back to the customer (a later resolution's replaces an earlier one's).
    returnShipment: events.findLast((e) => e.details?.shipment !== undefined)?.details?.shipment ?? null,
    actions: actionsFor(c.state, 'customer'),
    timeline: events
      .filter((e) => e.action !== 'assign')
      .map((e) => ({
        at: e.at.toISOString(),
        actor: { type: e.actorType },
        action: e.action,
        fromState: e.fromState,
        toState: e.toState,
        note: e.note,
        assessment: e.assessment,
      })),
  };
}

/** Who is looking, and when: the actions their role allows and the deadline marks depend on it. */
export interface CaseViewer {
  role: StaffRole;
  now: Date;
  /** CASE_DUE_SOON_DAYS */
  soonDays: number;
}

/** One case for the back office, or null. */
export async function adminCaseDetail(
  db: Db,
  caseId: string,
  viewer: CaseViewer,
): Promise<AdminCaseDetail | null> {
  const [row] = await db
    .select({
      c: afterSalesCases,
      order: orders,
      line: orderLines,
      assigneeName: staffUsers.name,
      // The kind of every evidence file, in the same round trip (the checklist is the gallery's own query).
      evidenceKinds: sql<
        string | null
      >`(select string_agg(ev.kind::text, ',') from ${afterSalesEvidence} as ev where ev.case_id = "after_sales_cases"."id")`,
    })
    .from(afterSalesCases)
    .innerJoin(orders, eq(orders.id, afterSalesCases.orderId))
    .innerJoin(orderLines, eq(orderLines.id, afterSalesCases.orderLineId))
    .leftJoin(staffUsers, eq(staffUsers.id, afterSalesCases.assignedTo))
    .where(eq(afterSalesCases.id, caseId));
  if (!row) return null;
  const { c, order, line, assigneeName } = row;
  const uploaded = (row.evidenceKinds?.split(',') ?? []) as EvidenceKind[];
  const events = await eventsOf(db, [c.id]);
  const staff = await db
    .select({ id: staffUsers.id, name: staffUsers.name, role: staffUsers.role })
    .from(staffUsers)
    // Who a case may be given to (assigneeProblem): active members, technicians not.
    .where(and(isNull(staffUsers.disabledAt), ne(staffUsers.role, 'technician')))
    .orderBy(asc(staffUsers.name));
  return {
    id: c.id,
    reference: c.reference,
    kind: c.kind,
    state: c.state,
    policyVersion: c.policyVersion,
    facts: c.facts,
    assessment: c.assessment,
    openedAt: c.openedAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    stateSince: c.stateSince.toISOString(),
    dueAt: c.dueAt?.toISOString() ?? null,
    deadlineMark: deadlineMark(c.dueAt, viewer.now, viewer.soonDays),
    waitingOnCustomerMs: customerWaitMs(c.state, c.stateSince, viewer.now),
    assignee: c.assignedTo && assigneeName ? { id: c.assignedTo, name: assigneeName } : null,
    inspection: c.inspection,
    quote: c.quote,
    resolution: c.resolution,
    order: {
      id: order.id,
      reference: order.reference,
      status: order.status,
      email: order.email,
      customerName: order.shippingAddress.name,
      placedAt: order.placedAt.toISOString(),
      shippedAt: order.shippedAt?.toISOString() ?? null,
      deliveredAt: order.deliveredAt?.toISOString() ?? null,
      deliveryUntraceable: order.deliveryUntraceable,
    },
    line: {
      id: line.id,
      productName: line.productName,
      variantName: line.variantName,
      sku: line.sku,
      category: line.category,
      unitPriceCents: line.unitPriceCents,
      quantity: line.quantity,
      clearance: line.clearance,
      specialWarranty: line.specialWarranty,
    },
    timeline: (events.get(c.id) ?? []).map(eventView),
    actions: staffActionsFor(c.state, viewer.role).map((action) => ({
      action,
      label: caseActions[action].label,
    })),
    missingEvidence: missingEvidence(c.assessment.evidence, uploaded),
    mayRemoveEvidence: evidenceRemovalRoles.includes(viewer.role),
    staff,
    // What the member sees and may do with the assignment: set per member by showCase (case-visibility.ts,
    // PV-STF-1); nothing leaves the back office without passing there.
    personalData: 'full',
    assignment: { mayTake: false, mayRelease: false, mayAssignOthers: false },
  };
}

export type { CaseRow };
