/**
 * The newsletter in a real browser (PV-USE-1): a visitor subscribes from the storefront's footer (a mistake
 * kept and explained, also without JavaScript), confirms from the emailed link (opening it changes nothing,
 * the button confirms), the owner sends a campaign from /admin/newsletter, and the subscriber leaves through
 * the campaign's unsubscribe link. SCREENSHOTS=<dir> keeps pictures of the new pages at 390 and 1280 pixels.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { newsletterSubscribers } from '../../src/messaging/newsletter/schema.ts';
import { acceptedSubscriptionsSettled } from '../../src/messaging/newsletter/subscribe.ts';
import { linkToken, mailsTo } from '../helpers/accounts-fixtures.ts';
import { adminSettled, signInThroughPage } from './admin-helpers.ts';
import {
  launchBrowser,
  seriousA11yViolations,
  skipWithoutBrowser,
  startWebServer,
  type WebServer,
  watchPage,
} from './helpers.ts';

const shots = process.env.SCREENSHOTS;
const EMAIL = 'rosalind@example.com';

async function screenshot(page: Page, name: string): Promise<void> {
  if (!shots) return;
  mkdirSync(shots, { recursive: true });
  const width = page.viewportSize()?.width ?? 1280;
  for (const w of [390, 1280]) {
    await page.setViewportSize({ width: w, height: 900 });
    await page.screenshot({ path: `${shots}/${name}-${w}.png`, fullPage: true });
  }
  await page.setViewportSize({ width, height: 900 });
}

describe('the newsletter in the browser (PV-USE-1)', { skip: skipWithoutBrowser() }, () => {
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

  async function status(email: string): Promise<string | undefined> {
    // A sign-up is written just after its answer (subscribe.ts): wait for it, in this same process.
    await acceptedSubscriptionsSettled();
    const [row] = await server.ctx.db
      .select({ status: newsletterSubscribers.status })
      .from(newsletterSubscribers)
      .where(eq(newsletterSubscribers.email, email));
    return row?.status;
  }

  it('PV-USE-1: without JavaScript the footer’s form refuses a bad address keeping what was typed, and accepts a good one', async () => {
    const context = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 390, height: 900 },
    });
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    const footer = page.locator('footer');
    await footer.getByRole('textbox', { name: 'Where to send offers' }).fill('grace@');
    await footer.getByRole('button', { name: 'Subscribe' }).click();
    const field = page.locator('main').getByRole('textbox', { name: 'Email address' });
    assert.equal(await field.inputValue(), 'grace@');
    assert.match((await page.locator('main').textContent()) ?? '', /Enter an email address such as/);
    await field.fill('grace@example.com');
    await page.locator('main').getByRole('button', { name: 'Subscribe' }).click();
    await page.getByText('Check your inbox').waitFor();
    assert.equal(await status('grace@example.com'), 'pending');
    await context.close();
  });

  it('PV-USE-1: subscribe from the footer → confirm from the email → the owner sends a campaign → unsubscribe from its link', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems = watchPage(page);

    await page.goto(`${server.url}/`, { waitUntil: 'networkidle' });
    const footer = page.locator('footer');
    await footer.getByRole('textbox', { name: 'Where to send offers' }).fill(EMAIL);
    await footer.getByRole('button', { name: 'Subscribe' }).click();
    await page.getByText('Check your inbox').waitFor();
    await screenshot(page, 'newsletter-signed-up');
    assert.equal(await status(EMAIL), 'pending');

    // The link from the email: opening it changes nothing; the button confirms.
    const token = await linkToken(server, EMAIL, 'newsletter_confirm');
    await page.goto(`${server.url}/newsletter/confirm?token=${token}`, { waitUntil: 'networkidle' });
    await page.getByRole('heading', { level: 1, name: 'Confirm your subscription' }).waitFor();
    assert.deepEqual(await seriousA11yViolations(page), [], 'axe on the confirm page');
    await screenshot(page, 'newsletter-confirm');
    assert.equal(await status(EMAIL), 'pending');
    await page.getByRole('button', { name: 'Confirm my subscription' }).click();
    await page.getByRole('heading', { level: 1, name: 'You are subscribed' }).waitFor();
    assert.equal(await status(EMAIL), 'confirmed');

    // The owner writes and sends a campaign.
    const staffContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const admin = await staffContext.newPage();
    await signInThroughPage(admin, server.url, '/admin/newsletter');
    await admin.getByRole('heading', { level: 1, name: 'Newsletter' }).waitFor();
    await adminSettled(admin);
    assert.match((await admin.getByTestId('subscriber-count').textContent()) ?? '', /1 confirmed subscriber/);
    await admin.getByRole('textbox', { name: 'Subject' }).fill('Spring offers');
    await admin
      .getByRole('textbox', { name: /^Message/ })
      .fill('Twenty percent off every case.\n\nUntil Sunday.');
    await screenshot(admin, 'admin-newsletter-compose');
    await admin.getByRole('button', { name: 'Review and send' }).click();
    await admin.getByRole('button', { name: 'Send campaign' }).click();
    await admin.getByText('“Spring offers” is queued for 1 confirmed subscriber.').waitFor();
    await admin.getByRole('list', { name: 'Past campaigns' }).getByText('Spring offers').waitFor();
    await screenshot(admin, 'admin-newsletter-sent');
    await staffContext.close();

    // The subscriber leaves through the campaign's link.
    const [campaign] = await mailsTo(server, EMAIL, 'newsletter_campaign');
    assert.ok(campaign);
    const link = /\/newsletter\/unsubscribe\?token=[A-Za-z0-9_-]+/.exec(campaign.textBody)?.[0];
    assert.ok(link);
    await page.goto(`${server.url}${link}`, { waitUntil: 'networkidle' });
    await page.getByRole('heading', { level: 1, name: 'Unsubscribe' }).waitFor();
    assert.deepEqual(await seriousA11yViolations(page), [], 'axe on the unsubscribe page');
    await screenshot(page, 'newsletter-unsubscribe');
    assert.equal(await status(EMAIL), 'confirmed');
    await page.getByRole('button', { name: 'Unsubscribe' }).click();
    await page.getByRole('heading', { level: 1, name: 'You are unsubscribed' }).waitFor();
    await screenshot(page, 'newsletter-unsubscribed');
    assert.equal(await status(EMAIL), 'unsubscribed');
    assert.deepEqual(problems, []);
    await context.close();
  });
});
