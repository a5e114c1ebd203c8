/**
 * A customer's question answered in the browser (issue 10 point 1: a declined claim sent as a question opens no
 * return, so customer service's answer is what the customer gets). The customer sends a change-of-mind claim
 * the policy declines (AS-RET-1) as a question from the claim page; customer service finds it on
 * /admin/questions (the navigation counts it), reads the engine's answer with its clause and answers it; the
 * customer reads the answer on the order page, and the email with it waits in the outbox. A technician has no
 * "Questions" link. With SCREENSHOTS=dir, the questions page and the order page are pictured at 390 and 1280 px.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { mailOutbox } from '../../src/messaging/schema.ts';
import { signedInMember } from '../helpers/app.ts';
import { deliveredOrder, staffRequest } from '../helpers/cases-fixtures.ts';
import { adminA11yViolations, adminSettled, signInThroughPage } from './admin-helpers.ts';
import {
  launchBrowser,
  seriousA11yViolations,
  skipWithoutBrowser,
  startWebServer,
  type WebServer,
  watchPage,
} from './helpers.ts';

const shots = process.env.SCREENSHOTS;
const PASSWORD = 'a long enough password';

describe('customer service answers a question in the back office', { skip: skipWithoutBrowser() }, () => {
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

  async function screenshot(page: Page, name: string, settle?: (page: Page) => Promise<void>) {
    if (!shots) return;
    mkdirSync(shots, { recursive: true });
    const width = page.viewportSize()?.width ?? 1280;
    for (const w of [390, 1280]) {
      await page.setViewportSize({ width: w, height: 900 });
      await settle?.(page);
      await page.screenshot({ path: `${shots}/${name}-${w}.png`, fullPage: true });
    }
    await page.setViewportSize({ width, height: 900 });
  }

  it('AS-RET-1: a declined change-of-mind claim sent as a question is answered on /admin/questions and the answer shows on the order page', async () => {
    const owner = await server.staffCookie();
    const order = await deliveredOrder(server, owner, [
      { name: 'Pulse Watch', category: 'wearable', priceCents: 12_900 },
    ]);
    const orderUrl = `${server.url}/orders/view?token=${encodeURIComponent(order.token)}`;
    const cora = await signedInMember(server, 'cora@example.com', 'Cora Service', 'customer_service');
    await signedInMember(server, 'tim@example.com', 'Tim Tech', 'technician');
    // PV-STF-1: customer service reads and answers the questions of the orders they handle: this one is Cora's.
    const assigned = await staffRequest(server, owner, 'POST', `/api/admin/orders/${order.id}/assign`, {
      staffId: cora.id,
    });
    assert.equal(assigned.statusCode, 200, assigned.body);

    // The customer: the claim page declines the claim and sends it as a question (the form works without
    // JavaScript; claims.test.ts covers its errors).
    const customer = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 390, height: 900 },
    });
    const shop = await customer.newPage();
    await shop.goto(orderUrl);
    await shop.getByRole('link', { name: 'Report a problem' }).click();
    await shop.getByRole('checkbox', { name: /Pulse Watch/ }).check();
    await shop.getByRole('radio', { name: /I changed my mind/ }).check();
    await shop.getByRole('button', { name: 'Check what the policy says' }).click();
    await shop.getByRole('region', { name: 'What the policy says' }).getByText('AS-RET-1').waitFor();
    await shop
      .getByLabel('Your question')
      .fill('The colour is not what I hoped.\nCan I still send it back, or swap the strap?');
    await shop.getByRole('button', { name: 'Send as a question' }).click();
    await shop.getByText('Your question was sent to customer service').waitFor();
    await shop.goto(orderUrl);
    const asked = shop.getByRole('region', { name: 'Your questions to customer service' });
    await asked.getByText('Waiting for an answer').waitFor();
    await asked.getByText(/Can I still send it back, or swap the strap\?/).waitFor();

    // Customer service: the navigation counts the waiting question; the row names the order, the product, the
    // kind and the first words; opened, it shows the customer's words and the engine's answer with its clause.
    const office = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await office.newPage();
    try {
      await signInThroughPage(page, server.url, '/admin/questions', {
        email: 'cora@example.com',
        password: PASSWORD,
      });
      // Watched once signed in: the sign-in page's own session check answers 401 on purpose.
      const problems = watchPage(page);
      const nav = page.getByRole('navigation', { name: 'Back office' });
      await nav.getByRole('link', { name: 'Questions 1 waiting for an answer' }).waitFor();
      const row = page.getByRole('listitem').filter({ hasText: `Order ${order.reference}` });
      await row.getByText('Pulse Watch').waitFor();
      await row.getByText(/Change of mind · asked/).waitFor();
      await row
        .getByText('“The colour is not what I hoped. Can I still send it back, or…”', { exact: true })
        .waitFor();
      assert.equal(
        await row.getByRole('link', { name: `Order ${order.reference}` }).getAttribute('href'),
        `/admin/orders/${order.id}`,
      );
      await row.getByRole('button', { name: 'Read and answer' }).click();
      const told = row.getByRole('region', { name: 'What the policy told the customer' });
      await told.getByText('Not eligible').waitFor();
      await told.getByText('AS-RET-1').waitFor();
      await row
        .getByRole('region', { name: 'The customer’s question' })
        .getByText(/swap the strap/)
        .waitFor();

      // An empty answer is refused at its field; nothing is sent.
      await row.getByRole('button', { name: 'Send the answer' }).click();
      await row.getByText('Write your answer first.').waitFor();
      assert.deepEqual(await adminA11yViolations(page), []);
      await screenshot(page, 'admin-question-open', adminSettled);

      const answer = 'We cannot take it back after 30 days,\nbut a new strap is free: reply with the colour.';
      await row.getByLabel('Your answer').fill(answer);
      await row.getByRole('button', { name: 'Send the answer' }).click();
      await row
        .getByRole('region', { name: 'Your shop’s answer' })
        .getByText(/a new strap is free/)
        .waitFor();
      await row.getByText(/^Answered by Cora Service on /).waitFor();
      assert.equal(await row.getByLabel('Your answer').count(), 0);
      // Nothing waits any more: the count leaves the link.
      await nav.getByRole('link', { name: 'Questions', exact: true }).waitFor();

      // The answered filter keeps it; the waiting one does not.
      await page.getByLabel('Show').selectOption('answered');
      await page.getByRole('button', { name: 'Filter' }).click();
      await page.waitForURL((url) => url.searchParams.get('state') === 'answered');
      await adminSettled(page);
      await page
        .getByRole('listitem')
        .filter({ hasText: `Order ${order.reference}` })
        .waitFor();
      await screenshot(page, 'admin-questions-answered', adminSettled);
      await page.getByLabel('Show').selectOption('unanswered');
      await page.getByRole('button', { name: 'Filter' }).click();
      await page.getByText('No question is waiting').waitFor();
      assert.deepEqual(problems, []);
    } finally {
      await office.close();
    }

    const [mail] = await server.ctx.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.template, 'question_answer'));
    assert.equal(mail?.toAddress, 'ada@example.com');
    assert.ok(mail?.textBody.includes(`/orders/view?token=${order.token}`));

    // The customer reads the answer on the order page, not only in the email (with JavaScript this time: axe
    // runs in the page).
    await customer.close();
    const later = await browser.newContext({ viewport: { width: 390, height: 900 } });
    try {
      const view = await later.newPage();
      const viewProblems = watchPage(view);
      await view.goto(orderUrl, { waitUntil: 'networkidle' });
      const answered = view.getByRole('region', { name: 'Your questions to customer service' });
      await answered.getByText('Answered', { exact: true }).waitFor();
      await answered.getByText(/^Customer service answered on /).waitFor();
      await answered.getByText(/a new strap is free: reply with the colour\./).waitFor();
      assert.deepEqual(await seriousA11yViolations(view), []);
      await screenshot(view, 'storefront-order-question-answered');
      assert.deepEqual(viewProblems, []);
    } finally {
      await later.close();
    }

    // A technician has no "Questions" link (the API answers them 403: test/http/questions.test.ts).
    const workshop = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const tech = await workshop.newPage();
    try {
      await signInThroughPage(tech, server.url, '/admin', { email: 'tim@example.com', password: PASSWORD });
      const nav = tech.getByRole('navigation', { name: 'Back office' });
      await nav.getByRole('link', { name: 'Cases' }).waitFor();
      assert.equal(await nav.getByRole('link', { name: /Questions/ }).count(), 0);
    } finally {
      await workshop.close();
    }
  });
});
