/**
 * Screenshots of the storefront's main pages, a purchase included (cart, checkout with a mistake, the order
 * page awaiting a transfer and once shipped), at phone and desktop widths:
 *   node --import tsx test/e2e/storefront-screenshots.ts [out-dir]      (npm run screenshots)
 * Serves the demo shop on an in-memory database, like the browser tests.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { launchBrowser, startWebServer } from './helpers.ts';

const outDir = process.argv[2] ?? 'docs/screenshots';
const widths = [390, 1280];

mkdirSync(outDir, { recursive: true });
const server = await startWebServer({ seed: true });
const browser = await launchBrowser();

async function shoot(page: Page, name: string, width: number): Promise<void> {
  // Strings run through the debugger protocol: the page's CSP forbids eval. Lazy images are made eager.
  await page.evaluate(`Promise.race([
    new Promise((done) => setTimeout(done, 5000)),
    Promise.all(Array.from(document.images).map((i) => {
      i.loading = 'eager';
      return i.complete ? null : new Promise((done) => { i.onload = done; i.onerror = done; });
    })),
  ])`);
  const path = `${outDir}/storefront-${name}-${width}.png`;
  await page.screenshot({ path, fullPage: true });
  console.log(path);
}

try {
  const staff = await server.staffCookie();
  for (const width of widths) {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    const visit = async (path: string, name: string) => {
      await page.goto(server.url + path, { waitUntil: 'networkidle' });
      await shoot(page, name, width);
    };
    await visit('/', 'home');
    await visit('/products', 'catalog');
    await visit('/products/nimbus-x2', 'product');
    await visit('/products/nimbus-x1-renewed', 'product-special-terms');

    await page.goto(`${server.url}/products/orbit-one`, { waitUntil: 'networkidle' });
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await page.waitForURL(/\/cart/);
    await page.waitForLoadState('networkidle');
    await shoot(page, 'cart', width);

    await page.goto(`${server.url}/checkout`, { waitUntil: 'networkidle' });
    await page.getByRole('textbox', { name: /^Email/ }).fill('ada@example');
    await page.getByLabel('Full name').fill('Ada Lovelace');
    await page.getByRole('button', { name: 'Place order' }).click();
    await page.getByText('things to fix').waitFor();
    await page.evaluate('window.scrollTo(0, 0)');
    await shoot(page, 'checkout-errors', width);

    await page.getByRole('textbox', { name: /^Email/ }).fill('ada@example.com');
    await page.getByRole('textbox', { name: /^Address/ }).fill('12 Analytical Row');
    await page.getByLabel('Postal code').fill('10001');
    await page.getByLabel('Town or city').fill('New York');
    await page.getByRole('button', { name: 'Place order' }).click();
    await page.waitForURL(/\/orders\/view/);
    await page.waitForLoadState('networkidle');
    await shoot(page, 'order-placed', width);

    // Staff take the money and ship: the customer's page then shows tracking and the timeline.
    const reference = ((await page.getByRole('heading', { level: 1 }).textContent()) ?? '').replace(
      'Order ',
      '',
    );
    const list = await server.app.inject({
      url: `/api/admin/orders?q=${encodeURIComponent(reference)}`,
      headers: { cookie: staff },
    });
    const id = (list.json() as { items: Array<{ id: string }> }).items[0]?.id;
    for (const [action, payload] of [
      ['mark-paid', {}],
      ['ship', { carrier: 'UPS', trackingNumber: '1Z999AA10123456784' }],
    ] as const) {
      const res = await server.app.inject({
        method: 'POST',
        url: `/api/admin/orders/${id}/${action}`,
        headers: { cookie: staff },
        payload,
      });
      if (res.statusCode >= 300) throw new Error(`${action}: ${res.statusCode} ${res.body}`);
    }
    await page.goto(page.url().replace('&placed=1', ''), { waitUntil: 'networkidle' });
    await shoot(page, 'order-shipped', width);

    await visit('/orders/lookup', 'order-lookup');
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
