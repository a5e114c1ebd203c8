/**
 * Staff two-factor sign-in in the browser (issue 12 point 3): the owner is made to set up an authenticator
 * before anything else (QR code and key shown, the first code confirms, recovery codes shown once), then signs
 * in with the password and a code from the app; a wrong code is shown at its field and becomes a security
 * event that customer service or the owner marks reviewed.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { totpCodeAt } from '../../src/accounts/second-factor/totp.rules.ts';
import { OWNER_EMAIL, OWNER_PASSWORD } from '../helpers/app.ts';
import { adminA11yViolations, adminSettled } from './admin-helpers.ts';
import { launchBrowser, skipWithoutBrowser, startWebServer, type WebServer, watchPage } from './helpers.ts';

describe('staff sign-in with an authenticator app', { skip: skipWithoutBrowser() }, () => {
  let server: WebServer;
  let close: () => Promise<void>;
  let page: Page;
  let problems: string[];
  let secret = '';

  before(async () => {
    server = await startWebServer();
    const browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    problems = watchPage(page);
    close = async () => {
      await context.close();
      await browser.close();
      await server.close();
    };
  });
  after(async () => close?.());

  const now = () => server.ctx.clock.now().getTime();
  const signInWithPassword = async () => {
    await page.goto(`${server.url}/admin/sign-in?next=%2Fadmin%2Forders`, { waitUntil: 'networkidle' });
    await page.getByLabel('Email').fill(OWNER_EMAIL);
    await page.getByLabel('Password').fill(OWNER_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
  };

  it('the owner sets up the authenticator before the back office opens: QR code, key, first code, recovery codes', async () => {
    await signInWithPassword();
    await page.getByRole('heading', { level: 1, name: 'Set up two-factor sign-in' }).waitFor();
    // Nothing else of the back office is offered yet.
    assert.equal(await page.getByRole('navigation', { name: 'Back office' }).getByRole('link').count(), 1);
    await page.getByRole('button', { name: 'Set up an authenticator app' }).click();
    const qr = page.getByRole('img', { name: 'QR code holding your authenticator key' });
    await qr.waitFor();
    assert.match((await qr.getAttribute('src')) ?? '', /^data:image\/svg\+xml;base64,/);
    secret = (await page.locator('[data-totp-secret]').getAttribute('data-totp-secret')) ?? '';
    assert.match(secret, /^[A-Z2-7]{32}$/);
    assert.deepEqual(await adminA11yViolations(page), []);

    await page.getByLabel('Code from the app').fill('12345');
    await page.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
    await page.getByText('Enter the 6 digits your authenticator app shows').waitFor();
    await page.getByLabel('Code from the app').fill(totpCodeAt(secret, now()));
    await page.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
    await page.getByText('Two-factor sign-in is on').waitFor();
    assert.equal(await page.locator('[data-recovery-codes] li').count(), 10);
    await page.getByRole('button', { name: 'I have kept my recovery codes' }).click();
    await page.getByRole('heading', { level: 1, name: 'Orders' }).waitFor();
    await adminSettled(page);
  });

  it('signing in again asks for the code after the password; a wrong code is shown at its field', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL((url) => url.pathname === '/admin/sign-in');
    // The next 30-second step: the code used to confirm the app cannot sign in again.
    await new Promise((resolve) => setTimeout(resolve, 30_000 - (now() % 30_000) + 200));
    await signInWithPassword();
    const code = page.getByLabel('Code from your authenticator app');
    await code.waitFor();
    const right = totpCodeAt(secret, now());
    await code.fill(right === '000000' ? '111111' : '000000');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText(/That code is not right/).waitFor();
    assert.equal(await code.getAttribute('aria-invalid'), 'true');
    assert.deepEqual(await adminA11yViolations(page), []);
    await code.fill(totpCodeAt(secret, now()));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Orders' }).waitFor();
    await adminSettled(page);
  });

  it('the wrong code is a security event, counted in the navigation and marked reviewed', async () => {
    const nav = page.getByRole('navigation', { name: 'Back office' });
    await nav.getByRole('link', { name: /^Security events\s*1 to review$/ }).waitFor();
    await nav.getByRole('link', { name: /Security events/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Security events' }).waitFor();
    await adminSettled(page);
    const row = page.locator('[data-security-event]').first();
    await row.getByText('Wrong or reused two-factor code').waitFor();
    await row.getByText(OWNER_EMAIL).waitFor();
    await row.getByText('127.0.0.1').waitFor();
    assert.deepEqual(await adminA11yViolations(page), []);
    await row.getByRole('button', { name: 'Mark reviewed' }).click();
    await row.getByText(/Reviewed by Shop owner/).waitFor();
    await nav.getByRole('link', { name: /^Security events$/ }).waitFor();
    assert.deepEqual(
      problems.filter((p) => !/\b4\d\d\b/.test(p)),
      [],
    );
  });
});
