/**
 * PV-STF-1 in the browser: the owner invites a customer-service member, who opens the invitation, chooses a
 * password and accepts the confidentiality agreement; the member then sees the customer's details on the case
 * assigned to them and only initials and the email's domain on an unassigned one, whose page says why and
 * offers to take it. Screenshots of the masked case page at phone and desktop width (SCREENSHOT_DIR).
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { staffUsers } from '../../src/accounts/schema.ts';
import { linkToken } from '../helpers/accounts-fixtures.ts';
import { deliveredOrder, openCase, staffRequest } from '../helpers/cases-fixtures.ts';
import { adminA11yViolations, adminSettled, signInThroughPage } from './admin-helpers.ts';
import { launchBrowser, skipWithoutBrowser, startWebServer, type WebServer, watchPage } from './helpers.ts';

const MEMBER = 'sam.case@aftercare.test';
const SHOTS = process.env.SCREENSHOT_DIR ?? join(process.cwd(), 'data', 'screenshots');

describe('staff see only their customers’ details (PV-STF-1)', { skip: skipWithoutBrowser() }, () => {
  let server: WebServer;
  let browser: Browser;
  let ownerContext: BrowserContext;
  let memberContext: BrowserContext;
  let owner: Page;
  let member: Page;
  let problems: string[];
  let mineCase = { id: '', reference: '' };
  let freeCase = { id: '', reference: '' };

  before(async () => {
    server = await startWebServer();
    browser = await launchBrowser();
    ownerContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    memberContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    owner = await ownerContext.newPage();
    member = await memberContext.newPage();
    problems = watchPage(member);
    const ownerCookie = await server.staffCookie();
    const mine = await deliveredOrder(server, ownerCookie, [{}], 'delivered', 'jane.doe@example.com');
    const free = await deliveredOrder(server, ownerCookie, [{}], 'delivered', 'free@example.org');
    mineCase = await openCase(server, ownerCookie, mine, mine.lineIds[0] as string);
    freeCase = await openCase(server, ownerCookie, free, free.lineIds[0] as string);
  });
  after(async () => {
    await ownerContext?.close();
    await memberContext?.close();
    await browser?.close();
    await server?.close();
  });

  it('PV-STF-1, PV-STF-3: the owner invites a customer-service member who joins and accepts the agreement', async () => {
    await signInThroughPage(owner, server.url, '/admin/staff');
    await owner.getByRole('heading', { level: 1, name: 'Staff' }).waitFor();
    await owner.getByLabel('Name').fill('Sam Case');
    await owner.getByLabel('Email').fill(MEMBER);
    await owner.getByLabel('Role').selectOption('customer_service');
    await owner.getByRole('button', { name: 'Send the invitation' }).click();
    await owner.getByText('Sam Case is invited').waitFor();

    const token = await linkToken(server, MEMBER, 'staff_invitation');
    await member.goto(`${server.url}/admin/invitation?token=${token}`, { waitUntil: 'networkidle' });
    await member.locator('#invitation-password').fill('copper Falcon drifts over 9 lakes');
    await member.getByRole('button', { name: 'Set my password and continue' }).click();
    await member.getByRole('button', { name: 'I have read the agreement and accept it' }).click();
    await member.locator('[data-agreement-gate]').waitFor({ state: 'detached' });
    await adminSettled(member);

    // The owner gives the member one case (the API the case page's Assign form uses).
    const [row] = await server.ctx.db
      .select({ id: staffUsers.id })
      .from(staffUsers)
      .where(eq(staffUsers.email, MEMBER));
    const res = await staffRequest(
      server,
      await server.staffCookie(),
      'POST',
      `/api/admin/cases/${mineCase.id}/assign`,
      {
        staffId: row?.id,
      },
    );
    assert.equal(res.statusCode, 200, res.body);
  });

  it('PV-STF-1: the member’s queue shows their case with the customer’s details and an unassigned one masked', async () => {
    await member.goto(`${server.url}/admin/cases`, { waitUntil: 'networkidle' });
    await adminSettled(member);
    const mineRow = member.getByRole('row').filter({ hasText: mineCase.reference });
    await mineRow.getByText('Ada Lovelace · jane.doe@example.com').waitFor();
    const freeRow = member.getByRole('row').filter({ hasText: freeCase.reference });
    await freeRow.getByText('A. L. · …@example.org').waitFor();
    assert.equal(await member.getByText('free@example.org').count(), 0);
    assert.deepEqual(await adminA11yViolations(member), []);
  });

  it('PV-STF-1: the unassigned case’s page hides the customer, says why and offers Take; their own shows everything', async () => {
    mkdirSync(SHOTS, { recursive: true });
    await member.goto(`${server.url}/admin/cases/${freeCase.id}`, { waitUntil: 'networkidle' });
    await adminSettled(member);
    await member
      .getByText(/customer details hidden \(PV-STF-1\)/)
      .first()
      .waitFor();
    await member.getByText('A. L.').first().waitFor();
    assert.equal(await member.getByText('free@example.org').count(), 0);
    await member.getByRole('button', { name: `Take ${freeCase.reference}` }).waitFor();
    assert.deepEqual(await adminA11yViolations(member), []);
    await member.screenshot({ path: join(SHOTS, 'staff-visibility-masked-1280.png'), fullPage: true });
    await member.setViewportSize({ width: 390, height: 844 });
    await adminSettled(member);
    await member.screenshot({ path: join(SHOTS, 'staff-visibility-masked-390.png'), fullPage: true });
    assert.deepEqual(await adminA11yViolations(member), []);
    await member.setViewportSize({ width: 1280, height: 900 });

    await member.goto(`${server.url}/admin/cases/${mineCase.id}`, { waitUntil: 'networkidle' });
    await adminSettled(member);
    await member.getByText('jane.doe@example.com').first().waitFor();
    assert.equal(await member.getByText(/customer details hidden/).count(), 0);
    // 4xx answers are expected (the session check before signing in); nothing else may fail.
    assert.deepEqual(
      problems.filter((p) => !/\b4\d\d\b/.test(p)),
      [],
    );
  });
});
