/**
 * After-sales fixtures: an order bought, paid, shipped and delivered through the shop's own routes, and cases
 * opened on it through the customer's signed link, as a customer would.
 */
import assert from 'node:assert/strict';
import type { CustomerCase } from '../../src/aftersales/cases/schemas.ts';
import type { CheckoutResponse } from '../../src/orders/schemas.ts';
import { json, type TestApp } from './app.ts';
import {
  addToCart,
  checkoutPayload,
  createProduct,
  type ProductOptions,
  placeOrder,
} from './orders-fixtures.ts';

export interface DeliveredOrder {
  id: string;
  reference: string;
  /** The order's signed link token (the customer's capability). */
  token: string;
  lineIds: string[];
}

/** A request as staff (`cookie` empty: no session). */
export function staffRequest(
  t: TestApp,
  cookie: string,
  method: 'GET' | 'POST',
  url: string,
  payload?: unknown,
) {
  return t.app.inject({
    method,
    url,
    headers: cookie ? { cookie } : {},
    ...(payload !== undefined ? { payload: payload as object } : {}),
  });
}

/**
 * An order of one unit of each product, paid, shipped and delivered at the clock's now (or stopped earlier, or
 * with its delivery recorded as untraceable).
 */
export async function deliveredOrder(
  t: TestApp,
  ownerCookie: string,
  products: ProductOptions[] = [{}],
  upTo: 'placed' | 'shipped' | 'delivered' | 'untraceable' = 'delivered',
  email = 'ada@example.com',
): Promise<DeliveredOrder> {
  let cookie = '';
  for (const options of products) {
    const p = await createProduct(t.ctx.db, options);
    const added = await addToCart(t.app, p.variantId, 1, cookie);
    assert.equal(added.res.statusCode, 200, added.res.body);
    cookie = added.cookie;
  }
  const placed = await placeOrder(t.app, cookie, checkoutPayload({ email }));
  assert.equal(placed.statusCode, 201, placed.body);
  const body = json<CheckoutResponse>(placed);
  const list = await staffRequest(t, ownerCookie, 'GET', `/api/admin/orders?q=${body.order.reference}`);
  const id = json<{ items: Array<{ id: string }> }>(list).items[0]?.id as string;
  if (upTo !== 'placed') {
    const steps: Array<[string, object | undefined]> = [
      ['mark-paid', undefined],
      ['ship', { carrier: 'UPS', trackingNumber: '1Z999' }],
      ...(upTo === 'delivered' ? ([['deliver', {}]] as Array<[string, object]>) : []),
      ...(upTo === 'untraceable' ? ([['deliver', { untraceable: true }]] as Array<[string, object]>) : []),
    ];
    for (const [action, payload] of steps) {
      const res = await staffRequest(t, ownerCookie, 'POST', `/api/admin/orders/${id}/${action}`, payload);
      assert.equal(res.statusCode, 200, `${action}: ${res.body}`);
    }
  }
  const cases = await t.app.inject({ method: 'GET', url: `/api/orders/by-link/${body.accessToken}/cases` });
  assert.equal(cases.statusCode, 200, cases.body);
  const lineIds = json<{ lines: Array<{ orderLineId: string }> }>(cases).lines.map((l) => l.orderLineId);
  return { id, reference: body.order.reference, token: body.accessToken, lineIds };
}

/** Opens one case on a line through the customer's link; returns it with its back-office id. */
export async function openCase(
  t: TestApp,
  ownerCookie: string,
  order: DeliveredOrder,
  orderLineId: string,
  kind = 'dead_on_arrival',
  facts: object = { openedByCustomer: true },
): Promise<CustomerCase & { id: string }> {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/orders/by-link/${order.token}/claims`,
    payload: { lines: [{ orderLineId, kind, facts }] },
  });
  assert.equal(res.statusCode, 201, res.body);
  const opened = json<{ cases: CustomerCase[] }>(res).cases[0] as CustomerCase;
  const list = await staffRequest(t, ownerCookie, 'GET', '/api/admin/cases?limit=100');
  const id = json<{ items: Array<{ id: string; reference: string }> }>(list).items.find(
    (c) => c.reference === opened.reference,
  )?.id as string;
  return { ...opened, id };
}

/** Moves a case as staff and asserts it moved. */
export async function staffMove(t: TestApp, cookie: string, caseId: string, body: object): Promise<void> {
  const res = await staffRequest(t, cookie, 'POST', `/api/admin/cases/${caseId}/actions`, body);
  assert.equal(res.statusCode, 200, res.body);
}
