/**
 * Email a friend in a browser (PV-COL-2): the disclosure on the product page says what happens to the
 * friend's address before anything is typed; a wrong address is refused at its field keeping the text; a
 * sent email empties the form and says so. Phone width, with axe.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { mailOutbox } from '../../src/messaging/schema.ts';
import {
  launchBrowser,
  seriousA11yViolations,
  skipWithoutBrowser,
  startWebServer,
  type WebServer,
  watchPage,
} from './helpers.ts';

describe('email a friend in a browser (PV-COL-2)', { skip: skipWithoutBrowser() }, () => {
  let server: WebServer;
  let browser: Browser;

  before(async () => {
    server = await startWebServer({ seed: true });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('PV-COL-2: a visitor emails a product to a friend; a wrong address is refused at its field', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const problems = watchPage(page);
    await page.goto(`${server.url}/products/volt-30w-usb-c-charger`, { waitUntil: 'networkidle' });
    await page.getByText('Email a friend', { exact: true }).click();
    await page.getByText(/never added to a mailing list/).waitFor();
    await page.getByLabel('Your name').fill('Ada');
    await page.getByLabel('Your friend’s name').fill('Grace');
    await page.getByLabel('Your friend’s email').fill('grace@');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByText('Enter your friend’s email address, like name@example.com').waitFor();
    assert.equal(await page.getByLabel('Your friend’s email').inputValue(), 'grace@');
    assert.equal(await page.getByLabel('Your friend’s name').inputValue(), 'Grace');

    await page.getByLabel('Your friend’s email').fill('grace@example.net');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByText(/We emailed Grace a link to the/).waitFor();
    assert.equal(await page.getByLabel('Your friend’s email').inputValue(), '');
    const rows = await server.ctx.db
      .select({ to: mailOutbox.toAddress })
      .from(mailOutbox)
      .where(eq(mailOutbox.template, 'email_a_friend'));
    assert.deepEqual(
      rows.map((r) => r.to),
      ['grace@example.net'],
    );
    assert.deepEqual(await seriousA11yViolations(page), []);
    // The refused form's answer is a 400 by design: the only failed request allowed.
    assert.deepEqual(
      problems.filter((p) => !/^400 fetch .*\/products\/volt-30w-usb-c-charger\.data/.test(p)),
      [],
    );
    if (process.env.SCREENSHOTS_DIR) {
      await page.screenshot({
        path: `${process.env.SCREENSHOTS_DIR}/email-a-friend-390.png`,
        fullPage: true,
      });
    }
    await context.close();
  });
});
