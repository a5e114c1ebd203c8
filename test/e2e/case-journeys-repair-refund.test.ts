/**
 * Two after-sales cases from the claim to the end, as people live them (issue 10 point 9): the customer in one
 * browser context on the order's signed link, a member of staff signed in at /admin in another. Only what
 * nobody clicks goes through `server.app.inject`: the product, the order paid with the test card, shipped and
 * delivered (a month ago for the repair, with the shop's clock moved back while it happens).
 * - A phone that broke a month after delivery (AS-DEF-2, past the AS-DOA-1 window, past AS-GEN-4's 7 days):
 *   claim → evidence asked and sent → RMA with the AS-DEF-5 instructions → parcel received → inspection finds
 *   a screen to replace → parts quote (AS-DEF-3) → the customer accepts it → repaired and sent back with its
 *   tracking number, which the customer reads on the case page.
 * - A phone dead on arrival (AS-DOA-1) resolved with a refund: the test card processor gets the refund with
 *   the case's idempotency key, its webhook settles it; staff and customer read "refunded" with the amount,
 *   never "voided"; a second refund above what was captured is refused.
 * Runs on PGlite, and on PostgreSQL with DATABASE_URL.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { mailOutbox } from '../../src/messaging/schema.ts';
import { testProcessorRefunds } from '../../src/orders/payments/test-processor.schema.ts';
import { orderEvents, refunds } from '../../src/orders/schema.ts';
import type { CheckoutResponse } from '../../src/orders/schemas.ts';
import type { Clock } from '../../src/shared/clock.ts';
import { DAY_MS } from '../../src/shared/time.ts';
import { photoWithGps } from '../helpers/evidence-fixtures.ts';
import {
  addToCart,
  cardToken,
  checkoutPayload,
  createProduct,
  type ErrorShape,
  newKey,
  type ProductOptions,
  placeOrder,
} from '../helpers/orders-fixtures.ts';
import { adminA11yViolations, adminSettled, signInThroughPage } from './admin-helpers.ts';
import {
  launchBrowser,
  seriousA11yViolations,
  skipWithoutBrowser,
  startWebServer,
  type WebServer,
  watchPage,
} from './helpers.ts';

/** What no screen may say about a captured payment. */
const VOIDED = /voided/i;
const TRACKING = '1Z999AA10123456784';

interface PaidOrder {
  id: string;
  reference: string;
  url: string;
  totalCents: number;
}

describe('after-sales journeys: a repair with a parts quote, a refund to the test card', {
  skip: skipWithoutBrowser(),
}, () => {
  // The shop's clock runs with real time, shifted back while an order is delivered "a month ago": the
  // browser's cookies and the processor's signed webhooks then carry times the browser accepts.
  let offsetMs = 0;
  const clock: Clock = { now: () => new Date(Date.now() + offsetMs) };
  let server: WebServer;
  let browser: Browser;
  let customer: BrowserContext;
  let staff: BrowserContext;
  let shopper: Page;
  let desk: Page;
  /** Console errors and failed requests of each page (see watchPage). */
  let problems: { customer: string[]; staff: string[] };

  /** One phone bought with the test card, shipped and delivered at the clock's now. */
  async function deliveredCardOrder(product: ProductOptions): Promise<PaidOrder> {
    const p = await createProduct(server.ctx.db, product);
    const { cookie } = await addToCart(server.app, p.variantId, 1);
    const token = await cardToken(server.app, '4242424242424242');
    const res = await placeOrder(
      server.app,
      cookie,
      checkoutPayload({ email: 'journey@example.com', payment: { method: 'test_card', token } }),
    );
    assert.equal(res.statusCode, 201, res.body);
    const placed = res.json() as CheckoutResponse;
    const owner = await server.staffCookie();
    const list = await server.app.inject({
      method: 'GET',
      url: `/api/admin/orders?q=${placed.order.reference}`,
      headers: { cookie: owner },
    });
    const id = (list.json() as { items: Array<{ id: string }> }).items[0]?.id as string;
    for (const [action, payload] of [
      ['ship', { carrier: 'UPS', trackingNumber: '1Z999' }],
      ['deliver', {}],
    ] as Array<[string, object]>) {
      const done = await server.app.inject({
        method: 'POST',
        url: `/api/admin/orders/${id}/${action}`,
        headers: { cookie: owner },
        payload,
      });
      assert.equal(done.statusCode, 200, `${action}: ${done.body}`);
    }
    const url = new URL(placed.orderUrl);
    return {
      id,
      reference: placed.order.reference,
      url: `${server.url}${url.pathname}${url.search}`,
      totalCents: placed.order.totals.totalCents,
    };
  }

  /** The customer reports a problem from the order page and opens the case; its RMA reference. */
  async function openClaim(order: PaidOrder, product: RegExp, kind: RegExp, covered: RegExp[]) {
    await shopper.goto(order.url);
    await shopper.getByRole('link', { name: 'Report a problem' }).click();
    await shopper.getByRole('heading', { name: 'Report a problem' }).waitFor();
    await shopper.getByRole('checkbox', { name: product }).check();
    await shopper.getByRole('radio', { name: kind }).check();
    for (const [question, answer] of [
      [/opened the device itself/, 'No'],
      [/physical damage/, 'No'],
      [/dropped, got wet/, 'No'],
      [/troubleshooting/, 'Yes'],
    ] as const) {
      await shopper.getByRole('group', { name: question }).getByRole('radio', { name: answer }).check();
    }
    const answer = shopper.getByRole('region', { name: 'What the policy says' });
    await answer.getByText('Covered', { exact: true }).waitFor();
    for (const words of covered) await answer.getByText(words).first().waitFor();
    assert.deepEqual(await seriousA11yViolations(shopper), [], 'axe on the covered claim');
    await shopper.getByRole('button', { name: 'Open the case' }).click();
    await shopper.getByRole('heading', { level: 1, name: /^Case RMA-\d{2}-\d{5}$/ }).waitFor();
    const heading = (await shopper.getByRole('heading', { level: 1 }).textContent()) ?? '';
    return { reference: heading.replace('Case ', ''), caseUrl: shopper.url() };
  }

  /** Staff open the case from the queue; its back-office id. */
  async function staffOpen(reference: string): Promise<string> {
    await desk.goto(`${server.url}/admin/cases`);
    await adminSettled(desk);
    await desk.getByRole('link', { name: reference }).click();
    await desk.getByRole('heading', { level: 1, name: new RegExp(reference) }).waitFor();
    await adminSettled(desk);
    return new URL(desk.url()).pathname.split('/').pop() as string;
  }

  /** Staff press a move's button, fill its dialog and confirm; the heading then shows `state`. */
  async function staffMove(label: string, state: string, fill?: (dialog: Locator) => Promise<unknown>) {
    await desk.getByRole('button', { name: label, exact: true }).click();
    const dialog = desk.getByRole('dialog');
    await dialog.waitFor();
    if (fill) await fill(dialog);
    await dialog.getByRole('button', { name: label, exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    await desk.getByRole('heading', { level: 1 }).getByText(state, { exact: true }).waitFor();
  }

  /** The customer's case page again, as they would come back to it. */
  async function customerSees(caseUrl: string, status: string) {
    await shopper.goto(caseUrl);
    const section = shopper.getByRole('region', { name: 'Status' });
    await section.getByText(status, { exact: true }).waitFor();
    return section;
  }

  let repairOrder: PaidOrder;
  before(async () => {
    server = await startWebServer({ clock });
    // The repair's phone was delivered 30 days ago: past the 3 days of AS-DOA-1, within the 90 of AS-DEF-2.
    offsetMs = -30 * DAY_MS;
    repairOrder = await deliveredCardOrder({
      name: 'Orbit Phone',
      category: 'smartphone',
      priceCents: 64_900,
    });
    offsetMs = 0;
    browser = await launchBrowser();
    customer = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    staff = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    shopper = await customer.newPage();
    desk = await staff.newPage();
    problems = { customer: watchPage(shopper), staff: watchPage(desk) };
    await signInThroughPage(desk, server.url, '/admin/cases');
  });
  after(async () => {
    await customer?.close();
    await staff?.close();
    await browser?.close();
    await server?.close();
  });

  it('AS-DEF-2 AS-DEF-3 AS-DEF-5 AS-GEN-4: a phone that broke after a month is repaired after the customer accepts the parts quote, and comes back with a tracking number', async () => {
    const { reference, caseUrl } = await openClaim(
      repairOrder,
      /Orbit Phone/,
      /It worked at first, then broke/,
      [/A repair, a replacement or a refund/, /You pay the return postage/],
    );
    await shopper.getByText('Customer service has your claim and will contact you').waitFor();

    // Staff ask for the evidence the policy lists (AS-DEF-6).
    await staffOpen(reference);
    await desk.getByText('AS-DEF-2').first().waitFor();
    await staffMove('Ask for evidence', 'Awaiting evidence', (d) =>
      d.getByLabel('Note (optional)').fill('Please send a photo of the cracked screen.'),
    );

    // The customer sends a photo of the defect.
    await customerSees(caseUrl, 'Waiting for your evidence');
    const evidence = shopper.getByRole('region', { name: 'Photos and videos' });
    await evidence.getByText(/Still needed: 4/).waitFor();
    const defect = evidence.locator('li', {
      has: shopper.getByRole('heading', { name: 'The defect', exact: true }),
    });
    await defect.locator('input[type=file]').setInputFiles({
      name: 'IMG_0042.jpg',
      mimeType: 'image/jpeg',
      buffer: await photoWithGps(800, 600),
    });
    await defect.getByRole('button', { name: 'Upload' }).click();
    await shopper.getByText(/Still needed: 3/).waitFor();

    // AS-GEN-2, AS-DEF-5: the RMA number and the parcel's instructions.
    await desk.reload();
    await adminSettled(desk);
    // Three of AS-DEF-6's four photos are still missing: the return goes ahead with a reason (issue 10 point 3).
    await staffMove('Authorise the return', 'Return authorised', async (d) => {
      await d.getByText(`RMA number ${reference}`).waitFor();
      await d.getByText(/^Still missing: photo of the front of the parcel/).waitFor();
      await d
        .getByLabel('Reason for going against the policy')
        .fill('The cracked screen photo is enough to see the defect.');
    });
    await customerSees(caseUrl, 'Return authorised');
    const rma = shopper.getByRole('region', { name: 'How to send it back' });
    await rma.getByText(reference).waitFor();
    await rma.getByText(/Send it by the cheapest tracked post/).waitFor();
    await rma.getByText('Declare a value of $30.00 on the parcel (AS-DEF-5).').waitFor();
    assert.deepEqual(await seriousA11yViolations(shopper), [], 'axe on the authorised return');

    // The parcel arrives; the workshop finds a screen to replace; the customer pays parts after 7 days.
    await desk.reload();
    await adminSettled(desk);
    await staffMove('Parcel received', 'Parcel received');
    await staffMove('Record the inspection', 'Inspected', async (d) => {
      await d.getByLabel('Verdict').selectOption('product_fault');
      await d.getByRole('checkbox', { name: 'Screen' }).check();
    });
    await desk.getByText('Paid by the customer', { exact: true }).waitFor();
    await staffMove('Send the parts quote', 'Quote sent', async (d) => {
      assert.equal(await d.getByRole('checkbox', { name: 'Screen' }).isChecked(), true);
      await d.getByLabel('Parts amount (US$)').fill('89.00');
    });
    await desk.getByText('$89.00 for screen').waitFor();

    // AS-DEF-3: the customer reads the quote and accepts it before any work starts.
    await customerSees(caseUrl, 'Quote waiting for you');
    const quote = shopper.getByRole('region', { name: 'Your parts quote' });
    await quote.getByText('Screen', { exact: true }).waitFor();
    await quote.getByText('$89.00', { exact: true }).waitFor();
    await quote.getByText(/Nothing is done before you accept/).waitFor();
    assert.deepEqual(await seriousA11yViolations(shopper), [], 'axe on the quote');
    await shopper.getByRole('button', { name: 'Accept the quote' }).click();
    await shopper
      .getByRole('region', { name: 'Status' })
      .getByText('Quote accepted', { exact: true })
      .waitFor();
    await quote.getByText(/You accepted this quote/).waitFor();
    await quote.getByText(reference, { exact: true }).waitFor();
    await shopper.getByText('You accepted the quote', { exact: true }).waitFor();

    // Staff see the acceptance, repair it and send it back with its tracking number.
    await desk.reload();
    await adminSettled(desk);
    await desk.getByRole('heading', { level: 1 }).getByText('Quote accepted', { exact: true }).waitFor();
    const timeline = desk.getByRole('region', { name: 'Timeline' });
    await timeline.getByText('Accept the quote').waitFor();
    await staffMove('Resolve', 'Resolved', async (d) => {
      await d.getByLabel('Resolution').selectOption('repair');
      await d.getByLabel('Carrier').fill('UPS');
      await d.getByLabel('Tracking number').fill(TRACKING);
    });
    await timeline.getByText(`Sent back with UPS, tracking number ${TRACKING}`).waitFor();
    assert.deepEqual(await adminA11yViolations(desk), [], 'axe on the resolved case');

    const status = await customerSees(caseUrl, 'Resolved');
    await status.getByText(`Sent back to you with UPS, tracking number ${TRACKING}.`).waitFor();
    await shopper.getByText('This case is resolved.').waitFor();
    const [mail] = await server.ctx.db
      .select({ text: mailOutbox.textBody })
      .from(mailOutbox)
      .where(and(eq(mailOutbox.orderId, repairOrder.id), eq(mailOutbox.template, 'case_resolved')));
    assert.match(
      mail?.text ?? '',
      new RegExp(`Your item is repaired\\. Sent back with UPS, tracking number ${TRACKING}\\.`),
    );
    assert.deepEqual(await seriousA11yViolations(shopper), [], 'axe on the resolved case');
  });

  it('AS-DOA-1: a dead-on-arrival phone is refunded to the test card through the processor, shown as refunded and never as voided; no second refund beyond what was captured', async () => {
    const order = await deliveredCardOrder({
      name: 'Nova Phone',
      category: 'smartphone',
      priceCents: 49_900,
    });
    const { reference, caseUrl } = await openClaim(order, /Nova Phone/, /It did not work when it arrived/, [
      /A replacement or a refund/,
      /The shop pays the return postage/,
    ]);

    const caseId = await staffOpen(reference);
    await desk.getByText('AS-DOA-1').first().waitFor();
    await staffMove('Ask for evidence', 'Awaiting evidence');
    // No photos in this journey (it is about the refund): the return goes ahead with a written reason.
    await staffMove('Authorise the return', 'Return authorised', (d) =>
      d
        .getByLabel('Reason for going against the policy')
        .fill('The customer showed the dead phone on a video call.'),
    );
    await staffMove('Parcel received', 'Parcel received');
    await staffMove('Record the inspection', 'Inspected', (d) =>
      d.getByLabel('Verdict').selectOption('product_fault'),
    );
    await staffMove('Resolve', 'Resolved', async (d) => {
      await d.getByLabel('Resolution').selectOption('refund');
      // Nothing goes back to the customer after a refund: no parcel to record.
      assert.equal(await d.getByLabel('Carrier').count(), 0);
    });

    // The processor got the refund call with the case's idempotency key; its webhook settled it.
    const [refund] = await server.ctx.db.select().from(refunds).where(eq(refunds.orderId, order.id));
    assert.ok(refund, 'a refund row for the order');
    assert.equal(refund.amountCents, 49_900);
    assert.equal(refund.provider, 'test_card');
    assert.equal(refund.idempotencyKey, `case-resolve:${caseId}`);
    assert.equal(refund.status, 'succeeded', 'the processor’s webhook moved it');
    assert.ok(refund.processorReference, 'the processor’s refund id');
    const atProcessor = await server.ctx.db
      .select()
      .from(testProcessorRefunds)
      .where(eq(testProcessorRefunds.idempotencyKey, refund.idempotencyKey));
    assert.deepEqual(
      atProcessor.map((r) => [r.id, r.amountCents]),
      [[refund.processorReference, 49_900]],
    );
    const settled = await server.ctx.db
      .select()
      .from(orderEvents)
      .where(and(eq(orderEvents.orderId, order.id), eq(orderEvents.type, 'refunded')));
    assert.deepEqual(
      settled.map((e) => e.actorType),
      ['payment_processor'],
    );

    // Staff: the case says what it gave, with the processor's status; the order's payment says refunded.
    await desk.reload();
    await adminSettled(desk);
    const gave = desk.getByRole('region', { name: 'What the case gave' });
    await gave.getByText('$499.00').waitFor();
    await gave.getByText('Refunded to the card').waitFor();
    await desk.goto(`${server.url}/admin/orders/${order.id}`);
    await adminSettled(desk);
    const payment = desk.getByRole('region', { name: 'Payment' });
    await payment.getByText(/Refunded \$499\.00 to the card; the processor confirmed it/).waitFor();
    assert.doesNotMatch((await payment.textContent()) ?? '', VOIDED, 'a captured payment is never voided');
    assert.deepEqual(await adminA11yViolations(desk), [], 'axe on the refunded order');

    // The customer: the order page says refunded with the amount; the case is resolved.
    await shopper.goto(order.url);
    const paid = shopper.getByRole('region', { name: 'Payment' });
    await paid.getByText(/Refunded \$499\.00 to your card/).waitFor();
    assert.match((await paid.textContent()) ?? '', /refunded/i);
    assert.doesNotMatch((await shopper.locator('main').textContent()) ?? '', VOIDED);
    assert.deepEqual(await seriousA11yViolations(shopper), [], 'axe on the refunded order');
    await customerSees(caseUrl, 'Resolved');

    // A second refund beyond what the order captured is refused (the back office offers no amount field).
    const owner = await server.staffCookie();
    const again = await server.app.inject({
      method: 'POST',
      url: `/api/admin/cases/${caseId}/refunds`,
      headers: { cookie: owner, 'idempotency-key': newKey() },
      payload: { amountCents: order.totalCents, reason: 'Refund it again' },
    });
    assert.equal(again.statusCode, 409, again.body);
    const error = (again.json() as ErrorShape).error;
    assert.equal(error.field, 'amountCents');
    assert.match(error.message, /\$/);
    const all = await server.ctx.db.select().from(refunds).where(eq(refunds.orderId, order.id));
    assert.equal(all.length, 1, 'nothing more was refunded');
  });

  it('no console errors or failed requests on the way, besides the session check before signing in', () => {
    const expected = [/^401 fetch .*\/api\/staff\/session$/, /status of 401/];
    const seen = [...problems.customer, ...problems.staff];
    assert.deepEqual(
      seen.filter((p) => !expected.some((e) => e.test(p))),
      [],
    );
  });
});
