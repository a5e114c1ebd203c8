/**
 * Screenshots of the customer account pages (sign-up with the strength meter explaining a weak password, the
 * account's orders, sign-in and security with its sessions, the profile's address book with a refused address,
 * checkout with the saved addresses) at phone and desktop widths:
 *   node --import tsx test/e2e/account-screenshots.ts [out-dir]      (npm run screenshots)
 * Serves the demo shop on an in-memory database, like the browser tests; the account is the demo customer
 * linus@example.com, signed up and confirmed through the pages themselves.
 */
import { mkdirSync } from 'node:fs';
import { desc, eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { mailOutbox } from '../../src/messaging/schema.ts';
import { launchBrowser, startWebServer } from './helpers.ts';

const outDir = process.argv[2] ?? 'docs/screenshots';
const widths = [390, 1280];
const email = 'linus@example.com';
const password = 'Tulip orbit canyon-42';

mkdirSync(outDir, { recursive: true });
const server = await startWebServer({ seed: true, seedCases: true });
const browser = await launchBrowser();

async function shoot(page: Page, name: string, width: number): Promise<void> {
  const path = `${outDir}/storefront-${name}-${width}.png`;
  await page.screenshot({ path, fullPage: true });
  console.log(path);
}

async function verifyLink(): Promise<string> {
  const [mail] = await server.ctx.db
    .select({ textBody: mailOutbox.textBody })
    .from(mailOutbox)
    .where(eq(mailOutbox.toAddress, email))
    .orderBy(desc(mailOutbox.id))
    .limit(1);
  const found = /\/account\/verify\?token=[^\s"<>)]+/.exec(mail?.textBody ?? '');
  if (!found) throw new Error('no verification email');
  return server.url + found[0];
}

try {
  for (const width of widths) {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/account/sign-up`, { waitUntil: 'networkidle' });
    await page.getByRole('textbox', { name: /^Name/ }).fill('Linus Berg');
    await page.getByRole('textbox', { name: /^Email/ }).fill(email);
    await page.getByLabel(/^Password/).pressSequentially('linus2024', { delay: 20 });
    await page
      .getByTestId('password-meter')
      .getByText(/Strength:/)
      .waitFor();
    await shoot(page, 'account-sign-up', width);

    if (width === widths[0]) {
      await page.getByLabel(/^Password/).fill(password);
      await page.getByRole('button', { name: 'Create account' }).click();
      await page.getByRole('heading', { level: 1, name: 'Check your email' }).waitFor();
      await page.goto(await verifyLink(), { waitUntil: 'networkidle' });
      await page.getByRole('button', { name: 'Confirm my email address' }).click();
      await page.getByText('Your email address is confirmed').waitFor();
    } else {
      await page.goto(`${server.url}/account/sign-in`, { waitUntil: 'networkidle' });
    }
    await page.getByRole('textbox', { name: /^Email/ }).fill(email);
    await shoot(page, 'account-sign-in', width);
    await page.getByLabel(/^Password/).fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
    await page.waitForLoadState('networkidle');
    await shoot(page, 'account', width);

    await page.goto(`${server.url}/account/security`, { waitUntil: 'networkidle' });
    await page.getByLabel(/^Current password/).fill(password);
    await page.getByLabel(/^New password/).pressSequentially('qwerty123', { delay: 20 });
    await page
      .getByTestId('password-meter')
      .getByText(/Strength:/)
      .waitFor();
    await shoot(page, 'account-security', width);

    // The address book: a wrong postal code and a country's rule refused at the fields, then two addresses.
    await page.goto(`${server.url}/account/profile`, { waitUntil: 'networkidle' });
    if (width === widths[0]) {
      const form = page.getByRole('form', { name: 'Add an address' });
      await form.getByLabel(/^Full name/).fill('Linus Berg');
      await form.getByLabel(/^Address/).fill('Drottninggatan 12');
      await form.getByLabel(/^Postal code/).fill('1234');
      await form.getByLabel(/^Town or city/).fill('Stockholm');
      await form.getByLabel(/^Country/).selectOption('SE');
      await form.getByRole('button', { name: 'Add the address' }).click();
      await page
        .getByText(/such as/)
        .first()
        .waitFor();
      await page.getByRole('heading', { name: 'Add an address' }).scrollIntoViewIfNeeded();
      await shoot(page, 'account-address-errors', width);
      await form.getByLabel(/^Postal code/).fill('111 52');
      await form.getByRole('button', { name: 'Add the address' }).click();
      await page.getByText('The address is saved').waitFor();
      await form.getByLabel(/^Full name/).fill('Linus Berg (work)');
      await form.getByLabel(/^Address/).fill('1 Infinite Loop');
      await form.getByLabel(/^Postal code/).fill('95014');
      await form.getByLabel(/^Town or city/).fill('Cupertino');
      await form.getByLabel(/^State/).fill('CA');
      await form.getByLabel(/^Country/).selectOption('US');
      await form.getByRole('button', { name: 'Add the address' }).click();
      await page.getByText('The address is saved').waitFor();
    }
    await page.waitForLoadState('networkidle');
    await shoot(page, 'account-profile', width);

    // Checkout offers the saved addresses, the default chosen.
    await page.goto(`${server.url}/products/orbit-one`, { waitUntil: 'networkidle' });
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await page.waitForURL(/\/cart/);
    await page.goto(`${server.url}/checkout`, { waitUntil: 'networkidle' });
    await shoot(page, 'checkout-saved-addresses', width);
    await page.getByLabel('A new address').check();
    await shoot(page, 'checkout-new-address', width);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
