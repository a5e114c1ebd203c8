/**
 * Deadlines at a glance in a browser (issue 11 point 5): the dashboard's Deadlines panel counts a shop step past
 * its deadline and a customer's deadline that is near and lists both; its overdue count leads to the queue
 * filtered to the shop's overdue steps, whose row says "Overdue" in words beside "Shop: reply by …".
 * Screenshots of the dashboard and the queue at phone and desktop width go to SCREENSHOTS when it is set.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { fixedClock } from '../../src/shared/clock.ts';
import { formatDate } from '../../src/shared/format.ts';
import { DAY_MS } from '../../src/shared/time.ts';
import { deliveredOrder, openCase, staffMove } from '../helpers/cases-fixtures.ts';
import { adminA11yViolations, adminSettled, signInThroughPage } from './admin-helpers.ts';
import { launchBrowser, skipWithoutBrowser, startWebServer, type WebServer, watchPage } from './helpers.ts';

describe('deadlines at a glance in the back office (issue 11 point 5)', {
  skip: skipWithoutBrowser(),
}, () => {
  // The browser keeps cookies by the real date, so "now" is today; the cases were opened four days earlier.
  const today = new Date(Math.floor(Date.now() / 60_000) * 60_000);
  const opened = new Date(today.getTime() - 4 * DAY_MS);
  const clock = fixedClock(opened);
  let server: WebServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let problems: string[];
  let late = ''; // opened four days ago: the shop's reply (3 days) is overdue
  let waiting = ''; // evidence asked for four days ago: the customer's 5 days end tomorrow, which is near
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
    server = await startWebServer({
      clock,
      env: { CASE_RESPONSE_DAYS: '3', CASE_ABANDON_DAYS: '5', CASE_DUE_SOON_DAYS: '2' },
    });
    const owner = await server.staffCookie();
    const order = await deliveredOrder(server, owner, [
      { category: 'smartphone', priceCents: 39_900 },
      { category: 'tablet', priceCents: 49_900 },
    ]);
    late = (await openCase(server, owner, order, order.lineIds[0] as string)).reference;
    const asked = await openCase(server, owner, order, order.lineIds[1] as string);
    waiting = asked.reference;
    await staffMove(server, owner, asked.id, { action: 'request_evidence' });
    clock.set(today);
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

  it('the dashboard’s Deadlines panel counts and lists the overdue shop step and the near customer deadline', async () => {
    await signInThroughPage(page, server.url, '/admin');
    const panel = page.getByRole('region', { name: 'Deadlines' });
    await panel.getByRole('link', { name: late }).waitFor();
    assert.match((await panel.getByRole('link', { name: /shop steps? overdue/ }).textContent()) ?? '', /^1/);
    assert.match(
      (await panel.getByRole('link', { name: /customer deadlines? within 2 days/ }).textContent()) ?? '',
      /^1/,
    );
    const lateRow = panel.getByRole('listitem').filter({ hasText: late });
    const replyBy = `Shop: reply by ${formatDate(new Date(opened.getTime() + 3 * DAY_MS))}`;
    assert.match((await lateRow.textContent()) ?? '', new RegExp(`Opened.*Overdue.*${replyBy}`));
    const waitingRow = panel.getByRole('listitem').filter({ hasText: waiting });
    assert.match((await waitingRow.textContent()) ?? '', /Awaiting evidence.*Near.*Customer: evidence by/);
    assert.deepEqual(await adminA11yViolations(page), [], 'axe on the dashboard');
    await screenshot('admin-dashboard-deadlines');
  });

  it('the overdue count opens the queue filtered to the shop’s overdue steps, each row marked Overdue in words', async () => {
    await page
      .getByRole('region', { name: 'Deadlines' })
      .getByRole('link', { name: /shop steps? overdue/ })
      .click();
    await page.waitForURL((url) => url.searchParams.get('whose') === 'shop');
    await page.getByRole('heading', { level: 1, name: 'After-sales cases' }).waitFor();
    await adminSettled(page);
    const rows = page.getByRole('row').filter({ hasText: /RMA-/ });
    assert.equal(await rows.count(), 1);
    assert.match((await rows.first().textContent()) ?? '', new RegExp(`${late}.*Overdue.*Shop: reply by`));
    assert.equal(await page.getByLabel('Whose deadline').inputValue(), 'shop');
    assert.deepEqual(await adminA11yViolations(page), [], 'axe on the filtered queue');

    await page.goto(`${server.url}/admin/cases`);
    await adminSettled(page);
    const waitingRow = page.getByRole('row').filter({ hasText: waiting });
    assert.match((await waitingRow.textContent()) ?? '', /Near.*Customer: evidence by/);
    await screenshot('admin-cases-deadlines');
    const unexpected = problems.filter(
      (p) => !/^401 fetch .*\/api\/staff\/session/.test(p) && !/status of 401/.test(p),
    );
    assert.deepEqual(unexpected, []);
  });
});
