/**
 * Customer accounts in a real browser, as a person uses them (issue 12): sign up (the strength meter
 * explaining a weak password) → confirm the address from the email → sign in → the account lists the guest
 * orders of that address; three wrong passwords lock sign-in (PV-ACC-2) until a reset by email; every form
 * keeps what was typed when it refuses it. Once with JavaScript, once without for the forms.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { linkPath } from '../helpers/accounts-fixtures.ts';
import {
  launchBrowser,
  seriousA11yViolations,
  skipWithoutBrowser,
  startWebServer,
  type WebServer,
  watchPage,
} from './helpers.ts';

const PASSWORD = 'Tulip orbit canyon-42';
const NEW_PASSWORD = 'Harbour lantern violet-97';

async function expectAccessible(page: Page, where: string): Promise<void> {
  assert.deepEqual(await seriousA11yViolations(page), [], `axe on ${where}`);
}

describe('customer accounts in the browser', { skip: skipWithoutBrowser() }, () => {
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

  async function signIn(page: Page, email: string, password: string): Promise<void> {
    await page.goto(`${server.url}/account/sign-in`, { waitUntil: 'networkidle' });
    await page.getByRole('textbox', { name: /^Email/ }).fill(email);
    await page.getByLabel(/^Password/).fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  it('sign up (meter, mistakes kept) → confirm from the email → sign in → the account shows the orders; three wrong passwords lock; a reset by email lets the customer in', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems = watchPage(page);
    const email = 'linus@example.com';

    await page.goto(`${server.url}/`, { waitUntil: 'networkidle' });
    await page.getByRole('link', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.getByRole('heading', { level: 1, name: 'Create an account' }).waitFor();
    await expectAccessible(page, 'sign-up');

    // PV-ACC-1: the meter explains, as the person types, why a password is weak.
    await page.getByRole('textbox', { name: /^Name/ }).fill('Linus Berg');
    await page.getByRole('textbox', { name: /^Email/ }).fill('linus@example');
    await page.getByLabel(/^Password/).pressSequentially('password1', { delay: 20 });
    await page
      .getByTestId('password-meter')
      .getByText(/Strength: (Very easy|Easy) to guess/)
      .waitFor();
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText('Enter an email address like name@example.com').waitFor();
    await page
      .getByText(/Include at least one character|too easy to guess/)
      .first()
      .waitFor();
    assert.equal(await page.getByRole('textbox', { name: /^Name/ }).inputValue(), 'Linus Berg');
    assert.equal(await page.getByRole('textbox', { name: /^Email/ }).inputValue(), 'linus@example');
    await expectAccessible(page, 'sign-up with mistakes');

    await page.getByRole('textbox', { name: /^Email/ }).fill(email);
    await page.getByLabel(/^Password/).fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { level: 1, name: 'Check your email' }).waitFor();

    // The link opens a page that changes nothing; its button confirms.
    await page.goto(server.url + (await linkPath(server, email, 'account_verify', '/account/verify')), {
      waitUntil: 'networkidle',
    });
    await page.getByRole('button', { name: 'Confirm my email address' }).click();
    await page.getByText('Your email address is confirmed').waitFor();

    await page.getByRole('textbox', { name: /^Email/ }).fill(email);
    await page.getByLabel(/^Password/).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
    // The guest order of this address joined the account once it was confirmed.
    await page
      .getByRole('link', { name: /^Order AC-\d\d-\d{5}$/ })
      .first()
      .waitFor();
    await page.getByRole('link', { name: 'Report a problem with this order' }).first().waitFor();
    await page.getByRole('banner').getByRole('link', { name: 'Account' }).waitFor();
    await expectAccessible(page, 'account');

    await page.getByRole('link', { name: 'Security' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign-in and security' }).waitFor();
    await page.getByText('This device').waitFor();
    await expectAccessible(page, 'security');

    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.getByText('You are signed out').waitFor();
    await page.getByRole('banner').getByRole('link', { name: 'Sign in' }).waitFor();

    // PV-ACC-2: three wrong passwords, then even the right one is refused, with the way out.
    for (let i = 0; i < 3; i++) {
      await signIn(page, email, `Wrong guess-${i}`);
      await page.getByText('The email or password is not right, or sign-in is locked').waitFor();
      assert.equal(await page.getByRole('textbox', { name: /^Email/ }).inputValue(), email);
    }
    await signIn(page, email, PASSWORD);
    await page.getByText('The email or password is not right, or sign-in is locked').waitFor();
    await page.getByText(/locked for \d+ minutes or more, even with the right password/).waitFor();

    await page.getByRole('link', { name: 'Reset your password by email' }).click();
    await page.getByRole('heading', { level: 1, name: 'Forgot your password?' }).waitFor();
    await page.getByRole('textbox', { name: /^Email/ }).fill(email);
    await page.getByRole('button', { name: 'Email me a link' }).click();
    await page.getByRole('heading', { level: 1, name: 'Check your email' }).waitFor();

    await page.goto(server.url + (await linkPath(server, email, 'account_reset', '/account/reset')), {
      waitUntil: 'networkidle',
    });
    await page.getByLabel(/^New password/).fill('short');
    await page.getByRole('button', { name: 'Set the new password' }).click();
    await page.getByText(/Use at least 8 characters/).waitFor();
    await page.getByLabel(/^New password/).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Set the new password' }).click();
    await page.getByText('Your new password is set').waitFor();

    await page.getByRole('textbox', { name: /^Email/ }).fill(email);
    await page.getByLabel(/^Password/).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();

    // The refused forms answer 400 (mistakes) and 401 (wrong password, locked): nothing else went wrong.
    const expected = [
      /^400 fetch .*\/account\/(sign-up|reset)\.data/,
      /^401 fetch .*\/account\/sign-in\.data/,
    ];
    assert.deepEqual(
      problems.filter((p) => !expected.some((e) => e.test(p))),
      [],
    );
    await context.close();
  });

  it('without JavaScript: each form refuses wrong input at its field and keeps what was typed', async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      javaScriptEnabled: false,
    });
    const page = await context.newPage();

    await page.goto(`${server.url}/account/sign-up`);
    await page.getByRole('textbox', { name: /^Name/ }).fill('Grace Hopper');
    await page.getByRole('textbox', { name: /^Email/ }).fill('grace@example.com');
    await page.getByLabel(/^Password/).fill('grace123');
    await page.getByRole('button', { name: 'Create account' }).click();
    // Without scripts the server's answer carries the meter's reading and the reason.
    await page
      .getByText(/Include at least one character|too easy to guess/)
      .first()
      .waitFor();
    await page
      .getByTestId('password-meter')
      .getByText(/Strength:/)
      .waitFor();
    assert.equal(await page.getByRole('textbox', { name: /^Name/ }).inputValue(), 'Grace Hopper');
    assert.equal(await page.getByRole('textbox', { name: /^Email/ }).inputValue(), 'grace@example.com');

    await page.goto(`${server.url}/account/sign-in`);
    await page.getByRole('textbox', { name: /^Email/ }).fill('grace@@example.com');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Enter an email address like name@example.com').waitFor();
    await page.getByText('Enter your password').waitFor();
    assert.equal(await page.getByRole('textbox', { name: /^Email/ }).inputValue(), 'grace@@example.com');

    await page.goto(`${server.url}/account/forgot`);
    await page.getByRole('textbox', { name: /^Email/ }).fill('not an address');
    await page.getByRole('button', { name: 'Email me a link' }).click();
    await page.getByText('Enter an email address like name@example.com').waitFor();
    assert.equal(await page.getByRole('textbox', { name: /^Email/ }).inputValue(), 'not an address');

    // An account page asks to sign in first, and comes back afterwards.
    await page.goto(`${server.url}/account/profile`);
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    assert.match(page.url(), /next=%2Faccount%2Fprofile/);
    await context.close();
  });
});
