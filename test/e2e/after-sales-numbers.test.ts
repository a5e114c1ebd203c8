/**
 * The owner's after-sales numbers in the back office (issue 11 point 4) on the demo shop with its cases: the
 * page is reached from the navigation and shows each section's table with the API's figures and a chart; a
 * range that ends before it starts is explained at the "To" field with what was typed kept (the API's 400
 * naming `to`); a section's CSV downloads with its header row; the filters stay in the address. Customer
 * service gets no link and the page says it is the owner's. No console error (a CSP refusal is one).
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import type { NumbersResponse } from '../../src/aftersales/numbers/numbers.schemas.ts';
import { formatUsd } from '../../src/shared/format.ts';
import { signedInMember } from '../helpers/app.ts';
import {
  adminA11yViolations,
  adminSettled,
  type BackOffice,
  openBackOffice,
  signInThroughPage,
} from './admin-helpers.ts';
import { skipWithoutBrowser, type WebServer, watchPage } from './helpers.ts';

describe('after-sales numbers in the back office (issue 11 point 4)', { skip: skipWithoutBrowser() }, () => {
  let server: WebServer;
  let backOffice: BackOffice;
  let page: Page;
  let problems: string[];

  const numbers = async (query = ''): Promise<NumbersResponse> => {
    const res = await server.app.inject({
      url: `/api/admin/after-sales/numbers${query}`,
      headers: { cookie: await server.staffCookie() },
    });
    assert.equal(res.statusCode, 200, res.body);
    return res.json() as NumbersResponse;
  };
  const section = (title: string) => page.getByRole('region', { name: title, exact: true });
  const tableCells = (caption: RegExp, column: number) =>
    page.getByRole('table', { name: caption }).locator(`tbody tr > :nth-child(${column})`).allTextContents();

  before(async () => {
    backOffice = await openBackOffice('/admin', { seed: true, seedCases: true });
    ({ server, page, problems } = backOffice);
  });
  after(async () => backOffice?.close());

  it('the owner reaches it from the navigation and reads every section as a table and a chart', async () => {
    await page
      .getByRole('navigation', { name: 'Back office' })
      .getByRole('link', { name: 'After-sales numbers' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'After-sales numbers' }).waitFor();
    await page.getByRole('table', { name: /^Cases opened per month by kind/ }).waitFor();
    await adminSettled(page);
    const api = await numbers();
    const totalCases = api.cases.reduce((sum, c) => sum + c.count, 0);
    assert.ok(totalCases > 0, 'the demo shop has cases in the last 12 months');

    // Every month of the range is a row; the "All kinds" column adds up to the API's cases.
    const monthTotals = await tableCells(
      /^Cases opened per month by kind/,
      1 + 1 + new Set(api.cases.map((c) => c.kind)).size,
    );
    assert.equal(monthTotals.length, api.months.length);
    assert.equal(
      monthTotals.reduce((sum, v) => sum + Number(v), 0),
      totalCases,
    );

    const outcomes = await tableCells(/^Cases by outcome/, 2);
    assert.equal(
      outcomes.reduce((sum, v) => sum + Number(v), 0),
      totalCases,
    );

    // Time to resolution in days and hours, from the API's hours.
    assert.ok(api.resolutionTime.medianHours !== null, 'the demo has resolved cases');
    await page
      .getByRole('row', { name: /^Median/ })
      .getByText(`${new Intl.NumberFormat('en-US').format(api.resolutionTime.medianHours)} hours`)
      .waitFor();

    // Money through the shared formatter: the totals row and the sales figure.
    const costs = section('After-sales cost against sales');
    await costs
      .getByRole('row', { name: /^Total/ })
      .getByText(formatUsd(api.totals.salesCents))
      .first()
      .waitFor();
    assert.equal(
      await costs
        .locator('dt', { hasText: /^Sales$/ })
        .locator('xpath=following-sibling::dd')
        .textContent(),
      formatUsd(api.totals.salesCents),
    );

    // The product claimed most, and each declining clause with the policy's words.
    const top = api.products[0];
    assert.ok(top, 'the demo has products with claims');
    await page
      .getByRole('table', { name: /^Products with the most claims/ })
      .getByRole('rowheader', { name: top.name })
      .first()
      .waitFor();
    const clause = api.declined.byClause[0];
    assert.ok(clause, 'the demo has a declined claim');
    const clauseRow = page
      .getByRole('table', { name: /^Declined claims by clause/ })
      .getByRole('row', { name: new RegExp(`^${clause.clause}`) });
    const words = (await clauseRow.locator('td').first().textContent()) ?? '';
    assert.ok(
      words.length > 20 && !words.startsWith('Not a clause'),
      `${clause.clause} is shown with its words: ${words}`,
    );

    // Each chart is a canvas with a summary for screen readers.
    const charts = page.locator('canvas[role="img"]');
    assert.ok((await charts.count()) >= 5, 'a chart per section');
    assert.match((await charts.first().getAttribute('aria-label')) ?? '', /cases opened per month by kind/i);
    assert.deepEqual(await adminA11yViolations(page), []);
    // On a phone the wide tables scroll sideways, and a keyboard can scroll them too.
    await page.setViewportSize({ width: 390, height: 900 });
    assert.deepEqual(await adminA11yViolations(page), []);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('a range that ends before it starts is explained at the "To" field and keeps what was typed', async () => {
    await page.getByLabel('From', { exact: true }).fill('2026-05-01');
    await page.getByLabel('To', { exact: true }).fill('2026-01-01');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.getByText('The “To” date must be on or after from (2026-05-01).').waitFor();
    const to = page.getByLabel('To', { exact: true });
    assert.equal(await to.inputValue(), '2026-01-01');
    assert.equal(await page.getByLabel('From', { exact: true }).inputValue(), '2026-05-01');
    assert.equal(await to.getAttribute('aria-invalid'), 'true');
    assert.match((await to.getAttribute('aria-describedby')) ?? '', /-error/);
    assert.equal(await page.locator('canvas').count(), 0, 'no figures for a range that is not one');
    assert.deepEqual(await adminA11yViolations(page), []);
  });

  it('the filters live in the address, so a reloaded view keeps its range and category', async () => {
    const api = await numbers();
    await page.getByLabel('From', { exact: true }).fill(api.from);
    await page.getByLabel('To', { exact: true }).fill(api.to);
    await page.getByLabel('Category').selectOption('smartphone');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL((url) => url.searchParams.get('category') === 'smartphone');
    await page.reload({ waitUntil: 'networkidle' });
    await page.getByRole('table', { name: /^Cases opened per month by kind, Phones/ }).waitFor();
    await adminSettled(page);
    assert.equal(await page.getByLabel('Category').inputValue(), 'smartphone');
    assert.equal(await page.getByLabel('From', { exact: true }).inputValue(), api.from);
    const phones = await numbers(`?from=${api.from}&to=${api.to}&category=smartphone`);
    assert.ok(phones.products.every((p) => p.category === 'smartphone'));
    const names = await page
      .getByRole('table', { name: /^Products with the most claims/ })
      .getByRole('rowheader')
      .allTextContents();
    assert.deepEqual(
      names,
      phones.products.map((p) => p.name),
    );
  });

  it('each section downloads its table as CSV with the filters on screen', async () => {
    const link = section('Cases per month by kind').getByRole('link', { name: 'Download CSV' });
    const href = (await link.getAttribute('href')) ?? '';
    assert.match(href, /^\/api\/admin\/after-sales\/numbers\.csv\?/);
    assert.equal(new URL(href, server.url).searchParams.get('table'), 'cases');
    assert.equal(new URL(href, server.url).searchParams.get('category'), 'smartphone');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const text = await readFile((await download.path()) as string, 'utf8');
    assert.equal(text.split('\r\n')[0], 'month,kind,state,resolution,cases');
    assert.match(
      download.suggestedFilename(),
      /^after-sales-cases-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/,
    );

    const costs = section('After-sales cost against sales').getByRole('link', { name: 'Download CSV' });
    const [costsDownload] = await Promise.all([page.waitForEvent('download'), costs.click()]);
    const costsText = await readFile((await costsDownload.path()) as string, 'utf8');
    assert.match(costsText.split('\r\n')[0] ?? '', /^month,sales_usd,refunds_usd,/);
  });

  it('customer service gets no link, and the page says it is the owner’s', async () => {
    const email = 'cs-numbers@aftercare.test';
    const member = await signedInMember(server, email, 'Casey', 'customer_service');
    const refused = await server.app.inject({
      url: '/api/admin/after-sales/numbers',
      headers: { cookie: member.cookie },
    });
    assert.equal(refused.statusCode, 403);
    const context = await backOffice.browser.newContext({ viewport: { width: 390, height: 900 } });
    try {
      const cs = await context.newPage();
      const csProblems = watchPage(cs);
      await signInThroughPage(cs, server.url, '/admin', { email, password: 'a long enough password' });
      await cs.getByRole('button', { name: 'Menu' }).click();
      const nav = cs.getByRole('navigation', { name: 'Back office' });
      await nav.getByRole('link', { name: 'Cases' }).waitFor();
      assert.equal(await nav.getByRole('link', { name: 'After-sales numbers' }).count(), 0);

      await cs.goto(`${server.url}/admin/numbers`, { waitUntil: 'networkidle' });
      await adminSettled(cs);
      await cs.getByText('This page is for the shop’s owner').waitFor();
      assert.equal(await cs.getByRole('table').count(), 0);
      assert.deepEqual(await adminA11yViolations(cs), []);
      assert.deepEqual(
        csProblems.filter((p) => !/^401 fetch .*\/api\/staff\/session$/.test(p)),
        [],
        'no request for the numbers, no console error',
      );
    } finally {
      await context.close();
    }
  });

  it('had no console error, CSP refusal or failed request on the way', () => {
    // The sign-in page first asks for a session and gets 401: that is how it knows to show the form. The
    // range that ends before it starts is refused with the 400 the page shows at the field.
    const expected = [
      /^401 fetch .*\/api\/staff\/session$/,
      /^400 fetch .*numbers\?from=2026-05-01&to=2026-01-01$/,
    ];
    assert.deepEqual(
      problems.filter((p) => !expected.some((e) => e.test(p))),
      [],
    );
  });
});
