import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { mailOutbox } from '../../src/messaging/schema.ts';
import { orderEvents } from '../../src/orders/schema.ts';
import type { AdminOrderDetail, CheckoutResponse } from '../../src/orders/schemas.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { json, startTestApp, type TestApp } from '../helpers/app.ts';
import { buy, checkoutPayload, createProduct, type ErrorShape, stockOf } from '../helpers/orders-fixtures.ts';

const HOUR = 3_600_000;

describe('back office: orders', () => {
  const clock = fixedClock('2026-03-02T09:00:00Z');
  let t: TestApp;
  let staff: string;
  before(async () => {
    // The clock moves by hours between uses of the one staff session: the idle limit must not end it.
    t = await startTestApp({ clock, env: { STAFF_IDLE_MINUTES: '720' } });
    staff = await t.staffCookie();
  });
  after(() => t.close());

  /** Places an order at the clock's time and returns its id and reference. */
  const place = async (
    options: { email?: string; stock?: number; quantity?: number; shippingMethod?: string } = {},
  ) => {
    const p = await createProduct(t.ctx.db, { stock: options.stock ?? 5 });
    const res = await buy(
      t.app,
      p.variantId,
      options.quantity ?? 1,
      checkoutPayload({
        email: options.email ?? 'buyer@example.com',
        shippingMethod: options.shippingMethod ?? 'post',
      }),
    );
    assert.equal(res.statusCode, 201, res.body);
    const placed = json<CheckoutResponse>(res);
    const list = await get(`/api/admin/orders?q=${placed.order.reference}`);
    const id = json<{ items: Array<{ id: string }> }>(list).items[0]?.id as string;
    return { id, reference: placed.order.reference, variantId: p.variantId };
  };
  const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: staff } });
  const act = (id: string, action: string, payload?: object) =>
    t.app.inject({
      method: 'POST',
      url: `/api/admin/orders/${id}/${action}`,
      headers: { cookie: staff },
      ...(payload ? { payload } : {}),
    });
  const detailOf = (res: { body: string }) => (JSON.parse(res.body) as { order: AdminOrderDetail }).order;

  it('anonymous requests to every admin orders route are a 401', async () => {
    const id = '01900000-0000-7000-8000-000000000000';
    const routes: Array<[string, string]> = [
      ['GET', '/api/admin/orders'],
      ['GET', `/api/admin/orders/${id}`],
      ['POST', `/api/admin/orders/${id}/mark-paid`],
      ['POST', `/api/admin/orders/${id}/ship`],
      ['POST', `/api/admin/orders/${id}/deliver`],
      ['POST', `/api/admin/orders/${id}/complete`],
      ['POST', `/api/admin/orders/${id}/cancel`],
    ];
    for (const [method, url] of routes) {
      for (const cookie of [undefined, '__Host-ac_staff=forged']) {
        const res = await t.app.inject({
          method: method as 'GET' | 'POST',
          url,
          headers: cookie ? { cookie } : {},
          ...(method === 'POST' ? { payload: {} } : {}),
        });
        assert.equal(res.statusCode, 401, `${method} ${url}`);
        assert.equal(json<ErrorShape>(res).error.code, 'unauthenticated');
      }
    }
  });

  it('the detail shows lines, payments, timeline with actors, emails sent and the allowed moves', async () => {
    const { id, reference } = await place();
    const res = await get(`/api/admin/orders/${id}`);
    assert.equal(res.statusCode, 200, res.body);
    const order = detailOf(res);
    assert.equal(order.reference, reference);
    assert.deepEqual(order.allowedNext, ['paid', 'cancelled']);
    assert.equal(order.payments.length, 1);
    assert.equal(order.payments[0]?.provider, 'bank_transfer');
    assert.deepEqual(
      order.emails.map((e) => e.template),
      ['order_placed'],
    );
    assert.deepEqual(order.timeline[0]?.actor, { type: 'customer', id: null, name: null });
    assert.equal(order.placedAt, '2026-03-02T09:00:00.000Z');

    const missing = await get('/api/admin/orders/01900000-0000-7000-8000-000000000000');
    assert.equal(missing.statusCode, 404);
    const badId = await get('/api/admin/orders/not-a-uuid');
    assert.equal(badId.statusCode, 400);
    assert.equal(json<ErrorShape>(badId).error.field, 'id');
  });

  it('the lifecycle at the clock: paid, shipped (email), delivered, completed; each step by staff', async () => {
    const { id } = await place({ shippingMethod: 'express' });
    clock.advance(HOUR);
    let res = await act(id, 'mark-paid');
    assert.equal(res.statusCode, 200);
    assert.equal(detailOf(res).paidAt, clock.now().toISOString());
    assert.equal(detailOf(res).payments[0]?.status, 'captured');

    // Express is tracked: a tracking number is required.
    res = await act(id, 'ship', { carrier: 'UPS' });
    assert.equal(res.statusCode, 400);
    assert.equal(json<ErrorShape>(res).error.field, 'trackingNumber');
    res = await act(id, 'ship', {
      carrier: 'UPS',
      trackingNumber: '1Z999',
      shippedAt: '2030-01-01T00:00:00Z',
    });
    assert.equal(res.statusCode, 400);
    assert.equal(json<ErrorShape>(res).error.field, 'shippedAt');
    res = await act(id, 'ship', {
      carrier: 'UPS',
      trackingNumber: '1Z999',
      shippedAt: '2020-01-01T00:00:00Z',
    });
    assert.equal(res.statusCode, 400, 'not before the order was placed');

    clock.advance(HOUR);
    const shippedAt = new Date(clock.now().getTime() - 30 * 60_000).toISOString();
    res = await act(id, 'ship', { carrier: 'UPS', trackingNumber: '1Z999', shippedAt });
    assert.equal(res.statusCode, 200, res.body);
    let order = detailOf(res);
    assert.equal(order.status, 'shipped');
    assert.equal(order.shippedAt, shippedAt);
    assert.deepEqual(order.tracking, { carrier: 'UPS', trackingNumber: '1Z999' });
    assert.deepEqual(
      order.emails.map((e) => e.template),
      ['order_placed', 'order_shipped'],
    );
    assert.deepEqual(order.allowedNext, ['delivered']);

    res = await act(id, 'deliver', { deliveredAt: '2026-03-01T00:00:00Z' });
    assert.equal(res.statusCode, 400, 'not before shipment');
    assert.equal(json<ErrorShape>(res).error.field, 'deliveredAt');
    clock.advance(3 * HOUR);
    const deliveredAt = new Date(clock.now().getTime() - HOUR).toISOString();
    res = await act(id, 'deliver', { deliveredAt });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(detailOf(res).deliveredAt, deliveredAt);

    res = await act(id, 'complete');
    assert.equal(res.statusCode, 200);
    order = detailOf(res);
    assert.equal(order.status, 'completed');
    assert.deepEqual(order.allowedNext, []);
    assert.deepEqual(
      order.timeline.map((e) => [e.type, e.fromStatus, e.status, e.actor.type]),
      [
        ['placed', null, 'placed', 'customer'],
        ['paid', 'placed', 'paid', 'staff'],
        ['shipped', 'paid', 'shipped', 'staff'],
        ['delivered', 'shipped', 'delivered', 'staff'],
        ['completed', 'delivered', 'completed', 'staff'],
      ],
    );
    assert.ok(order.timeline.slice(1).every((e) => e.actor.name === 'Shop owner' && e.actor.id));
  });

  it('ordinary post may ship untracked, and delivery may be untraceable (SH-ORD-1)', async () => {
    const { id, reference } = await place({ shippingMethod: 'post' });
    await act(id, 'mark-paid');
    let res = await act(id, 'ship', { carrier: 'Royal Mail' });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(detailOf(res).tracking, { carrier: 'Royal Mail', trackingNumber: null });
    res = await act(id, 'deliver', { untraceable: true });
    assert.equal(res.statusCode, 200, res.body);
    const order = detailOf(res);
    assert.equal(order.status, 'delivered');
    assert.equal(order.deliveredAt, null);
    assert.equal(order.deliveryUntraceable, true);
    // Three changes at the same clock time still read in the order they happened.
    assert.deepEqual(
      order.timeline.map((e) => e.type),
      ['placed', 'paid', 'shipped', 'delivered'],
    );

    const lookup = await t.app.inject({
      method: 'POST',
      url: '/api/orders/lookup',
      payload: { reference, email: 'buyer@example.com' },
    });
    assert.equal(json<{ order: { deliveryUntraceable: boolean } }>(lookup).order.deliveryUntraceable, true);
  });

  it('illegal moves are a 409 naming the allowed ones', async () => {
    const { id } = await place();
    const expectations: Array<[string, object | undefined, RegExp]> = [
      ['ship', { carrier: 'UPS', trackingNumber: '1' }, /allowed next: paid, cancelled/],
      ['deliver', {}, /allowed next: paid, cancelled/],
      ['complete', undefined, /allowed next: paid, cancelled/],
    ];
    for (const [action, payload, message] of expectations) {
      const res = await act(id, action, payload);
      assert.equal(res.statusCode, 409, action);
      const body = json<ErrorShape>(res);
      assert.equal(body.error.code, 'conflict');
      assert.match(body.error.message, message);
    }
    await act(id, 'mark-paid');
    let res = await act(id, 'mark-paid');
    assert.equal(res.statusCode, 409);
    assert.match(json<ErrorShape>(res).error.message, /allowed next: shipped, cancelled/);
    await act(id, 'ship', { carrier: 'Royal Mail' });
    res = await act(id, 'cancel', { reason: 'too late' });
    assert.equal(res.statusCode, 409, 'no cancellation after shipment');
    assert.match(json<ErrorShape>(res).error.message, /allowed next: delivered/);
    const events = await t.ctx.db.select().from(orderEvents).where(eq(orderEvents.orderId, id));
    assert.equal(events.length, 3, 'refused moves write nothing');
  });

  it('cancelling before shipment returns the stock and voids the payment, in one step', async () => {
    const placedOrder = await place({ stock: 4, quantity: 3 });
    assert.equal(await stockOf(t.ctx.db, placedOrder.variantId), 1);
    let res = await act(placedOrder.id, 'cancel', {});
    assert.equal(res.statusCode, 400);
    assert.equal(json<ErrorShape>(res).error.field, 'reason');
    res = await act(placedOrder.id, 'cancel', { reason: 'Customer changed their mind before payment' });
    assert.equal(res.statusCode, 200, res.body);
    const order = detailOf(res);
    assert.equal(order.status, 'cancelled');
    assert.equal(order.cancelledAt, clock.now().toISOString());
    assert.equal(order.payments[0]?.status, 'voided');
    assert.equal(await stockOf(t.ctx.db, placedOrder.variantId), 4);
    const last = order.timeline.at(-1);
    assert.equal(last?.type, 'cancelled');
    assert.equal(last?.data?.reason, 'Customer changed their mind before payment');
    assert.equal(order.refunds.length, 0, 'nothing was taken, nothing to refund');
    assert.deepEqual(
      order.emails.map((e) => e.template).sort(),
      ['order_cancelled', 'order_placed'],
      'the customer is told',
    );
    const [cancelMail] = await t.ctx.db
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.orderId, placedOrder.id), eq(mailOutbox.template, 'order_cancelled')));
    assert.match(cancelMail?.textBody ?? '', /nothing to refund/);
    assert.doesNotMatch(cancelMail?.textBody ?? '', /changed their mind/, "staff's reason stays inside");
    res = await act(placedOrder.id, 'cancel', { reason: 'again' });
    assert.equal(res.statusCode, 409);
    assert.match(json<ErrorShape>(res).error.message, /cancelled is final/);
    assert.equal(await stockOf(t.ctx.db, placedOrder.variantId), 4, 'stock returned once');

    // A paid order can be cancelled too; the transfer received is owed back (test/http/refunds.test.ts).
    const paid = await place();
    await act(paid.id, 'mark-paid');
    res = await act(paid.id, 'cancel', { reason: 'Out of stock at the supplier' });
    assert.equal(res.statusCode, 200);
    assert.equal(detailOf(res).refunds[0]?.status, 'owed');
    assert.equal(detailOf(res).timeline.at(-1)?.type, 'refund_owed');
    const [refundMail] = await t.ctx.db
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.orderId, paid.id), eq(mailOutbox.template, 'order_cancelled')));
    assert.match(refundMail?.textBody ?? '', /We will transfer \$[\d,.]+ back to the account you paid from/);
    assert.equal(await stockOf(t.ctx.db, paid.variantId), 5);
  });

  it('bad action bodies are a 400 naming the field', async () => {
    const { id } = await place();
    await act(id, 'mark-paid');
    const cases: Array<[string, object, string]> = [
      ['ship', { trackingNumber: '1' }, 'carrier'],
      ['ship', { carrier: 'UPS', shippedAt: 'yesterday' }, 'shippedAt'],
      ['ship', { carrier: 'x'.repeat(101) }, 'carrier'],
      ['mark-paid', { note: 'x' }, 'note'],
    ];
    for (const [action, payload, field] of cases) {
      const res = await act(id, action, payload);
      assert.equal(res.statusCode, 400, `${action} ${JSON.stringify(payload)}`);
      assert.equal(json<ErrorShape>(res).error.field, field);
    }
    const res = await act(id, 'deliver', { untraceable: false });
    assert.equal(res.statusCode, 400);
  });

  describe('the list', () => {
    const refs: string[] = [];
    before(async () => {
      clock.set('2026-04-01T10:00:00Z');
      staff = await t.staffCookie(); // the old session expired with the jump in time
      for (let i = 0; i < 5; i++) {
        clock.advance(HOUR);
        refs.push((await place({ email: `list-${i}@example.net` })).reference);
      }
    });
    type Page = {
      items: Array<{ reference: string; status: string; placedAt: string }>;
      nextCursor: string | null;
    };

    it('is newest first, in cursor pages', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const url: string = `/api/admin/orders?q=list-&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
        const res = await get(url);
        assert.equal(res.statusCode, 200, res.body);
        const page = json<Page>(res);
        assert.ok(page.items.length <= 2);
        seen.push(...page.items.map((o) => o.reference));
        cursor = page.nextCursor;
      } while (cursor);
      assert.deepEqual(seen, [...refs].reverse());
    });

    it('filters by status, by reference or email, and by placement date', async () => {
      let page = json<Page>(await get('/api/admin/orders?status=cancelled&limit=100'));
      assert.ok(page.items.length >= 1 && page.items.every((o) => o.status === 'cancelled'));
      page = json<Page>(await get(`/api/admin/orders?q=${refs[2]}`));
      assert.deepEqual(
        page.items.map((o) => o.reference),
        [refs[2]],
      );
      page = json<Page>(await get('/api/admin/orders?q=LIST-3@EXAMPLE'));
      assert.deepEqual(
        page.items.map((o) => o.reference),
        [refs[3]],
      );
      page = json<Page>(await get('/api/admin/orders?q=%25'));
      assert.equal(page.items.length, 0, 'a % is a character, not a wildcard');
      page = json<Page>(
        await get('/api/admin/orders?from=2026-04-01T12:00:00Z&to=2026-04-01T14:00:00Z&limit=100'),
      );
      assert.deepEqual(
        page.items.map((o) => o.reference),
        [refs[2], refs[1]],
      );
    });

    it('bad list queries are a 400 naming the parameter', async () => {
      for (const [query, field] of [
        ['status=lost', 'status'],
        ['limit=0', 'limit'],
        ['limit=1000', 'limit'],
        ['from=yesterday', 'from'],
        ['cursor=garbage', 'cursor'],
        ['sort=name', 'sort'],
      ] as const) {
        const res = await get(`/api/admin/orders?${query}`);
        assert.equal(res.statusCode, 400, query);
        assert.equal(json<ErrorShape>(res).error.field, field, query);
      }
    });
  });

  it('order references carry the year of placement and a number that never repeats', async () => {
    const before = await place();
    clock.set('2027-01-01T00:00:05Z');
    staff = await t.staffCookie();
    const first = await place();
    const second = await place();
    const n = (ref: string) => Number(ref.slice(-5));
    assert.match(first.reference, /^AC-27-\d{5}$/);
    assert.equal(n(first.reference), n(before.reference) + 1);
    assert.equal(n(second.reference), n(first.reference) + 1);
  });
});
