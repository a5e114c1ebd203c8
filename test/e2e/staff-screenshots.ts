/**
 * Screenshots of the staff lifecycle's pages at phone and desktop widths (PV-STF-2, PV-STF-3):
 *   node --import tsx test/e2e/staff-screenshots.ts [out-dir]
 * Serves an empty shop, invites members through the API (one accepted, one deactivated, one still waiting),
 * and writes admin-staff-<width>.png (the owner's staff page), admin-invitation-<width>.png (the invitee's
 * page from the emailed link), admin-agreement-<width>.png (the agreement before the back office) and
 * admin-account-<width>.png (the account page with new recovery codes).
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { linkToken } from '../helpers/accounts-fixtures.ts';
import { adminSettled, signInThroughPage } from './admin-helpers.ts';
import { launchBrowser, startWebServer } from './helpers.ts';

const outDir = process.argv[2] ?? 'docs/screenshots';
const widths = [390, 1280];
const PASSWORD = 'copper Falcon drifts over 9 lakes';

mkdirSync(outDir, { recursive: true });
const server = await startWebServer();
const browser = await launchBrowser();
try {
  const owner = await server.staffCookie();
  const post = (url: string, payload: object, cookie = owner) =>
    server.app.inject({ method: 'POST', url, headers: cookie ? { cookie } : {}, payload });
  const invite = async (email: string, name: string, role: string) => {
    await post('/api/admin/staff/invitations', { email, name, role });
    return linkToken(server, email, 'staff_invitation');
  };
  const accepted = await post(
    '/api/staff/invitation/acceptance',
    {
      token: await invite('morgan.desk@aftercare.test', 'Morgan Desk', 'customer_service'),
      password: PASSWORD,
    },
    '',
  );
  const left = await post(
    '/api/staff/invitation/acceptance',
    { token: await invite('lee.leaver@aftercare.test', 'Lee Leaver', 'technician'), password: PASSWORD },
    '',
  );
  const leftId = (left.json() as { staff: { id: string } }).staff.id;
  await post(`/api/admin/staff/${leftId}/deactivation`, {});
  const pending = await invite('tao.bench@aftercare.test', 'Tao Bench', 'technician');
  if (accepted.statusCode !== 200) throw new Error(`the invitation was refused: ${accepted.body}`);

  const shoot = async (page: Page, name: string, width: number) => {
    const file = `${outDir}/admin-${name}-${width}.png`;
    await page.screenshot({ path: file, fullPage: true });
    console.log(file);
  };
  for (const width of widths) {
    const viewport = { width, height: 900 };
    const ownerContext = await browser.newContext({ viewport, reducedMotion: 'reduce' });
    const page = await ownerContext.newPage();
    await signInThroughPage(page, server.url, '/admin/staff');
    await shoot(page, 'staff', width);
    await page.goto(`${server.url}/admin/account`, { waitUntil: 'networkidle' });
    await adminSettled(page);
    await shoot(page, 'account', width);
    await ownerContext.close();

    const guest = await browser.newContext({ viewport, reducedMotion: 'reduce' });
    const invitee = await guest.newPage();
    await invitee.goto(`${server.url}/admin/invitation?token=${pending}`, { waitUntil: 'networkidle' });
    await shoot(invitee, 'invitation', width);
    // The agreement as a new member meets it: through an invitation of their own, accepted on its page.
    const own = await invite(`robin.${width}@aftercare.test`, 'Robin Shelf', 'technician');
    await invitee.goto(`${server.url}/admin/invitation?token=${own}`, { waitUntil: 'networkidle' });
    await invitee.locator('#invitation-password').fill(PASSWORD);
    await invitee.getByRole('button', { name: 'Set my password and continue' }).click();
    await invitee.locator('[data-agreement-gate]').waitFor();
    await adminSettled(invitee);
    await shoot(invitee, 'agreement', width);
    await guest.close();
  }
} finally {
  await browser.close();
  await server.close();
}
