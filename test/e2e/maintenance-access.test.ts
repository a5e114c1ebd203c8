/**
 * PV-STF-1 in the back office: the owner gives a technician maintenance access to one customer with a reason,
 * sees it listed, revokes it; then reads the audit log and filters it, and opens it from an order's page
 * ("Who read this"). Screenshots of both pages at phone and
 * desktop widths go to AUDIT_SCREENSHOTS when it is set.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { staffUsers } from '../../src/accounts/schema.ts';
import { recordStaffAccess } from '../../src/privacy/staff-access/record-access.ts';
import { uuidv7 } from '../../src/shared/ids.ts';
import { acceptedAgreement } from '../helpers/app.ts';
import { insertCustomer, insertOrder } from '../helpers/staff-access-fixtures.ts';
import { adminA11yViolations, adminSettled, type BackOffice, openBackOffice } from './admin-helpers.ts';
import { skipWithoutBrowser } from './helpers.ts';

const shots = process.env.AUDIT_SCREENSHOTS;

describe('maintenance access and the audit log in the back office (PV-STF-1)', {
  skip: skipWithoutBrowser(),
}, () => {
  let backOffice: BackOffice;
  let page: Page;

  before(async () => {
    backOffice = await openBackOffice('/admin');
    ({ page } = backOffice);
    const { db } = backOffice.server.ctx;
    const techId = uuidv7();
    await db.insert(staffUsers).values({
      id: techId,
      email: 'tess@aftercare.test',
      name: 'Tess Technician',
      passwordHash: 'not-a-password',
      role: 'technician',
      ...acceptedAgreement(),
    });
    const ada = await insertCustomer(db, { email: 'ada@example.com', name: 'Ada Lovelace' });
    await insertOrder(db, { reference: 'AC-26-00401', customerId: ada, email: 'ada@example.com' });
    const sam = { id: uuidv7(), name: 'Sam Support', role: 'customer_service' as const };
    const now = Date.now();
    for (let i = 0; i < 3; i++) {
      await recordStaffAccess(db, sam, new Date(now - (i + 1) * 60_000), [
        {
          outcome: 'read',
          recordType: 'case',
          recordId: `RMA-26-0000${i}`,
          customerId: ada,
          fields: ['name'],
        },
      ]);
    }
    await recordStaffAccess(db, sam, new Date(now - 10 * 60_000), [
      { outcome: 'refused', recordType: 'order', recordId: 'AC-26-00401', customerId: ada, fields: [] },
    ]);
  });
  after(async () => backOffice?.close());

  async function screenshot(name: string) {
    if (!shots) return;
    mkdirSync(shots, { recursive: true });
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await adminSettled(page);
      await page.screenshot({ path: join(shots, `${name}-${width}.png`), fullPage: true });
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  }

  it('PV-STF-1: the owner reaches Maintenance access from the navigation and gives a technician access to one customer', async () => {
    await page
      .getByRole('navigation', { name: 'Back office' })
      .getByRole('link', { name: 'Maintenance access' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Maintenance access' }).waitFor();
    await adminSettled(page);
    await page.getByLabel(/^Technician/).selectOption({ label: 'Tess Technician' });
    await page.getByLabel(/^Reason/).fill('Order total looks wrong');
    await page.getByLabel(/^Customer/).fill('AC-26-00401');
    await page.getByLabel(/^For how many hours/).fill('99');
    await page.getByRole('button', { name: 'Give access' }).click();
    await page.getByText('At most 72 hours at once').waitFor();
    await page.getByLabel(/^For how many hours/).fill('4');
    await page.getByRole('button', { name: 'Give access' }).click();
    await page.getByText(/Tess Technician has maintenance access to ada@example\.com until/).waitFor();
    const row = page.getByRole('list', { name: 'Maintenance access given' }).getByRole('listitem').first();
    await row.getByText('Reason: Order total looks wrong').waitFor();
    await row.getByText('In force').waitFor();
    await row.getByText(/Given by Shop owner/).waitFor();
    assert.deepEqual(await adminA11yViolations(page), []);
    await screenshot('maintenance-access');
  });

  it('PV-STF-1: the owner revokes it and the list says so', async () => {
    await page.getByRole('button', { name: /Revoke Tess Technician’s access/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Revoke now' }).click();
    await page.getByText('Tess Technician’s maintenance access was revoked.').waitFor();
    const row = page.getByRole('list', { name: 'Maintenance access given' }).getByRole('listitem').first();
    await row.getByText(/revoked by Shop owner/).waitFor();
    assert.equal(await page.getByRole('button', { name: /Revoke Tess/ }).count(), 0);
  });

  it('PV-STF-1: the owner reads the audit log and filters it by outcome in the URL', async () => {
    await page
      .getByRole('navigation', { name: 'Back office' })
      .getByRole('link', { name: 'Audit log' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
    await adminSettled(page);
    const entries = page.getByRole('list', { name: 'Audit log' }).getByRole('listitem');
    await entries.first().waitFor();
    assert.equal(await entries.count(), 4);
    await page.getByLabel(/^Outcome/).selectOption({ label: 'Refused' });
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL(/outcome=refused/);
    await adminSettled(page);
    assert.equal(await entries.count(), 1);
    await entries.first().getByText('AC-26-00401').waitFor();
    assert.deepEqual(await adminA11yViolations(page), []);
    await page.goto(`${backOffice.server.url}/admin/audit-log`);
    await entries.first().waitFor();
    await screenshot('audit-log');
    // The sign-in page's first look for a session is a 401 by design; nothing else failed.
    assert.deepEqual(
      backOffice.problems.filter((p) => !/^401 fetch .*\/api\/staff\/session$/.test(p)),
      [],
    );
  });

  it('PV-STF-1: from a guest order’s page the owner opens “Who read this”; a reference of no record type is shown at the field, kept as typed', async () => {
    const { db } = backOffice.server.ctx;
    const orderId = await insertOrder(db, {
      reference: 'AC-26-00402',
      customerId: null,
      email: 'grace@example.com',
    });
    await page.goto(`${backOffice.server.url}/admin/orders/${orderId}`);
    await page.getByRole('heading', { level: 1, name: /AC-26-00402/ }).waitFor();
    await adminSettled(page);
    await page.getByRole('link', { name: /^Who read this/ }).click();
    await page.waitForURL(/record=AC-26-00402/);
    await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
    await adminSettled(page);
    const entries = page.getByRole('list', { name: 'Audit log' }).getByRole('listitem');
    await entries.first().waitFor();
    // The owner's own read of the order page, and nothing of the other order's rows.
    for (const entry of await entries.all()) {
      await entry.getByText(orderId).waitFor();
      await entry.getByRole('link', { name: /AC-26-00402/ }).waitFor();
    }
    assert.equal(await page.getByLabel(/^Record type/).inputValue(), 'order');
    assert.equal(await page.getByLabel(/^Record$/).inputValue(), 'AC-26-00402');

    await page.getByLabel(/^Record$/).fill('hello');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL(/record=hello/);
    await page
      .getByText(/is not an order reference \(AC-26-00123\)/)
      .first()
      .waitFor();
    assert.equal(await page.getByLabel(/^Record$/).inputValue(), 'hello');
    assert.equal(await page.getByLabel(/^Record$/).getAttribute('aria-invalid'), 'true');
    assert.deepEqual(await adminA11yViolations(page), []);

    await page.getByLabel(/^Record$/).fill('AC-26-99999');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL(/record=AC-26-99999/);
    await page.getByText('No order has the reference AC-26-99999.').waitFor();
    // The refused filter's 400 is the only failed request besides the sign-in page's first session look.
    assert.deepEqual(
      backOffice.problems.filter(
        (p) =>
          !/^401 fetch .*\/api\/staff\/session$/.test(p) && !/^400 fetch .*\/api\/admin\/audit-log\?/.test(p),
      ),
      [],
    );
  });
});
