/**
 * A coupon at checkout in a real browser (issue 10 point 5): a wrong code is refused next to its field, the
 * right one shows its discount in the totals before the order is placed, and the order page shows the discount
 * and the total paid. Once with JavaScript, once without.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { issueCoupon } from '../../src/orders/coupons/issue-coupon.ts';
import { createProduct } from '../helpers/orders-fixtures.ts';
import {
  launchBrowser,
  seriousA11yViolations,
  skipWithoutBrowser,
  startWebServer,
  type WebServer,
} from './helpers.ts';

describe('a coupon at checkout in the browser', { skip: skipWithoutBrowser() }, () => {
  let server: WebServer;
  let browser: Browser;

  before(async () => {
    server = await startWebServer();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const javaScriptEnabled of [true, false]) {
    it(`AS-GEN-5: the coupon's discount shows in the totals and on the order (${javaScriptEnabled ? 'with' : 'without'} JavaScript)`, async () => {
      const product = await createProduct(server.ctx.db, { priceCents: 20_000, name: 'Coupon phone' });
      const { code } = await issueCoupon(server.ctx.db, {
        valueCents: 5_000,
        clause: 'AS-GEN-5',
        sourceCaseId: null,
        validityDays: 30,
        now: server.ctx.clock.now(),
      });
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled });
      context.setDefaultTimeout(15_000);
      const page = await context.newPage();
      const added = await page.request.post(`${server.url}/api/cart/lines`, {
        data: { variantId: product.variantId, quantity: 1 },
        headers: { origin: server.url },
      });
      assert.equal(added.status(), 200, await added.text());

      await page.goto(`${server.url}/checkout`, { waitUntil: 'networkidle' });
      await page.getByRole('textbox', { name: /^Email/ }).fill('ada@example.com');
      await page.getByRole('textbox', { name: /^Full name/ }).fill('Ada Lovelace');
      await page.getByRole('textbox', { name: /^Address/ }).fill('12 Analytical Row');
      await page.getByRole('textbox', { name: /^Town or city/ }).fill('London');
      await page.getByRole('combobox', { name: /^Country/ }).selectOption('GB');
      await page.getByRole('textbox', { name: /^Postal code/ }).fill('N1 9GU');

      const field = page.getByRole('textbox', { name: /^Coupon or voucher code/ });
      await field.fill('AC-0000-0000-0000');
      await page.getByRole('button', { name: 'Apply' }).click();
      await page
        .getByText(/This coupon code does not exist/)
        .first()
        .waitFor();
      assert.equal(
        await page.getByRole('textbox', { name: /^Coupon or voucher code/ }).getAttribute('aria-invalid'),
        'true',
      );
      assert.equal(
        await page.getByRole('textbox', { name: /^Full name/ }).inputValue(),
        'Ada Lovelace',
        'nothing typed is lost',
      );

      await page.getByRole('textbox', { name: /^Coupon or voucher code/ }).fill(code.toLowerCase());
      await page.getByRole('button', { name: 'Apply' }).click();
      await page.getByText(`Coupon ${code} applied`).waitFor();
      const summary = page.getByRole('region', { name: 'Order summary' });
      assert.match((await summary.textContent()) ?? '', new RegExp(`Coupon ${code}−\\$50\\.00`));
      // $200 of goods − $50 + standard post.
      const total = page.locator('main').getByText('Total to pay').locator('..').filter({ visible: true });
      const totalText = (await total.first().textContent()) ?? '';
      const due = Number(/\$([\d,]+\.\d\d)/.exec(totalText)?.[1]?.replace(',', ''));
      assert.ok(due > 150 && due < 160, `total to pay ${totalText}`);
      // axe runs as a script in the page: only where scripts run.
      if (javaScriptEnabled) {
        assert.deepEqual(await seriousA11yViolations(page), [], 'axe on checkout with a coupon');
        await page.screenshot({ path: '/tmp/money-checkout-coupon.png', fullPage: true });
      }

      await page.getByRole('button', { name: 'Place order' }).click();
      await page.waitForURL(/\/orders\/view\?token=/);
      const main = (await page.locator('main').textContent()) ?? '';
      assert.match(main, new RegExp(`Coupon ${code}−\\$50\\.00`));
      assert.ok(main.includes(`$${due.toFixed(2)}`), 'the order total is what the checkout showed');
      await context.close();
    });
  }
});
