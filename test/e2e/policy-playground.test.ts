/**
 * The policy playground in a browser (issue 11 point 3): a member of staff opens it from the navigation, types
 * a claim (a delivery before its shipment is refused at the delivery field, keeping what was typed), reads the
 * live version's answer with its clause IDs, compares it with version 1 side by side (version 2 gives 7 days for
 * a dead-on-arrival claim, AS-DOA-1), copies the explanation for a reply, and fills the form from a real order.
 * Screenshots at phone and desktop width go to SCREENSHOTS when it is set.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { defaultPolicySettings } from '../../src/aftersales/policy.ts';
import { formatDate } from '../../src/shared/format.ts';
import { type DeliveredOrder, deliveredOrder, staffRequest } from '../helpers/cases-fixtures.ts';
import { adminA11yViolations, adminSettled, signInThroughPage } from './admin-helpers.ts';
import { launchBrowser, skipWithoutBrowser, startWebServer, type WebServer, watchPage } from './helpers.ts';

describe('staff try claims in the policy playground', { skip: skipWithoutBrowser() }, () => {
  let server: WebServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let problems: string[];
  let order: DeliveredOrder;
  const shots = process.env.SCREENSHOTS;

  async function screenshot(name: string) {
    if (!shots) return;
    mkdirSync(shots, { recursive: true });
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await adminSettled(page);
      await page.screenshot({ path: join(shots, `${name}-${width}.png`), fullPage: true });
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  }

  before(async () => {
    server = await startWebServer();
    const owner = await server.staffCookie();
    const saved = await staffRequest(server, owner, 'POST', '/api/admin/policy/versions', {
      settings: { ...defaultPolicySettings, doaDaysAfterDelivery: 7 },
      reason: 'A longer dead-on-arrival window for the holidays.',
    });
    assert.equal(saved.statusCode, 201, saved.body);
    order = await deliveredOrder(server, owner, [
      { name: 'Playground band', category: 'wearable', priceCents: 7_900 },
    ]);
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    page = await context.newPage();
    problems = watchPage(page);
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it('refuses a delivery before its shipment at the field, then shows the answer with its clauses under two versions side by side', async () => {
    await signInThroughPage(page, server.url, '/admin');
    await page.getByRole('link', { name: 'Policy playground' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Policy playground' }).waitFor();
    await adminSettled(page);
    // The live version is preselected.
    assert.equal(await page.getByLabel('Judge by').inputValue(), '2');

    await page.getByLabel('What happened').selectOption('dead_on_arrival');
    await page.getByLabel('Shipped (UTC)').fill('2026-01-10T10:00');
    await page.getByLabel('Delivered (UTC)').fill('2026-01-09T10:00');
    await page.getByLabel('Claim opened (UTC)').fill('2026-01-17T10:00');
    await page.getByLabel('Price paid (US$)').fill('499.00');
    await page.getByLabel('Troubleshooting done and the issue persists').check();
    await page.getByRole('button', { name: 'Ask the policy' }).click();
    await page.getByText('The delivery date is before the shipment date.').waitFor();
    assert.equal(await page.getByLabel('Delivered (UTC)').getAttribute('aria-invalid'), 'true');
    assert.equal(await page.getByLabel('Delivered (UTC)').inputValue(), '2026-01-09T10:00');

    await page.getByLabel('Delivered (UTC)').fill('2026-01-12T10:00');
    await page.getByLabel('Compare with').selectOption('1');
    await page.getByRole('button', { name: 'Ask the policy' }).click();
    const answers = page.getByRole('region', { name: "The policy's answers" });
    const live = answers.locator('section').filter({ hasText: 'Version 2 (live)' });
    const earlier = answers.locator('section').filter({ hasText: 'Version 1' });
    await live.getByText('Eligible', { exact: true }).waitFor();
    await earlier.getByText('Not eligible').waitFor();
    assert.match((await live.textContent()) ?? '', /AS-DOA-1.*within the 7 days allowed/s);
    assert.match((await earlier.textContent()) ?? '', /AS-DOA-1.*3 days/s);
    assert.match((await live.textContent()) ?? '', /Replacement, Refund/i);
    assert.match((await live.textContent()) ?? '', /Front of the package \(required\)/);
    assert.deepEqual(await adminA11yViolations(page), [], 'axe on the playground');
    await screenshot('admin-playground');
  });

  it('copies the explanation as plain text for a reply, without clause IDs', async () => {
    const live = page
      .getByRole('region', { name: "The policy's answers" })
      .locator('section')
      .filter({ hasText: 'Version 2 (live)' });
    await live.getByRole('button', { name: 'Copy the explanation of version 2' }).click();
    await live.getByRole('status').getByText('Copied').waitFor();
    const copied = await page.evaluate(() =>
      (
        globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }
      ).navigator.clipboard.readText(),
    );
    assert.match(copied, /^The policy covers this claim\.\n/);
    assert.match(copied, /- Reported on 17 Jan 2026, 5 days after delivery on 12 Jan 2026/);
    assert.doesNotMatch(copied, /AS-[A-Z]+-\d/);
  });

  it('fills the form from a real order: its dates, price and category', async () => {
    await page.getByLabel('Order reference').fill(order.reference.toLowerCase());
    await page.getByRole('button', { name: 'Fill the form' }).click();
    await page.getByText(`Filled from ${order.reference}: Playground band`).waitFor();
    assert.equal(await page.getByLabel('Price paid (US$)').inputValue(), '79.00');
    assert.equal(await page.getByLabel('Category').inputValue(), 'wearable');
    await page.getByRole('button', { name: 'Ask the policy' }).click();
    await page
      .getByRole('region', { name: "The policy's answers" })
      .locator('section')
      .filter({ hasText: 'Version 2 (live)' })
      .getByText(new RegExp(`delivery on ${formatDate(new Date())}`))
      .waitFor();

    await page.getByLabel('Order reference').fill('AC-99-99999');
    await page.getByRole('button', { name: 'Fill the form' }).click();
    await page.getByText('No order AC-99-99999').waitFor();
    // Expected: the session check before signing in (401), the refused dates (400), the unknown order (404).
    const unexpected = problems.filter(
      (p) =>
        !/^401 fetch .*\/api\/staff\/session/.test(p) &&
        !/status of (401|400|404)/.test(p) &&
        !/^400 fetch .*\/api\/admin\/policy\/assess$/.test(p) &&
        !/^404 fetch .*\/api\/admin\/policy\/assess\/from-order/.test(p),
    );
    assert.deepEqual(unexpected, []);
  });
});
