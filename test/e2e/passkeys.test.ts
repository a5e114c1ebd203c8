/**
 * Passkeys in a real browser (issue 12 points 5 and 7), with Chromium's virtual authenticator (DevTools
 * protocol: an internal platform authenticator with resident keys and user verification, as a phone's):
 * a customer adds a passkey on the security page and signs in with it, no password typed; a member of staff
 * does the same in the back office and skips the authenticator-code step.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { hashPassword } from '../../src/accounts/passwords.ts';
import { staffUsers } from '../../src/accounts/schema.ts';
import { uuidv7 } from '../../src/shared/ids.ts';
import { GOOD_PASSWORD, verifiedAccount } from '../helpers/accounts-fixtures.ts';
import { acceptedAgreement } from '../helpers/app.ts';
import {
  launchBrowser,
  seriousA11yViolations,
  skipWithoutBrowser,
  startWebServer,
  type WebServer,
  watchPage,
} from './helpers.ts';

/** A page whose browser holds a virtual platform authenticator (the passkeys it makes live in it). */
async function pageWithAuthenticator(context: BrowserContext): Promise<Page> {
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

describe('passkeys in the browser', { skip: skipWithoutBrowser() }, () => {
  let server: WebServer;
  let browser: Browser;

  before(async () => {
    server = await startWebServer({ localhost: true, env: { CUSTOMER_AUTH_PER_MINUTE: '1000' } });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a customer adds a passkey on the security page, signs out, and signs in with it without a password', async () => {
    await verifiedAccount(server, 'ada@example.com');
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await pageWithAuthenticator(context);
    const problems = watchPage(page);

    await page.goto(`${server.url}/account/sign-in`, { waitUntil: 'networkidle' });
    await page.getByRole('textbox', { name: /^Email/ }).fill('ada@example.com');
    await page.getByLabel(/^Password/).fill(GOOD_PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL(`${server.url}/account`);

    await page.goto(`${server.url}/account/security`, { waitUntil: 'networkidle' });
    await page.getByText('You have no passkeys yet.').waitFor();
    // A mistake first: the wrong password is shown at its field, the name kept.
    await page.getByLabel(/^Name of the passkey/).fill('Work laptop');
    await page.getByLabel(/^Your password/).fill('not my password');
    await page.getByRole('button', { name: 'Add a passkey' }).click();
    await page.getByText('The password is not correct').waitFor();
    assert.equal(await page.getByLabel(/^Name of the passkey/).inputValue(), 'Work laptop');
    await page.getByLabel(/^Your password/).fill(GOOD_PASSWORD);
    await page.getByRole('button', { name: 'Add a passkey' }).click();
    await page.getByText('The passkey is added').waitFor();
    const item = page.locator('[data-passkey="Work laptop"]');
    await item.waitFor();
    assert.match((await item.textContent()) ?? '', /Added .* UTC · Not used yet/);
    assert.deepEqual(await seriousA11yViolations(page), [], 'axe on the security page with a passkey');

    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.waitForURL(/\/account\/sign-in/);
    await page.getByRole('button', { name: 'Use a passkey' }).click();
    await page.waitForURL(`${server.url}/account`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.goto(`${server.url}/account/security`, { waitUntil: 'networkidle' });
    assert.match(
      (await page.locator('[data-passkey="Work laptop"]').textContent()) ?? '',
      /Last used .* UTC/,
    );
    // The only failed request is the refusal of the wrong password, on purpose above.
    assert.deepEqual(
      problems.filter((p) => !p.startsWith('400 fetch') || !p.endsWith('/registration/options')),
      [],
    );
    assert.equal(problems.length, 1);
    await context.close();
  });

  it('a member of staff adds a passkey under Your account and signs in with it, with no authenticator code', async () => {
    const email = 'cs@aftercare.test';
    const password = 'a long enough password';
    await server.ctx.db.insert(staffUsers).values({
      id: uuidv7(),
      email,
      name: 'Cass Service',
      passwordHash: await hashPassword(password),
      role: 'customer_service',
      ...acceptedAgreement(),
    });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await pageWithAuthenticator(context);
    await page.goto(`${server.url}/admin/sign-in`, { waitUntil: 'networkidle' });
    await page.getByLabel(/^Email/).fill(email);
    await page.getByLabel(/^Password/).fill(password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL(`${server.url}/admin`);
    await page.goto(`${server.url}/admin/account`, { waitUntil: 'networkidle' });
    await page.getByLabel(/^Name of the passkey/).fill('Desk');
    await page.getByLabel(/^Your password/).fill(password);
    await page.getByRole('button', { name: 'Add a passkey' }).click();
    await page.locator('[data-passkey="Desk"]').waitFor();

    await context.clearCookies();
    await page.goto(`${server.url}/admin/sign-in`, { waitUntil: 'networkidle' });
    await page.getByRole('button', { name: 'Use a passkey' }).click();
    await page.waitForURL(`${server.url}/admin`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await context.close();
  });
});
