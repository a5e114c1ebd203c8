/**
 * Logs never hold personal data, whatever the error (issue 9, item 3). Each case forces a real database error
 * in this test's own database while the request carries a recognisable email, name and address, then reads
 * everything the shop logged: none of it may appear, while the error's reference, SQLSTATE and constraint do.
 * The errors are forced in the database itself (a constraint, a renamed column), so input validation that
 * refuses bad values before the database cannot make these tests pass by accident.
 */
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import type { CheckoutResponse } from '../../src/orders/schemas.ts';
import { json, startTestApp, type TestApp } from '../helpers/app.ts';
import { buy, checkoutPayload, createProduct, type ErrorShape } from '../helpers/orders-fixtures.ts';

const person = {
  email: 'margaret.privacy@example.net',
  shippingAddress: {
    name: 'Margaret Hamiltonova',
    line1: '77 Apollo Guidance Lane',
    city: 'Cambridgeport',
    postalCode: '02139-4307',
    region: 'MA',
    country: 'US',
    phone: '+1 617 555 0199',
  },
};
const personal = [
  person.email,
  person.shippingAddress.name,
  person.shippingAddress.line1,
  person.shippingAddress.city,
  person.shippingAddress.postalCode,
  person.shippingAddress.phone,
];

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.text += chunk.toString('utf8');
    done();
  }
  lines(): Array<Record<string, unknown>> {
    return this.text
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  }
}

function assertNothingPersonal(log: string): void {
  for (const value of personal) {
    assert.ok(!log.toLowerCase().includes(value.toLowerCase()), `the log holds "${value}":\n${log}`);
  }
}

describe('logs hold no personal data when the database fails', () => {
  let t: TestApp;
  const log = new Capture();
  let variantId: string;
  let staffCookie: string;
  let placed: CheckoutResponse;

  before(async () => {
    t = await startTestApp({ logStream: log });
    const p = await createProduct(t.ctx.db, { name: 'Privacy Phone', stock: 50 });
    variantId = p.variantId;
    staffCookie = await t.staffCookie();
    const res = await buy(t.app, variantId, 1, checkoutPayload(person));
    assert.equal(res.statusCode, 201, res.body);
    placed = json<CheckoutResponse>(res);
  });
  after(() => t.close());

  /** The 500's reference, and the log's text from this point on. */
  async function failing(request: () => Promise<{ statusCode: number; body: string }>) {
    const from = log.text.length;
    const res = await request();
    assert.equal(res.statusCode, 500, res.body);
    const reference = (JSON.parse(res.body) as ErrorShape & { error: { reference: string } }).error.reference;
    assert.ok(reference, 'the 500 names a reference');
    return { reference, text: log.text.slice(from) };
  }

  it('checkout: a refused row (whose detail lists every value) logs its reference and constraint only', async () => {
    await t.ctx.db.execute(
      sql.raw('alter table orders add constraint log_test_refuses_orders check (total_cents < 0) not valid'),
    );
    try {
      const { reference, text } = await failing(() => buy(t.app, variantId, 1, checkoutPayload(person)));
      assertNothingPersonal(text);
      const entry = log.lines().find((l) => l.reference === reference);
      assert.ok(entry, `a log line carries the reference ${reference}`);
      const err = entry.err as { message: string; cause: Record<string, unknown> };
      assert.match(
        err.message,
        /^Failed query: insert into "orders"/,
        'the SQL text (placeholders only) is kept',
      );
      assert.equal(err.cause.code, '23514', 'the SQLSTATE is kept');
      assert.equal(err.cause.constraint, 'log_test_refuses_orders', 'the constraint is kept');
      assert.equal(err.cause.table, 'orders');
      assert.doesNotMatch(JSON.stringify(err), /params|detail|Failing row/i);
    } finally {
      await t.ctx.db.execute(sql.raw('alter table orders drop constraint log_test_refuses_orders'));
    }
  });

  it('back office: shipping an order whose row is refused logs no email or address', async () => {
    const headers = { cookie: staffCookie };
    const list = await t.app.inject({
      method: 'GET',
      url: `/api/admin/orders?q=${placed.order.reference}`,
      headers,
    });
    const id = json<{ items: Array<{ id: string }> }>(list).items[0]?.id as string;
    const paid = await t.app.inject({
      method: 'POST',
      url: `/api/admin/orders/${id}/mark-paid`,
      headers,
      payload: {},
    });
    assert.equal(paid.statusCode, 200, paid.body);
    await t.ctx.db.execute(
      sql.raw(
        'alter table orders add constraint log_test_untracked check (tracking_number is null) not valid',
      ),
    );
    try {
      const { reference, text } = await failing(() =>
        t.app.inject({
          method: 'POST',
          url: `/api/admin/orders/${id}/ship`,
          headers,
          payload: { carrier: 'Royal Mail', trackingNumber: 'RM-555-0199' },
        }),
      );
      assertNothingPersonal(text);
      assert.ok(!text.includes('RM-555-0199'), 'values sent with the request stay out too');
      assert.ok(text.includes(reference));
      assert.match(text, /log_test_untracked/);
    } finally {
      await t.ctx.db.execute(sql.raw('alter table orders drop constraint log_test_untracked'));
    }
  });

  it('order lookup: a failing query with the email as a parameter logs no email', async () => {
    await t.ctx.db.execute(sql.raw('alter table orders rename column email to email_moved'));
    try {
      const { reference, text } = await failing(() =>
        t.app.inject({
          method: 'POST',
          url: '/api/orders/lookup',
          payload: { reference: placed.order.reference, email: person.email },
        }),
      );
      assertNothingPersonal(text);
      assert.ok(!text.includes(placed.order.reference), 'the order reference (a parameter) stays out');
      assert.ok(text.includes(reference));
      assert.match(text, /42703/, 'the SQLSTATE (undefined column) is kept');
    } finally {
      await t.ctx.db.execute(sql.raw('alter table orders rename column email_moved to email'));
    }
  });

  it('writes one access-log line per request: method, path without query, status, duration, request id', async () => {
    const from = log.lines().length;
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/products?q=${encodeURIComponent(person.email)}`,
    });
    assert.equal(res.statusCode, 200);
    const lines = log.lines().slice(from);
    assert.equal(lines.length, 1, JSON.stringify(lines));
    const [line] = lines as [Record<string, unknown>];
    assert.equal(line.method, 'GET');
    assert.equal(line.path, '/api/products');
    assert.equal(line.status, 200);
    assert.equal(typeof line.ms, 'number');
    assert.equal(typeof line.reqId, 'string');
    assertNothingPersonal(JSON.stringify(lines));
  });

  it('an unknown route is one line too, without the query that may carry personal data', async () => {
    const from = log.lines().length;
    const res = await t.app.inject({ method: 'GET', url: `/api/nowhere?email=${person.email}` });
    assert.equal(res.statusCode, 404);
    const lines = log.lines().slice(from);
    assert.deepEqual(
      lines.map((l) => [l.path, l.status]),
      [['/api/nowhere', 404]],
    );
    assertNothingPersonal(log.text);
  });
});
