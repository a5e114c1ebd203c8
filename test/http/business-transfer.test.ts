/**
 * PV-RGT-2, PV-USE-2: in a transfer of the business the owner downloads every customer account's personal and
 * basic data (name, email, phone, address book, account date, orders' references, dates, statuses, totals), and
 * never financial data (card numbers, processor tokens, payment and refund references, social security numbers,
 * dates of birth) nor a mailing list. The export is the owner's alone and is an audit row with its purpose
 * (PV-STF-1); anyone else is refused, and that is a row too.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { afterSalesCaseMessages } from '../../src/aftersales/conversations.schema.ts';
import { orders } from '../../src/orders/schema.ts';
import type { BusinessTransferFile } from '../../src/privacy/staff-access/business-transfer-export.ts';
import { staffAccessLog } from '../../src/privacy/staff-access/schema.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { uuidv7 } from '../../src/shared/ids.ts';
import { errorOf } from '../helpers/accounts-fixtures.ts';
import { signedInMember, startTestApp, type TestApp } from '../helpers/app.ts';
import { deliveredOrder, openCase } from '../helpers/cases-fixtures.ts';
import { auditRowsOf, insertAddress, insertCustomer, insertOrder } from '../helpers/staff-access-fixtures.ts';

/** What must never leave the shop in the export, wherever staff or processors wrote it. */
const FINANCIAL = {
  card: '4242424242424242',
  token: 'tok_4242424242424242',
  refundRef: 're_4000000000005126',
  ssn: '078-05-1120',
  born: '1985-04-12',
};

describe('business-transfer export (PV-RGT-2, PV-USE-2)', () => {
  const clock = fixedClock('2026-03-02T09:00:00Z');
  let t: TestApp;
  let owner: string;
  let support: { id: string; cookie: string };
  let tech: { id: string; cookie: string };
  let ada: string;
  let bob: string;
  let caseOrderRef: string;

  before(async () => {
    t = await startTestApp({ clock });
    owner = await t.staffCookie();
    support = await signedInMember(t, 'sam@aftercare.test', 'Sam Support', 'customer_service');
    tech = await signedInMember(t, 'tess@aftercare.test', 'Tess Technician', 'technician');
    ada = await insertCustomer(t.ctx.db, {
      email: 'ada@example.com',
      name: 'Ada Lovelace',
      phone: '+44 20 7946 0018',
      createdAt: new Date('2025-11-05T10:00:00Z'),
    });
    bob = await insertCustomer(t.ctx.db, { email: 'bob@example.com', name: 'Bob Builder' });
    await insertAddress(t.ctx.db, ada, {
      name: 'Ada Lovelace',
      line1: '12 St James’s Square',
      city: 'London',
      postalCode: 'SW1Y 4JH',
      country: 'GB',
      phone: '+44 20 7946 0018',
    });
    await insertOrder(t.ctx.db, {
      reference: 'AC-26-00301',
      customerId: ada,
      email: 'ada@example.com',
      totalCents: 89_900,
      placedAt: new Date('2026-01-15T12:00:00Z'),
      freeText: {
        paymentRef: FINANCIAL.token,
        refundRef: FINANCIAL.refundRef,
        refundReason: `Card ${FINANCIAL.card}; SSN ${FINANCIAL.ssn}, born ${FINANCIAL.born}`,
        coupon: `SSN ${FINANCIAL.ssn}`,
        line2: `born ${FINANCIAL.born}`,
      },
    });
    // A guest's order: no account, so nothing of it is a customer account's data to export.
    await insertOrder(t.ctx.db, { reference: 'AC-26-00302', customerId: null, email: 'guest@example.com' });
    // A real order with a case whose message holds what customers sometimes write.
    const order = await deliveredOrder(t, owner, [{}], 'delivered', 'bob@example.com');
    caseOrderRef = order.reference;
    await t.ctx.db.update(orders).set({ customerId: bob }).where(eq(orders.id, order.id));
    const opened = await openCase(t, owner, order, order.lineIds[0] as string);
    await t.ctx.db.insert(afterSalesCaseMessages).values({
      id: uuidv7(),
      caseId: opened.id,
      authorType: 'customer',
      body: `My SSN ${FINANCIAL.ssn}, born ${FINANCIAL.born}, card ${FINANCIAL.card}`,
      createdAt: clock.now(),
    });
  });
  after(() => t.close());

  const exportAs = (cookie: string, payload: object = { purpose: 'Sale of the shop to Gadget Ltd' }) =>
    t.app.inject({
      method: 'POST',
      url: '/api/admin/business-transfer-export',
      headers: cookie ? { cookie } : {},
      payload,
    });

  it('PV-USE-2: anonymous is a 401; customer service and technicians get a 403 and a refused business_transfer row', async () => {
    assert.equal((await exportAs('')).statusCode, 401);
    for (const member of [support, tech]) {
      const res = await exportAs(member.cookie);
      assert.equal(res.statusCode, 403, res.body);
      assert.doesNotMatch(res.body, /ada@example\.com/);
      const rows = await auditRowsOf(t.ctx.db, member.id);
      assert.deepEqual(
        rows.map((r) => [r.outcome, r.recordType, r.purpose]),
        [['refused', 'business_transfer', null]],
      );
    }
    const exports = await t.ctx.db.select().from(staffAccessLog).where(eq(staffAccessLog.outcome, 'export'));
    assert.equal(exports.length, 0);
  });

  it('PV-USE-2: the purpose is required, one line, at most 300 characters: a 400 naming purpose', async () => {
    for (const payload of [{}, { purpose: '  ' }, { purpose: 'x'.repeat(301) }, { purpose: 'a\nb\nc' }]) {
      const res = await exportAs(owner, payload);
      assert.equal(res.statusCode, 400, res.body);
      assert.equal(errorOf(res).field, 'purpose');
    }
  });

  it('PV-RGT-2: the owner downloads a no-store JSON attachment with each account’s name, email, phone, addresses, account date and orders', async () => {
    const res = await exportAs(owner);
    assert.equal(res.statusCode, 200, res.body);
    assert.match(String(res.headers['content-type']), /application\/json/);
    assert.equal(
      res.headers['content-disposition'],
      'attachment; filename="aftercare-business-transfer-2026-03-02.json"',
    );
    assert.match(String(res.headers['cache-control']), /no-store/);
    const file = res.json() as BusinessTransferFile;
    assert.equal(file.purpose, 'Sale of the shop to Gadget Ltd');
    assert.equal(file.customerCount, 2);
    const a = file.customers.find((c) => c.email === 'ada@example.com');
    assert.deepEqual(a, {
      id: ada,
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      phone: '+44 20 7946 0018',
      accountCreatedAt: '2025-11-05T10:00:00.000Z',
      addresses: [
        {
          name: 'Ada Lovelace',
          line1: '12 St James’s Square',
          city: 'London',
          postalCode: 'SW1Y 4JH',
          country: 'GB',
          phone: '+44 20 7946 0018',
          isDefault: true,
        },
      ],
      orders: [
        {
          reference: 'AC-26-00301',
          placedAt: '2026-01-15T12:00:00.000Z',
          status: 'paid',
          totalCents: 89_900,
          currency: 'USD',
        },
      ],
    });
    const b = file.customers.find((c) => c.email === 'bob@example.com');
    assert.deepEqual(
      b?.orders.map((o) => [o.reference, o.status]),
      [[caseOrderRef, 'delivered']],
    );
    assert.doesNotMatch(res.body, /AC-26-00302|guest@example\.com/, 'a guest order is no account’s data');
  });

  it('PV-RGT-2, PV-USE-2: no card number, processor token, refund reference, SSN, date of birth, password hash or case message is in the file', async () => {
    const res = await exportAs(owner, { purpose: 'Due diligence for the buyer' });
    const body = res.body;
    for (const [what, value] of Object.entries(FINANCIAL)) {
      assert.ok(!body.includes(value), `${what} (${value}) must not be exported`);
    }
    for (const word of [
      'processorReference',
      'paymentMethod',
      'passwordHash',
      'not-a-password',
      'refund',
      'coupon',
      'My SSN',
    ]) {
      assert.ok(!body.includes(word), `${word} must not be exported`);
    }
    for (const word of ['marketing', 'consent', 'subscri', 'newsletter']) {
      assert.ok(!body.toLowerCase().includes(word), `PV-USE-2: no mailing list (${word})`);
    }
  });

  it('PV-STF-1: each export is one export row with its purpose and the fields, no customer and no record', async () => {
    const rows = await t.ctx.db.select().from(staffAccessLog).where(eq(staffAccessLog.outcome, 'export'));
    assert.deepEqual(
      rows.map((r) => [r.staffName, r.recordType, r.recordId, r.customerId, r.purpose]).sort(),
      [
        ['Shop owner', 'business_transfer', null, null, 'Due diligence for the buyer'],
        ['Shop owner', 'business_transfer', null, null, 'Sale of the shop to Gadget Ltd'],
      ],
    );
    assert.ok(rows.every((r) => r.fields.includes('email') && r.fields.includes('address')));
  });
});
