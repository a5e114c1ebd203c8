/**
 * The shop's identity in the back office (SH-SOC-1): wrong input is shown at its field and nothing is saved;
 * the owner's name, colour and Instagram link reach the storefront's header and footer; staff who are not
 * the owner see the settings read-only.
 */

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { hashPassword } from '../../src/accounts/passwords.ts';
import { staffUsers } from '../../src/accounts/schema.ts';
import { defaultShopSettings, type ShopSettings } from '../../src/settings/shop.ts';
import { uuidv7 } from '../../src/shared/ids.ts';
import { acceptedAgreement } from '../helpers/app.ts';
import { adminA11yViolations, adminSettled, type BackOffice, openBackOffice } from './admin-helpers.ts';
import { skipWithoutBrowser, type WebServer } from './helpers.ts';

describe('shop settings in the back office, SH-SOC-1', { skip: skipWithoutBrowser() }, () => {
  let server: WebServer;
  let browser: Browser;
  let backOffice: BackOffice;
  let page: Page;
  let problems: string[];

  const stored = async (): Promise<ShopSettings> =>
    (
      await server.app.inject({
        method: 'GET',
        url: '/api/admin/settings/shop',
        headers: { cookie: await server.staffCookie() },
      })
    ).json() as ShopSettings;

  before(async () => {
    backOffice = await openBackOffice('/admin');
    ({ server, browser, page, problems } = backOffice);
  });
  after(async () => backOffice?.close());

  it('is reached from the back-office navigation', async () => {
    await page
      .getByRole('navigation', { name: 'Back office' })
      .getByRole('link', { name: 'Settings' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Shop settings' }).waitFor();
    await adminSettled(page);
    assert.equal(
      await page.getByRole('textbox', { name: /^Shop name/ }).inputValue(),
      defaultShopSettings.name,
    );
    assert.equal(
      await page.getByRole('textbox', { name: 'Primary colour', exact: true }).inputValue(),
      defaultShopSettings.primaryColor,
    );
    assert.deepEqual(await adminA11yViolations(page), []);
  });

  it('wrong input is shown at its field, keeps what was typed, and nothing is saved', async () => {
    await page.getByRole('textbox', { name: /^Shop name/ }).fill('   ');
    await page.getByRole('textbox', { name: 'Tagline' }).fill('Repairs and refurbished phones since 1999.');
    await page.getByRole('textbox', { name: 'Primary colour', exact: true }).fill('purple');
    await page.getByRole('textbox', { name: 'Instagram' }).fill('http://instagram.com/phonedoctor');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Some fields need a look').waitFor();

    const name = page.getByRole('textbox', { name: /^Shop name/ });
    assert.equal(await name.getAttribute('aria-invalid'), 'true');
    await page.getByText('Enter the shop’s name').waitFor();
    // The first field marked gets the focus.
    await page.waitForFunction(
      () =>
        (globalThis as unknown as { document: { activeElement: { id: string } | null } }).document
          .activeElement?.id === 'settings-name',
    );
    const colour = page.getByRole('textbox', { name: 'Primary colour', exact: true });
    assert.equal(await colour.getAttribute('aria-invalid'), 'true');
    await page.getByText('Enter the colour as # and six hex digits').waitFor();
    const instagram = page.getByRole('textbox', { name: 'Instagram' });
    assert.equal(await instagram.getAttribute('aria-invalid'), 'true');
    await page.getByText('Use the secure address: https:// instead of http://').waitFor();
    // Each message is read with its field.
    assert.match((await instagram.getAttribute('aria-describedby')) ?? '', /settings-social-instagram-error/);

    // Nothing typed is lost, and nothing reached the shop.
    assert.equal(await colour.inputValue(), 'purple');
    assert.equal(await instagram.inputValue(), 'http://instagram.com/phonedoctor');
    assert.equal(
      await page.getByRole('textbox', { name: 'Tagline' }).inputValue(),
      'Repairs and refurbished phones since 1999.',
    );
    assert.deepEqual(await stored(), defaultShopSettings);
    assert.deepEqual(await adminA11yViolations(page), []);
  });

  it('the owner changes name, colour and Instagram link; the storefront shows them', async () => {
    await page.getByRole('textbox', { name: /^Shop name/ }).fill('Phone Doctor');
    // The picker and the hex field are one value.
    await page.getByLabel('Pick the primary colour').fill('#7c3aed');
    assert.equal(
      await page.getByRole('textbox', { name: 'Primary colour', exact: true }).inputValue(),
      '#7c3aed',
    );
    await page.getByRole('textbox', { name: 'Instagram' }).fill('https://www.instagram.com/phonedoctor');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Settings saved.').waitFor();
    assert.equal(await page.getByText('Some fields need a look').count(), 0);

    assert.deepEqual(await stored(), {
      name: 'Phone Doctor',
      tagline: 'Repairs and refurbished phones since 1999.',
      primaryColor: '#7c3aed',
      logoUrl: null,
      social: [{ network: 'instagram', url: 'https://www.instagram.com/phonedoctor' }],
    });

    await page.goto(`${server.url}/`, { waitUntil: 'networkidle' });
    await page.getByRole('banner').getByText('Phone Doctor').first().waitFor();
    const instagram = page.getByRole('contentinfo').getByRole('link', { name: 'Instagram' });
    assert.equal(await instagram.getAttribute('href'), 'https://www.instagram.com/phonedoctor');
    assert.deepEqual(
      problems.filter((p) => !/^401 fetch .*\/api\/staff\/session$/.test(p)),
      [],
    );
  });

  it('staff who are not the owner see the settings read-only', async () => {
    await server.ctx.db.insert(staffUsers).values({
      id: uuidv7(),
      email: 'cs@aftercare.test',
      name: 'Casey',
      passwordHash: await hashPassword('a long enough password'),
      role: 'customer_service',
      ...acceptedAgreement(),
    });
    const csContext = await browser.newContext({ viewport: { width: 390, height: 900 } });
    try {
      const cs = await csContext.newPage();
      await cs.goto(`${server.url}/admin/sign-in?next=%2Fadmin%2Fsettings`, { waitUntil: 'networkidle' });
      await cs.getByLabel('Email').fill('cs@aftercare.test');
      await cs.getByLabel('Password').fill('a long enough password');
      await cs.getByRole('button', { name: 'Sign in' }).click();
      await cs.waitForURL((url) => url.pathname === '/admin/settings');
      await adminSettled(cs);
      await cs.getByText('Only the owner can change these settings').waitFor();
      assert.equal(await cs.getByRole('textbox', { name: /^Shop name/ }).inputValue(), 'Phone Doctor');
      assert.equal(await cs.getByRole('textbox', { name: /^Shop name/ }).getAttribute('readonly'), '');
      assert.equal(await cs.getByRole('button', { name: 'Save settings' }).count(), 0);
      assert.deepEqual(await adminA11yViolations(cs), []);
    } finally {
      await csContext.close();
    }
  });
});
