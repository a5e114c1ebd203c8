/**
 * The money of after-sales cases through HTTP (issue 10 point 5): coupons redeemed at checkout, case refunds
 * capped by what the order captured across all its cases, AS-GEN-3 reimbursement from the receipt, and
 * replacements through the ordinary order flow. Runs on PGlite, and on PostgreSQL with DATABASE_URL.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { staffUsers } from '../../src/accounts/schema.ts';
import type { CustomerCase } from '../../src/aftersales/cases/schemas.ts';
import { createReplacement } from '../../src/aftersales/remedies/create-replacement.ts';
import { issueCaseCoupon } from '../../src/aftersales/remedies/issue-case-coupon.ts';
import { orders, payments } from '../../src/db/schema.ts';
import { coupons } from '../../src/orders/coupons/coupon.schema.ts';
import { issueCoupon } from '../../src/orders/coupons/issue-coupon.ts';
import type { CheckoutResponse } from '../../src/orders/schemas.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { uuidv7 } from '../../src/shared/ids.ts';
import { json, signedInMember, startTestApp, type TestApp } from '../helpers/app.ts';
import {
  addToCart,
  cardToken,
  checkoutPayload,
  createProduct,
  type ErrorShape,
  newKey,
  type ProductOptions,
  placeOrder,
  stockOf,
} from '../helpers/orders-fixtures.ts';

interface Remedies {
  orderId: string;
  items: Array<{
    kind: string;
    amountCents: number;
    clause: string | null;
    refund: { id: string; status: string; method: string } | null;
    coupon: { code: string } | null;
  }>;
}

describe('money of after-sales cases over HTTP (issue 10 point 5)', () => {
  const clock = fixedClock('2026-03-02T09:00:00Z');
  let t: TestApp;
  let owner = '';
  let technician = '';
  const staff = { id: '', name: 'Owner' };
  before(async () => {
    t = await startTestApp({ clock, env: { STAFF_IDLE_MINUTES: '720' } });
    owner = await t.staffCookie();
    const [me] = await t.ctx.db.select().from(staffUsers);
    staff.id = me?.id as string;
    technician = (await signedInMember(t, 'tech@aftercare.test', 'Tess', 'technician')).cookie;
  });
  after(() => t.close());

  const staffReq = (cookie: string, method: 'GET' | 'POST', url: string, payload?: unknown, key?: string) =>
    t.app.inject({
      method,
      url,
      headers: { ...(cookie ? { cookie } : {}), ...(key ? { 'idempotency-key': key } : {}) },
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });

  const cartWith = async (products: ProductOptions[]) => {
    let cookie = '';
    const variantIds: string[] = [];
    for (const options of products) {
      const p = await createProduct(t.ctx.db, options);
      const added = await addToCart(t.app, p.variantId, 1, cookie);
      assert.equal(added.res.statusCode, 200, added.res.body);
      cookie = added.cookie;
      variantIds.push(p.variantId);
    }
    return { cookie, variantIds };
  };
  const cartOf = async (products: ProductOptions[]) => (await cartWith(products)).cookie;

  const coupon = async (valueCents: number, validityDays = 365) =>
    (
      await issueCoupon(t.ctx.db, {
        valueCents,
        clause: 'AS-GEN-5',
        sourceCaseId: null,
        validityDays,
        now: clock.now(),
      })
    ).code;

  /** A card-paid order of one unit of each product, shipped and delivered now; with its case ids. */
  const deliveredCardOrder = async (products: ProductOptions[]) => {
    const { cookie, variantIds } = await cartWith(products);
    const token = await cardToken(t.app, '4242424242424242');
    const placed = await placeOrder(
      t.app,
      cookie,
      checkoutPayload({ payment: { method: 'test_card', token } }),
    );
    assert.equal(placed.statusCode, 201, placed.body);
    const body = json<CheckoutResponse>(placed);
    const list = await staffReq(owner, 'GET', `/api/admin/orders?q=${body.order.reference}`);
    const id = json<{ items: Array<{ id: string }> }>(list).items[0]?.id as string;
    for (const [action, payload] of [
      ['ship', { carrier: 'UPS', trackingNumber: '1Z999' }],
      ['deliver', {}],
    ] as Array<[string, object]>) {
      const res = await staffReq(owner, 'POST', `/api/admin/orders/${id}/${action}`, payload);
      assert.equal(res.statusCode, 200, `${action}: ${res.body}`);
    }
    const lines = await t.app.inject({ method: 'GET', url: `/api/orders/by-link/${body.accessToken}/cases` });
    const lineIds = json<{ lines: Array<{ orderLineId: string }> }>(lines).lines.map((l) => l.orderLineId);
    const opened = await t.app.inject({
      method: 'POST',
      url: `/api/orders/by-link/${body.accessToken}/claims`,
      payload: {
        lines: lineIds.map((orderLineId) => ({
          orderLineId,
          kind: 'dead_on_arrival',
          facts: { openedByCustomer: true },
        })),
      },
    });
    assert.equal(opened.statusCode, 201, opened.body);
    const refs = json<{ cases: CustomerCase[] }>(opened).cases.map((c) => c.reference);
    const all = json<{ items: Array<{ id: string; reference: string }> }>(
      await staffReq(owner, 'GET', '/api/admin/cases?limit=100'),
    ).items;
    const caseIds = refs.map((r) => all.find((c) => c.reference === r)?.id as string);
    return { orderId: id, totalCents: body.order.totals.totalCents, caseIds, variantIds };
  };

  it('a coupon at checkout: the discount is on the order, subtotal − discount + shipping = total, and the payment takes the total', async () => {
    const code = await coupon(5_000);
    const cookie = await cartOf([{ priceCents: 20_000 }]);
    const res = await placeOrder(
      t.app,
      cookie,
      checkoutPayload({ couponCode: code.toLowerCase().replaceAll('-', ' ') }),
    );
    assert.equal(res.statusCode, 201, res.body);
    const { totals, reference } = json<CheckoutResponse>(res).order;
    assert.equal(totals.discountCents, 5_000);
    assert.equal(totals.couponCode, code);
    assert.equal(totals.subtotalCents - totals.discountCents + totals.shippingCents, totals.totalCents);
    const [order] = await t.ctx.db.select().from(orders).where(eq(orders.reference, reference));
    const [payment] = await t.ctx.db
      .select()
      .from(payments)
      .where(eq(payments.orderId, order?.id as string));
    assert.equal(payment?.amountCents, totals.totalCents);
    const [row] = await t.ctx.db.select().from(coupons).where(eq(coupons.code, code));
    assert.equal(row?.redeemedOrderId, order?.id);
  });

  it('a coupon used twice → 409 naming couponCode; an unknown code → 400; an expired one → 409', async () => {
    const code = await coupon(1_000);
    const first = await placeOrder(t.app, await cartOf([{}]), checkoutPayload({ couponCode: code }));
    assert.equal(first.statusCode, 201, first.body);
    const again = await placeOrder(t.app, await cartOf([{}]), checkoutPayload({ couponCode: code }));
    assert.equal(again.statusCode, 409, again.body);
    assert.equal(json<ErrorShape>(again).error.field, 'couponCode');
    assert.match(json<ErrorShape>(again).error.message, /already been used/);

    const unknown = await placeOrder(
      t.app,
      await cartOf([{}]),
      checkoutPayload({ couponCode: 'AC-0000-0000-0000' }),
    );
    assert.equal(unknown.statusCode, 400, unknown.body);
    assert.equal(json<ErrorShape>(unknown).error.field, 'couponCode');
    const nonsense = await placeOrder(
      t.app,
      await cartOf([{}]),
      checkoutPayload({ couponCode: 'FREE STUFF' }),
    );
    assert.equal(nonsense.statusCode, 400, nonsense.body);

    const old = await coupon(1_000, 1);
    clock.advance(2 * 24 * 3600 * 1000);
    try {
      const expired = await placeOrder(t.app, await cartOf([{}]), checkoutPayload({ couponCode: old }));
      assert.equal(expired.statusCode, 409, expired.body);
      assert.equal(json<ErrorShape>(expired).error.field, 'couponCode');
      assert.match(json<ErrorShape>(expired).error.message, /expired/);
      const [row] = await t.ctx.db.select().from(coupons).where(eq(coupons.code, old));
      assert.equal(row?.redeemedAt, null, 'nothing half-written');
    } finally {
      clock.set('2026-03-02T09:00:00Z');
    }
  });

  it('two concurrent checkouts with one code: one discount, the other a 409', async () => {
    const code = await coupon(2_000);
    const carts = [await cartOf([{}]), await cartOf([{}])];
    const answers = await Promise.all(
      carts.map((c) => placeOrder(t.app, c, checkoutPayload({ couponCode: code }))),
    );
    assert.deepEqual(
      answers.map((a) => a.statusCode).sort(),
      [201, 409],
      answers.map((a) => a.body).join('\n'),
    );
    const discounted = await t.ctx.db.select().from(orders).where(eq(orders.couponCode, code));
    assert.equal(discounted.length, 1);
  });

  it('a coupon worth more than the goods never makes the total negative: the goods are free, postage is paid', async () => {
    const code = await coupon(90_000);
    const res = await placeOrder(
      t.app,
      await cartOf([{ priceCents: 3_000 }]),
      checkoutPayload({ couponCode: code }),
    );
    assert.equal(res.statusCode, 201, res.body);
    const { totals } = json<CheckoutResponse>(res).order;
    assert.equal(totals.discountCents, 3_000);
    assert.equal(totals.totalCents, totals.shippingCents);
    assert.ok(totals.totalCents > 0);
  });

  it('AS-GEN-5: a coupon issued by a case is redeemed at checkout', async () => {
    const { caseIds } = await deliveredCardOrder([{ priceCents: 4_950, category: 'accessory' }]);
    const issued = await t.ctx.db.transaction((tx) =>
      issueCaseCoupon(tx, {
        caseId: caseIds[0] as string,
        clause: 'AS-GEN-5',
        valueCents: 5_000,
        staff,
        validityDays: 30,
        now: clock.now(),
      }),
    );
    assert.match(issued.code, /^AC-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    const res = await placeOrder(
      t.app,
      await cartOf([{ priceCents: 10_000 }]),
      checkoutPayload({ couponCode: issued.code }),
    );
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(json<CheckoutResponse>(res).order.totals.discountCents, 5_000);
    const listed = json<Remedies>(await staffReq(owner, 'GET', `/api/admin/cases/${caseIds[0]}/remedies`));
    assert.equal(listed.items[0]?.kind, 'coupon');
    assert.equal(listed.items[0]?.coupon?.code, issued.code);
  });

  it('case refunds: to the card through the processor; above what was captured across two cases → 409 naming amountCents; no session 401, technician 403, unknown case 404', async () => {
    const { caseIds, totalCents } = await deliveredCardOrder([
      { priceCents: 30_000 },
      { priceCents: 20_000 },
    ]);
    const [a, b] = caseIds as [string, string];
    const url = (id: string) => `/api/admin/cases/${id}/refunds`;
    const body = (amountCents: number) => ({ amountCents, reason: 'Dead on arrival, item refunded' });

    assert.equal((await staffReq('', 'POST', url(a), body(100), newKey())).statusCode, 401);
    assert.equal((await staffReq(technician, 'POST', url(a), body(100), newKey())).statusCode, 403);
    assert.equal((await staffReq(owner, 'POST', url(uuidv7()), body(100), newKey())).statusCode, 404);
    const noKey = await staffReq(owner, 'POST', url(a), body(100));
    assert.equal(noKey.statusCode, 400);

    const key = newKey();
    let res = await staffReq(owner, 'POST', url(a), body(30_000), key);
    assert.equal(res.statusCode, 201, res.body);
    const listed = json<Remedies>(res);
    assert.equal(listed.items[0]?.refund?.status, 'succeeded', 'the processor confirmed it by webhook');
    // The same key again: the same refund, nothing more.
    res = await staffReq(owner, 'POST', url(a), body(30_000), key);
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(json<Remedies>(res).items.length, 1);

    res = await staffReq(owner, 'POST', url(b), body(totalCents - 30_000 + 1), newKey());
    assert.equal(res.statusCode, 409, res.body);
    assert.equal(json<ErrorShape>(res).error.field, 'amountCents');
    res = await staffReq(owner, 'POST', url(b), body(totalCents - 30_000), newKey());
    assert.equal(res.statusCode, 201, res.body);
    res = await staffReq(owner, 'POST', url(b), { ...body(0) }, newKey());
    assert.equal(res.statusCode, 400);
    assert.equal(json<ErrorShape>(res).error.field, 'amountCents');
  });

  it('two concurrent refunds of one order cannot exceed what it captured', async () => {
    const { caseIds, totalCents } = await deliveredCardOrder([
      { priceCents: 30_000 },
      { priceCents: 30_000 },
    ]);
    const share = Math.ceil(totalCents * 0.6);
    const answers = await Promise.all(
      caseIds.map((id) =>
        staffReq(
          owner,
          'POST',
          `/api/admin/cases/${id}/refunds`,
          { amountCents: share, reason: 'race' },
          newKey(),
        ),
      ),
    );
    assert.deepEqual(
      answers.map((a) => a.statusCode).sort(),
      [201, 409],
      answers.map((a) => a.body).join('\n'),
    );
  });

  it('AS-GEN-3: a receipt below the cap is reimbursed through the same refund path; one at or above the cap is not reimbursed', async () => {
    const { caseIds } = await deliveredCardOrder([{ priceCents: 30_000 }]);
    const url = `/api/admin/cases/${caseIds[0]}/return-shipping`;
    let res = await staffReq(owner, 'POST', url, { receiptCents: 2_000 }, newKey());
    assert.equal(res.statusCode, 200, res.body);
    type Answer = {
      amountCents: number;
      reasons: Array<{ clause: string; message: string }>;
      remedies: Remedies;
    };
    let answer = json<Answer>(res);
    assert.equal(answer.amountCents, 0, 'at or above the US$15 cap: nothing');
    assert.equal(answer.reasons[0]?.clause, 'AS-GEN-3');
    assert.equal(answer.remedies.items.length, 0, 'no refund written');

    res = await staffReq(owner, 'POST', url, { receiptCents: 1_190 }, newKey());
    assert.equal(res.statusCode, 200, res.body);
    answer = json<Answer>(res);
    assert.equal(answer.amountCents, 1_190, 'dead on arrival: the shop pays the postage');
    assert.equal(answer.remedies.items[0]?.kind, 'return_shipping');
    assert.equal(answer.remedies.items[0]?.clause, 'AS-GEN-3');
    assert.equal(answer.remedies.items[0]?.refund?.status, 'succeeded');

    const bad = await staffReq(owner, 'POST', url, { receiptCents: -1 }, newKey());
    assert.equal(bad.statusCode, 400);
    assert.equal(json<ErrorShape>(bad).error.field, 'receiptCents');
    assert.equal((await staffReq(technician, 'POST', url, { receiptCents: 100 }, newKey())).statusCode, 403);
  });

  it('a replacement is a zero-priced order that takes stock and ships like any order; out of stock → 409 naming the variant', async () => {
    const { caseIds, variantIds } = await deliveredCardOrder([{ priceCents: 30_000, stock: 2 }]);
    const caseId = caseIds[0] as string;
    const variantId = variantIds[0] as string;
    assert.equal(await stockOf(t.ctx.db, variantId), 1);
    const placed = await t.ctx.db.transaction((tx) =>
      createReplacement(tx, { caseId, staff, now: clock.now() }),
    );
    assert.equal(await stockOf(t.ctx.db, variantId), 0);
    const [order] = await t.ctx.db.select().from(orders).where(eq(orders.id, placed.orderId));
    assert.equal(order?.totalCents, 0);
    assert.equal(order?.status, 'paid');
    const detail = await staffReq(owner, 'GET', `/api/admin/orders/${placed.orderId}`);
    assert.equal(detail.statusCode, 200, detail.body);
    assert.equal(
      json<{ order: { payment: { statusLabel: string } } }>(detail).order.payment.statusLabel,
      'Nothing to pay',
    );
    const shipped = await staffReq(owner, 'POST', `/api/admin/orders/${placed.orderId}/ship`, {
      carrier: 'UPS',
      trackingNumber: '1Z000',
    });
    assert.equal(shipped.statusCode, 200, shipped.body);
    const listed = json<Remedies>(await staffReq(owner, 'GET', `/api/admin/cases/${caseId}/remedies`));
    assert.equal(listed.items.at(-1)?.kind, 'replacement');

    await assert.rejects(
      t.ctx.db.transaction((tx) => createReplacement(tx, { caseId, staff, now: clock.now() })),
      (error: { code?: string; details?: { field?: string; variantId?: string } }) =>
        error.code === 'conflict' &&
        error.details?.field === 'variantId' &&
        error.details.variantId === variantId,
    );
    const after = await t.ctx.db
      .select()
      .from(orders)
      .where(eq(orders.replacesOrderId, order?.replacesOrderId as string));
    assert.equal(after.length, 1, 'nothing half-written');
  });
});
