import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext } from 'playwright-core';
import {
  launchBrowser,
  seriousA11yViolations,
  skipWithoutBrowser,
  startWebServer,
  type WebServer,
  watchPage,
} from './helpers.ts';

describe('storefront shell in a browser', { skip: skipWithoutBrowser() }, () => {
  let server: WebServer;
  let browser: Browser;
  let context: BrowserContext;

  before(async () => {
    server = await startWebServer({ seed: true });
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it('the home page is HTML from the server, before any script runs', async () => {
    const res = await fetch(`${server.url}/`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
    const html = await res.text();
    assert.match(html, /<title>Aftercare<\/title>/);
    assert.match(html, /<h1[^>]*>Electronics with after-sales promises you can check<\/h1>/);
    const csp = res.headers.get('content-security-policy') ?? '';
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    assert.ok(nonce, `a nonce in the CSP: ${csp}`);
    assert.ok(html.includes(`nonce="${nonce}"`), 'the inline scripts carry the same nonce');
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
  });

  it('hydrates: links then navigate without reloading the page, with no console errors', async () => {
    const page = await context.newPage();
    const problems = watchPage(page);
    await page.goto(`${server.url}/`, { waitUntil: 'networkidle' });
    await page.evaluate(() => {
      (globalThis as unknown as { marker: string }).marker = 'same document';
    });
    await page.getByRole('link', { name: 'After-sales and warranty' }).click();
    await page.getByRole('heading', { level: 1, name: 'After-sales and warranty' }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/policies/after-sales');
    const marker = await page.evaluate(() => (globalThis as unknown as { marker?: string }).marker);
    assert.equal(marker, 'same document', 'client-side navigation, so React had hydrated');
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('Enter while the typed search is still loading waits for it: no interrupted request, no console error', async () => {
    const page = await context.newPage();
    const problems = watchPage(page);
    await page.goto(`${server.url}/`, { waitUntil: 'networkidle' });
    // A slow answer, as on a busy server: the search the typing started is still on its way when Enter comes.
    let asked = 0;
    await page.route(/\/search\.data/, async (route) => {
      asked += 1;
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    const box = page.getByRole('searchbox', { name: 'Search products' });
    await box.fill('nimbus');
    await page.waitForRequest(/\/search\.data/);
    await box.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Results for “nimbus”' }).waitFor();
    assert.equal(asked, 1, 'one request for one search');
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('the home page lists the demo products, and the header search finds them', async () => {
    const page = await context.newPage();
    const problems = watchPage(page);
    await page.goto(`${server.url}/`, { waitUntil: 'networkidle' });
    const newArrivals = page.getByRole('region', { name: 'New arrivals' });
    assert.ok((await newArrivals.getByRole('article').count()) > 0, 'products under New arrivals');
    await page.getByRole('searchbox', { name: 'Search products' }).fill('nimbus');
    await page.getByRole('searchbox', { name: 'Search products' }).press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Results for “nimbus”' }).waitFor();
    const names = await page.getByRole('article').getByRole('heading').allInnerTexts();
    assert.ok(names.length > 0 && names.every((n) => /nimbus/i.test(n)), names.join(', '));
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('an unknown address answers 404 with the not-found page', async () => {
    const page = await context.newPage();
    const response = await page.goto(`${server.url}/no-such-page/anywhere`);
    assert.equal(response?.status(), 404);
    await page.getByRole('heading', { level: 1, name: 'We can’t find that page' }).waitFor();
    assert.match(await page.title(), /^Page not found · Aftercare$/);
    await page.close();
  });

  it('the API still answers JSON 404 for unknown /api addresses', async () => {
    const res = await fetch(`${server.url}/api/no-such-thing`);
    assert.equal(res.status, 404);
    assert.match(res.headers.get('content-type') ?? '', /application\/json/);
  });

  for (const path of ['/', '/no-such-page', '/search?q=watch']) {
    it(`axe finds no serious or critical accessibility problem on ${path}`, async () => {
      const page = await context.newPage();
      await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
      assert.deepEqual(await seriousA11yViolations(page), []);
      await page.close();
    });
  }
});
