import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CheckoutResponse, OrderView } from '../../src/orders/schemas.ts';
import { json, startTestApp, type TestApp } from '../helpers/app.ts';
import { buy, checkoutPayload, createProduct, type ErrorShape } from '../helpers/orders-fixtures.ts';

describe('order lookup for guests', () => {
  let t: TestApp;
  let placed: CheckoutResponse;
  before(async () => {
    t = await startTestApp();
    const p = await createProduct(t.ctx.db, { name: 'Lookup Phone', stock: 5 });
    const res = await buy(t.app, p.variantId, 1, checkoutPayload({ email: 'grace@example.org' }));
    assert.equal(res.statusCode, 201, res.body);
    placed = json<CheckoutResponse>(res);
  });
  after(() => t.close());

  const lookup = (payload: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url: '/api/orders/lookup', payload });

  it('finds the order by reference and email (case and spaces do not matter)', async () => {
    const res = await lookup({
      reference: ` ${placed.order.reference.toLowerCase()} `,
      email: 'Grace@Example.org',
    });
    assert.equal(res.statusCode, 200);
    const order = json<{ order: OrderView }>(res).order;
    assert.equal(order.reference, placed.order.reference);
    assert.equal(order.status, 'placed');
    assert.equal(order.lines[0]?.productName, 'Lookup Phone');
    assert.equal(order.tracking, null);
    assert.equal(order.shippedAt, null);
    assert.equal(order.deliveredAt, null);
    assert.equal(order.deliveryUntraceable, false);
    assert.equal(order.shippingMethod.name, 'Ordinary post');
    assert.deepEqual(
      order.timeline.map((e) => e.type),
      ['placed'],
    );
  });

  it('a wrong email and an unknown reference get the same 404', async () => {
    const wrongEmail = await lookup({ reference: placed.order.reference, email: 'someone@example.org' });
    const unknownRef = await lookup({ reference: 'AC-99-99999', email: 'grace@example.org' });
    assert.equal(wrongEmail.statusCode, 404);
    assert.equal(unknownRef.statusCode, 404);
    assert.deepEqual(json(wrongEmail), json(unknownRef));
    assert.equal(json<ErrorShape>(wrongEmail).error.code, 'not_found');
  });

  it('bad lookup input is a 400 naming the field', async () => {
    let res = await lookup({ reference: placed.order.reference });
    assert.equal(res.statusCode, 400);
    assert.equal(json<ErrorShape>(res).error.field, 'email');
    res = await lookup({ reference: placed.order.reference, email: 'grace@example.org', extra: 1 });
    assert.equal(res.statusCode, 400);
    res = await lookup({ reference: 'x'.repeat(41), email: 'grace@example.org' });
    assert.equal(json<ErrorShape>(res).error.field, 'reference');
  });

  it('personal data stays out of URLs: there is no GET lookup', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/orders/lookup?reference=${placed.order.reference}&email=grace@example.org`,
    });
    assert.equal(res.statusCode, 404);
  });

  it('the signed link shows the order', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/orders/by-link/${placed.accessToken}` });
    assert.equal(res.statusCode, 200);
    assert.equal(json<{ order: OrderView }>(res).order.reference, placed.order.reference);
    assert.ok(placed.orderUrl.endsWith(`token=${placed.accessToken}`));
  });

  it('a tampered, truncated or forged link is a 404 in the error shape', async () => {
    const [payload, signature] = placed.accessToken.split('.') as [string, string];
    const otherId = Buffer.from('01900000-0000-7000-8000-000000000001').toString('base64url');
    const tokens = [
      `${payload}.${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`,
      `${otherId}.${signature}`,
      payload,
      `${payload}.`,
      'nonsense',
    ];
    for (const token of tokens) {
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/orders/by-link/${encodeURIComponent(token)}`,
      });
      assert.equal(res.statusCode, 404, token);
      assert.equal(json<ErrorShape>(res).error.code, 'not_found');
    }
  });
});
