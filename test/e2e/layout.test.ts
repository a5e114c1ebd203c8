/**
 * Layout on a phone (390 px, and 320 px for the narrowest phones still sold): whatever people type or name
 * (a 300-character search, product name, email, address) wraps or is cut short inside its box and never
 * makes a page scroll sideways; back-office tables scroll inside their own frame; breadcrumbs end at the
 * current page; the home page shows a product on the first screen; the catalogue's price errors sit under
 * their own field.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { CheckoutResponse } from '../../src/orders/schemas.ts';
import { addToCart, checkoutPayload, createProduct, placeOrder } from '../helpers/orders-fixtures.ts';
import { adminSettled, signInThroughPage } from './admin-helpers.ts';
import { launchBrowser, skipWithoutBrowser, startWebServer, type WebServer, watchPage } from './helpers.ts';

const LONG = 'x'.repeat(300);
/** Long and without a single space, within what each field accepts. */
const longName = `Ada${'L'.repeat(196)}`;
const longEmail = `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.example.com`;

interface Viewport {
  scrollWidth: number;
  innerWidth: number;
}

/** Page width against the window's, and the widest element that sticks out (to name it when it fails). */
async function widthOf(page: Page): Promise<Viewport & { culprit: string }> {
  return page.evaluate(() => {
    const doc = (globalThis as unknown as { document: PageDocument }).document;
    const win = globalThis as unknown as { innerWidth: number };
    let culprit = '';
    let widest = win.innerWidth;
    const getStyle = (globalThis as unknown as { getComputedStyle(e: unknown): { overflowX: string } })
      .getComputedStyle;
    for (const el of doc.querySelectorAll('body *')) {
      const right = el.getBoundingClientRect().right;
      // Inside a frame that scrolls or clips sideways, sticking out is that frame's business.
      let framed = false;
      for (let p = el.parentElement; p && !framed; p = p.parentElement) {
        framed = getStyle(p).overflowX !== 'visible';
      }
      if (right > widest + 1 && !framed) {
        widest = right;
        culprit = `<${el.tagName.toLowerCase()} class="${el.className}">`;
      }
    }
    return { scrollWidth: doc.documentElement.scrollWidth, innerWidth: win.innerWidth, culprit };
  });
}

interface PageElement {
  tagName: string;
  className: string;
  parentElement: PageElement | null;
  getBoundingClientRect(): { right: number };
}
interface PageDocument {
  documentElement: { scrollWidth: number };
  querySelectorAll(selector: string): Iterable<PageElement>;
}

/** LAYOUT_SCREENSHOTS=dir keeps a picture of every page checked, to look at. */
const screenshotDir = process.env.LAYOUT_SCREENSHOTS;
let shots = 0;

async function assertNoSidewaysScroll(page: Page, what: string): Promise<void> {
  if (screenshotDir) {
    shots += 1;
    const name = `${String(shots).padStart(2, '0')}-${what.replace(/[^a-z0-9]+/gi, '-').slice(0, 40)}.png`;
    await page.screenshot({ path: `${screenshotDir}/${name}`, fullPage: true });
  }
  const { scrollWidth, innerWidth, culprit } = await widthOf(page);
  assert.ok(
    scrollWidth <= innerWidth,
    `${what}: the page is ${scrollWidth} px wide in ${innerWidth} px ${culprit}`,
  );
}

describe('layout on a phone', { skip: skipWithoutBrowser() }, () => {
  let server: WebServer;
  let browser: Browser;
  let phone: BrowserContext;
  let narrow: BrowserContext;
  let productPath: string;
  let cartCookie: string;
  let order: CheckoutResponse;
  let orderId: string;

  before(async () => {
    server = await startWebServer({ seed: true });
    const product = await createProduct(server.ctx.db, { name: LONG, variantName: LONG.slice(0, 120) });
    const list = await server.app.inject({ url: '/api/products?limit=60' });
    const found = (list.json() as { items: Array<{ slug: string; name: string }> }).items.find(
      (p) => p.name === LONG,
    );
    assert.ok(found, 'the long-named product is listed');
    productPath = `/products/${found.slug}`;
    cartCookie = (await addToCart(server.app, product.variantId, 1)).cookie;
    const orderCookie = (await addToCart(server.app, product.variantId, 1)).cookie;
    const placed = await placeOrder(
      server.app,
      orderCookie,
      checkoutPayload({
        email: longEmail,
        shippingAddress: {
          name: longName,
          line1: 'L'.repeat(200),
          line2: 'M'.repeat(200),
          city: 'C'.repeat(100),
          postalCode: 'SW1A 1AA', // checked per country (src/orders/postcodes.ts): it cannot be long
          region: 'R'.repeat(100),
          country: 'GB',
        },
      }),
    );
    assert.equal(placed.statusCode, 201, placed.body);
    order = placed.json() as CheckoutResponse;
    const found2 = await server.app.inject({
      url: `/api/admin/orders?q=${encodeURIComponent(longEmail)}`,
      headers: { cookie: await server.staffCookie() },
    });
    orderId = (found2.json() as { items: Array<{ id: string }> }).items[0]?.id ?? '';
    assert.ok(orderId, found2.body);

    browser = await launchBrowser();
    phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
    narrow = await browser.newContext({ viewport: { width: 320, height: 640 } });
    const [cookieName, cookieValue] = cartCookie.split(';')[0]?.split('=') ?? [];
    for (const context of [phone, narrow]) {
      await context.addCookies([
        {
          name: cookieName ?? '',
          value: cookieValue ?? '',
          domain: new URL(server.url).hostname,
          path: '/',
          httpOnly: true,
          // The cart cookie is `__Host-` prefixed where cookies are Secure: the browser keeps it only as such.
          secure: cookieName?.startsWith('__Host-') ?? false,
        },
      ]);
    }
  });
  after(async () => {
    await phone?.close();
    await narrow?.close();
    await browser?.close();
    await server?.close();
  });

  it('storefront pages with 300-character values never scroll sideways at 390 and 320 px', async () => {
    const orderPath = new URL(order.orderUrl).pathname + new URL(order.orderUrl).search;
    const pages = [
      `/search?q=${LONG}`,
      `/search?q=${LONG.slice(0, 40)}%20${LONG}`,
      '/',
      `/products?minPrice=${LONG}&maxPrice=${LONG}`,
      productPath,
      '/cart',
      '/checkout',
      orderPath,
    ];
    for (const context of [phone, narrow]) {
      const page = await context.newPage();
      const problems = watchPage(page);
      for (const path of pages) {
        await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
        await assertNoSidewaysScroll(page, `${path.slice(0, 60)} at ${page.viewportSize()?.width} px`);
      }
      // What a customer types stays in the box too, and the errors that come back with it.
      await page.goto(`${server.url}/checkout`, { waitUntil: 'networkidle' });
      await page.getByLabel(/^Email/).fill(`${LONG}@`);
      await page.getByLabel(/^Full name/).fill(LONG);
      // The box may hold fewer characters than were typed (its maxlength): what it holds must come back.
      const typed = await page.getByLabel(/^Full name/).inputValue();
      await page.getByRole('button', { name: /place order/i }).click();
      await page.waitForLoadState('networkidle');
      await assertNoSidewaysScroll(page, 'checkout refused with long values');
      assert.equal(await page.getByLabel(/^Full name/).inputValue(), typed, 'what was typed is kept');
      // The refused checkout answers 400: expected here, unlike any other failed request.
      assert.deepEqual(
        problems.filter((p) => !p.startsWith('400 fetch') || !p.endsWith('/checkout.data')),
        [],
      );
      await page.close();
    }
  });

  it('the back office lists and detail pages never scroll sideways; tables scroll inside their frame', async () => {
    const page = await phone.newPage();
    await signInThroughPage(page, server.url, '/admin');
    const pages = [
      '/admin',
      '/admin/orders',
      `/admin/orders?q=${encodeURIComponent(longEmail)}`,
      `/admin/orders/${orderId}`,
      `/admin/products?q=${LONG.slice(0, 50)}`,
      '/admin/products',
      '/admin/mail',
      '/admin/settings',
    ];
    for (const path of pages) {
      await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
      await adminSettled(page);
      await assertNoSidewaysScroll(page, path.slice(0, 60));
      // Every table is whole inside its frame: reachable by scrolling the frame, never cut off.
      const tables = await page.evaluate(() => {
        const doc = (globalThis as unknown as { document: TableDocument }).document;
        return [...doc.querySelectorAll('table')].map((table) => {
          const frame = table.parentElement;
          const style = frame ? getComputedStyleOf(frame) : '';
          return {
            scroll: frame?.scrollWidth ?? 0,
            overflow: style,
            width: table.getBoundingClientRect().width,
          };
          function getComputedStyleOf(el: unknown): string {
            return (
              globalThis as unknown as { getComputedStyle(e: unknown): { overflowX: string } }
            ).getComputedStyle(el).overflowX;
          }
        });
      });
      for (const t of tables) {
        assert.ok(
          t.overflow === 'auto' || t.overflow === 'scroll' || t.scroll <= 390,
          `${path}: a table ${t.width} px wide in a frame that does not scroll`,
        );
      }
    }
    // The mail outbox's first email and the products' long-named one, opened.
    await page.goto(`${server.url}/admin/mail`, { waitUntil: 'networkidle' });
    await adminSettled(page);
    const firstMail = page.getByRole('table').getByRole('link').first();
    if ((await firstMail.count()) > 0) {
      await firstMail.click();
      await adminSettled(page);
      await assertNoSidewaysScroll(page, 'an email in the outbox');
    }
    await page.goto(`${server.url}/admin/products?q=xxxx`, { waitUntil: 'networkidle' });
    await adminSettled(page);
    await page.getByRole('table').getByRole('link').first().click();
    await adminSettled(page);
    await assertNoSidewaysScroll(page, 'the long-named product in the back office');
    await page.close();
  });

  it('breadcrumbs have separators between items only and end with the current page', async () => {
    const page = await phone.newPage();
    await page.goto(`${server.url}/checkout`, { waitUntil: 'networkidle' });
    const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' });
    assert.equal((await crumbs.textContent())?.replace(/\s+/g, ''), 'Cart/Checkout');
    await page.goto(`${server.url}${productPath}`, { waitUntil: 'networkidle' });
    const trail = (await crumbs.textContent())?.replace(/\s+/g, '') ?? '';
    assert.match(trail, /^Home\/Products\/Phones\/x+$/);
    assert.ok(!trail.endsWith('/'));
    await page.close();
  });

  it('home on a phone (390×844): a product is in the first screen', async () => {
    const page = await phone.newPage();
    await page.goto(`${server.url}/`, { waitUntil: 'networkidle' });
    const card = page.getByRole('article').first();
    const image = await card.locator('img').boundingBox();
    const name = await card.getByRole('heading').boundingBox();
    assert.ok(image && name);
    assert.ok(
      image.y + image.height <= 844,
      `the first product's picture ends at ${image.y + image.height} px`,
    );
    assert.ok(name.y + name.height <= 844, `the first product's name ends at ${name.y + name.height} px`);
    await page.close();
  });

  it('catalogue price filter: errors under their own field, neighbours stay in line; a minimum above the maximum is refused', async () => {
    const page = await phone.newPage();
    const labelTops = async () => ({
      min: (await page.getByText('Min price ($)').boundingBox())?.y,
      max: (await page.getByText('Max price ($)').boundingBox())?.y,
      minBox: (await page.getByLabel('Min price ($)').boundingBox())?.y,
      maxBox: (await page.getByLabel('Max price ($)').boundingBox())?.y,
    });
    await page.goto(`${server.url}/products`, { waitUntil: 'networkidle' });
    const before = await labelTops();

    await page.getByLabel('Min price ($)').fill('cheap');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByText('Enter an amount in dollars, such as 200').waitFor();
    assert.deepEqual(await labelTops(), before, 'an error under Min moves neither label nor box');
    assert.equal(await page.getByLabel('Min price ($)').inputValue(), 'cheap');

    await page.getByLabel('Min price ($)').fill('500');
    await page.getByLabel('Max price ($)').fill('100');
    await page.getByRole('button', { name: 'Apply' }).click();
    const message = page.getByText('The highest price must be at least the lowest price');
    await message.waitFor();
    assert.deepEqual(await labelTops(), before, 'an error under Max moves neither label nor box');
    const max = await page.getByLabel('Max price ($)').boundingBox();
    const error = await message.boundingBox();
    assert.ok(max && error && error.y >= max.y + max.height, 'the message is under the Max box');
    assert.equal(await page.getByLabel('Max price ($)').getAttribute('aria-invalid'), 'true');
    assert.equal(await page.getByLabel('Min price ($)').inputValue(), '500');
    assert.equal(await page.getByLabel('Max price ($)').inputValue(), '100');
    await page.close();
  });
});

interface TableDocument {
  querySelectorAll(selector: string): Iterable<{
    parentElement: { scrollWidth: number } | null;
    getBoundingClientRect(): { width: number };
  }>;
}
