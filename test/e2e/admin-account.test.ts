/**
 * A staff member changes their password in the back office (issue 9 item 9): a wrong current password or a
 * weak new one is shown at its field with everything typed kept; a good change keeps this session and signs
 * out every other one.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { OWNER_EMAIL, OWNER_PASSWORD } from '../helpers/app.ts';
import { adminA11yViolations, adminSettled, type BackOffice, openBackOffice } from './admin-helpers.ts';
import { skipWithoutBrowser } from './helpers.ts';

const NEW_PASSWORD = 'maple lantern orbit 73 softly';

describe('changing a staff password in the back office', { skip: skipWithoutBrowser() }, () => {
  let backOffice: BackOffice;
  let page: Page;

  before(async () => {
    backOffice = await openBackOffice('/admin');
    ({ page } = backOffice);
  });
  after(async () => backOffice?.close());

  // Labels end with the required marker; "New password" must not also find "New password again".
  const field = (name: string) => page.getByLabel(new RegExp(`^${name}(?! again)`));
  const errorOf = async (name: string) => {
    const id = await field(name).getAttribute('aria-describedby');
    const ids = (id ?? '').split(/\s+/).filter(Boolean);
    const texts = await Promise.all(ids.map((i) => page.locator(`[id="${i}"]`).textContent()));
    return texts.join(' ');
  };

  it('is reached from the back-office navigation and from the name at the top', async () => {
    await page
      .getByRole('navigation', { name: 'Back office' })
      .getByRole('link', { name: 'Your account' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
    await adminSettled(page);
    assert.equal(await page.getByRole('link', { name: /Shop owner/ }).getAttribute('href'), '/admin/account');
    assert.deepEqual(await adminA11yViolations(page), []);
  });

  it('a wrong current password is shown at its field, keeping what was typed', async () => {
    await field('Current password').fill('not my password at all');
    await field('New password').fill(NEW_PASSWORD);
    await field('New password again').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('The current password is not correct').waitFor();
    assert.equal(await field('Current password').getAttribute('aria-invalid'), 'true');
    assert.match(await errorOf('Current password'), /not correct/);
    assert.equal(await field('Current password').inputValue(), 'not my password at all');
    assert.equal(await field('New password').inputValue(), NEW_PASSWORD);
  });

  it('a password that is easy to guess is refused at the new password', async () => {
    await field('Current password').fill(OWNER_PASSWORD);
    await field('New password').fill('password1234');
    await field('New password again').fill('password1234');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText(/too easy to guess/).waitFor();
    assert.equal(await field('New password').getAttribute('aria-invalid'), 'true');
    assert.equal(await field('New password').inputValue(), 'password1234');
    await field('New password again').fill('something else');
    await field('New password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Type the same new password again').waitFor();
    assert.deepEqual(await adminA11yViolations(page), []);
  });

  it('a good change keeps this session and signs out every other one', async () => {
    const other = await backOffice.server.staffCookie();
    const stillIn = async (cookie: string) =>
      (await backOffice.server.app.inject({ url: '/api/staff/session', headers: { cookie } })).statusCode;
    assert.equal(await stillIn(other), 200);

    await field('Current password').fill(OWNER_PASSWORD);
    await field('New password').fill(NEW_PASSWORD);
    await field('New password again').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText(/Password changed\. You stay signed in here/).waitFor();
    assert.equal(await field('Current password').inputValue(), '');

    assert.equal(await stillIn(other), 401, 'the other session ended');
    await page.getByRole('navigation', { name: 'Back office' }).getByRole('link', { name: 'Orders' }).click();
    await page.getByRole('heading', { level: 1, name: 'Orders' }).waitFor();
    await adminSettled(page);
    assert.equal(new URL(page.url()).pathname, '/admin/orders', 'this session stays');

    const signIn = (password: string) =>
      backOffice.server.app.inject({
        method: 'POST',
        url: '/api/staff/session',
        payload: { email: OWNER_EMAIL, password },
      });
    assert.equal((await signIn(OWNER_PASSWORD)).statusCode, 401);
    assert.equal((await signIn(NEW_PASSWORD)).statusCode, 200);
    assert.deepEqual(
      backOffice.problems.filter((p) => !/\b4\d\d\b/.test(p)),
      [],
    );
  });
});
