/**
 * The customer's side of after-sales cases in a browser (issue 10 points 1-3): a claim opened from the order
 * page with the policy's answer shown before anything is sent, and the case page that follows. The declined
 * change-of-mind claim runs without JavaScript (the form posts and the page answers); the dead-on-arrival
 * claim with it (the answer follows the form as it is filled in).
 * With SCREENSHOTS=dir, the claim page and the case page are pictured at phone and desktop widths.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { CheckoutResponse } from '../../src/orders/schemas.ts';
import {
  addToCart,
  checkoutPayload,
  createProduct,
  type ProductOptions,
  placeOrder,
} from '../helpers/orders-fixtures.ts';
import {
  launchBrowser,
  seriousA11yViolations,
  skipWithoutBrowser,
  startWebServer,
  type WebServer,
  watchPage,
} from './helpers.ts';

const shots = process.env.SCREENSHOTS;

/** A form refused at its fields answers 400 on purpose (the page shows why): not a broken page. */
const unexpected = (problems: string[]) =>
  problems.filter((p) => !/^400 fetch .*\/orders\/(case|claim)\.data\?/.test(p));

describe('a customer reports a problem from the order page', { skip: skipWithoutBrowser() }, () => {
  let server: WebServer;
  let browser: Browser;

  /** A delivered order of one product: the order page's address. */
  const deliveredOrder = async (product: ProductOptions): Promise<string> => {
    const p = await createProduct(server.ctx.db, product);
    const { cookie } = await addToCart(server.app, p.variantId, 1);
    const res = await placeOrder(server.app, cookie, checkoutPayload({ email: 'claim@example.com' }));
    assert.equal(res.statusCode, 201, res.body);
    const placed = res.json() as CheckoutResponse;
    const staff = await server.staffCookie();
    const list = await server.app.inject({
      method: 'GET',
      url: `/api/admin/orders?q=${placed.order.reference}`,
      headers: { cookie: staff },
    });
    const id = (list.json() as { items: Array<{ id: string }> }).items[0]?.id as string;
    for (const [action, payload] of [
      ['mark-paid', undefined],
      ['ship', { carrier: 'UPS', trackingNumber: '1Z999' }],
      ['deliver', {}],
    ] as Array<[string, object | undefined]>) {
      const done = await server.app.inject({
        method: 'POST',
        url: `/api/admin/orders/${id}/${action}`,
        headers: { cookie: staff },
        ...(payload ? { payload } : {}),
      });
      assert.equal(done.statusCode, 200, done.body);
    }
    const url = new URL(placed.orderUrl);
    return `${server.url}${url.pathname}${url.search}`;
  };

  async function screenshot(page: Page, name: string) {
    if (!shots) return;
    mkdirSync(shots, { recursive: true });
    const width = page.viewportSize()?.width ?? 1280;
    for (const w of [390, 1280]) {
      await page.setViewportSize({ width: w, height: 900 });
      await page.screenshot({ path: `${shots}/${name}-${w}.png`, fullPage: true });
    }
    await page.setViewportSize({ width, height: 900 });
  }

  before(async () => {
    server = await startWebServer({ seed: true });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('AS-RET-1: a declined change-of-mind claim explains the clause, opens nothing, and can go to customer service as a question (no JavaScript)', async () => {
    const orderUrl = await deliveredOrder({ name: 'Pulse Watch', category: 'wearable', priceCents: 12_900 });
    const context = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 1280, height: 900 },
    });
    // No watchPage here: with JavaScript off, every module script is refused, which is the point.
    const page = await context.newPage();
    try {
      await page.goto(orderUrl);
      await page.getByRole('link', { name: 'Report a problem' }).click();
      await page.getByRole('heading', { name: 'Report a problem' }).waitFor();

      // Nothing chosen: the errors are at the fields.
      await page.getByRole('button', { name: 'Check what the policy says' }).click();
      await page.getByText('Choose the item (or items) the problem is about.').waitFor();
      await page.getByText('Say what happened.').waitFor();

      await page.getByRole('checkbox', { name: /Pulse Watch/ }).check();
      await page.getByRole('radio', { name: /I changed my mind/ }).check();
      await page.getByRole('button', { name: 'Check what the policy says' }).click();
      const answer = page.getByRole('region', { name: 'What the policy says' });
      await answer.getByText('Not covered').waitFor();
      await answer.getByText(/change-of-mind returns are declined/).waitFor();
      await answer.getByText('AS-RET-1').waitFor();
      // What was chosen is kept.
      assert.equal(await page.getByRole('radio', { name: /I changed my mind/ }).isChecked(), true);
      assert.equal(await page.getByRole('button', { name: 'Open the case' }).count(), 0);
      await screenshot(page, 'storefront-claim-declined');

      // An empty question is refused at its field; a written one is sent and opens nothing.
      await page.getByRole('button', { name: 'Send as a question' }).click();
      await page.getByText('Write your question to customer service.').waitFor();
      await page
        .getByLabel('Your question')
        .fill('The colour is not what I hoped. Can I still send it back?');
      await page.getByRole('button', { name: 'Send as a question' }).click();
      await page.getByText('Your question was sent to customer service').waitFor();
      await page.getByText(/No case and no return were opened/).waitFor();

      await page.goto(orderUrl);
      assert.equal(await page.getByRole('heading', { name: 'Your after-sales cases' }).count(), 0);
    } finally {
      await context.close();
    }
  });

  it('AS-DOA-1 AS-GEN-2: a dead-on-arrival claim opened from the order page leads to its case page, with the evidence checklist and a conversation', async () => {
    const orderUrl = await deliveredOrder({ name: 'Nova Phone', category: 'smartphone', priceCents: 49_900 });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems = watchPage(page);
    try {
      await page.goto(orderUrl);
      await page.getByRole('link', { name: 'Report a problem' }).click();
      await page.getByRole('heading', { name: 'Report a problem' }).waitFor();
      await page.getByRole('checkbox', { name: /Nova Phone/ }).check();
      await page.getByRole('radio', { name: /It did not work when it arrived/ }).check();
      // With JavaScript the questions follow the kind: no logo question for a dead item.
      assert.equal(await page.getByText(/only the logo or the packaging/).count(), 0);
      for (const question of [
        /opened the device itself/,
        /physical damage/,
        /dropped, got wet/,
        /troubleshooting/,
      ]) {
        await page.getByRole('group', { name: question }).getByRole('radio', { name: 'No' }).check();
      }
      // The answer arrives without pressing anything.
      const answer = page.getByRole('region', { name: 'What the policy says' });
      await answer.getByText('Covered', { exact: true }).waitFor();
      await answer.getByText(/within the 3 days allowed for dead-on-arrival claims/).waitFor();
      await answer.getByText('Report it by').waitFor();
      await answer.getByText(/The shop pays the return postage/).waitFor();
      assert.deepEqual(await seriousA11yViolations(page), [], 'axe on the covered claim');
      await screenshot(page, 'storefront-claim-covered');

      await page.getByRole('button', { name: 'Open the case' }).click();
      await page.getByRole('heading', { name: /^Case RMA-\d{2}-\d{5}$/ }).waitFor();
      const reference = ((await page.getByRole('heading', { level: 1 }).textContent()) ?? '').replace(
        'Case ',
        '',
      );
      await page.getByText('Customer service has your claim and will contact you').waitFor();
      const evidence = page.getByRole('region', { name: 'Photos and videos' });
      await evidence.getByRole('heading', { name: 'Front of the package' }).waitFor();
      await evidence.getByText(/Still needed: 4/).waitFor();
      assert.ok((await evidence.getByText('Required').count()) >= 4);
      await evidence.getByText('Optional').waitFor();

      // The conversation: an empty message is refused at its field, a written one is shown.
      const thread = page.getByRole('region', { name: 'Conversation with customer service' });
      await thread.getByRole('button', { name: 'Send the message' }).click();
      await thread.getByText(/Your message must not be empty/).waitFor();
      await thread.getByLabel('Write to customer service').fill('The screen stays black.');
      await thread.getByRole('button', { name: 'Send the message' }).click();
      await thread.getByText('The screen stays black.').waitFor();
      await page.getByRole('button', { name: 'Withdraw my claim' }).waitFor();
      assert.deepEqual(await seriousA11yViolations(page), [], 'axe on the case page');
      await screenshot(page, 'storefront-case');

      // The order page lists the case; a second claim on the same item names the open case.
      await page.goto(orderUrl);
      await page.getByRole('link', { name: `Case ${reference}` }).waitFor();
      await page.getByRole('link', { name: 'Report a problem' }).click();
      await page.getByText(`Case ${reference} is open for this item`).waitFor();
      assert.deepEqual(unexpected(problems), []);
    } finally {
      await context.close();
    }
  });
});
