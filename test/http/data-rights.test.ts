/**
 * The customer's data rights (PV-RGT-1, PV-ACC-4): the download of everything held about them, and the
 * deletion of their account — what it stops, the password, what is removed and what accounting keeps.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { eq, inArray } from 'drizzle-orm';
import { customerAddresses, customers } from '../../src/accounts/customers/schema.ts';
import { securityEvents } from '../../src/accounts/security-events.schema.ts';
import { afterSalesCaseMessages } from '../../src/aftersales/conversations.schema.ts';
import { afterSalesEvidence, evidencePurges } from '../../src/aftersales/evidence/evidence.schema.ts';
import { privateDir } from '../../src/aftersales/evidence/storage.ts';
import { afterSalesCaseEvents, afterSalesCases } from '../../src/aftersales/schema.ts';
import { mailOutbox } from '../../src/messaging/schema.ts';
import { orderLines, orders } from '../../src/orders/schema.ts';
import { WITHDRAWN_BY_DELETION } from '../../src/privacy/customer-data.service.ts';
import {
  errorOf,
  GOOD_PASSWORD,
  get,
  mailsTo,
  post,
  sessionCookie,
  verifiedAccount,
} from '../helpers/accounts-fixtures.ts';
import { json, signedInMember, startTestApp, type TestApp } from '../helpers/app.ts';
import { type DeliveredOrder, deliveredOrder, openCase } from '../helpers/cases-fixtures.ts';
import { sendMissingEvidence } from '../helpers/evidence-fixtures.ts';

const ADA = 'ada@example.com';
const BOB = 'bob@example.com';
const ADA_HOME = {
  name: 'Ada Lovelace',
  line1: '1 Address Book Lane',
  city: 'London',
  postalCode: 'SW1A 1AA',
  country: 'GB',
};

interface ExportFile {
  exportedAt: string;
  profile: { email: string; name: string };
  orders: Array<{
    reference: string;
    totalCents: number;
    shippingAddress: { name: string; line1: string };
    lines: Array<{ product: string; quantity: number; unitPriceCents: number }>;
    statusHistory: Array<{ to: string | null }>;
  }>;
  cases: Array<{
    reference: string;
    messages: Array<{ from: string; text: string }>;
    evidence: Array<{ fileName: string; kind: string; bytes: number; uploadedAt: string }>;
  }>;
  sessions: Array<{ signedInAt: string; ip: string }>;
  addresses: Array<{ address: { line1: string }; isDefault: boolean }>;
  securityEvents: Array<{ reason: string }>;
  emails: Array<{ subject: string }>;
}

describe('data rights, PV-RGT-1 and PV-ACC-4', () => {
  let t: TestApp;
  let owner: string;
  let ada: string;
  let bob: string;
  let shipped: DeliveredOrder;
  let delivered: DeliveredOrder;
  let bobOrder: DeliveredOrder;
  let caseRef: string;
  let caseId: string;

  before(async () => {
    t = await startTestApp({
      env: { CUSTOMER_AUTH_PER_MINUTE: '100000', DATA_EXPORTS_PER_HOUR: '4' },
    });
    owner = await t.staffCookie();
    delivered = await deliveredOrder(t, owner, [{}], 'delivered', ADA);
    shipped = await deliveredOrder(t, owner, [{}], 'shipped', ADA);
    bobOrder = await deliveredOrder(t, owner, [{}], 'delivered', BOB);
    await verifiedAccount(t, ADA);
    await verifiedAccount(t, BOB, GOOD_PASSWORD, 'Bob Babbage');
    ada = await sessionCookie(t, ADA);
    bob = await sessionCookie(t, BOB);
    // Ada's open case: a message to customer service, and her photos.
    const opened = await openCase(t, owner, delivered, delivered.lineIds[0] as string);
    caseRef = opened.reference;
    caseId = opened.id;
    const moved = await t.app.inject({
      method: 'POST',
      url: `/api/admin/cases/${caseId}/actions`,
      headers: { cookie: owner },
      payload: { action: 'request_evidence' },
    });
    assert.equal(moved.statusCode, 200, moved.body);
    const message = await t.app.inject({
      method: 'POST',
      url: `/api/orders/by-link/${delivered.token}/cases/${caseRef}/messages`,
      payload: { body: 'The screen stays black, Ada' },
    });
    assert.equal(message.statusCode, 201, message.body);
    await sendMissingEvidence(t, caseId);
    // Bob's open case on his own order.
    await openCase(t, owner, bobOrder, bobOrder.lineIds[0] as string);
    // Ada's address book.
    const saved = await post(t, '/api/account/addresses', { address: ADA_HOME }, ada);
    assert.equal(saved.statusCode, 201, saved.body);
  });
  after(async () => t.close());

  it('PV-RGT-1: the download holds the profile, orders with lines, address and history, cases with messages and the evidence list, sessions and security events, as an attachment that is not stored', async () => {
    const res = await get(t, '/api/account/export', ada);
    assert.equal(res.statusCode, 200, res.body);
    assert.match(
      String(res.headers['content-disposition']),
      /^attachment; filename="my-data-\d{4}-\d{2}-\d{2}\.json"$/,
    );
    assert.match(String(res.headers['cache-control']), /no-store/);
    const file = json<ExportFile>(res);
    assert.equal(file.profile.email, ADA);
    assert.deepEqual(
      file.orders.map((o) => o.reference).sort(),
      [delivered.reference, shipped.reference].sort(),
    );
    const order = file.orders.find((o) => o.reference === delivered.reference);
    assert.ok(order);
    assert.equal(order.shippingAddress.line1, '12 Analytical Row');
    assert.equal(order.lines.length, 1);
    assert.ok(order.totalCents > 0);
    for (const status of ['placed', 'paid', 'shipped', 'delivered']) {
      assert.ok(
        order.statusHistory.some((h) => h.to === status),
        `the history has ${status}`,
      );
    }
    const c = file.cases.find((x) => x.reference === caseRef);
    assert.ok(c);
    assert.deepEqual(
      c.messages.map((m) => [m.from, m.text]),
      [['customer', 'The screen stays black, Ada']],
    );
    assert.ok(c.evidence.length > 0);
    for (const e of c.evidence) {
      assert.match(e.fileName, /^[0-9a-f-]+\.(jpg|mp4|mov)$/);
      assert.ok(e.bytes > 0);
      assert.ok(!('storageKey' in e));
    }
    assert.ok(file.sessions.length >= 1);
    assert.deepEqual(
      file.addresses.map((a) => [a.address.line1, a.isDefault]),
      [[ADA_HOME.line1, true]],
    );
    assert.ok(Array.isArray(file.securityEvents));
    assert.ok(file.emails.some((m) => /confirm your email/i.test(m.subject)));
  });

  it('PV-RGT-1: another customer’s data never appears in the download', async () => {
    const res = await get(t, '/api/account/export', bob);
    assert.equal(res.statusCode, 200, res.body);
    const text = res.body;
    assert.doesNotMatch(text, /ada@example\.com/);
    assert.doesNotMatch(text, new RegExp(delivered.reference));
    assert.doesNotMatch(text, new RegExp(caseRef));
    assert.doesNotMatch(text, /The screen stays black/);
    assert.match(text, new RegExp(bobOrder.reference));
  });

  it('PV-RGT-1: without a customer session the download is a 401, a staff session included', async () => {
    assert.equal((await get(t, '/api/account/export')).statusCode, 401);
    assert.equal((await get(t, '/api/account/export', owner)).statusCode, 401);
    assert.equal((await get(t, '/api/account/deletion', owner)).statusCode, 401);
    assert.equal(
      (await post(t, '/api/account/deletion', { password: GOOD_PASSWORD }, owner)).statusCode,
      401,
    );
  });

  it('PV-RGT-1: before deleting, the customer is told what it stops: the open case and the order on its way', async () => {
    const res = await get(t, '/api/account/deletion', ada);
    assert.equal(res.statusCode, 200, res.body);
    const impact = json<{ stops: Array<{ kind: string; reference: string }>; blockers: unknown[] }>(res);
    assert.deepEqual(
      impact.stops.map((s) => [s.kind, s.reference]),
      [
        ['order', shipped.reference],
        ['case', caseRef],
      ],
    );
    assert.deepEqual(impact.blockers, []);
  });

  it('PV-ACC-4: a wrong password refuses the deletion at its field and counts toward the PV-ACC-2 lockout', async () => {
    const res = await post(t, '/api/account/deletion', { password: 'not my password at all' }, ada);
    assert.equal(res.statusCode, 400, res.body);
    assert.equal(errorOf(res).field, 'password');
    const [row] = await t.ctx.db.select().from(customers).where(eq(customers.email, ADA));
    assert.equal(row?.failedAttempts, 1);
    const missing = await post(t, '/api/account/deletion', {}, ada);
    assert.equal(missing.statusCode, 400);
    assert.equal(errorOf(missing).field, 'password');
  });

  it('PV-RGT-1: an order not yet shipped blocks the deletion with a 409 naming it; nothing is removed', async () => {
    const unshipped = await deliveredOrder(t, owner, [{}], 'placed', BOB);
    const preview = json<{ blockers: Array<{ reference: string }> }>(
      await get(t, '/api/account/deletion', bob),
    );
    assert.deepEqual(
      preview.blockers.map((b) => b.reference),
      [unshipped.reference],
    );
    // The page names the blocker and does not also say nothing is in progress.
    const page = await get(t, '/account/data', bob);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, new RegExp(unshipped.reference));
    assert.doesNotMatch(page.body, /No order or after-sales case of yours is in progress/);
    const res = await post(t, '/api/account/deletion', { password: GOOD_PASSWORD }, bob);
    assert.equal(res.statusCode, 409, res.body);
    assert.equal(errorOf(res).field, 'account');
    assert.match(errorOf(res).message, new RegExp(unshipped.reference));
    assert.equal((await get(t, '/api/account', bob)).statusCode, 200);
  });

  it('PV-ACC-4: deletion removes the personal data in one go, keeps the accounting anonymised, withdraws the open case, removes the evidence files, signs out and emails a confirmation', async () => {
    const [before] = await t.ctx.db.select().from(customers).where(eq(customers.email, ADA));
    assert.ok(before);
    const evidenceDir = join(privateDir(t.ctx.config.DATA_DIR), 'evidence', caseId);
    assert.ok(existsSync(evidenceDir), 'the evidence is stored before');
    const totals = await t.ctx.db
      .select({ reference: orders.reference, totalCents: orders.totalCents, placedAt: orders.placedAt })
      .from(orders)
      .where(inArray(orders.reference, [delivered.reference, shipped.reference]));

    const res = await post(t, '/api/account/deletion', { password: GOOD_PASSWORD }, ada);
    assert.equal(res.statusCode, 204, res.body);
    assert.match(String(res.headers['set-cookie']), /ac_customer=;/);

    // The account, its sessions, address book and security events are gone; the old cookie is a 401; signing
    // in fails.
    assert.equal((await t.ctx.db.select().from(customers).where(eq(customers.email, ADA))).length, 0);
    assert.deepEqual(
      await t.ctx.db.select().from(customerAddresses).where(eq(customerAddresses.customerId, before.id)),
      [],
    );
    assert.equal((await get(t, '/api/account', ada)).statusCode, 401);
    assert.equal((await get(t, '/api/account/export', ada)).statusCode, 401);
    const signIn = await post(t, '/api/account/session', { email: ADA, password: GOOD_PASSWORD });
    assert.equal(signIn.statusCode, 401);
    const events = await t.ctx.db.select().from(securityEvents).where(eq(securityEvents.email, ADA));
    assert.deepEqual(events, []);

    // The orders keep reference, date, lines and amounts, without who or where.
    const kept = await t.ctx.db
      .select()
      .from(orders)
      .where(inArray(orders.reference, [delivered.reference, shipped.reference]));
    assert.equal(kept.length, 2);
    for (const o of kept) {
      assert.equal(o.email, '');
      assert.equal(o.customerId, null);
      assert.equal(o.trackingNumber, null);
      assert.deepEqual(o.shippingAddress, { name: '', line1: '', city: '', postalCode: '', country: 'GB' });
      const was = totals.find((x) => x.reference === o.reference);
      assert.equal(o.totalCents, was?.totalCents);
      assert.equal(o.placedAt.toISOString(), was?.placedAt.toISOString());
      assert.ok((await t.ctx.db.select().from(orderLines).where(eq(orderLines.orderId, o.id))).length > 0);
    }
    const dump = JSON.stringify(kept);
    assert.doesNotMatch(dump, /Ada|Lovelace|Analytical|N1 9GU|7946|ada@example/);

    // The case is withdrawn with the reason; its conversation, evidence rows and files are gone.
    const [c] = await t.ctx.db.select().from(afterSalesCases).where(eq(afterSalesCases.id, caseId));
    assert.equal(c?.state, 'withdrawn');
    const timeline = await t.ctx.db
      .select({ note: afterSalesCaseEvents.note })
      .from(afterSalesCaseEvents)
      .where(eq(afterSalesCaseEvents.caseId, caseId));
    assert.ok(timeline.some((e) => e.note === WITHDRAWN_BY_DELETION));
    assert.deepEqual(
      await t.ctx.db.select().from(afterSalesCaseMessages).where(eq(afterSalesCaseMessages.caseId, caseId)),
      [],
    );
    assert.deepEqual(
      await t.ctx.db.select().from(afterSalesEvidence).where(eq(afterSalesEvidence.caseId, caseId)),
      [],
    );
    assert.equal(existsSync(evidenceDir), false, 'the evidence files are removed from storage');
    assert.deepEqual(await t.ctx.db.select().from(evidencePurges), []);

    // Only the confirmation is left in the outbox for the address.
    const mails = await mailsTo(t, ADA);
    assert.deepEqual(
      mails.map((m) => m.template),
      ['account_deleted'],
    );
    assert.equal(
      (
        await t.ctx.db
          .select()
          .from(mailOutbox)
          .where(
            inArray(
              mailOutbox.orderId,
              kept.map((o) => o.id),
            ),
          )
      ).length,
      0,
    );

    // Bob is untouched.
    assert.equal((await get(t, '/api/account', bob)).statusCode, 200);
  });

  it('PV-RGT-1: downloads are rate limited per address', async () => {
    let last = 0;
    for (let i = 0; i < 5; i += 1) last = (await get(t, '/api/account/export', bob)).statusCode;
    assert.equal(last, 429);
  });

  it('PV-MIN-1: the job log is the owner’s; customer service gets a 403, no session a 401', async () => {
    const cs = await signedInMember(t, 'cs@aftercare.test', 'Casey', 'customer_service');
    const refused = await t.app.inject({
      method: 'GET',
      url: '/api/admin/jobs/runs',
      headers: { cookie: cs.cookie },
    });
    assert.equal(refused.statusCode, 403);
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/admin/jobs/runs' })).statusCode, 401);
    const ok = await t.app.inject({ method: 'GET', url: '/api/admin/jobs/runs', headers: { cookie: owner } });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.ok(Array.isArray(json<{ runs: unknown[] }>(ok).runs));
  });
});
