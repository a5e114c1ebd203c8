/**
 * Cancelling a paid order in the back office, as staff do it, and what the customer then reads: a card
 * payment is refunded to the card (confirmed by the processor's webhook), a bank transfer becomes a refund
 * owed until staff enter the reference of the transfer they made. No screen shows a raw payment code.
 * With SCREENSHOTS=dir, pictures of the refunds at phone and desktop widths are written there.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { CheckoutResponse } from '../../src/orders/schemas.ts';
import { addToCart, cardToken, checkoutPayload, placeOrder } from '../helpers/orders-fixtures.ts';
import { adminA11yViolations, adminSettled, signInThroughPage, variantInStock } from './admin-helpers.ts';
import { launchBrowser, skipWithoutBrowser, startWebServer, type WebServer, watchPage } from './helpers.ts';

const RAW_CODES = /bank_transfer|test_card|\bcaptured\b|\bvoided\b|\bowed\b|refund_/;
const shots = process.env.SCREENSHOTS;

describe('cancel and refund, seen by staff and customer', { skip: skipWithoutBrowser() }, () => {
  let server: WebServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let problems: string[];

  const buy = async (payment: Record<string, unknown>): Promise<CheckoutResponse & { id: string }> => {
    const variant = await variantInStock(server.app);
    const { cookie } = await addToCart(server.app, variant.id, 1);
    const res = await placeOrder(
      server.app,
      cookie,
      checkoutPayload({ email: 'refund@example.com', payment }),
    );
    assert.equal(res.statusCode, 201, res.body);
    const placed = res.json() as CheckoutResponse;
    const staff = await server.staffCookie();
    const list = await server.app.inject({
      method: 'GET',
      url: `/api/admin/orders?q=${placed.order.reference}`,
      headers: { cookie: staff },
    });
    return { ...placed, id: (list.json() as { items: Array<{ id: string }> }).items[0]?.id as string };
  };
  const customerPage = (order: CheckoutResponse) => {
    const url = new URL(order.orderUrl);
    return `${server.url}${url.pathname}${url.search}`;
  };
  async function cancelInBackOffice(id: string, consequence: RegExp) {
    await page.goto(`${server.url}/admin/orders/${id}`);
    await adminSettled(page);
    await page.getByRole('button', { name: 'Cancel order' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(consequence).waitFor();
    await dialog.getByLabel('Reason').fill('The supplier cannot deliver');
    await dialog.getByRole('button', { name: 'Cancel order' }).click();
    await dialog.waitFor({ state: 'hidden' });
  }
  async function screenshot(name: string, url: string) {
    if (!shots) return;
    mkdirSync(shots, { recursive: true });
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(url, { waitUntil: 'networkidle' });
      if (url.includes('/admin')) await adminSettled(page);
      await page.screenshot({ path: `${shots}/${name}-${width}.png`, fullPage: true });
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  }

  before(async () => {
    server = await startWebServer({ seed: true });
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    problems = watchPage(page);
    await signInThroughPage(page, server.url, '/admin/orders');
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it('a captured card payment: cancel → refunded to the card, said to staff and to the customer', async () => {
    const order = await buy({ method: 'test_card', token: await cardToken(server.app, '4242424242424242') });
    await cancelInBackOffice(order.id, /refunded to the customer’s card/);
    const payment = page.getByRole('region', { name: 'Payment' });
    await payment.getByText('Refunded to the card').waitFor();
    await payment.getByText(/Refunded \$[\d,.]+ to the card; the processor confirmed it/).waitFor();
    const text = (await payment.textContent()) ?? '';
    assert.doesNotMatch(text, RAW_CODES);
    assert.doesNotMatch(text, /cancelled|voided/i, 'a captured payment is never shown as voided');
    assert.deepEqual(await adminA11yViolations(page), [], 'axe on the order with a refund');
    await screenshot('admin-order-card-refunded', page.url());

    await page.goto(customerPage(order));
    const body = page.locator('main');
    await body
      .getByText(/Refunded \$[\d,.]+ to your card/)
      .first()
      .waitFor();
    assert.doesNotMatch((await body.textContent()) ?? '', RAW_CODES);
    await screenshot('storefront-order-card-refunded', customerPage(order));
  });

  it('a bank transfer received: cancel → refund owed → staff enter the transfer reference → transferred back', async () => {
    const order = await buy({ method: 'bank_transfer' });
    const staff = await server.staffCookie();
    const paid = await server.app.inject({
      method: 'POST',
      url: `/api/admin/orders/${order.id}/mark-paid`,
      headers: { cookie: staff },
    });
    assert.equal(paid.statusCode, 200);
    await cancelInBackOffice(order.id, /owed back to the customer/);
    const payment = page.getByRole('region', { name: 'Payment' });
    await payment.getByText('Owed: transfer to make').waitFor();
    assert.doesNotMatch((await payment.textContent()) ?? '', RAW_CODES);
    await screenshot('admin-order-refund-owed', page.url());

    await page.goto(customerPage(order));
    await page
      .getByText(/We will transfer \$[\d,.]+ back to the account you paid from/)
      .first()
      .waitFor();

    await page.goto(`${server.url}/admin/orders/${order.id}`);
    await adminSettled(page);
    // Nothing typed: the error is at the field.
    await payment.getByRole('button', { name: 'Mark refunded' }).click();
    const field = payment.getByLabel('Transfer reference');
    await payment.getByText('Enter the reference of the transfer you made').waitFor();
    assert.equal(await field.getAttribute('aria-invalid'), 'true');
    // The server's refusal keeps what was typed.
    await field.fill('<not a reference>');
    await payment.getByRole('button', { name: 'Mark refunded' }).click();
    await payment.getByText(/may hold letters, digits/i).waitFor();
    assert.equal(await field.inputValue(), '<not a reference>');
    await field.fill('BANK-2026-77');
    await payment.getByRole('button', { name: 'Mark refunded' }).click();
    await payment.getByText('Transferred back').waitFor();
    await payment.getByText(/Refunded \$[\d,.]+ by bank transfer, reference BANK-2026-77/).waitFor();
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await timeline.getByText('Refunded', { exact: true }).first().waitFor();
    assert.deepEqual(await adminA11yViolations(page), [], 'axe on the order with a refund owed');

    await page.goto(customerPage(order));
    await page
      .getByText(/We transferred \$[\d,.]+ back to you \(transfer reference BANK-2026-77\)/)
      .first()
      .waitFor();
    assert.doesNotMatch((await page.locator('main').textContent()) ?? '', RAW_CODES);
    await screenshot('storefront-order-transfer-refunded', customerPage(order));
  });

  it('no console errors or failed requests on the way, besides the refusals this test asked for', () => {
    const expected = [/^401 fetch .*\/api\/staff\/session$/, /^400 fetch .*\/refunds\/[^/]+\/transfer$/];
    assert.deepEqual(
      problems.filter((p) => !expected.some((e) => e.test(p))),
      [],
    );
  });
});
