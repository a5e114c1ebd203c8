/**
 * Products in the back office: a product is created with a price typed in dollars (stored as integer cents),
 * an empty required field is shown at the field before anything is sent, and stock is adjusted by a delta.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { adminA11yViolations, adminSettled, type BackOffice, openBackOffice } from './admin-helpers.ts';
import { skipWithoutBrowser, type WebServer } from './helpers.ts';

describe('products in the back office', { skip: skipWithoutBrowser() }, () => {
  let server: WebServer;
  let backOffice: BackOffice;
  let page: Page;
  let problems: string[];

  before(async () => {
    backOffice = await openBackOffice('/admin/products');
    ({ server, page, problems } = backOffice);
  });
  after(async () => backOffice?.close());

  it('an empty shop says so and offers to add a product', async () => {
    await page.getByRole('heading', { name: 'No products yet' }).waitFor();
    await page.getByRole('link', { name: 'New product' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'New product' }).waitFor();
  });

  it('a missing name is shown at its field, and nothing is sent', async () => {
    await page.getByRole('button', { name: 'Create product' }).click();
    const name = page.getByRole('textbox', { name: /^Name/ });
    assert.equal(await name.getAttribute('aria-invalid'), 'true');
    await page.getByText('Some fields need a look').waitFor();
    assert.deepEqual(await adminA11yViolations(page), []);
  });

  it('creates a product whose price typed in dollars is stored in cents', async () => {
    await page.getByRole('textbox', { name: /^Name/ }).fill('Test Phone X');
    await page.getByLabel('Brand').fill('Testbrand');
    await page.getByLabel('Summary').fill('A phone made in a test.');
    await page.getByLabel('Description').fill('It exists only while this test runs.');
    await page.getByLabel('SKU').fill('tpx-128');
    await page.getByLabel('Variant name').fill('128 GB, black');
    await page.getByLabel('Price ($)').fill('1,299.5');
    await page.getByLabel('Stock').fill('4');
    await page.getByRole('button', { name: 'Create product' }).click();
    await page.getByText('Product created.').waitFor();
    await page.getByRole('heading', { level: 1, name: /Test Phone X/ }).waitFor();
    await adminSettled(page);
    const id = new URL(page.url()).pathname.split('/').at(-1) as string;
    const res = await server.app.inject({
      method: 'GET',
      url: `/api/admin/products/${id}`,
      headers: { cookie: await server.staffCookie() },
    });
    const product = res.json() as { status: string; variants: Array<{ sku: string; priceCents: number }> };
    assert.equal(product.status, 'draft');
    assert.deepEqual(
      product.variants.map((v) => [v.sku, v.priceCents]),
      [['TPX-128', 129_950]],
    );
    assert.equal(await page.getByLabel('Price ($)').inputValue(), '1299.50');
  });

  it('adjusts the stock by a delta', async () => {
    await page.getByLabel('Change the stock of 128 GB, black by').fill('+3');
    await page.getByRole('button', { name: 'Apply to 128 GB, black' }).click();
    await page.getByText('Now 7').waitFor();
    assert.deepEqual(await adminA11yViolations(page), []);
    // The sign-in page asks for the session first: its 401 is the expected answer.
    assert.deepEqual(
      problems.filter((p) => !/^401 fetch .*\/api\/staff\/session$/.test(p)),
      [],
    );
  });
});
