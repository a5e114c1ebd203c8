/**
 * The customer's case page, server-rendered (issue 10 point 3): the RMA instructions once the return is
 * authorised (AS-GEN-2, AS-DEF-5), the buttons only from the lifecycle table, a form post without JavaScript,
 * and another order's link answered 404.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CustomerCase } from '../../src/aftersales/cases/schemas.ts';
import type { CheckoutResponse } from '../../src/orders/schemas.ts';
import { json, startTestApp, type TestApp } from '../helpers/app.ts';
import { evidenceBefore } from '../helpers/evidence-fixtures.ts';
import {
  addToCart,
  checkoutPayload,
  createProduct,
  type ProductOptions,
  placeOrder,
} from '../helpers/orders-fixtures.ts';

/** The page's HTML with React's text separators (`<!-- -->`) taken out, so sentences read whole. */
const html = (res: { body: string }) => res.body.replaceAll('<!-- -->', '');

describe('the customer case page (issue 10 point 3)', () => {
  let t: TestApp;
  let owner = '';
  before(async () => {
    t = await startTestApp();
    owner = await t.staffCookie();
  });
  after(() => t.close());

  const staff = (method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie: owner }, ...(payload ? { payload } : {}) });

  /** A defective-item case on a delivered order: the case page's address and the case's id. */
  const openCase = async (product: ProductOptions = { category: 'smartphone', priceCents: 49_900 }) => {
    const p = await createProduct(t.ctx.db, product);
    const { cookie } = await addToCart(t.app, p.variantId, 1);
    const placed = json<CheckoutResponse>(await placeOrder(t.app, cookie, checkoutPayload()));
    const list = await staff('GET', `/api/admin/orders?q=${placed.order.reference}`);
    const orderId = json<{ items: Array<{ id: string }> }>(list).items[0]?.id as string;
    for (const [action, payload] of [
      ['mark-paid', undefined],
      ['ship', { carrier: 'UPS', trackingNumber: '1Z999' }],
      ['deliver', {}],
    ] as Array<[string, object | undefined]>) {
      assert.equal((await staff('POST', `/api/admin/orders/${orderId}/${action}`, payload)).statusCode, 200);
    }
    const token = placed.accessToken;
    const lines = await t.app.inject({ url: `/api/orders/by-link/${token}/cases` });
    const lineId = json<{ lines: Array<{ orderLineId: string }> }>(lines).lines[0]?.orderLineId;
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/orders/by-link/${token}/claims`,
      payload: { lines: [{ orderLineId: lineId, kind: 'defective', facts: { openedByCustomer: false } }] },
    });
    assert.equal(res.statusCode, 201, res.body);
    const reference = json<{ cases: CustomerCase[] }>(res).cases[0]?.reference as string;
    const cases = json<{ items: Array<{ id: string; reference: string }> }>(
      await staff('GET', '/api/admin/cases?limit=100'),
    ).items;
    const id = cases.find((c) => c.reference === reference)?.id as string;
    return { token, reference, id, url: `/orders/case?token=${encodeURIComponent(token)}&ref=${reference}` };
  };

  const form = (url: string, fields: Record<string, string>) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' },
      payload: new URLSearchParams(fields).toString(),
    });

  it('AS-GEN-2 AS-DEF-5: once the return is authorised the page gives the RMA number, the post to use, the declared value and the receipt to keep', async () => {
    const c = await openCase();
    let page = await t.app.inject({ url: c.url });
    assert.equal(page.statusCode, 200);
    assert.equal(page.headers['cache-control'], 'no-store');
    assert.doesNotMatch(html(page), /How to send it back/);
    for (const action of ['request_evidence', 'authorise_return']) {
      await evidenceBefore(t, c.id, action);
      assert.equal((await staff('POST', `/api/admin/cases/${c.id}/actions`, { action })).statusCode, 200);
    }
    page = await t.app.inject({ url: c.url });
    assert.match(html(page), /How to send it back/);
    assert.match(html(page), new RegExp(c.reference));
    assert.match(html(page), /cheapest tracked post/);
    assert.match(html(page), /Declare a value of \$30\.00/);
    assert.match(html(page), /Keep the postage receipt/);
    // The only customer button in this state is the table's: withdraw.
    assert.match(html(page), /Withdraw my claim/);
    assert.doesNotMatch(html(page), /Accept the quote/);
  });

  it('AS-GEN-5: once resolved with a coupon the page gives its code and value, and nothing to send back', async () => {
    const c = await openCase({ category: 'wearable', priceCents: 5_999 });
    assert.doesNotMatch(html(await t.app.inject({ url: c.url })), /What you get/);
    for (const body of [
      { action: 'request_evidence' },
      { action: 'resolve_without_return', resolution: 'coupon' },
    ]) {
      await evidenceBefore(t, c.id, body.action);
      const moved = await staff('POST', `/api/admin/cases/${c.id}/actions`, body);
      assert.equal(moved.statusCode, 200, moved.body);
    }
    const remedies = json<{ items: Array<{ coupon: { code: string } | null }> }>(
      await staff('GET', `/api/admin/cases/${c.id}/remedies`),
    );
    const code = remedies.items[0]?.coupon?.code as string;
    assert.match(code, /^AC-/);
    const page = html(await t.app.inject({ url: c.url }));
    assert.match(page, /What you get/);
    assert.match(page, /Coupon worth \$60\.00 \(AS-GEN-5\)/);
    assert.match(page, new RegExp(`Code: <span[^>]*>${code}</span>`));
    assert.match(page, /Enter this code at checkout: it pays for one order and is valid until/);
    assert.doesNotMatch(page, /How to send it back/);
  });

  it('AS-DOA-1 AS-DEF-2: once resolved with a replacement the page names the replacement order, then its tracking number once shipped', async () => {
    const c = await openCase();
    for (const body of [
      { action: 'request_evidence' },
      { action: 'authorise_return' },
      { action: 'receive_parcel' },
      { action: 'record_inspection', verdict: 'product_fault', components: [] },
      { action: 'resolve', resolution: 'replacement' },
    ]) {
      await evidenceBefore(t, c.id, body.action);
      const moved = await staff('POST', `/api/admin/cases/${c.id}/actions`, body);
      assert.equal(moved.statusCode, 200, moved.body);
    }
    const remedies = json<{ items: Array<{ replacementOrder: { id: string; reference: string } | null }> }>(
      await staff('GET', `/api/admin/cases/${c.id}/remedies`),
    );
    const replacement = remedies.items[0]?.replacementOrder;
    assert.ok(replacement, 'the replacement order is linked to the case');
    let page = html(await t.app.inject({ url: c.url }));
    assert.match(page, new RegExp(`Replacement order ${replacement.reference}`));
    assert.match(page, /the tracking number follows by email/);
    const shipped = await staff('POST', `/api/admin/orders/${replacement.id}/ship`, {
      carrier: 'UPS',
      trackingNumber: '1Z999AA10123456784',
    });
    assert.equal(shipped.statusCode, 200, shipped.body);
    page = html(await t.app.inject({ url: c.url }));
    assert.match(page, /Shipped by UPS, tracking number 1Z999AA10123456784\./);
  });

  it('without JavaScript: withdrawing posts the form and shows the case withdrawn; a button the table does not offer is refused', async () => {
    const c = await openCase();
    let res = await form(c.url, { intent: 'move', action: 'authorise_return' });
    assert.equal(res.statusCode, 409);
    assert.match(html(res), /allowed now: withdraw/);
    res = await form(c.url, { intent: 'move', action: 'no_such_action' });
    assert.equal(res.statusCode, 400);
    res = await form(c.url, { intent: 'message', body: 'x'.repeat(100_000) });
    assert.equal(res.statusCode, 400);
    assert.match(html(res), /Your message must be at most 5000 characters/);
    res = await form(c.url, { intent: 'move', action: 'withdraw' });
    assert.equal(res.statusCode, 303);
    const page = await t.app.inject({ url: c.url });
    assert.match(html(page), /This claim was withdrawn/);
    assert.doesNotMatch(html(page), /Withdraw my claim/);
    assert.match(html(page), /its conversation is closed/);
  });

  it("another order's link, a tampered link or an unknown case is a 404 page", async () => {
    const mine = await openCase();
    const other = await openCase();
    for (const url of [
      `/orders/case?token=${encodeURIComponent(other.token)}&ref=${mine.reference}`,
      `/orders/case?token=${encodeURIComponent(`${mine.token}x`)}&ref=${mine.reference}`,
      `/orders/case?token=${encodeURIComponent(mine.token)}&ref=RMA-26-99999`,
      `/orders/case?ref=${mine.reference}`,
      `/orders/claim?token=${encodeURIComponent(`${mine.token}x`)}`,
    ]) {
      const res = await t.app.inject({ url });
      assert.equal(res.statusCode, 404, url);
    }
    const res = await form(`/orders/case?token=${encodeURIComponent(other.token)}&ref=${mine.reference}`, {
      intent: 'move',
      action: 'withdraw',
    });
    assert.equal(res.statusCode, 404);
  });

  it('the claim page without JavaScript: errors at the fields keep what was chosen; a second claim on a line with an open case names that case (409)', async () => {
    const c = await openCase();
    const claimUrl = `/orders/claim?token=${encodeURIComponent(c.token)}`;
    const lines = await t.app.inject({ url: `/api/orders/by-link/${c.token}/cases` });
    const lineId = json<{ lines: Array<{ orderLineId: string }> }>(lines).lines[0]?.orderLineId as string;
    const claim = new URLSearchParams({ line: lineId, kind: 'defective', physicalDamage: 'no' });
    let res = await form(claimUrl, Object.fromEntries(claim));
    assert.equal(res.statusCode, 400);
    assert.match(html(res), /Answer yes or no\./);
    const box = new RegExp(`<input[^>]*value="${lineId}"[^>]*>`).exec(html(res))?.[0] ?? '';
    assert.match(box, /checked/, 'the chosen item stays chosen');
    const full = {
      ...Object.fromEntries(claim),
      openedByCustomer: 'no',
      misuse: 'no',
      troubleshootingDone: 'no',
    };
    res = await form(claimUrl, { ...full, intent: 'check' });
    assert.equal(res.statusCode, 200);
    assert.match(html(res), /The policy covers this claim/);
    assert.match(html(res), /Open the case/);
    res = await form(claimUrl, { ...full, intent: 'open' });
    assert.equal(res.statusCode, 409);
    assert.match(html(res), new RegExp(`Case ${c.reference} is already open for this item`));
  });
});
