/**
 * The staff lifecycle in the browser (PV-STF-2, PV-STF-3): the owner invites a member from the staff page, the
 * member opens the link from the outbox, chooses a password (a weak one is refused at its field), reads and
 * accepts the confidentiality agreement, and sees the back office; the owner then deactivates them and their
 * open page falls back to the sign-in page.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { linkToken } from '../helpers/accounts-fixtures.ts';
import { OWNER_EMAIL } from '../helpers/app.ts';
import { adminA11yViolations, adminSettled, signInThroughPage } from './admin-helpers.ts';
import { launchBrowser, skipWithoutBrowser, startWebServer, type WebServer, watchPage } from './helpers.ts';

const MEMBER = 'morgan.desk@aftercare.test';

describe('staff invitations and the confidentiality agreement', { skip: skipWithoutBrowser() }, () => {
  let server: WebServer;
  let browser: Browser;
  let ownerContext: BrowserContext;
  let memberContext: BrowserContext;
  let owner: Page;
  let member: Page;
  let problems: string[];

  before(async () => {
    server = await startWebServer();
    browser = await launchBrowser();
    ownerContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    memberContext = await browser.newContext({ viewport: { width: 390, height: 900 } });
    owner = await ownerContext.newPage();
    member = await memberContext.newPage();
    problems = watchPage(owner);
  });
  after(async () => {
    await ownerContext?.close();
    await memberContext?.close();
    await browser?.close();
    await server?.close();
  });

  it('PV-STF-2: the owner invites a member from the staff page; the invitation waits for an answer; the last active owner is not offered Deactivate', async () => {
    await signInThroughPage(owner, server.url, '/admin/staff');
    await owner.getByRole('heading', { level: 1, name: 'Staff' }).waitFor();
    // A mistake is shown at its field and what was typed stays.
    await owner.getByLabel('Name').fill('Morgan Desk');
    await owner.getByLabel('Email').fill('not an address');
    await owner.getByRole('button', { name: 'Send the invitation' }).click();
    await owner.getByText('Enter an email address like name@example.com').waitFor();
    assert.equal(await owner.getByLabel('Name').inputValue(), 'Morgan Desk');
    await owner.getByLabel('Email').fill(MEMBER);
    await owner.getByLabel('Role').selectOption('customer_service');
    await owner.getByRole('button', { name: 'Send the invitation' }).click();
    await owner.getByText('Morgan Desk is invited').waitFor();
    await owner.locator(`[data-invitation="${MEMBER}"]`).waitFor();
    // The only active owner's own row offers no Deactivate the server would refuse: it says why instead.
    const ownRow = owner.locator(`[data-staff-member="${OWNER_EMAIL}"]`);
    await ownRow.getByText('You are the last active owner').waitFor();
    assert.equal(await ownRow.getByRole('button', { name: /Deactivate/ }).count(), 0);
    assert.deepEqual(await adminA11yViolations(owner), []);
    // 4xx answers are expected (the session check before signing in); nothing else may fail.
    assert.deepEqual(
      problems.filter((p) => !/\b4\d\d\b/.test(p)),
      [],
    );
  });

  it('PV-STF-2, PV-STF-3: the member opens the link, sets a password, accepts the agreement and sees the back office (not the owner’s job log)', async () => {
    const token = await linkToken(server, MEMBER, 'staff_invitation');
    await member.goto(`${server.url}/admin/invitation?token=${token}`, { waitUntil: 'networkidle' });
    await member.getByRole('heading', { level: 1, name: 'Join the back office' }).waitFor();
    await member.getByText(/invited as customer service/).waitFor();
    assert.deepEqual(await adminA11yViolations(member), []);
    await member.locator('#invitation-password').fill('password1234');
    await member.getByRole('button', { name: 'Set my password and continue' }).click();
    await member.getByText(/too easy to guess/).waitFor();
    await member.locator('#invitation-password').fill('copper Falcon drifts over 9 lakes');
    await member.getByRole('button', { name: 'Set my password and continue' }).click();

    await member.locator('[data-agreement-gate]').waitFor();
    await member.getByRole('heading', { level: 1, name: 'Confidentiality agreement' }).waitFor();
    assert.deepEqual(await adminA11yViolations(member), []);
    await member.getByRole('button', { name: 'I have read the agreement and accept it' }).click();
    await member.locator('[data-agreement-gate]').waitFor({ state: 'detached' });
    await adminSettled(member);
    await member.locator('[data-admin-shell]').waitFor();
    assert.equal(new URL(member.url()).pathname, '/admin');

    // The job log is the owner's: another member gets a 403 and the reason, not a load error with a retry that
    // fails, and the navigation does not offer the page (PV-STF-1).
    const jobs = await member.goto(`${server.url}/admin/jobs`, { waitUntil: 'networkidle' });
    assert.equal(jobs?.status(), 403);
    await adminSettled(member);
    await member.getByRole('heading', { level: 1, name: 'Not part of your role' }).waitFor();
    await member.getByText('This page is for the shop’s owner').waitFor();
    assert.equal(await member.getByRole('button', { name: 'Try again' }).count(), 0);
    assert.equal(await member.getByRole('link', { name: 'Background jobs' }).count(), 0);

    // The used link now says so.
    const again = await member.goto(`${server.url}/admin/invitation?token=${token}`);
    assert.equal(again?.status(), 400);
    await member.getByText('This invitation was already used').waitFor();
  });

  it('PV-STF-2: the owner deactivates the member; their open back office falls back to the sign-in page', async () => {
    await owner.reload({ waitUntil: 'networkidle' });
    await adminSettled(owner);
    await owner
      .locator(`[data-staff-member="${MEMBER}"]`)
      .getByRole('button', { name: 'Deactivate' })
      .click();
    await owner.getByRole('button', { name: 'Deactivate and sign them out' }).click();
    await owner.getByText('Morgan Desk was deactivated').waitFor();
    await owner.locator(`[data-staff-member="${MEMBER}"]`).getByText('Left the shop').waitFor();

    await member.goto(`${server.url}/admin/orders`, { waitUntil: 'networkidle' });
    await member.waitForURL((url) => url.pathname === '/admin/sign-in');
    // 4xx answers are expected (the session check before signing in); nothing else may fail.
    assert.deepEqual(
      problems.filter((p) => !/\b4\d\d\b/.test(p)),
      [],
    );
  });
});
