/**
 * Screenshots of the passkey screens (issue 12 points 5 and 7) at phone and desktop widths: the customer's
 * sign-in page with "Use a passkey", the security page with a passkey added, and the back office's Your
 * account with the member's passkeys. Chromium's virtual authenticator makes the passkeys.
 *   node --import tsx test/e2e/passkey-screenshots.ts [out-dir]      (npm run screenshots)
 */
import { mkdirSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { hashPassword } from '../../src/accounts/passwords.ts';
import { staffUsers } from '../../src/accounts/schema.ts';
import { uuidv7 } from '../../src/shared/ids.ts';
import { GOOD_PASSWORD, verifiedAccount } from '../helpers/accounts-fixtures.ts';
import { acceptedAgreement } from '../helpers/app.ts';
import { launchBrowser, startWebServer } from './helpers.ts';

const outDir = process.argv[2] ?? 'docs/screenshots';
mkdirSync(outDir, { recursive: true });
const server = await startWebServer({
  localhost: true,
  seed: true,
  env: { CUSTOMER_AUTH_PER_MINUTE: '1000' },
});
const browser = await launchBrowser();
const staffPassword = 'a long enough password';

async function withAuthenticator(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return page;
}

async function shoot(page: Page, name: string, width: number): Promise<void> {
  const path = `${outDir}/${name}-${width}.png`;
  await page.screenshot({ path, fullPage: true });
  console.log(path);
}

try {
  for (const width of [390, 1280]) {
    const email = `ada${width}@example.com`;
    await verifiedAccount(server, email);
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await withAuthenticator(context);
    await page.goto(`${server.url}/account/sign-in`, { waitUntil: 'networkidle' });
    await page.getByRole('button', { name: 'Use a passkey' }).waitFor();
    await shoot(page, 'storefront-passkey-sign-in', width);
    await page.getByRole('textbox', { name: /^Email/ }).fill(email);
    await page.getByLabel(/^Password/).fill(GOOD_PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL(`${server.url}/account`);
    await page.goto(`${server.url}/account/security`, { waitUntil: 'networkidle' });
    await page.getByLabel(/^Name of the passkey/).fill('Work laptop');
    await page.getByLabel(/^Your password/).fill(GOOD_PASSWORD);
    await page.getByRole('button', { name: 'Add a passkey' }).click();
    await page.locator('[data-passkey="Work laptop"]').waitFor();
    await page.locator('[data-passkey="Work laptop"] summary').click();
    await shoot(page, 'storefront-account-passkeys', width);

    const staffEmail = `cs${width}@aftercare.test`;
    await server.ctx.db.insert(staffUsers).values({
      id: uuidv7(),
      email: staffEmail,
      name: 'Cass Service',
      passwordHash: await hashPassword(staffPassword),
      role: 'customer_service',
      ...acceptedAgreement(),
    });
    await page.goto(`${server.url}/admin/sign-in`, { waitUntil: 'networkidle' });
    await page.getByLabel(/^Email/).fill(staffEmail);
    await page.getByLabel(/^Password/).fill(staffPassword);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL(`${server.url}/admin`);
    await page.goto(`${server.url}/admin/account`, { waitUntil: 'networkidle' });
    await page.getByLabel(/^Name of the passkey/).fill('Shop desk');
    await page.getByLabel(/^Your password/).fill(staffPassword);
    await page.getByRole('button', { name: 'Add a passkey' }).click();
    await page.locator('[data-passkey="Shop desk"]').waitFor();
    await shoot(page, 'admin-account-passkeys', width);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
