/**
 * A guest's purchase in a real browser, as a person does it: home → search → product → variant → cart →
 * checkout → confirmation → the order page; once with JavaScript, once without it, and once paying by test
 * card. Every page visited is checked with axe (no serious or critical findings).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  launchBrowser,
  seriousA11yViolations,
  skipWithoutBrowser,
  startWebServer,
  type WebServer,
  watchPage,
} from './helpers.ts';

async function expectAccessible(page: Page, where: string): Promise<void> {
  assert.deepEqual(await seriousA11yViolations(page), [], `axe on ${where}`);
}

/** The checkout form's fields, typed as a person types them. */
async function fillAddress(page: Page, email: string): Promise<void> {
  await page.getByRole('textbox', { name: /^Email/ }).fill(email);
  await page.getByRole('textbox', { name: /^Full name/ }).fill('Ada Lovelace');
  await page.getByRole('textbox', { name: /^Address/ }).fill('12 Analytical Row');
  await page.getByRole('textbox', { name: /^Town or city/ }).fill('London');
  await page.getByRole('combobox', { name: /^Country/ }).selectOption('GB');
}

describe('a guest buys in the browser', { skip: skipWithoutBrowser() }, () => {
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

  it('with JavaScript: search as you type → variant → cart → checkout (a mistake first) → confirmation → order page', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems = watchPage(page);

    await page.goto(`${server.url}/`, { waitUntil: 'networkidle' });
    await expectAccessible(page, 'home');

    // Typing is enough: the results follow the search box.
    await page
      .getByRole('searchbox', { name: 'Search products' })
      .pressSequentially('nimbus x2', { delay: 30 });
    await page.getByRole('heading', { level: 1, name: 'Results for “nimbus x2”' }).waitFor();
    await expectAccessible(page, 'search results');

    await page.getByRole('link', { name: 'Nimbus X2', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Nimbus X2' }).waitFor();
    await expectAccessible(page, 'product page');
    const soldOut = page.getByRole('radio', { name: /Glacier, 256 GB/ });
    assert.equal(await soldOut.isDisabled(), true, 'a sold-out variant cannot be chosen');
    await page.getByRole('radio', { name: /Graphite, 256 GB/ }).check();
    await page.getByText('$679.00').first().waitFor();
    await page.getByRole('combobox', { name: 'Quantity' }).selectOption('2');
    await page.getByRole('button', { name: 'Add to cart' }).click();

    await page.waitForURL(/\/cart\?added=/);
    await page.getByRole('status').filter({ hasText: 'Added to your cart' }).waitFor();
    assert.equal(
      await page.getByRole('link', { name: /^Cart\s*, 2 items$/ }).count(),
      1,
      'the header counts',
    );
    await expectAccessible(page, 'cart');

    await page.getByRole('link', { name: 'Go to checkout' }).click();
    await page.getByRole('heading', { level: 1, name: 'Checkout' }).waitFor();
    await expectAccessible(page, 'checkout');

    // A mistake: the message stands next to its field, and everything typed stays.
    await fillAddress(page, 'ada@example');
    await page.getByRole('radio', { name: /Tracked express/ }).check();
    await page.getByRole('button', { name: 'Place order' }).click();
    const email = page.getByRole('textbox', { name: /^Email/ });
    await page.getByText('Enter the postcode, such as SW1A 1AA', { exact: true }).waitFor();
    assert.equal(await email.getAttribute('aria-invalid'), 'true');
    const describedBy = (await email.getAttribute('aria-describedby')) ?? '';
    assert.match(
      (await page.locator(`[id="${describedBy.split(' ').at(-1)}"]`).textContent()) ?? '',
      /Enter an email address, such as name@example\.com/,
    );
    assert.equal(await email.inputValue(), 'ada@example');
    assert.equal(await page.getByRole('textbox', { name: /^Full name/ }).inputValue(), 'Ada Lovelace');
    assert.equal(await page.getByRole('radio', { name: /Tracked express/ }).isChecked(), true);
    await expectAccessible(page, 'checkout with errors');

    await email.fill('ada@example.com');
    await page.getByRole('textbox', { name: /^Postal code/ }).fill('N1 9GU');
    await page.getByRole('button', { name: 'Place order' }).click();

    await page.waitForURL(/\/orders\/view\?token=/);
    await page.getByText('Thank you: your order is placed').waitFor();
    const reference = ((await page.getByRole('heading', { level: 1 }).textContent()) ?? '').replace(
      'Order ',
      '',
    );
    assert.match(reference, /^AC-\d\d-\d{5}$/);
    await page.getByRole('heading', { name: 'Pay by bank transfer' }).waitFor();
    assert.match((await page.locator('main').textContent()) ?? '', /\$1,372\.90/, 'two at $679 plus express');
    assert.equal(await page.getByRole('link', { name: /^Cart\s*, empty$/ }).count(), 1);
    await expectAccessible(page, 'confirmation');

    // Later, from the order lookup: reference and email lead back to the order page.
    await page.goto(`${server.url}/orders/lookup`, { waitUntil: 'networkidle' });
    await expectAccessible(page, 'order lookup');
    await page.getByRole('textbox', { name: /^Order reference/ }).fill(reference.toLowerCase());
    await page.getByRole('textbox', { name: /^Email/ }).fill('ADA@example.com');
    await page.getByRole('button', { name: 'Show my order' }).click();
    await page.getByRole('heading', { level: 1, name: `Order ${reference}` }).waitFor();
    assert.doesNotMatch(page.url(), /ada|AC-/i, 'neither reference nor email in the address');
    assert.equal(await page.getByText('Thank you: your order is placed').count(), 0);
    await page.getByRole('heading', { name: 'Timeline' }).waitFor();
    await expectAccessible(page, 'order page');

    // On purpose: the refused checkout answers 400; a search overtaken by more typing, and a link's prefetch
    // overtaken by its click, are cancelled. Nothing else may have failed.
    const expected = [
      /^400 fetch .*\/checkout\.data$/,
      /^failed fetch .*\/search\.data\?q=.*ERR_ABORTED$/,
      /^failed other .*\.data: net::ERR_ABORTED$/,
    ];
    assert.deepEqual(
      problems.filter((p) => !expected.some((e) => e.test(p))),
      [],
    );
    await context.close();
  });

  it('without JavaScript: the same purchase, with plain links and forms', async () => {
    const context: BrowserContext = await browser.newContext({
      viewport: { width: 390, height: 844 },
      javaScriptEnabled: false,
    });
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.getByRole('searchbox', { name: 'Search products' }).fill('orbit one');
    await page.getByRole('searchbox', { name: 'Search products' }).press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Results for “orbit one”' }).waitFor();
    await page.getByRole('link', { name: 'Orbit One', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Orbit One' }).waitFor();
    await page.getByRole('radio', { name: /Nova Blue, 256 GB/ }).check();
    await page.getByRole('button', { name: 'Add to cart' }).click();

    await page.waitForURL(/\/cart\?added=/);
    await page.getByText('Added to your cart').waitFor();
    // Change the quantity with the line's own form.
    await page.getByRole('spinbutton', { name: /^Quantity of Orbit One/ }).fill('2');
    await page.getByRole('button', { name: /^Update/ }).click();
    await page.waitForURL(/\/cart$/);
    assert.match((await page.locator('main').textContent()) ?? '', /\$998\.00/);

    await page.getByRole('link', { name: 'Go to checkout' }).click();
    await page.getByRole('heading', { level: 1, name: 'Checkout' }).waitFor();
    assert.equal(await page.getByRole('radio', { name: /^Card/ }).isDisabled(), true);
    await page.getByText('Card payment needs JavaScript').waitFor();

    await fillAddress(page, 'no-script@example.com');
    await page.getByRole('button', { name: 'Place order' }).click();
    await page.getByText('Enter the postcode, such as SW1A 1AA', { exact: true }).waitFor();
    assert.equal(await page.getByRole('textbox', { name: /^Email/ }).inputValue(), 'no-script@example.com');
    await page.getByRole('textbox', { name: /^Postal code/ }).fill('N1 9GU');
    await page.getByRole('button', { name: 'Place order' }).click();

    await page.waitForURL(/\/orders\/view\?token=/);
    await page.getByText('Thank you: your order is placed').waitFor();
    await page.getByRole('heading', { name: 'Pay by bank transfer' }).waitFor();
    assert.match((await page.locator('main').textContent()) ?? '', /Nova Blue, 256 GB/);
    // The confirmation email's link is this page without the thank-you.
    await page.goto(page.url().replace('&placed=1', ''));
    await page.getByText('We are waiting for your bank transfer').waitFor();
    await context.close();
  });

  it('with JavaScript, by test card: the card goes to the processor, the shop gets only the token', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const problems = watchPage(page);
    const posted: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST')
        posted.push(`${new URL(request.url()).pathname} ${request.postData()}`);
    });

    await page.goto(`${server.url}/products/volt-30w-usb-c-charger`, { waitUntil: 'networkidle' });
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await page.waitForURL(/\/cart/);
    await page.getByRole('link', { name: 'Go to checkout' }).click();
    await page.getByRole('heading', { level: 1, name: 'Checkout' }).waitFor();
    await fillAddress(page, 'card@example.com');
    await page.getByRole('textbox', { name: /^Postal code/ }).fill('N1 9GU');
    await page.getByRole('radio', { name: /^Card/ }).check();

    // A mistake in the card fields is caught before anything is sent.
    await page.getByRole('textbox', { name: /^Card number/ }).fill('4242 4242 4242 4242');
    await page.getByRole('textbox', { name: /^Expiry date/ }).fill('13/40');
    await page.getByRole('textbox', { name: /^Security code/ }).fill('123');
    await page.getByRole('button', { name: 'Place order' }).click();
    await page.getByText('Enter the expiry date as printed on the card', { exact: false }).first().waitFor();
    await expectAccessible(page, 'checkout with a card mistake');

    await page.getByRole('textbox', { name: /^Expiry date/ }).fill('12/34');
    await page.getByRole('button', { name: 'Place order' }).click();
    await page.waitForURL(/\/orders\/view\?token=/);
    await page.getByText('Thank you: your order is placed').waitFor();
    await page.getByText('Card: Paid').waitFor();
    assert.equal(await page.getByRole('heading', { name: 'Pay by bank transfer' }).count(), 0);

    const toShop = posted.filter((p) => !p.startsWith('/api/test-processor/tokens'));
    const toProcessor = posted.filter((p) => p.startsWith('/api/test-processor/tokens'));
    assert.equal(toProcessor.length, 1);
    assert.match(toProcessor[0] as string, /4242/);
    assert.ok(
      toShop.some((p) => p.startsWith('/checkout')),
      posted.join('\n'),
    );
    for (const p of toShop) assert.doesNotMatch(p, /4242|12%2F34|cvc|cardNumber/i, 'PV-PAY-1');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('Show more adds the next page of the catalogue in place, and focus moves to the first new product', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems = watchPage(page);
    await page.goto(`${server.url}/products`, { waitUntil: 'networkidle' });
    const products = page.getByRole('main').getByRole('article');
    const first = await products.count();
    assert.equal(first, 24);
    await page.getByRole('link', { name: 'Show more' }).click();
    await products.nth(first).waitFor();
    assert.equal(new URL(page.url()).search, '', 'the address stays the first page’s');
    const names = await products.getByRole('heading').allTextContents();
    const focused = page.locator('main article a:focus');
    await focused.waitFor();
    assert.equal(await focused.textContent(), names[first]);
    assert.equal(await page.getByRole('link', { name: 'Show more' }).count(), 0, 'the last page');
    assert.deepEqual(problems, []);
    await context.close();
  });

  for (const path of [
    '/products',
    '/products?category=tablet&maxPrice=500',
    '/cart',
    '/products/nimbus-x1-renewed',
  ]) {
    it(`axe finds no serious or critical problem on ${path}`, async () => {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
      const page = await context.newPage();
      await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
      await expectAccessible(page, path);
      await context.close();
    });
  }
});
