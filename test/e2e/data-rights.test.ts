/**
 * The customer's data rights in a real browser (PV-RGT-1, PV-ACC-4): "Download my data" saves a JSON file of
 * the account; "Delete my account" first says what it stops (an open case, by reference), refuses a wrong
 * password at its field, then deletes and signs out. The deletion runs with JavaScript turned off. The pages
 * are photographed at 390 and 1280 px (docs/screenshots).
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { runOnce } from '../../src/jobs/job-runs.ts';
import { runRetention } from '../../src/privacy/retention.ts';
import { projectRoot } from '../../src/shared/paths.ts';
import { GOOD_PASSWORD, verifiedAccount } from '../helpers/accounts-fixtures.ts';
import { type DeliveredOrder, deliveredOrder, openCase } from '../helpers/cases-fixtures.ts';
import { adminA11yViolations, signInThroughPage } from './admin-helpers.ts';
import {
  launchBrowser,
  seriousA11yViolations,
  skipWithoutBrowser,
  startWebServer,
  type WebServer,
  watchPage,
} from './helpers.ts';

const shots = join(projectRoot, 'docs', 'screenshots');

describe('data rights in the browser', { skip: skipWithoutBrowser() }, () => {
  let server: WebServer;
  let browser: Browser;
  let order: DeliveredOrder;
  let caseRef: string;

  before(async () => {
    server = await startWebServer({ env: { CUSTOMER_AUTH_PER_MINUTE: '1000' } });
    browser = await launchBrowser();
    const owner = await server.staffCookie();
    order = await deliveredOrder(server, owner, [{}], 'delivered', 'grace@example.com');
    caseRef = (await openCase(server, owner, order, order.lineIds[0] as string)).reference;
    await verifiedAccount(server, 'grace@example.com', GOOD_PASSWORD, 'Grace Hopper');
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  async function signIn(page: Page, email: string): Promise<void> {
    await page.goto(`${server.url}/account/sign-in?next=/account/data`, { waitUntil: 'networkidle' });
    await page.getByRole('textbox', { name: /^Email/ }).fill(email);
    await page.getByLabel(/^Password/).fill(GOOD_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your data' }).waitFor();
  }

  it('PV-RGT-1: "Download my data" saves a JSON file with the account, its orders and cases', async () => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    const problems = watchPage(page);
    await signIn(page, 'grace@example.com');
    assert.deepEqual(await seriousA11yViolations(page), [], 'axe on Your data');
    await page.screenshot({ path: join(shots, 'storefront-account-data-1280.png'), fullPage: true });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download my data' }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^my-data-\d{4}-\d{2}-\d{2}\.json$/);
    const file = JSON.parse(await readFile((await download.path()) as string, 'utf8')) as {
      profile: { email: string; name: string };
      orders: Array<{ reference: string }>;
      cases: Array<{ reference: string }>;
    };
    assert.equal(file.profile.email, 'grace@example.com');
    assert.equal(file.profile.name, 'Grace Hopper');
    assert.deepEqual(
      file.orders.map((o) => o.reference),
      [order.reference],
    );
    assert.deepEqual(
      file.cases.map((c) => c.reference),
      [caseRef],
    );
    // A wrong password is refused at its field, with JavaScript.
    await page.getByLabel(/^Your password/).fill('not the password');
    await page.getByRole('button', { name: 'Delete my account' }).click();
    await page.getByText('The password is not correct').waitFor();
    // The refused form answers 400: nothing else went wrong.
    assert.deepEqual(
      problems.filter((p) => !/^400 fetch .*\/account\/data\.data/.test(p)),
      [],
    );
    await context.close();
  });

  it('PV-RGT-1, PV-ACC-4: deleting warns about the open case first, refuses an empty password, then deletes and signs out (no JavaScript)', async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      javaScriptEnabled: false,
    });
    const page = await context.newPage();
    await signIn(page, 'grace@example.com');
    const warning = page.getByRole('status').filter({ hasText: 'Deleting your account stops' });
    await warning.getByText(`Case ${caseRef}`).waitFor();
    await warning.getByText('your claim is withdrawn').waitFor();
    await page.screenshot({ path: join(shots, 'storefront-account-data-390.png'), fullPage: true });
    for (const width of [390, 320]) {
      await page.setViewportSize({ width, height: 844 });
      assert.ok(
        await page.evaluate(() => {
          const view = globalThis as unknown as {
            innerWidth: number;
            document: { documentElement: { scrollWidth: number } };
          };
          return view.document.documentElement.scrollWidth <= view.innerWidth;
        }),
        `no sideways scrolling at ${width} px`,
      );
    }

    await page.getByRole('button', { name: 'Delete my account' }).click();
    await page.getByText('Enter your password to confirm').waitFor();
    await page.getByLabel(/^Your password/).fill(GOOD_PASSWORD);
    await page.getByRole('button', { name: 'Delete my account' }).click();
    await page.getByText('Your account is deleted').waitFor();
    await page.goto(`${server.url}/account/data`);
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await context.close();
  });

  it('the back office lists the job runs (owner)', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await runOnce(server.ctx, 'privacy.retention', () => runRetention(server.ctx));
    await signInThroughPage(page, server.url, '/admin/jobs');
    assert.deepEqual(await adminA11yViolations(page), [], 'axe on Background jobs');
    await page.getByText('Retention: old data, idle accounts, old evidence').first().waitFor();
    await page.getByText('idle accounts · warned').first().waitFor();
    await page.screenshot({ path: join(shots, 'admin-jobs-1280.png'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: join(shots, 'admin-jobs-390.png'), fullPage: true });
    await context.close();
  });
});
