/**
 * The after-sales policy settings in the back office (issue 11 point 1): the owner changes the dead-on-arrival
 * window (AS-DOA-1). A wrong value is explained at its field and what was typed stays; a right one is
 * reviewed as differences in words, saved with a reason as version 2, and the storefront's policy page shows
 * the new number. With SCREENSHOTS=dir, the screen is pictured at phone and desktop widths.
 */

import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { hashPassword } from '../../src/accounts/passwords.ts';
import { staffUsers } from '../../src/accounts/schema.ts';
import { uuidv7 } from '../../src/shared/ids.ts';
import { acceptedAgreement } from '../helpers/app.ts';
import { adminA11yViolations, adminSettled, type BackOffice, openBackOffice } from './admin-helpers.ts';
import { skipWithoutBrowser, type WebServer } from './helpers.ts';

const shots = process.env.SCREENSHOTS;

describe('policy settings in the back office (issue 11, AS-DOA-1)', { skip: skipWithoutBrowser() }, () => {
  let server: WebServer;
  let backOffice: BackOffice;
  let page: Page;
  let problems: string[];

  const versions = async () =>
    (
      await server.app.inject({
        url: '/api/admin/policy/versions',
        headers: { cookie: await server.staffCookie() },
      })
    ).json() as { current: number; items: Array<{ settings: { doaDaysAfterDelivery: number } }> };
  const doaWindow = () => page.getByRole('textbox', { name: /^Dead-on-arrival window \(days\)/ });

  before(async () => {
    backOffice = await openBackOffice('/admin');
    ({ server, page, problems } = backOffice);
  });
  after(async () => backOffice?.close());

  it('is reached from the navigation and shows each number with its clause, default and range', async () => {
    await page
      .getByRole('navigation', { name: 'Back office' })
      .getByRole('link', { name: 'After-sales policy' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'After-sales policy' }).waitFor();
    await adminSettled(page);
    assert.equal(await doaWindow().inputValue(), '3');
    const hint = page.locator('#policy-doaDaysAfterDelivery-hint');
    assert.match(
      (await hint.textContent()) ?? '',
      /AS-DOA-1 · .*Default: 3 days\. Allowed: from 0 to 3650 days\./,
    );
    await page.getByRole('heading', { name: 'Live version 1' }).waitFor();
    assert.deepEqual(await adminA11yViolations(page), []);
  });

  it('a wrong value is explained at its field, what was typed stays, and nothing is saved', async () => {
    await doaWindow().fill('4.5');
    await page.getByRole('button', { name: 'Review changes' }).click();
    await page.getByText('Some fields need a look').waitFor();
    assert.equal(await doaWindow().getAttribute('aria-invalid'), 'true');
    await page.getByText('Enter a whole number of days, e.g. 5').waitFor();
    assert.match(
      (await doaWindow().getAttribute('aria-describedby')) ?? '',
      /policy-doaDaysAfterDelivery-error/,
    );
    assert.equal(await doaWindow().inputValue(), '4.5');

    await doaWindow().fill('4000');
    await page.getByRole('button', { name: 'Review changes' }).click();
    await page.getByText('Enter a value from 0 to 3650 days').waitFor();
    assert.equal(await doaWindow().inputValue(), '4000');
    assert.equal(await page.getByRole('dialog').count(), 0);
    assert.equal((await versions()).current, 1);
    assert.deepEqual(await adminA11yViolations(page), []);
  });

  it('a right value shows the differences in words, needs a reason, and is saved as version 2', async () => {
    await doaWindow().fill('5');
    assert.equal(await doaWindow().getAttribute('aria-invalid'), null, 'the message goes once fixed');
    await page.getByRole('button', { name: 'Review changes' }).click();
    const dialog = page.getByRole('dialog', { name: 'Save as version 2?' });
    await dialog.waitFor();
    await dialog.getByText('Dead-on-arrival window: 3 → 5 days').waitFor();
    await dialog.getByText('No case is open').waitFor();

    await dialog.getByRole('button', { name: 'Save new version' }).click();
    const reason = dialog.getByRole('textbox', { name: /^Why does the policy change\?/ });
    assert.equal(await reason.getAttribute('aria-invalid'), 'true');
    await dialog.getByText('Say why the policy changes, in at least 5 characters').waitFor();
    assert.equal((await versions()).current, 1);

    await reason.fill('Customers need a weekend to test what they bought');
    await dialog.getByRole('button', { name: 'Save new version' }).click();
    await page.getByText('Saved as version 2.').waitFor();
    await page.getByRole('heading', { name: 'Live version 2' }).waitFor();
    await page
      .getByRole('list', { name: 'Every version, newest first' })
      .getByText('Customers need a weekend to test what they bought')
      .waitFor();
    const saved = await versions();
    assert.equal(saved.current, 2);
    assert.equal(saved.items[0]?.settings.doaDaysAfterDelivery, 5);

    // Versions 1 and 2 compare in words.
    await page.getByRole('combobox', { name: 'From' }).selectOption('1');
    await page.getByRole('combobox', { name: 'To' }).selectOption('2');
    await page
      .getByRole('region', { name: 'Compare two versions' })
      .getByText('Dead-on-arrival window: 3 → 5 days')
      .waitFor();
    assert.deepEqual(await adminA11yViolations(page), []);
  });

  it('the storefront policy page shows the new number under version 2', async () => {
    await page.goto(`${server.url}/policies/after-sales`, { waitUntil: 'networkidle' });
    await page.getByText(/^Version 2, in effect since /).waitFor();
    await page.getByText(/within 5 days after delivery/).waitFor();
    await page.goto(`${server.url}/policies/after-sales?version=1`, { waitUntil: 'networkidle' });
    await page.getByText('This is not the current policy').waitFor();
    await page.getByText(/within 3 days after delivery/).waitFor();
    assert.deepEqual(
      problems.filter((p) => !/^401 fetch .*\/api\/staff\/session$/.test(p)),
      [],
    );
  });

  it('rolling back: version 1 restored as version 3, after the same review and a reason', async () => {
    await page.goto(`${server.url}/admin/policy`, { waitUntil: 'networkidle' });
    await adminSettled(page);
    await page.getByRole('button', { name: 'Restore as new version (version 1)' }).click();
    const dialog = page.getByRole('dialog', { name: 'Save as version 3?' });
    await dialog.waitFor();
    await dialog.getByText('Dead-on-arrival window: 5 → 3 days').waitFor();
    const reason = dialog.getByRole('textbox', { name: /^Why does the policy change\?/ });
    assert.equal(await reason.inputValue(), 'Restore version 1: ');
    await reason.fill('Restore version 1: three days again');
    await dialog.getByRole('button', { name: 'Save new version' }).click();
    await page.getByRole('heading', { name: 'Live version 3' }).waitFor();
    assert.equal(await doaWindow().inputValue(), '3');
    const saved = await versions();
    assert.equal(saved.current, 3);
    assert.equal(saved.items[0]?.settings.doaDaysAfterDelivery, 3);
  });

  it('staff who are not the owner read the settings without save controls', async () => {
    await server.ctx.db.insert(staffUsers).values({
      id: uuidv7(),
      email: 'cs@aftercare.test',
      name: 'Casey',
      passwordHash: await hashPassword('a long enough password'),
      role: 'customer_service',
      ...acceptedAgreement(),
    });
    const csContext = await backOffice.browser.newContext({ viewport: { width: 390, height: 900 } });
    try {
      const cs = await csContext.newPage();
      await cs.goto(`${server.url}/admin/sign-in?next=%2Fadmin%2Fpolicy`, { waitUntil: 'networkidle' });
      await cs.getByLabel('Email').fill('cs@aftercare.test');
      await cs.getByLabel('Password').fill('a long enough password');
      await cs.getByRole('button', { name: 'Sign in' }).click();
      await cs.waitForURL((url) => url.pathname === '/admin/policy');
      await adminSettled(cs);
      await cs.getByText('Only the owner can change the policy').waitFor();
      const field = cs.getByRole('textbox', { name: /^Dead-on-arrival window \(days\)/ });
      assert.equal(await field.getAttribute('readonly'), '');
      assert.equal(await cs.getByRole('button', { name: 'Review changes' }).count(), 0);
      assert.equal(await cs.getByRole('button', { name: /^Restore as new version/ }).count(), 0);
      assert.deepEqual(await adminA11yViolations(cs), []);
    } finally {
      await csContext.close();
    }
  });

  it('pictures the screen at phone and desktop widths when SCREENSHOTS is set', {
    skip: !shots,
  }, async () => {
    mkdirSync(shots as string, { recursive: true });
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${server.url}/admin/policy`, { waitUntil: 'networkidle' });
      await adminSettled(page);
      await page.screenshot({ path: `${shots}/admin-policy-${width}.png`, fullPage: true });
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});
