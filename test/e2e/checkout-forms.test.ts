/**
 * The checkout and back-office forms in a real browser, as people make mistakes in them: errors come from
 * the latest submission only, card mistakes are sentences about the field, an expiry typed `1230` is read
 * as 12/30, a postcode is checked for its country with an example, a reload keeps what was typed (never the
 * card), and the ship dialog marks the tracking number as required and clears a corrected field's error.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { addToCart, checkoutPayload, placeOrder } from '../helpers/orders-fixtures.ts';
import { adminSettled, signInThroughPage, variantInStock } from './admin-helpers.ts';
import {
  launchBrowser,
  seriousA11yViolations,
  skipWithoutBrowser,
  startWebServer,
  type WebServer,
  watchPage,
} from './helpers.ts';

describe('checkout and back-office forms in the browser', { skip: skipWithoutBrowser() }, () => {
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

  /** A fresh tab with one item in its cart, on the checkout page. */
  async function checkoutWithCart(width = 1280): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/products/volt-30w-usb-c-charger`, { waitUntil: 'networkidle' });
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await page.waitForURL(/\/cart/);
    await page.goto(`${server.url}/checkout`, { waitUntil: 'networkidle' });
    await page.getByRole('heading', { level: 1, name: 'Checkout' }).waitFor();
    return page;
  }

  const box = (page: Page, name: RegExp) => page.getByRole('textbox', { name });
  const summary = (page: Page) => page.getByRole('alert').filter({ hasText: 'before placing the order' });

  async function fillAddress(page: Page): Promise<void> {
    await box(page, /^Email/).fill('grace@example.com');
    await box(page, /^Full name/).fill('Grace Hopper');
    await box(page, /^Address/).fill('1 Navy Yard');
    await page.getByRole('combobox', { name: /^Country/ }).selectOption('US');
    await box(page, /^Postal code/).fill('22202');
    await box(page, /^Town or city/).fill('Arlington');
  }

  it('after a refused submission, a card mistake shows only the card error: the corrected fields are no longer red', async () => {
    const page = await checkoutWithCart();
    const problems = watchPage(page);
    await page.getByRole('button', { name: 'Place order' }).click();
    await summary(page)
      .getByText(/^\d+ things to fix/)
      .waitFor();
    assert.equal(await box(page, /^Email/).getAttribute('aria-invalid'), 'true');

    await fillAddress(page);
    // Each corrected field's message goes as soon as it is put right, before the next submission.
    for (const name of [/^Email/, /^Full name/, /^Postal code/]) {
      assert.equal(await box(page, name).getAttribute('aria-invalid'), null, `${name} corrected`);
    }
    await page.getByRole('radio', { name: /^Card/ }).check();
    await box(page, /^Card number/).fill('4242 4242 4242 4242');
    await box(page, /^Expiry date/).fill('13/30');
    await box(page, /^Security code/).fill('123');
    await page.getByRole('button', { name: 'Place order' }).click();

    await summary(page).getByText('One thing to fix before placing the order').waitFor();
    const items = await summary(page).getByRole('listitem').allTextContents();
    assert.deepEqual(items, [
      'Enter the expiry date as printed on the card, as month and year, such as 08/29',
    ]);
    for (const name of [/^Email/, /^Full name/, /^Address/, /^Postal code/, /^Town or city/]) {
      assert.equal(await box(page, name).getAttribute('aria-invalid'), null, `${name} is not marked invalid`);
    }
    assert.equal(await box(page, /^Expiry date/).getAttribute('aria-invalid'), 'true');
    assert.equal(await box(page, /^Email/).inputValue(), 'grace@example.com', 'what was typed stays');
    assert.deepEqual(await seriousA11yViolations(page), [], 'axe on checkout with a card mistake');
    await box(page, /^Expiry date/).fill('12/30');
    assert.equal(await box(page, /^Expiry date/).getAttribute('aria-invalid'), null, 'expiry corrected');
    assert.equal(await summary(page).count(), 0, 'nothing left to fix');
    const expected = [/^400 fetch .*\/checkout\.data$/];
    assert.deepEqual(
      problems.filter((p) => !expected.some((e) => e.test(p))),
      [],
    );
    await page.context().close();
  });

  it('card mistakes are sentences about the field (no raw keys), and an expiry typed 1230 is read as 12/30', async () => {
    const page = await checkoutWithCart(390);
    await fillAddress(page);
    await page.getByRole('radio', { name: /^Card/ }).check();
    // A number that fails the processor's check: its message, without the processor's key.
    await box(page, /^Card number/).fill('4242 4242 4242 4241');
    await box(page, /^Expiry date/).fill('1230');
    await box(page, /^Security code/).fill('123');
    await page.getByRole('button', { name: 'Place order' }).click();
    const cardNumber = box(page, /^Card number/);
    await summary(page).getByText('One thing to fix').waitFor();
    assert.equal(await cardNumber.getAttribute('aria-invalid'), 'true');
    const text = (await page.locator('#card-fields').textContent()) ?? '';
    assert.match(text, /This card number is not valid: check the digits as printed on the card/);
    assert.doesNotMatch(text, /cardNumber|expMonth|expYear|cvc:/);

    await cardNumber.fill('4242 4242 4242 4242');
    await page.getByRole('button', { name: 'Place order' }).click();
    await page.waitForURL(/\/orders\/view\?token=/);
    await page.getByText('Card: paid').waitFor();
    await page.context().close();
  });

  it('a US postcode ABCDE! is refused at its field with an example; the hint follows the chosen country', async () => {
    const page = await checkoutWithCart();
    await fillAddress(page);
    const postcode = box(page, /^Postal code/);
    assert.match((await postcode.getAttribute('aria-describedby')) ?? '', /hint/);
    await page.getByText('ZIP code, such as 95014').waitFor();
    await postcode.fill('ABCDE!');
    await page.getByRole('button', { name: 'Place order' }).click();
    await summary(page).getByText('One thing to fix').waitFor();
    assert.equal(await postcode.getAttribute('aria-invalid'), 'true');
    await page
      .locator('#field-shippingAddress-postalCode-error')
      .getByText('Enter a valid ZIP code such as 95014 (United States)')
      .waitFor();
    assert.equal(await postcode.inputValue(), 'ABCDE!', 'what was typed stays');

    await page.getByRole('combobox', { name: /^Country/ }).selectOption('GB');
    await page.getByText('Postcode, such as SW1A 1AA').waitFor();
    await page.getByRole('combobox', { name: /^Country/ }).selectOption('HK');
    await page.getByText('Leave empty if the address has none').waitFor();
    assert.equal(await page.getByRole('textbox', { name: /^Postal code \(optional\)/ }).count(), 1);
    await page.context().close();
  });

  it('a reload keeps what was typed, never the card; placing the order forgets it', async () => {
    const page = await checkoutWithCart();
    await fillAddress(page);
    await page.getByRole('radio', { name: /Tracked express/ }).check();
    await page.getByRole('radio', { name: /^Card/ }).check();
    await box(page, /^Card number/).fill('4242 4242 4242 4242');
    await box(page, /^Expiry date/).fill('12/30');
    await box(page, /^Security code/).fill('123');

    await page.reload({ waitUntil: 'networkidle' });
    await page.getByRole('heading', { level: 1, name: 'Checkout' }).waitFor();
    // The restore runs once the page's scripts do.
    await page.waitForFunction(
      () =>
        (
          globalThis as unknown as { document: { getElementById(id: string): { value: string } | null } }
        ).document.getElementById('field-email')?.value === 'grace@example.com',
    );
    assert.equal(await box(page, /^Full name/).inputValue(), 'Grace Hopper');
    assert.equal(await box(page, /^Postal code/).inputValue(), '22202');
    assert.equal(await page.getByRole('combobox', { name: /^Country/ }).inputValue(), 'US');
    assert.equal(await page.getByRole('radio', { name: /Tracked express/ }).isChecked(), true);
    assert.equal(await page.getByRole('radio', { name: /^Card/ }).isChecked(), true);
    assert.equal(await box(page, /^Card number/).inputValue(), '', 'the card is never kept');
    assert.equal(await box(page, /^Security code/).inputValue(), '');
    const stored = String(await page.evaluate(`sessionStorage.getItem('aftercare:checkout-form')`));
    assert.match(stored, /Grace Hopper/);
    assert.doesNotMatch(stored, /4242|12\/30|"123"/, 'nothing of the card in storage (PV-PAY-1)');

    await box(page, /^Card number/).fill('4242 4242 4242 4242');
    await box(page, /^Expiry date/).fill('12 / 2030');
    await box(page, /^Security code/).fill('123');
    await page.getByRole('button', { name: 'Place order' }).click();
    await page.waitForURL(/\/orders\/view\?token=/);
    await page.getByText('Thank you: your order is placed').waitFor();
    assert.equal(await page.evaluate(`sessionStorage.getItem('aftercare:checkout-form')`), null);
    await page.context().close();
  });

  it('the ship dialog marks the tracking number required, speaks in sentences, and clears the carrier error once typed', async () => {
    const variant = await variantInStock(server.app);
    const { cookie } = await addToCart(server.app, variant.id, 1);
    const placed = await placeOrder(server.app, cookie, checkoutPayload({ shippingMethod: 'express' }));
    const { order } = placed.json() as { order: { reference: string } };
    const staff = await server.staffCookie();
    const list = await server.app.inject({
      url: `/api/admin/orders?q=${order.reference}`,
      headers: { cookie: staff },
    });
    const id = (list.json() as { items: Array<{ id: string }> }).items[0]?.id;
    await server.app.inject({
      method: 'POST',
      url: `/api/admin/orders/${id}/mark-paid`,
      headers: { cookie: staff },
    });

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signInThroughPage(page, server.url, `/admin/orders/${id}`);
    await page.getByRole('button', { name: 'Ship', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: `Ship ${order.reference}` });
    await dialog.waitFor();
    const carrier = dialog.getByRole('textbox', { name: /^Carrier/ });
    const tracking = dialog.getByRole('textbox', { name: /^Tracking number/ });
    // The marker is seen and heard: "*" on screen, "(required)" for screen readers, and the attribute.
    assert.match(
      (await dialog.locator(`label[for="${await tracking.getAttribute('id')}"]`).textContent()) ?? '',
      /Tracking number\s*\*\s*\(required\)/,
    );
    assert.equal(await tracking.getAttribute('required'), '');

    await dialog.getByRole('button', { name: 'Mark shipped' }).click();
    await dialog.getByText('Enter the carrier, such as UPS').waitFor();
    await dialog.getByText('Enter the tracking number: this order goes by a tracked service').waitFor();
    assert.equal(await dialog.getByText(/^Is required/).count(), 0, 'no fragment');
    assert.equal(await carrier.getAttribute('aria-invalid'), 'true');

    await carrier.fill('UPS');
    await dialog.getByText('Enter the carrier, such as UPS').waitFor({ state: 'detached' });
    assert.equal(await carrier.getAttribute('aria-invalid'), null, 'corrected: no longer red');
    assert.equal(await tracking.getAttribute('aria-invalid'), 'true', 'the other mistake stays until fixed');
    await tracking.fill('1Z999AA10123456784');
    await dialog.getByRole('button', { name: 'Mark shipped' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('heading', { level: 1, name: /Shipped/ }).waitFor();
    await adminSettled(page);
    await context.close();
  });
});
