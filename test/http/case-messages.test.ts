/**
 * A case's conversation and the customer's questions through HTTP (issue 10 point 4): the customer reads and
 * writes through the order's signed link, staff through the back office, with the bad input of the issue.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import type { CustomerCase } from '../../src/aftersales/cases/schemas.ts';
import { mailOutbox } from '../../src/messaging/schema.ts';
import type { CheckoutResponse } from '../../src/orders/schemas.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { json, startTestApp, type TestApp } from '../helpers/app.ts';
import {
  addToCart,
  checkoutPayload,
  countRows,
  createProduct,
  type ErrorShape,
  type ProductOptions,
  placeOrder,
} from '../helpers/orders-fixtures.ts';

interface Message {
  id: string;
  author: 'customer' | 'staff';
  body: string;
  createdAt: string;
  staff?: { id: string; name: string } | null;
}

describe('case conversations and questions over HTTP (issue 10 point 4)', () => {
  const clock = fixedClock('2026-03-02T09:00:00Z');
  let t: TestApp;
  let owner = '';
  before(async () => {
    t = await startTestApp({ clock, env: { STAFF_IDLE_MINUTES: '720' } });
    owner = await t.staffCookie();
  });
  after(() => t.close());

  const req = (method: 'GET' | 'POST', url: string, payload?: unknown, cookie = '') =>
    t.app.inject({
      method,
      url,
      headers: cookie ? { cookie } : {},
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });

  /** A delivered order of one unit of each product: its link token, line ids and id. */
  const order = async (products: ProductOptions[] = [{}]) => {
    let cookie = '';
    for (const options of products) {
      const p = await createProduct(t.ctx.db, options);
      cookie = (await addToCart(t.app, p.variantId, 1, cookie)).cookie;
    }
    const placed = await placeOrder(t.app, cookie, checkoutPayload({ email: 'ada@example.com' }));
    assert.equal(placed.statusCode, 201, placed.body);
    const body = json<CheckoutResponse>(placed);
    const list = await req('GET', `/api/admin/orders?q=${body.order.reference}`, undefined, owner);
    const id = json<{ items: Array<{ id: string }> }>(list).items[0]?.id as string;
    for (const [action, payload] of [
      ['mark-paid', undefined],
      ['ship', { carrier: 'UPS', trackingNumber: '1Z999' }],
      ['deliver', {}],
    ] as Array<[string, object | undefined]>) {
      const res = await req('POST', `/api/admin/orders/${id}/${action}`, payload, owner);
      assert.equal(res.statusCode, 200, `${action}: ${res.body}`);
    }
    const cases = await req('GET', `/api/orders/by-link/${body.accessToken}/cases`);
    const lineIds = json<{ lines: Array<{ orderLineId: string }> }>(cases).lines.map((l) => l.orderLineId);
    return { id, token: body.accessToken, lineIds };
  };

  /** A dead-on-arrival case on a fresh order: its order token, reference and id. */
  const openCase = async () => {
    const o = await order([{ category: 'smartphone', priceCents: 49_900 }]);
    const res = await req('POST', `/api/orders/by-link/${o.token}/claims`, {
      lines: [{ orderLineId: o.lineIds[0], kind: 'dead_on_arrival', facts: { openedByCustomer: false } }],
    });
    assert.equal(res.statusCode, 201, res.body);
    const reference = json<{ cases: CustomerCase[] }>(res).cases[0]?.reference as string;
    const staffList = await req('GET', '/api/admin/cases?limit=100', undefined, owner);
    const id = json<{ items: Array<{ id: string; reference: string }> }>(staffList).items.find(
      (c) => c.reference === reference,
    )?.id as string;
    return { ...o, reference, caseId: id };
  };

  it('AS-GEN-1: the customer and customer service talk in the case thread; a staff reply emails the customer a link to the case', async () => {
    const c = await openCase();
    const thread = `/api/orders/by-link/${c.token}/cases/${c.reference}/messages`;
    let res = await req('POST', thread, { body: '  It does not switch on.\nThe screen stays black.  ' });
    assert.equal(res.statusCode, 201, res.body);
    assert.match(String(res.headers['cache-control']), /no-store/);
    assert.equal(
      json<{ message: Message }>(res).message.body,
      'It does not switch on.\nThe screen stays black.',
    );

    const mailsBefore = await countRows(t.ctx.db, 'mail_outbox');
    res = await req(
      'POST',
      `/api/admin/cases/${c.caseId}/messages`,
      { body: 'Hold the power button 10 s.' },
      owner,
    );
    assert.equal(res.statusCode, 201, res.body);
    const staffMessage = json<{ message: Message }>(res).message;
    assert.equal(staffMessage.author, 'staff');
    assert.ok(staffMessage.staff?.name);
    assert.equal(await countRows(t.ctx.db, 'mail_outbox'), mailsBefore + 1);
    const [mail] = await t.ctx.db.select().from(mailOutbox).where(eq(mailOutbox.template, 'case_reply'));
    assert.equal(mail?.toAddress, 'ada@example.com');
    assert.match(mail?.textBody ?? '', /Hold the power button 10 s\./);
    assert.ok(
      mail?.textBody.includes(`/orders/case?token=${encodeURIComponent(c.token)}&ref=${c.reference}`),
    );

    res = await req('GET', thread);
    assert.equal(res.statusCode, 200, res.body);
    const messages = json<{ messages: Message[] }>(res).messages;
    assert.deepEqual(
      messages.map((m) => m.author),
      ['customer', 'staff'],
    );
    // The customer never sees who in the shop wrote.
    assert.ok(!('staff' in (messages[1] as object)));

    res = await req('GET', `/api/admin/cases/${c.caseId}/messages`, undefined, owner);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(json<{ messages: Message[] }>(res).messages[1]?.staff?.id, staffMessage.staff?.id);
  });

  it('bad messages: 100,000 characters or a NUL byte is a 400 naming body, an empty one too; nothing is written', async () => {
    const c = await openCase();
    const thread = `/api/orders/by-link/${c.token}/cases/${c.reference}/messages`;
    const before = await countRows(t.ctx.db, 'after_sales_case_messages');
    for (const body of ['x'.repeat(100_000), 'before\u0000after', '   ']) {
      for (const [url, cookie] of [
        [thread, ''],
        [`/api/admin/cases/${c.caseId}/messages`, owner],
      ] as const) {
        const res = await req('POST', url, { body }, cookie);
        assert.equal(res.statusCode, 400, `${url}: ${res.body.slice(0, 200)}`);
        assert.equal(json<ErrorShape>(res).error.field, 'body');
      }
    }
    const res = await req('POST', thread, { body: 'ok', extra: 1 });
    assert.equal(res.statusCode, 400);
    assert.equal(json<ErrorShape>(res).error.field, 'extra');
    assert.equal(await countRows(t.ctx.db, 'after_sales_case_messages'), before);
  });

  it("another order's token or case is a 404; a tampered token too; staff routes without a session are a 401", async () => {
    const mine = await openCase();
    const other = await openCase();
    for (const url of [
      `/api/orders/by-link/${other.token}/cases/${mine.reference}/messages`,
      `/api/orders/by-link/${mine.token}x/cases/${mine.reference}/messages`,
      `/api/orders/by-link/${mine.token}/cases/RMA-26-99999/messages`,
    ]) {
      for (const method of ['GET', 'POST'] as const) {
        const res = await req(method, url, method === 'POST' ? { body: 'hello' } : undefined);
        assert.equal(res.statusCode, 404, `${method} ${url}: ${res.body}`);
      }
    }
    for (const [method, url] of [
      ['GET', `/api/admin/cases/${mine.caseId}/messages`],
      ['POST', `/api/admin/cases/${mine.caseId}/messages`],
      ['GET', '/api/admin/questions'],
    ] as const) {
      const res = await req(method, url, method === 'POST' ? { body: 'hello' } : undefined);
      assert.equal(res.statusCode, 401, `${method} ${url}`);
    }
    const res = await req(
      'GET',
      '/api/admin/cases/00000000-0000-7000-8000-000000000000/messages',
      undefined,
      owner,
    );
    assert.equal(res.statusCode, 404);
  });

  it('a withdrawn case takes no more customer messages: a 409 naming body', async () => {
    const c = await openCase();
    let res = await req('POST', `/api/orders/by-link/${c.token}/cases/${c.reference}/actions`, {
      action: 'withdraw',
    });
    assert.equal(res.statusCode, 200, res.body);
    res = await req('POST', `/api/orders/by-link/${c.token}/cases/${c.reference}/messages`, {
      body: 'hello?',
    });
    assert.equal(res.statusCode, 409);
    assert.equal(json<ErrorShape>(res).error.field, 'body');
  });

  it('AS-RET-1: a declined change-of-mind claim sent as a question opens no case; staff list it with the engine answer', async () => {
    const o = await order([{ category: 'wearable', priceCents: 12_900 }]);
    const casesBefore = await countRows(t.ctx.db, 'after_sales_cases');
    const question = {
      orderLineId: o.lineIds[0],
      kind: 'change_of_mind',
      facts: { openedByCustomer: false },
      body: 'The colour is not what I hoped. Can I still send it back?',
    };
    let res = await req('POST', `/api/orders/by-link/${o.token}/questions`, question);
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(await countRows(t.ctx.db, 'after_sales_cases'), casesBefore);

    res = await req('GET', '/api/admin/questions', undefined, owner);
    assert.equal(res.statusCode, 200, res.body);
    const items = json<{
      items: Array<{
        body: string;
        kind: string;
        assessment: { eligible: boolean; reasons: Array<{ clause: string }> };
      }>;
    }>(res).items;
    const mine = items.find((q) => q.body === question.body);
    assert.equal(mine?.kind, 'change_of_mind');
    assert.equal(mine?.assessment.eligible, false);
    assert.equal(mine?.assessment.reasons[0]?.clause, 'AS-RET-1');

    const other = await order();
    res = await req('POST', `/api/orders/by-link/${other.token}/questions`, question);
    assert.equal(res.statusCode, 404);
    assert.equal(json<ErrorShape>(res).error.field, 'orderLineId');
    res = await req('POST', `/api/orders/by-link/${o.token}/questions`, {
      ...question,
      body: 'y'.repeat(100_000),
    });
    assert.equal(res.statusCode, 400);
    assert.equal(json<ErrorShape>(res).error.field, 'body');
  });
});
