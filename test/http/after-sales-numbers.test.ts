/**
 * The owner's after-sales numbers over HTTP (issue 11 point 4): every figure of a small fixed data set is
 * computed by hand below (money to the cent), with the date-range and category filters, each CSV table, each
 * bad input and the roles. Runs on PGlite, and on PostgreSQL with DATABASE_URL.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { declinedClaims } from '../../src/aftersales/numbers/declined-claim.schema.ts';
import type { NumbersResponse } from '../../src/aftersales/numbers/numbers.schemas.ts';
import type { Assessment } from '../../src/aftersales/policy.ts';
import { currentPolicyVersion } from '../../src/aftersales/policy-versions.service.ts';
import { caseRemedies } from '../../src/aftersales/remedies/remedy.schema.ts';
import type { CaseEventDetails, CaseFacts } from '../../src/aftersales/schema.ts';
import { afterSalesCaseEvents, afterSalesCases } from '../../src/aftersales/schema.ts';
import type { ProductCategory } from '../../src/catalog/schemas.ts';
import { coupons } from '../../src/orders/coupons/coupon.schema.ts';
import { orderLines, orders, payments, refunds } from '../../src/orders/schema.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { uuidv7 } from '../../src/shared/ids.ts';
import { json, signedInMember, startTestApp, type TestApp } from '../helpers/app.ts';
import { deliveredOrder, staffRequest } from '../helpers/cases-fixtures.ts';
import { createProduct, type ErrorShape, type ProductFixture } from '../helpers/orders-fixtures.ts';

const NUMBERS = '/api/admin/after-sales/numbers';

/** An engine answer to store on a case: what the numbers read of it is `eligible`, `reasons`, `partsPayer`. */
function assessment(partial: Partial<Assessment>): Assessment {
  return {
    eligible: true,
    resolutions: [],
    evidence: [],
    reasons: [],
    deadline: null,
    returnShipping: { payer: 'customer', reimbursableUpToCents: 0 },
    partsPayer: null,
    couponValueCents: null,
    returnParcel: null,
    ...partial,
  };
}

interface Fixture {
  a: ProductFixture;
  b: ProductFixture;
  c: ProductFixture;
}

/**
 * The fixed data set. Today is 2026-06-15, so the default range is 2025-07-01 … 2026-06-15.
 *
 * Orders (lines: product × quantity @ unit price):
 *   O1 2026-01-10 delivered: A×2 @ 400.00, B×1 @ 200.00, shipping 5.00 → total 1,005.00
 *   O2 2026-02-05 completed: A×1 @ 400.00, shipping 5.00, discount 10.00 → total 395.00
 *   O3 2026-02-20 paid: C×4 @ 100.00, shipping 5.00 → total 405.00
 *   O4 2026-03-01 cancelled: A×1 (no sale) · O5 2026-03-02 placed, unpaid: B×1 (no sale)
 *   O6 2025-06-30 23:59:59 delivered: A×1 (before the range) · O7 2026-03-10 free replacement of A (no sale)
 * Cases (opened → decided):
 *   K1 A DOA       2026-01-15 10:00 → resolved 01-17 10:00 (48 h), closed; refund 400.00 (Jan 18), return postage 6.50 (Jan 31 23:59:59)
 *   K2 B defective 2026-02-01 00:00 → resolved 02-02 00:00 (24 h) by a repair the shop pays: screen 90.00 + battery 35.00;
 *                  coupon AS-GEN-5 25.00 issued Feb 2, redeemed Feb 20; return postage 8.00 still owed (not counted)
 *   K3 A change of mind 2026-02-10 → declined 02-13 (72 h), the engine declined it (AS-RET-1)
 *   K4 C incorrect 2026-03-05 00:00 → resolved 12:00 (12 h); voucher AS-INC-2 30.00 issued Mar 5, redeemed Apr 2
 *   K5 C defective 2026-04-01, waiting for evidence
 *   K6 A defective 2026-05-01 → declined by staff 05-03 (48 h) although the engine accepted it (override)
 *   K7 A DOA 2025-06-20 (before the range), resolved, refund 405.00 on 2025-06-25
 * Declined submissions: D1 A DOA 2026-03-15 (AS-DOA-1), D2 C change of mind 2026-06-01 (AS-RET-1),
 *   D0 A 2025-05-01 (before the range). A cancellation refund of O4 (405.00, Mar 1) is not after-sales.
 */
async function loadFixture(t: TestApp): Promise<Fixture> {
  const db = t.ctx.db;
  const a = await createProduct(db, { name: 'Phone A', category: 'smartphone', priceCents: 40_000 });
  const b = await createProduct(db, { name: 'Watch B', category: 'wearable', priceCents: 20_000 });
  // A name a spreadsheet would run as a formula, with a comma and quotes: the CSV guards and quotes it.
  const c = await createProduct(db, { name: '=Tab "C", 10in', category: 'tablet', priceCents: 10_000 });
  const policyVersion = (await currentPolicyVersion(db)).version;
  let n = 0;

  async function order(
    placedAt: string,
    status: 'placed' | 'paid' | 'shipped' | 'delivered' | 'completed' | 'cancelled',
    lines: Array<[ProductFixture, number]>,
    extra: { discountCents?: number; paymentMethod?: string } = {},
  ) {
    n += 1;
    const id = uuidv7();
    const subtotal = lines.reduce((sum, [p, q]) => sum + p.priceCents * q, 0);
    const replacement = extra.paymentMethod === 'replacement';
    const shipping = replacement ? 0 : 500;
    const discount = extra.discountCents ?? 0;
    await db.insert(orders).values({
      id,
      reference: `AC-26-9${String(n).padStart(4, '0')}`,
      email: 'ada@example.com',
      status,
      subtotalCents: replacement ? 0 : subtotal,
      shippingCents: shipping,
      discountCents: discount,
      totalCents: replacement ? 0 : subtotal - discount + shipping,
      shippingMethod: 'standard',
      shippingAddress: {
        name: 'Ada',
        line1: '1 Main St',
        city: 'Springfield',
        postalCode: '12345',
        country: 'US',
      },
      paymentMethod: extra.paymentMethod ?? 'bank_transfer',
      placedAt: new Date(placedAt),
      paidAt: status === 'placed' || replacement ? null : new Date(placedAt),
    });
    const lineIds: string[] = [];
    const categoryOf = (p: ProductFixture) => (p === a ? 'smartphone' : p === b ? 'wearable' : 'tablet');
    for (const [p, quantity] of lines) {
      const lineId = uuidv7();
      lineIds.push(lineId);
      await db.insert(orderLines).values({
        id: lineId,
        orderId: id,
        productId: p.productId,
        variantId: p.variantId,
        productName: p.name,
        variantName: p.variantName,
        sku: p.sku,
        category: categoryOf(p),
        unitPriceCents: replacement ? 0 : p.priceCents,
        quantity,
        clearance: false,
        specialWarranty: false,
        orderedAt: new Date(placedAt),
      });
    }
    const paymentId = uuidv7();
    await db.insert(payments).values({
      id: paymentId,
      orderId: id,
      provider: 'bank_transfer',
      status: 'captured',
      amountCents: subtotal,
    });
    return {
      id,
      lineIds,
      productIds: lines.map(([p]) => p.productId),
      categories: lines.map(([p]) => categoryOf(p)),
      paymentId,
    };
  }

  async function kase(
    o: { id: string; lineIds: string[]; productIds: string[]; categories: ProductCategory[] },
    line: number,
    kind: 'dead_on_arrival' | 'defective' | 'incorrect_item' | 'change_of_mind',
    openedAt: string,
    moves: Array<[string, 'resolved' | 'declined' | 'closed' | 'awaiting_evidence']>,
    extra: {
      resolution?: string;
      assessment?: Assessment;
      inspection?: { verdict: 'product_fault'; components: Array<'screen' | 'battery' | 'motherboard'> };
    } = {},
  ) {
    n += 1;
    const id = uuidv7();
    const last = moves.at(-1);
    await db.insert(afterSalesCases).values({
      id,
      reference: `RMA-26-9${String(n).padStart(4, '0')}`,
      orderId: o.id,
      orderLineId: o.lineIds[line] as string,
      productId: o.productIds[line] as string,
      category: o.categories[line] as ProductCategory,
      kind,
      state: last?.[1] ?? 'opened',
      policyVersion,
      facts: { openedByCustomer: true } satisfies CaseFacts,
      assessment: extra.assessment ?? assessment({}),
      openedAt: new Date(openedAt),
      updatedAt: new Date(last?.[0] ?? openedAt),
      stateSince: new Date(last?.[0] ?? openedAt),
      inspection: extra.inspection ?? null,
      resolution: extra.resolution ?? null,
    });
    let from: string = 'opened';
    const events = [
      { at: openedAt, to: 'opened', action: 'open' },
      ...moves.map(([at, to]) => ({ at, to, action: to })),
    ];
    for (const e of events) {
      await db.insert(afterSalesCaseEvents).values({
        id: uuidv7(),
        caseId: id,
        at: new Date(e.at),
        actorType: e.action === 'open' ? 'customer' : 'staff',
        action: e.action,
        fromState: e.action === 'open' ? null : (from as 'opened'),
        toState: e.to as 'opened',
        details: null satisfies CaseEventDetails | null,
      });
      from = e.to;
    }
    return id;
  }

  async function refund(
    o: { id: string; paymentId: string },
    caseId: string | null,
    kind: 'refund' | 'return_shipping',
    amountCents: number,
    status: 'succeeded' | 'owed',
    at: string,
  ) {
    const id = uuidv7();
    await db.insert(refunds).values({
      id,
      paymentId: o.paymentId,
      orderId: o.id,
      provider: 'bank_transfer',
      status,
      amountCents,
      reason: 'test',
      idempotencyKey: `numbers-${id}`,
      requestedByType: 'staff',
      createdAt: new Date(at),
      succeededAt: status === 'succeeded' ? new Date(at) : null,
    });
    if (caseId) {
      await db.insert(caseRemedies).values({
        id: uuidv7(),
        caseId,
        kind,
        amountCents,
        clause: kind === 'return_shipping' ? 'AS-GEN-3' : null,
        refundId: id,
        createdAt: new Date(at),
      });
    }
  }

  async function code(
    caseId: string,
    clause: 'AS-GEN-5' | 'AS-INC-2',
    valueCents: number,
    issuedAt: string,
    redeemed: { at: string; orderId: string } | null,
  ) {
    n += 1;
    const id = uuidv7();
    await db.insert(coupons).values({
      id,
      code: `AC-TEST-0000-${String(n).padStart(4, '0')}`,
      valueCents,
      clause,
      sourceCaseId: caseId,
      issuedAt: new Date(issuedAt),
      expiresAt: new Date('2027-01-01T00:00:00Z'),
      redeemedAt: redeemed ? new Date(redeemed.at) : null,
      redeemedOrderId: redeemed?.orderId ?? null,
      redeemedDiscountCents: redeemed ? valueCents : null,
    });
    await db.insert(caseRemedies).values({
      id: uuidv7(),
      caseId,
      kind: clause === 'AS-GEN-5' ? 'coupon' : 'voucher',
      amountCents: valueCents,
      clause,
      couponId: id,
      createdAt: new Date(issuedAt),
    });
  }

  async function declinedSubmission(
    o: { lineIds: string[]; categories: ProductCategory[] },
    line: number,
    product: ProductFixture,
    kind: 'dead_on_arrival' | 'change_of_mind',
    clauses: string[],
    at: string,
  ) {
    await db.insert(declinedClaims).values({
      id: uuidv7(),
      orderLineId: o.lineIds[line] as string,
      productId: product.productId,
      category: o.categories[line] as ProductCategory,
      kind,
      clauses,
      policyVersion,
      declinedAt: new Date(at),
    });
  }

  const o1 = await order('2026-01-10T12:00:00Z', 'delivered', [
    [a, 2],
    [b, 1],
  ]);
  const o2 = await order('2026-02-05T12:00:00Z', 'completed', [[a, 1]], { discountCents: 1_000 });
  const o3 = await order('2026-02-20T12:00:00Z', 'paid', [[c, 4]]);
  const o4 = await order('2026-03-01T12:00:00Z', 'cancelled', [[a, 1]]);
  await order('2026-03-02T12:00:00Z', 'placed', [[b, 1]]);
  const o6 = await order('2025-06-30T23:59:59Z', 'delivered', [[a, 1]]);
  await order('2026-03-10T12:00:00Z', 'shipped', [[a, 1]], { paymentMethod: 'replacement' });

  const k1 = await kase(
    o1,
    0,
    'dead_on_arrival',
    '2026-01-15T10:00:00Z',
    [
      ['2026-01-17T10:00:00Z', 'resolved'],
      ['2026-01-20T10:00:00Z', 'closed'],
    ],
    { resolution: 'refund' },
  );
  await refund(o1, k1, 'refund', 40_000, 'succeeded', '2026-01-18T00:00:00Z');
  await refund(o1, k1, 'return_shipping', 650, 'succeeded', '2026-01-31T23:59:59Z');
  const k2 = await kase(o1, 1, 'defective', '2026-02-01T00:00:00Z', [['2026-02-02T00:00:00Z', 'resolved']], {
    resolution: 'repair',
    assessment: assessment({ partsPayer: 'shop' }),
    inspection: { verdict: 'product_fault', components: ['screen', 'battery'] },
  });
  await code(k2, 'AS-GEN-5', 2_500, '2026-02-02T00:00:00Z', { at: '2026-02-20T12:00:00Z', orderId: o3.id });
  await refund(o1, k2, 'return_shipping', 800, 'owed', '2026-02-03T00:00:00Z');
  await kase(o2, 0, 'change_of_mind', '2026-02-10T00:00:00Z', [['2026-02-13T00:00:00Z', 'declined']], {
    assessment: assessment({
      eligible: false,
      reasons: [{ clause: 'AS-RET-1', message: 'Change-of-mind returns are declined.' }],
    }),
  });
  const k4 = await kase(
    o3,
    0,
    'incorrect_item',
    '2026-03-05T00:00:00Z',
    [['2026-03-05T12:00:00Z', 'resolved']],
    {
      resolution: 'voucher',
    },
  );
  await code(k4, 'AS-INC-2', 3_000, '2026-03-05T12:00:00Z', { at: '2026-04-02T09:00:00Z', orderId: o2.id });
  await kase(o3, 0, 'defective', '2026-04-01T00:00:00Z', [['2026-04-01T01:00:00Z', 'awaiting_evidence']]);
  await kase(o1, 0, 'defective', '2026-05-01T00:00:00Z', [['2026-05-03T00:00:00Z', 'declined']], {
    assessment: assessment({ reasons: [{ clause: 'AS-DEF-2', message: 'Reported in time.' }] }),
  });
  const k7 = await kase(
    o6,
    0,
    'dead_on_arrival',
    '2025-06-20T00:00:00Z',
    [['2025-06-21T00:00:00Z', 'resolved']],
    {
      resolution: 'refund',
    },
  );
  await refund(o6, k7, 'refund', 40_500, 'succeeded', '2025-06-25T00:00:00Z');
  await refund(o4, null, 'refund', 40_500, 'succeeded', '2026-03-01T13:00:00Z');
  await declinedSubmission(o2, 0, a, 'dead_on_arrival', ['AS-DOA-1'], '2026-03-15T08:00:00Z');
  await declinedSubmission(o3, 0, c, 'change_of_mind', ['AS-RET-1'], '2026-06-01T08:00:00Z');
  await declinedSubmission(o6, 0, a, 'dead_on_arrival', ['AS-DOA-1'], '2025-05-01T08:00:00Z');
  return { a, b, c };
}

const noCosts = {
  salesCents: 0,
  refundsCents: 0,
  couponsIssuedCents: 0,
  couponsRedeemedCents: 0,
  vouchersIssuedCents: 0,
  vouchersRedeemedCents: 0,
  returnShippingCents: 0,
  partsCents: 0,
  totalCents: 0,
};

describe("the owner's after-sales numbers (issue 11 point 4)", () => {
  const clock = fixedClock('2026-06-15T12:00:00Z');
  let t: TestApp;
  let owner = '';
  let technician = '';
  let service = '';
  let f: Fixture;

  const get = (url: string, cookie = owner) => staffRequest(t, cookie, 'GET', url);

  before(async () => {
    t = await startTestApp({ clock });
    owner = await t.staffCookie();
    technician = (await signedInMember(t, 'tech@aftercare.test', 'Tess Technician', 'technician')).cookie;
    service = (await signedInMember(t, 'cs@aftercare.test', 'Cy Service', 'customer_service')).cookie;
    f = await loadFixture(t);
  });
  after(() => t.close());

  it('answers the default range (the 12 months up to today) with every month, even empty ones, and no-store', async () => {
    const res = await get(NUMBERS);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers['cache-control'], 'no-store');
    const body = json<NumbersResponse>(res);
    assert.equal(body.from, '2025-07-01');
    assert.equal(body.to, '2026-06-15');
    assert.equal(body.category, null);
    assert.deepEqual(body.months, [
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
    ]);
    assert.deepEqual(
      body.costs.map((c) => c.month),
      body.months,
    );
  });

  it('counts cases by the month they were opened, kind, state now and resolution, kinds and states in the lifecycle’s order (K7, opened before the range, is out)', async () => {
    const body = json<NumbersResponse>(await get(NUMBERS));
    assert.deepEqual(body.cases, [
      { month: '2026-01', kind: 'dead_on_arrival', state: 'closed', resolution: 'refund', count: 1 },
      { month: '2026-02', kind: 'defective', state: 'resolved', resolution: 'repair', count: 1 },
      { month: '2026-02', kind: 'change_of_mind', state: 'declined', resolution: null, count: 1 },
      { month: '2026-03', kind: 'incorrect_item', state: 'resolved', resolution: 'voucher', count: 1 },
      { month: '2026-04', kind: 'defective', state: 'awaiting_evidence', resolution: null, count: 1 },
      { month: '2026-05', kind: 'defective', state: 'declined', resolution: null, count: 1 },
    ]);
  });

  it('gives the median and 90th percentile hours from opening to resolution of the decided cases', async () => {
    // 12, 24, 48, 48, 72 h: median 48; p90 at position 0.9 × 4 = 3.6 → 48 + 0.6 × (72 − 48) = 62.4.
    const body = json<NumbersResponse>(await get(NUMBERS));
    assert.deepEqual(body.resolutionTime, { resolved: 5, medianHours: 48, p90Hours: 62.4 });
  });

  it('adds up the cost of after-sales per month against sales, to the cent (AS-GEN-3 postage, AS-GEN-4 parts, AS-GEN-5 coupons, AS-INC-2 vouchers)', async () => {
    const body = json<NumbersResponse>(await get(NUMBERS));
    const month = (m: string) => body.costs.find((c) => c.month === m);
    // January: O1 1,005.00 of sales; K1's refund 400.00 and return postage 6.50 (succeeded at 23:59:59 on the 31st).
    assert.deepEqual(month('2026-01'), {
      ...noCosts,
      month: '2026-01',
      salesCents: 100_500,
      refundsCents: 40_000,
      returnShippingCents: 650,
      totalCents: 40_650,
    });
    // February: O2 395.00 + O3 405.00; K2's coupon 25.00 issued and redeemed, parts 90.00 + 35.00 at the shop's
    // cost; K2's return postage 8.00 is still owed, so it is not counted.
    assert.deepEqual(month('2026-02'), {
      ...noCosts,
      month: '2026-02',
      salesCents: 80_000,
      couponsIssuedCents: 2_500,
      couponsRedeemedCents: 2_500,
      partsCents: 12_500,
      totalCents: 15_000,
    });
    // March: K4's voucher 30.00 issued (a cost when spent); O4's cancellation refund is not after-sales.
    assert.deepEqual(month('2026-03'), { ...noCosts, month: '2026-03', vouchersIssuedCents: 3_000 });
    // April: the voucher spent.
    assert.deepEqual(month('2026-04'), {
      ...noCosts,
      month: '2026-04',
      vouchersRedeemedCents: 3_000,
      totalCents: 3_000,
    });
    for (const m of ['2025-07', '2025-12', '2026-05', '2026-06'])
      assert.deepEqual(month(m), { ...noCosts, month: m });
    // 586.50 of 1,805.00 sales: 0.32493… → 0.3249.
    assert.deepEqual(body.totals, {
      salesCents: 180_500,
      refundsCents: 40_000,
      couponsIssuedCents: 2_500,
      couponsRedeemedCents: 2_500,
      vouchersIssuedCents: 3_000,
      vouchersRedeemedCents: 3_000,
      returnShippingCents: 650,
      partsCents: 12_500,
      totalCents: 58_650,
      costShareOfSales: 0.3249,
    });
  });

  it('ranks the products by claims (cases and declined submissions) per 100 units sold', async () => {
    // A: 3 sold (O1 2, O2 1), 4 claims (K1, K3, K6, D1) → 133.33; B: 1 sold, 1 claim → 100; C: 4 sold, 3 claims → 75.
    const body = json<NumbersResponse>(await get(NUMBERS));
    assert.deepEqual(body.products, [
      {
        productId: f.a.productId,
        name: 'Phone A',
        category: 'smartphone',
        sold: 3,
        claims: 4,
        claimsPer100Sold: 133.33,
      },
      {
        productId: f.b.productId,
        name: 'Watch B',
        category: 'wearable',
        sold: 1,
        claims: 1,
        claimsPer100Sold: 100,
      },
      {
        productId: f.c.productId,
        name: '=Tab "C", 10in',
        category: 'tablet',
        sold: 4,
        claims: 3,
        claimsPer100Sold: 75,
      },
    ]);
  });

  it('gives the share of claims declined, by the clause that declined them (AS-RET-1, AS-DOA-1, a staff override)', async () => {
    // 6 cases + 2 declined submissions = 8 claims; K3, K6, D1, D2 declined.
    const body = json<NumbersResponse>(await get(NUMBERS));
    assert.deepEqual(body.declined, {
      claims: 8,
      declined: 4,
      byClause: [
        { clause: 'AS-RET-1', count: 2, share: 0.5 },
        { clause: 'AS-DOA-1', count: 1, share: 0.25 },
        { clause: 'override', count: 1, share: 0.25 },
      ],
    });
  });

  it('keeps only the order lines of one category: sales as their goods, their cases, costs and declines', async () => {
    const res = await get(`${NUMBERS}?category=smartphone`);
    assert.equal(res.statusCode, 200, res.body);
    const body = json<NumbersResponse>(res);
    assert.equal(body.category, 'smartphone');
    // Sales: A's goods only (O1 800.00, O2 400.00); costs: K1's refund and postage; B's parts and coupon and C's
    // voucher are other categories. 406.50 / 1,200.00 = 0.33875 → 0.3388.
    assert.deepEqual(body.totals, {
      ...noCosts,
      salesCents: 120_000,
      refundsCents: 40_000,
      returnShippingCents: 650,
      totalCents: 40_650,
      costShareOfSales: 0.3388,
    });
    assert.deepEqual(
      body.cases.map((c) => [c.month, c.kind]),
      [
        ['2026-01', 'dead_on_arrival'],
        ['2026-02', 'change_of_mind'],
        ['2026-05', 'defective'],
      ],
    );
    // 48, 48, 72 h: median 48; p90 at 0.9 × 2 = 1.8 → 48 + 0.8 × 24 = 67.2.
    assert.deepEqual(body.resolutionTime, { resolved: 3, medianHours: 48, p90Hours: 67.2 });
    assert.deepEqual(
      body.products.map((p) => [p.name, p.sold, p.claims]),
      [['Phone A', 3, 4]],
    );
    assert.deepEqual(body.declined, {
      claims: 4,
      declined: 3,
      byClause: [
        { clause: 'AS-DOA-1', count: 1, share: 0.3333 },
        { clause: 'AS-RET-1', count: 1, share: 0.3333 },
        { clause: 'override', count: 1, share: 0.3333 },
      ],
    });
  });

  it('keeps only the dates asked for, both days included', async () => {
    const res = await get(`${NUMBERS}?from=2026-02-01&to=2026-02-28`);
    assert.equal(res.statusCode, 200, res.body);
    const body = json<NumbersResponse>(res);
    assert.deepEqual(body.months, ['2026-02']);
    assert.deepEqual(body.totals, {
      ...noCosts,
      salesCents: 80_000,
      couponsIssuedCents: 2_500,
      couponsRedeemedCents: 2_500,
      partsCents: 12_500,
      totalCents: 15_000,
      costShareOfSales: 0.1875,
    });
    // K2 (opened at 00:00 on the 1st) and K3; B sold nothing in February, C had no claim in it.
    assert.equal(body.cases.length, 2);
    assert.deepEqual(body.resolutionTime, { resolved: 2, medianHours: 48, p90Hours: 67.2 });
    assert.deepEqual(
      body.products.map((p) => [p.name, p.sold, p.claims, p.claimsPer100Sold]),
      [['Phone A', 1, 1, 100]],
    );
    assert.deepEqual(body.declined, {
      claims: 2,
      declined: 1,
      byClause: [{ clause: 'AS-RET-1', count: 1, share: 1 }],
    });
    // The day before the range's end is in; January 31st 23:59:59 is not in a range starting February 1st.
    const jan = json<NumbersResponse>(await get(`${NUMBERS}?from=2026-01-31&to=2026-01-31`));
    assert.deepEqual(jan.totals, {
      ...noCosts,
      returnShippingCents: 650,
      totalCents: 650,
      costShareOfSales: null,
    });
  });

  it('writes each table as CSV: a header, money in dollars with two decimals, quoted fields, formulas guarded', async () => {
    const csv = (table: string, query = '') => get(`${NUMBERS}.csv?table=${table}${query}`);

    const costs = await csv('costs', '&from=2026-01-01&to=2026-04-30');
    assert.equal(costs.statusCode, 200, costs.body);
    assert.equal(costs.headers['content-type'], 'text/csv; charset=utf-8');
    assert.equal(costs.headers['cache-control'], 'no-store');
    assert.equal(
      costs.headers['content-disposition'],
      'attachment; filename="after-sales-costs-2026-01-01-2026-04-30.csv"',
    );
    assert.equal(
      costs.body,
      [
        'month,sales_usd,refunds_usd,coupons_issued_usd,coupons_redeemed_usd,vouchers_issued_usd,vouchers_redeemed_usd,return_shipping_usd,parts_usd,total_usd',
        '2026-01,1005.00,400.00,0.00,0.00,0.00,0.00,6.50,0.00,406.50',
        '2026-02,800.00,0.00,25.00,25.00,0.00,0.00,0.00,125.00,150.00',
        '2026-03,0.00,0.00,0.00,0.00,30.00,0.00,0.00,0.00,0.00',
        '2026-04,0.00,0.00,0.00,0.00,0.00,30.00,0.00,0.00,30.00',
        '',
      ].join('\r\n'),
    );

    const cases = await csv('cases', '&from=2026-01-01&to=2026-02-28');
    assert.equal(
      cases.body,
      [
        'month,kind,state,resolution,cases',
        '2026-01,dead_on_arrival,closed,refund,1',
        '2026-02,defective,resolved,repair,1',
        '2026-02,change_of_mind,declined,,1',
        '',
      ].join('\r\n'),
    );
    assert.equal(
      cases.headers['content-disposition'],
      'attachment; filename="after-sales-cases-2026-01-01-2026-02-28.csv"',
    );

    const products = await csv('products');
    assert.equal(
      products.body,
      [
        'product_id,name,category,sold,claims,claims_per_100_sold',
        `${f.a.productId},Phone A,smartphone,3,4,133.33`,
        `${f.b.productId},Watch B,wearable,1,1,100`,
        `${f.c.productId},"'=Tab ""C"", 10in",tablet,4,3,75`,
        '',
      ].join('\r\n'),
    );

    const declined = await csv('declined', '&category=smartphone');
    assert.equal(
      declined.body,
      [
        'clause,declined_claims,share_of_declined',
        'AS-DOA-1,1,0.3333',
        'AS-RET-1,1,0.3333',
        'override,1,0.3333',
        '',
      ].join('\r\n'),
    );
  });

  it('refuses bad filters with a 400 naming the field, on the page data and the CSV alike', async () => {
    const cases: Array<[string, string]> = [
      ['?from=2026-03-01&to=2026-02-28', 'to'],
      ['?to=2025-01-01', 'to'],
      ['?from=2020-01-01&to=2025-01-01', 'from'],
      ['?from=2026-02-30', 'from'],
      ['?to=2026-3-1', 'to'],
      // The day after the last day must still be a date the database takes (year 10000 is not).
      ['?from=9999-12-01&to=9999-12-31', 'to'],
      ['?from=9999-12-31&to=9999-12-31', 'from'],
      ['?category=toasters', 'category'],
    ];
    for (const [query, field] of cases) {
      for (const url of [`${NUMBERS}${query}`, `${NUMBERS}.csv${query}&table=costs`]) {
        const res = await get(url);
        assert.equal(res.statusCode, 400, `${url}: ${res.body}`);
        assert.equal(json<ErrorShape>(res).error.field, field, url);
      }
    }
    assert.equal((await get(`${NUMBERS}?from=9999-12-01&to=9999-12-30`)).statusCode, 200);
    // Exactly five years is allowed.
    assert.equal((await get(`${NUMBERS}?from=2021-01-01&to=2025-12-31`)).statusCode, 200);
    const noTable = await get(`${NUMBERS}.csv`);
    assert.equal(noTable.statusCode, 400);
    assert.equal(json<ErrorShape>(noTable).error.field, 'table');
    const badTable = await get(`${NUMBERS}.csv?table=orders`);
    assert.equal(json<ErrorShape>(badTable).error.field, 'table');
  });

  it('is the owner’s only: 401 without a session, 403 for customer service and technicians', async () => {
    for (const url of [NUMBERS, `${NUMBERS}.csv?table=costs`]) {
      const anonymous = await get(url, '');
      assert.equal(anonymous.statusCode, 401, url);
      assert.equal(anonymous.headers['cache-control'], 'no-store');
      for (const cookie of [technician, service]) {
        const res = await get(url, cookie);
        assert.equal(res.statusCode, 403, url);
        assert.equal(json<ErrorShape>(res).error.code, 'forbidden');
      }
    }
  });
});

describe('a claim declined at submission is kept for the numbers (issue 11 point 4)', () => {
  const clock = fixedClock('2026-03-02T09:00:00Z');
  let t: TestApp;
  let owner = '';

  before(async () => {
    t = await startTestApp({ clock });
    owner = await t.staffCookie();
  });
  after(() => t.close());

  it('records the declined line, product, kind and clauses (AS-RET-1) with no personal data, and counts it', async () => {
    const order = await deliveredOrder(t, owner, [{ name: 'Phone Z', category: 'smartphone' }]);
    const lineId = order.lineIds[0] as string;
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/orders/by-link/${order.token}/claims`,
      payload: {
        lines: [{ orderLineId: lineId, kind: 'change_of_mind', facts: { openedByCustomer: true } }],
      },
    });
    assert.equal(res.statusCode, 422, res.body);
    const rows = await t.ctx.db.select().from(declinedClaims).where(eq(declinedClaims.orderLineId, lineId));
    assert.equal(rows.length, 1);
    const [row] = rows;
    assert.equal(row?.kind, 'change_of_mind');
    assert.deepEqual(row?.clauses, ['AS-RET-1']);
    assert.equal(row?.policyVersion, 1);
    assert.equal(row?.declinedAt.toISOString(), '2026-03-02T09:00:00.000Z');
    assert.doesNotMatch(JSON.stringify(row), /ada@example\.com/);

    const numbers = json<NumbersResponse>(await staffRequest(t, owner, 'GET', NUMBERS));
    assert.deepEqual(numbers.declined, {
      claims: 1,
      declined: 1,
      byClause: [{ clause: 'AS-RET-1', count: 1, share: 1 }],
    });
    assert.deepEqual(
      numbers.products.map((p) => [p.name, p.sold, p.claims, p.claimsPer100Sold]),
      [['Phone Z', 1, 1, 100]],
    );
  });
});
