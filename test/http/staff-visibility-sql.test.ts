/**
 * PV-STF-1: the SQL filter of the staff lists (visibility.sql.ts) agrees with the rule (`visibilityOf`) on every
 * record, for every kind of viewer. A matrix of orders (assigned to me, to another member, unassigned) each
 * with no case, one case or two (assigned to me, to the other member, unassigned, crosswise) is seeded; for
 * each viewer, the orders and cases the filter lists, and those it shows in full, are exactly those the rule
 * reads from the same records (through the detail endpoints' readers, orderHolders and caseHolders).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import { staffUsers } from '../../src/accounts/schema.ts';
import { afterSalesCases } from '../../src/aftersales/schema.ts';
import { orders } from '../../src/orders/schema.ts';
import type { ActiveGrant } from '../../src/privacy/staff-access/active-grants.ts';
import { type Viewer, visibilityOf } from '../../src/privacy/staff-access/visibility.rules.ts';
import {
  caseHoldersSql,
  fullSql,
  type HoldersSql,
  orderHoldersSql,
  visibleSql,
} from '../../src/privacy/staff-access/visibility.sql.ts';
import { caseHolders, orderHolders } from '../../src/privacy/staff-access/visibility.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { uuidv7 } from '../../src/shared/ids.ts';
import { acceptedAgreement, startTestApp, type TestApp } from '../helpers/app.ts';
import { deliveredOrder, openCase } from '../helpers/cases-fixtures.ts';
import { insertCustomer } from '../helpers/staff-access-fixtures.ts';

type Who = 'me' | 'other' | null;

/** Each order's assignee × its cases' assignees: none, one, or two cases (crosswise). */
const ORDER_ASSIGNEES: Who[] = ['me', 'other', null];
const CASE_SETS: Who[][] = [[], ['me'], ['other'], [null], ['me', 'other'], ['other', null], ['me', null]];

describe('the staff lists’ SQL visibility filter agrees with the rule (PV-STF-1)', () => {
  const clock = fixedClock('2026-03-02T09:00:00Z');
  let t: TestApp;
  const ids = { owner: '', me: '', other: '', third: '' };
  let customerA = '';
  let customerB = '';
  const orderIds: string[] = [];
  const caseIds: string[] = [];

  const grant = (scope: 'customer' | 'all', customerId: string | null): ActiveGrant => ({
    id: uuidv7(),
    reason: `maintenance (${scope})`,
    scope,
    customerId,
    expiresAt: new Date('2026-03-03T09:00:00Z'),
  });
  const viewers = (): Array<[string, Viewer]> => {
    const tech = uuidv7();
    return [
      ['owner', { id: ids.owner, role: 'owner', grants: [] }],
      ['customer service (me)', { id: ids.me, role: 'customer_service', grants: [] }],
      ['customer service (the other member)', { id: ids.other, role: 'customer_service', grants: [] }],
      ['customer service (handling nothing)', { id: ids.third, role: 'customer_service', grants: [] }],
      ['technician without a grant', { id: tech, role: 'technician', grants: [] }],
      [
        'technician, grant for customer A',
        { id: tech, role: 'technician', grants: [grant('customer', customerA)] },
      ],
      ['technician, grant for all', { id: tech, role: 'technician', grants: [grant('all', null)] }],
    ];
  };

  before(async () => {
    t = await startTestApp({ clock });
    const owner = await t.staffCookie();
    const [ownerRow] = await t.ctx.db
      .select({ id: staffUsers.id })
      .from(staffUsers)
      .where(eq(staffUsers.role, 'owner'));
    ids.owner = ownerRow?.id as string;
    for (const who of ['me', 'other', 'third'] as const) {
      ids[who] = uuidv7();
      await t.ctx.db.insert(staffUsers).values({
        id: ids[who],
        email: `${who}@aftercare.test`,
        name: `Member ${who}`,
        passwordHash: 'not-a-password',
        role: 'customer_service',
        ...acceptedAgreement(clock.now()),
      });
    }
    customerA = await insertCustomer(t.ctx.db, { email: 'a@example.com', name: 'Ada A' });
    customerB = await insertCustomer(t.ctx.db, { email: 'b@example.com', name: 'Bob B' });
    const staffId = (who: Who) => (who === null ? null : ids[who]);
    let n = 0;
    for (const orderAssignee of ORDER_ASSIGNEES) {
      for (const caseSet of CASE_SETS) {
        const order = await deliveredOrder(t, owner, [{}, {}]);
        for (const [i, who] of caseSet.entries()) {
          const opened = await openCase(t, owner, order, order.lineIds[i] as string);
          await t.ctx.db
            .update(afterSalesCases)
            .set({ assignedTo: staffId(who) })
            .where(eq(afterSalesCases.id, opened.id));
          caseIds.push(opened.id);
        }
        // A customer's, another customer's, or a guest's: what a technician's grant covers.
        const customerId = [customerA, customerB, null][n++ % 3] ?? null;
        await t.ctx.db
          .update(orders)
          .set({ assignedTo: staffId(orderAssignee), customerId })
          .where(eq(orders.id, order.id));
        orderIds.push(order.id);
      }
    }
  });
  after(() => t.close());

  /** The ids the filter lists, and those it shows in full, for `viewer`, as the lists apply them (WHERE). */
  async function filtered(kind: 'order' | 'case', viewer: Viewer, holders: HoldersSql) {
    const query = (where: SQL | undefined) =>
      kind === 'order'
        ? t.ctx.db.select({ id: orders.id }).from(orders).where(where)
        : t.ctx.db
            .select({ id: afterSalesCases.id })
            .from(afterSalesCases)
            .innerJoin(orders, eq(orders.id, afterSalesCases.orderId))
            .where(where);
    const visible = visibleSql(viewer, holders);
    const listed = await query(visible);
    const full = await query(and(visible, fullSql(viewer, holders)));
    return {
      listed: new Set(listed.map((r) => r.id)),
      full: new Set(full.map((r) => r.id)),
    };
  }

  /** The ids the rule lists (not hidden) and shows in full, from the records' holders. */
  async function expected(kind: 'order' | 'case', viewer: Viewer, recordIds: string[]) {
    const listed = new Set<string>();
    const full = new Set<string>();
    const outcomes = new Set<string>();
    for (const id of recordIds) {
      const holders = kind === 'order' ? await orderHolders(t.ctx.db, id) : await caseHolders(t.ctx.db, id);
      assert.ok(holders, `${kind} ${id} exists`);
      const visibility = visibilityOf(viewer, holders).kind;
      outcomes.add(visibility);
      if (visibility !== 'hidden') listed.add(id);
      if (visibility === 'full') full.add(id);
    }
    return { listed, full, outcomes };
  }

  for (const kind of ['order', 'case'] as const) {
    it(`PV-STF-1: the ${kind} filter lists, and shows in full, exactly what visibilityOf says, for every viewer`, async () => {
      const holders = kind === 'order' ? orderHoldersSql : caseHoldersSql;
      const recordIds = kind === 'order' ? orderIds : caseIds;
      for (const [name, viewer] of viewers()) {
        const got = await filtered(kind, viewer, holders);
        const want = await expected(kind, viewer, recordIds);
        assert.deepEqual([...got.listed].sort(), [...want.listed].sort(), `${kind}s listed to ${name}`);
        assert.deepEqual([...got.full].sort(), [...want.full].sort(), `${kind}s in full to ${name}`);
        if (name === 'customer service (me)') {
          // The matrix reaches every outcome, so the agreement above is not an agreement on nothing.
          assert.deepEqual(
            [...want.outcomes].sort(),
            ['full', 'hidden', 'masked'],
            `${kind} outcomes for me`,
          );
        }
      }
    });
  }

  it('PV-STF-1: the case queue’s prepared form (the viewer a placeholder) lists what the literal form lists', async () => {
    const prepared = t.ctx.db
      .select({ id: afterSalesCases.id })
      .from(afterSalesCases)
      .innerJoin(orders, eq(orders.id, afterSalesCases.orderId))
      .where(
        visibleSql({ id: sql.placeholder('viewer'), role: 'customer_service', grants: [] }, caseHoldersSql),
      )
      .prepare('visibility_sql_test_cases');
    for (const who of ['me', 'other', 'third'] as const) {
      const viewer: Viewer = { id: ids[who], role: 'customer_service', grants: [] };
      const rows = await prepared.execute({ viewer: ids[who] });
      const want = await expected('case', viewer, caseIds);
      assert.deepEqual(
        rows.map((r) => r.id).sort(),
        [...want.listed].sort(),
        `cases listed to ${who} by the prepared statement`,
      );
    }
  });
});
