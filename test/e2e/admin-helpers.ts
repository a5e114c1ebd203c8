/** What the back-office browser tests and screenshots share: a guest order through the API, staff sign-in. */

import { AxeBuilder } from '@axe-core/playwright';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { totpCodeAt } from '../../src/accounts/second-factor/totp.rules.ts';
import type { CheckoutResponse } from '../../src/orders/schemas.ts';
import {
  enrolledSecret,
  forgetLastCodeForFrozenClock,
  OWNER_EMAIL,
  OWNER_PASSWORD,
  rememberAuthenticator,
  type TestAppOptions,
} from '../helpers/app.ts';
import { addToCart, checkoutPayload, placeOrder } from '../helpers/orders-fixtures.ts';
import { launchBrowser, startWebServer, type WebServer, watchPage, webServerAt } from './helpers.ts';

/** A variant of an active demo product that has stock. */
export async function variantInStock(app: FastifyInstance): Promise<{ id: string; productName: string }> {
  const list = await app.inject({ method: 'GET', url: '/api/products?limit=60' });
  const items = (list.json() as { items: Array<{ slug: string; name: string; inStock: boolean }> }).items;
  for (const item of items.filter((i) => i.inStock)) {
    const res = await app.inject({ method: 'GET', url: `/api/products/${item.slug}` });
    const product = res.json() as { variants: Array<{ id: string; stock: number }> };
    const variant = product.variants.find((v) => v.stock > 0);
    if (variant) return { id: variant.id, productName: item.name };
  }
  throw new Error('no demo product in stock');
}

/** A guest adds to the cart and checks out by bank transfer, as the storefront would through the API. */
export async function placeGuestOrder(app: FastifyInstance, email: string): Promise<CheckoutResponse> {
  const variant = await variantInStock(app);
  const { res, cookie } = await addToCart(app, variant.id, 1);
  if (res.statusCode !== 200) throw new Error(`add to cart: ${res.statusCode} ${res.body}`);
  const checkout = await placeOrder(app, cookie, checkoutPayload({ email }));
  if (checkout.statusCode !== 201 && checkout.statusCode !== 200) {
    throw new Error(`checkout: ${checkout.statusCode} ${checkout.body}`);
  }
  return checkout.json() as CheckoutResponse;
}

/** Waits until the back office shows its data: the document loaded, no spinner or placeholder left. */
export async function adminSettled(page: Page): Promise<void> {
  // A function, not a string: a polled string would be eval'd in the page, which its CSP refuses. This
  // tsconfig has no DOM types, hence the narrow view of the document.
  await page.waitForFunction(() => {
    const doc = (globalThis as unknown as { document: PageDocument }).document;
    return (
      doc.readyState === 'complete' &&
      doc.querySelector('[data-admin-shell], [data-admin-sign-in]') !== null &&
      doc.querySelectorAll('.animate-spin, .animate-pulse').length === 0
    );
  });
  // Colour transitions still running (a button leaving its busy look) would have axe read colours half-way.
  await page.evaluate(async () => {
    const doc = (globalThis as unknown as { document: AnimatedDocument }).document;
    const finite = doc
      .getAnimations()
      .filter((a) => a.effect?.getComputedTiming().iterations !== Number.POSITIVE_INFINITY);
    await Promise.all(finite.map((a) => a.finished.catch(() => undefined)));
  });
}

interface AnimatedDocument {
  getAnimations(): Array<{
    finished: Promise<unknown>;
    effect: { getComputedTiming(): { iterations?: number } } | null;
  }>;
}

interface PageDocument {
  readyState: string;
  querySelector(selector: string): unknown;
  querySelectorAll(selector: string): { length: number };
}

/** Signs in through the sign-in page as the owner, or as `as` (the `next` page or the dashboard follows). */
export async function signInThroughPage(
  page: Page,
  baseUrl: string,
  next = '/admin',
  as: { email: string; password: string } = { email: OWNER_EMAIL, password: OWNER_PASSWORD },
): Promise<void> {
  await page.goto(`${baseUrl}/admin/sign-in?next=${encodeURIComponent(next)}`, { waitUntil: 'networkidle' });
  await page.getByLabel('Email').fill(as.email);
  await page.getByLabel('Password').fill(as.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // Three ways on: the back office itself, the code of a member's authenticator, or (an owner without one)
  // setting it up first. The helper plays the member's phone, reading the server's clock as the app would.
  const nextPath = next.split('?')[0];
  await page.waitForFunction((path) => {
    const doc = (globalThis as unknown as { document: PageDocument & { location: { pathname: string } } })
      .document;
    return (
      doc.querySelector('#staff-code, [data-enrol-first]') !== null ||
      (doc.location.pathname === path && doc.querySelector('[data-admin-shell]') !== null)
    );
  }, nextPath);
  const server = webServerAt(baseUrl);
  const now = () => server.ctx.clock.now().getTime();
  if (await page.locator('#staff-code').isVisible()) {
    await page.getByLabel('Code from your authenticator app').fill(await authenticatorCode(server, as.email));
    await page.getByRole('button', { name: 'Sign in' }).click();
  }
  await page.waitForURL((url) => url.pathname === nextPath);
  await adminSettled(page);
  if (await page.locator('[data-enrol-first]').isVisible()) {
    await page.getByRole('button', { name: 'Set up an authenticator app' }).click();
    const secret = await page.locator('[data-totp-secret]').getAttribute('data-totp-secret');
    if (!secret) throw new Error('the enrolment showed no key');
    await page.getByLabel('Code from the app').fill(totpCodeAt(secret, now()));
    await page.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
    await page.getByRole('button', { name: 'I have kept my recovery codes' }).click();
    rememberAuthenticator(server, as.email, secret);
    await page.locator('[data-enrol-first]').waitFor({ state: 'detached' });
    await adminSettled(page);
  }
  // PV-STF-3: a member who has not accepted the confidentiality agreement accepts it (the tests' owner has).
  if (await page.locator('[data-agreement-gate]').isVisible()) {
    await page.getByRole('button', { name: 'I have read the agreement and accept it' }).click();
    await page.locator('[data-agreement-gate]').waitFor({ state: 'detached' });
    await adminSettled(page);
  }
}

/**
 * The code a member's authenticator (enrolled by the test helpers) shows at the server's time. The member's last
 * accepted step is forgotten first, as `staffSignIn` does, so a test clock standing still can sign in again.
 */
export async function authenticatorCode(server: WebServer, email: string): Promise<string> {
  const secret = enrolledSecret(server, email);
  if (!secret) throw new Error(`${email} has an authenticator the tests did not enrol`);
  await forgetLastCodeForFrozenClock(server, email);
  return totpCodeAt(secret, server.ctx.clock.now().getTime());
}

/**
 * axe's serious and critical findings, as helpers.ts's seriousA11yViolations, leaving out the email preview
 * frame: it is the customer's email, not the back office, and a frame that may not run scripts would keep
 * axe waiting for an answer from inside it.
 */
export async function adminA11yViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .exclude('iframe[data-mail-preview]')
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

export interface BackOffice {
  server: WebServer;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Console errors and failed requests of `page` (see watchPage). */
  problems: string[];
  close(): Promise<void>;
}

/**
 * The start of a back-office browser test: a shop (`options`: e.g. the demo's catalogue, orders and cases), a
 * desktop-width page, the owner signed in on `next`.
 */
export async function openBackOffice(next = '/admin', options: TestAppOptions = {}): Promise<BackOffice> {
  const server = await startWebServer(options);
  const browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = watchPage(page);
  await signInThroughPage(page, server.url, next);
  return {
    server,
    browser,
    context,
    page,
    problems,
    async close() {
      await context.close();
      await browser.close();
      await server.close();
    },
  };
}
