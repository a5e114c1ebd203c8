/**
 * The back office in a browser, as staff use it: a guest order placed through the API is found, marked
 * paid and shipped; the customer's view of the order shows the tracking number; both emails wait in the
 * outbox. Along the way: a wrong password is shown at the field, an anonymous visit goes to the sign-in
 * page, a move someone else made first is shown in the dialog (409), and axe checks every page visited.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { CheckoutResponse } from '../../src/orders/schemas.ts';
import { OWNER_EMAIL, OWNER_PASSWORD } from '../helpers/app.ts';
import {
  adminA11yViolations,
  adminSettled,
  authenticatorCode,
  placeGuestOrder,
  signInThroughPage,
} from './admin-helpers.ts';
import {
  launchBrowser,
  seriousA11yViolations,
  skipWithoutBrowser,
  startWebServer,
  type WebServer,
  watchPage,
} from './helpers.ts';

describe('staff flow in the back office', { skip: skipWithoutBrowser() }, () => {
  let server: WebServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let problems: string[];
  let order: CheckoutResponse;
  const email = `flow-${Date.now()}@example.com`;
  const tracking = '1Z999AA10123456784';

  /** axe's serious and critical findings on the page as it is now, named by where they were found. */
  async function assertAccessible(where: string) {
    assert.deepEqual(await adminA11yViolations(page), [], `axe on ${where}`);
  }

  before(async () => {
    server = await startWebServer({ seed: true });
    // The owner has set up an authenticator (the helper's first sign-in enrols it): the page asks for its code.
    await server.staffCookie();
    order = await placeGuestOrder(server.app, email);
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    problems = watchPage(page);
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it('an anonymous visit to /admin/orders goes to the sign-in page', async () => {
    await page.goto(`${server.url}/admin/orders`);
    await page.waitForURL((url) => url.pathname === '/admin/sign-in');
    assert.equal(new URL(page.url()).searchParams.get('next'), '/admin/orders');
    await page.getByRole('heading', { level: 1, name: 'Sign in to the back office' }).waitFor();
    await adminSettled(page);
    await assertAccessible('the sign-in page');
  });

  it('a wrong password is shown at the password field', async () => {
    await page.getByLabel('Email').fill(OWNER_EMAIL);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const password = page.getByLabel('Password');
    await page.getByText('Email or password is incorrect').waitFor();
    assert.equal(await password.getAttribute('aria-invalid'), 'true');
    const describedBy = (await password.getAttribute('aria-describedby')) ?? '';
    const message = await page.locator(`[id="${describedBy.split(' ').at(-1)}"]`).textContent();
    assert.match(message ?? '', /Email or password is incorrect/);
    const focused = await page.evaluate('document.activeElement?.id');
    assert.equal(focused, await password.getAttribute('id'), 'focus on the field');
    assert.equal(new URL(page.url()).pathname, '/admin/sign-in');
    await assertAccessible('the sign-in page with an error');
  });

  it('signing in (password, then the authenticator code) leads back to the orders, where search finds the guest order', async () => {
    await page.getByLabel('Password').fill(OWNER_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const code = page.getByLabel('Code from your authenticator app');
    await code.waitFor();
    await adminSettled(page);
    await assertAccessible('the second step of the sign-in');
    await code.fill(await authenticatorCode(server, OWNER_EMAIL));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname === '/admin/orders');
    await page.getByRole('heading', { level: 1, name: 'Orders' }).waitFor();
    await adminSettled(page);
    await assertAccessible('the order list');

    await page.getByLabel('Reference or email').fill(email);
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL((url) => url.searchParams.get('q') === email);
    await adminSettled(page);
    // The filtered page replaces the full list once its request answers: wait for it, not for a moment.
    const rows = page.getByRole('table').getByRole('row');
    const deadline = Date.now() + 15_000;
    while ((await rows.count()) !== 2 && Date.now() < deadline) await page.waitForTimeout(100);
    assert.equal(await rows.count(), 2, 'the header and the one order');
    await page.getByRole('link', { name: order.order.reference }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(order.order.reference) }).waitFor();
    await adminSettled(page);
    await assertAccessible('the order page');
  });

  it('marks the order paid after a confirmation, and the page shows it at once', async () => {
    await page.getByRole('button', { name: 'Mark paid' }).click();
    const dialog = page.getByRole('dialog', { name: `Mark ${order.order.reference} as paid?` });
    await dialog.waitFor();
    await assertAccessible('the mark-paid dialog');
    await dialog.getByRole('button', { name: 'Mark paid' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('status').filter({ hasText: 'Marked as paid.' }).waitFor();
    await page.getByRole('heading', { level: 1, name: /Paid/ }).waitFor();
    await page.getByRole('button', { name: 'Ship' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Mark paid' }).count(), 0);
  });

  it('ships with a carrier and tracking number; a missing carrier is shown at its field', async () => {
    await page.getByRole('button', { name: 'Ship', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: `Ship ${order.order.reference}` });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Mark shipped' }).click();
    const carrier = dialog.getByLabel('Carrier');
    await dialog.getByText('Enter the carrier').waitFor();
    assert.equal(await carrier.getAttribute('aria-invalid'), 'true');
    await carrier.fill('UPS');
    await dialog.getByLabel('Tracking number').fill(tracking);
    await assertAccessible('the ship dialog');
    await dialog.getByRole('button', { name: 'Mark shipped' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('heading', { level: 1, name: /Shipped/ }).waitFor();
    const shipment = page.getByRole('region', { name: 'Shipment' });
    await shipment.getByText(tracking).waitFor();
    await page.getByRole('region', { name: 'Timeline' }).getByText(tracking).waitFor();
    await page.getByRole('button', { name: 'Mark delivered' }).waitFor();
    await adminSettled(page);
    await assertAccessible('the shipped order page');
  });

  it('the customer’s signed link shows the order as shipped with its tracking number', async () => {
    const res = await server.app.inject({
      method: 'GET',
      url: `/api/orders/by-link/${encodeURIComponent(order.accessToken)}`,
    });
    assert.equal(res.statusCode, 200);
    const view = res.json() as CheckoutResponse;
    assert.equal(view.order.status, 'shipped');
    assert.deepEqual(view.order.tracking, { carrier: 'UPS', trackingNumber: tracking });

    // The storefront's order page, once it exists (it is built beside the back office).
    const path = new URL(order.orderUrl).pathname + new URL(order.orderUrl).search;
    const probe = await fetch(`${server.url}${path}`);
    if (probe.status === 404) return;
    const customer = await context.newPage();
    await customer.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
    await customer.getByText(tracking).first().waitFor();
    await customer.getByText('Shipped').first().waitFor();
    await customer.close();
  });

  it('both emails are in the outbox, and the shipped one renders with the tracking number', async () => {
    await page
      .getByRole('navigation', { name: 'Back office' })
      .getByRole('link', { name: 'Mail outbox' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Mail outbox' }).waitFor();
    await page.getByLabel('Recipient or subject').fill(email);
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL((url) => url.searchParams.get('q') === email);
    await adminSettled(page);
    await assertAccessible('the mail outbox');
    const placed = page.getByRole('link', { name: `order ${order.order.reference} received` });
    const shipped = page.getByRole('link', { name: `order ${order.order.reference} has shipped` });
    await placed.waitFor();
    await shipped.waitFor();

    await shipped.click();
    await page.getByRole('heading', { level: 1, name: /has shipped/ }).waitFor();
    await adminSettled(page);
    const frame = page.frameLocator('iframe[title^="The email"]');
    await frame.getByText(`Tracking number: ${tracking}`).waitFor();
    const sandbox = await page.locator('iframe[title^="The email"]').getAttribute('sandbox');
    assert.ok(
      sandbox !== null && !sandbox.includes('allow-scripts'),
      `sandboxed without scripts: ${sandbox}`,
    );
    const bodyStyle = await page.evaluate<string | undefined>(
      `document.querySelector('iframe[data-mail-preview]')?.contentDocument?.body.style.cssText`,
    );
    assert.match(bodyStyle ?? '', /font-family/, 'the email’s own styles are applied, through the CSSOM');
    await assertAccessible('an email');
    await page.getByRole('button', { name: 'Plain text' }).click();
    await page.getByText(`Carrier: UPS`).waitFor();
  });

  it('a move someone else made first is answered with the 409 in the dialog', async () => {
    const other = await placeGuestOrder(server.app, `race-${Date.now()}@example.com`);
    const cookie = await server.staffCookie();
    const list = await server.app.inject({
      method: 'GET',
      url: `/api/admin/orders?q=${encodeURIComponent(other.order.reference)}`,
      headers: { cookie },
    });
    const id = (list.json() as { items: Array<{ id: string }> }).items[0]?.id;
    assert.ok(id);
    await page.goto(`${server.url}/admin/orders/${id}`, { waitUntil: 'networkidle' });
    await page.getByRole('button', { name: 'Mark paid' }).waitFor();
    // Meanwhile a colleague cancels it.
    const cancel = await server.app.inject({
      method: 'POST',
      url: `/api/admin/orders/${id}/cancel`,
      headers: { cookie },
      payload: { reason: 'Customer asked by phone' },
    });
    assert.equal(cancel.statusCode, 200);
    await page.getByRole('button', { name: 'Mark paid' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Mark paid' }).click();
    await dialog
      .getByRole('alert')
      .getByText(/cannot become paid/)
      .waitFor();
    await dialog.getByRole('button', { name: 'Go back' }).click();
    await dialog.waitFor({ state: 'hidden' });
    // The page reloads the order behind the dialog after the refusal: wait for it.
    await page.getByRole('heading', { level: 1, name: /Cancelled/ }).waitFor();
    const expected409 = problems.filter((p) => p.startsWith('409 fetch') || p.includes('409 (Conflict)'));
    assert.ok(expected409.length > 0, 'the refused request was seen');
    problems.splice(0, problems.length, ...problems.filter((p) => !expected409.includes(p)));
  });

  it('the dashboard, products and a product pass axe', async () => {
    for (const [path, heading] of [
      ['/admin', 'Dashboard'],
      ['/admin/products', 'Products'],
      ['/admin/products/new', 'New product'],
    ] as const) {
      await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await adminSettled(page);
      await assertAccessible(path);
    }
    await page.goto(`${server.url}/admin/products`, { waitUntil: 'networkidle' });
    await adminSettled(page);
    await page.getByRole('table').getByRole('link').first().click();
    await page.getByRole('heading', { level: 2, name: 'Variants' }).waitFor();
    await adminSettled(page);
    await assertAccessible('a product');
  });

  it('signing out ends the session: the back office asks to sign in again', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL((url) => url.pathname === '/admin/sign-in');
    await page.goto(`${server.url}/admin`);
    await page.waitForURL((url) => url.pathname === '/admin/sign-in');
    const res = await page.request.get(`${server.url}/api/staff/session`);
    assert.equal(res.status(), 401);
  });

  it('no console error, failed script or failed request on the way (bar the expected 401s)', () => {
    const unexpected = problems.filter(
      (p) => !/^401 fetch .*\/api\/(staff\/session|admin\/)/.test(p) && !/status of 401/.test(p),
    );
    assert.deepEqual(unexpected, []);
  });
});

describe('the back office on a phone', { skip: skipWithoutBrowser() }, () => {
  let server: WebServer;
  let browser: Browser;

  before(async () => {
    server = await startWebServer({ seed: true });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('folds the navigation behind a Menu button that a keyboard can open', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await signInThroughPage(page, server.url);
    const nav = page.getByRole('navigation', { name: 'Back office' });
    assert.equal(await nav.isVisible(), false);
    const menu = page.getByRole('button', { name: 'Menu' });
    assert.equal(await menu.getAttribute('aria-expanded'), 'false');
    await menu.focus();
    await page.keyboard.press('Enter');
    await nav.waitFor({ state: 'visible' });
    assert.equal(await menu.getAttribute('aria-expanded'), 'true');
    await nav.getByRole('link', { name: 'Orders' }).click();
    await page.getByRole('heading', { level: 1, name: 'Orders' }).waitFor();
    await nav.waitFor({ state: 'hidden' });
    await adminSettled(page);
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than the phone`);
    assert.deepEqual(await seriousA11yViolations(page), []);
    await context.close();
  });
});
