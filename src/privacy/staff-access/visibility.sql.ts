/**
 * PV-STF-1 in SQL: the conditions of `visibilityOf` (visibility.rules.ts) as drizzle fragments, for the lists
 * that filter and page in the database (the order list, the questions, the case queue). They are written once,
 * here, so that no list can drift from the rule; test/http/staff-visibility-sql.test.ts checks them against
 * `visibilityOf` on a matrix of cases and orders, for every role.
 *
 * - "visible": the record is listed (full or masked); `visibilityOf` would not say 'hidden'.
 * - "full": its personal data shows; `visibilityOf` would say 'full'.
 *
 * The rows on the page still go through `visibilityOf`, which says why (a grant's reason) for the audit log.
 */
import { and, isNull, not, or, type Placeholder, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import { afterSalesCases } from '../../aftersales/schema.ts';
import { orders } from '../../orders/schema.ts';
import type { ActiveGrant } from './active-grants.ts';
import type { StaffRole } from './visibility.rules.ts';

/** The members who also handle a record through linked records: `RecordHolders.alsoHandledBy` in SQL. */
export type LinkedAssignees =
  /** One linked record, joined by the query itself (a case's order): its assignee column. */
  | { joined: AnyPgColumn }
  /**
   * Any number of linked records, read by a subquery (an order's cases): their table, the condition that ties
   * them to the query's row, and their assignee column.
   */
  | { from: PgTable; on: SQL; assignedTo: AnyPgColumn };

/** How a query reaches a record's holders: `RecordHolders` as columns of the query. */
export interface HoldersSql {
  /** The record's assignee column (null: unassigned). */
  assignedTo: AnyPgColumn;
  /** Its customer column (null: a guest), which a technician's maintenance grant may cover. */
  customerId: AnyPgColumn;
  alsoHandledBy: LinkedAssignees;
}

/** A case's holders; the query must join `orders` on the case's order. */
export const caseHoldersSql: HoldersSql = {
  assignedTo: afterSalesCases.assignedTo,
  customerId: orders.customerId,
  alsoHandledBy: { joined: orders.assignedTo },
};

/** An order's holders (also a question's: a question is its order's); its cases are read by a subquery. */
export const orderHoldersSql: HoldersSql = {
  assignedTo: orders.assignedTo,
  customerId: orders.customerId,
  alsoHandledBy: {
    from: afterSalesCases,
    on: sql`${afterSalesCases.orderId} = ${orders.id}`,
    assignedTo: afterSalesCases.assignedTo,
  },
};

/**
 * Who is looking, as the fragments need it: a `Viewer`, whose id may also be a placeholder of a prepared
 * statement (the case queue binds it per request).
 */
export interface SqlViewer {
  id: string | Placeholder;
  role: StaffRole;
  grants: readonly ActiveGrant[];
}

const TRUE = sql<boolean>`true`;
const FALSE = sql<boolean>`false`;

function isViewer(column: AnyPgColumn, me: SqlViewer['id']): SQL<boolean> {
  return sql<boolean>`${column} = ${me}::uuid`;
}

/** Whether the viewer `me` handles a linked record: `alsoHandledBy.includes(viewer.id)`. */
export function handlesLinkedSql(me: SqlViewer['id'], linked: LinkedAssignees): SQL<boolean> {
  if ('joined' in linked) return isViewer(linked.joined, me);
  return sql<boolean>`exists (select 1 from ${linked.from} where ${linked.on} and ${isViewer(linked.assignedTo, me)})`;
}

/**
 * Whether no member other than `me` handles a linked record, or `me` does too: an unassigned record is then
 * listed. (`me` first, as the rule has it: a member who handles one case of an order sees the order although
 * another member handles another case of it.)
 */
function linkedOpenSql(me: SqlViewer['id'], linked: LinkedAssignees): SQL {
  if ('joined' in linked) return or(isNull(linked.joined), isViewer(linked.joined, me)) as SQL;
  const byOther = sql<boolean>`exists (select 1 from ${linked.from} where ${linked.on} and ${linked.assignedTo} <> ${me}::uuid)`;
  return or(handlesLinkedSql(me, linked), not(byOther)) as SQL;
}

/**
 * PV-STF-1: the condition for a record to be listed to `viewer` at all, or undefined when every record is
 * (the owner; technicians, who see the rest masked). Customer service: their own records, and unassigned ones
 * that no other member handles through a linked record (or that they handle through one).
 */
export function visibleSql(viewer: SqlViewer, holders: HoldersSql): SQL | undefined {
  if (viewer.role !== 'customer_service') return undefined;
  return or(
    isViewer(holders.assignedTo, viewer.id),
    and(isNull(holders.assignedTo), linkedOpenSql(viewer.id, holders.alsoHandledBy)),
  ) as SQL;
}

/**
 * PV-STF-1: the condition for a record's personal data to show to `viewer` in full. The owner: always. A
 * technician: the customers their maintenance grants cover (an 'all' grant: every record, a guest's too).
 * Customer service: their own records, and unassigned ones they handle through a linked record.
 */
export function fullSql(viewer: SqlViewer, holders: HoldersSql): SQL {
  if (viewer.role === 'owner') return TRUE;
  if (viewer.role === 'technician') {
    if (viewer.grants.some((g) => g.scope === 'all')) return TRUE;
    const customers = viewer.grants.flatMap((g) =>
      g.scope === 'customer' && g.customerId !== null ? [g.customerId] : [],
    );
    if (customers.length === 0) return FALSE;
    return sql`${holders.customerId} in (${sql.join(
      customers.map((c) => sql`${c}::uuid`),
      sql`, `,
    )})`;
  }
  return or(
    isViewer(holders.assignedTo, viewer.id),
    and(isNull(holders.assignedTo), handlesLinkedSql(viewer.id, holders.alsoHandledBy)),
  ) as SQL;
}
