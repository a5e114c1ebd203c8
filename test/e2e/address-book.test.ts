/**
 * The address book and checkout's saved addresses in a real browser (issue 12 point 6): a wrong postal code
 * refused at its field with the country's example and what was typed kept, an address saved, made the
 * default, chosen at checkout, the order shipped there; "A new address" shows the fields and can be saved
 * to the account. With JavaScript and without.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { signUp, verifyEmail } from '../../src/accounts/customers/sign-up.service.ts';
import { linkToken } from '../helpers/accounts-fixtures.ts';
import {
  launchBrowser,
  seriousA11yViolations,
  skipWithoutBrowser,
  startWebServer,
  type WebServer,
  watchPage,
} from './helpers.ts';

const PASSWORD = 'Tulip orbit canyon-42';

describe('address book in the browser', { skip: skipWithoutBrowser() }, () => {
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

  async function account(email: string): Promise<void> {
    await signUp(server.ctx, { email, password: PASSWORD, name: 'Grace Hopper' });
    await verifyEmail(server.ctx, await linkToken(server, email, 'account_verify'));
  }

  async function signIn(page: Page, email: string): Promise<void> {
    await page.goto(`${server.url}/account/sign-in?next=/account/profile`, { waitUntil: 'networkidle' });
    await page.getByRole('textbox', { name: /^Email/ }).fill(email);
    await page.getByLabel(/^Password/).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your profile' }).waitFor();
  }

  async function addAddress(page: Page, fields: { line1: string; postalCode: string; city: string }) {
    const form = page.getByRole('form', { name: 'Add an address' });
    await form.getByLabel(/^Full name/).fill('Grace Hopper');
    await form.getByLabel(/^Address/).fill(fields.line1);
    await form.getByLabel(/^Postal code/).fill(fields.postalCode);
    await form.getByLabel(/^Town or city/).fill(fields.city);
    await form.getByLabel(/^Country/).selectOption('US');
    await form.getByRole('button', { name: 'Add the address' }).click();
  }

  for (const javaScriptEnabled of [true, false]) {
    it(`keeps addresses, refuses a wrong postal code at its field, and checkout ships to the chosen one (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
      const email = `grace-${javaScriptEnabled ? 'js' : 'nojs'}@example.com`;
      await account(email);
      const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 390, height: 900 } });
      const page = await context.newPage();
      const problems = watchPage(page);
      await signIn(page, email);

      await addAddress(page, { line1: '1 Navy Yard', postalCode: '2220', city: 'Arlington' });
      await page.getByText(/Enter a valid ZIP code such as 95014/).waitFor();
      assert.equal(await page.getByRole('textbox', { name: /^Address/ }).inputValue(), '1 Navy Yard');
      await page.getByLabel(/^Postal code/).fill('22202');
      await page.getByRole('button', { name: 'Add the address' }).click();
      await page.getByText('The address is saved').waitFor();
      await addAddress(page, { line1: '2 Harbor Road', postalCode: '02139', city: 'Cambridge' });
      await page.getByText('The address is saved').waitFor();
      await page.getByRole('button', { name: 'Make default' }).click();
      await page.getByText('That address is now your default').waitFor();
      if (javaScriptEnabled) assert.deepEqual(await seriousA11yViolations(page), [], 'axe on the profile');

      await page.goto(`${server.url}/products/orbit-one`, { waitUntil: 'networkidle' });
      await page.getByRole('button', { name: 'Add to cart' }).click();
      await page.waitForURL(/\/cart/);
      await page.goto(`${server.url}/checkout`, { waitUntil: 'networkidle' });
      const chosen = page.getByRole('radio', { name: /2 Harbor Road/ });
      assert.equal(await chosen.isChecked(), true, 'the default is preselected');
      assert.equal(await page.getByLabel(/^Town or city/).isVisible(), false, 'the new-address fields wait');
      await page.getByLabel('A new address').check();
      await page.getByLabel(/^Town or city/).waitFor({ state: 'visible' });
      if (javaScriptEnabled) assert.deepEqual(await seriousA11yViolations(page), [], 'axe on checkout');
      await page.getByRole('radio', { name: /1 Navy Yard/ }).check();
      await page.getByRole('button', { name: 'Place order' }).click();
      await page.waitForURL(/\/orders\/view/);
      await page.getByText('1 Navy Yard').first().waitFor();
      // The refused address answers 400 (the form's mistake): nothing else went wrong. (Without JavaScript
      // the browser refuses to load the scripts, as it should.)
      if (javaScriptEnabled) {
        assert.deepEqual(
          problems.filter((p) => !/^400 fetch .*\/account\/profile\.data/.test(p)),
          [],
        );
      }
      await context.close();
    });
  }
});
