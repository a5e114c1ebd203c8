/**
 * Screenshots of the back office at phone and desktop widths, signed in as the demo owner:
 *   node --import tsx test/e2e/admin-screenshots.ts [out-dir]
 * Serves the demo shop (its after-sales cases included) on an in-memory database, places one guest order so
 * that the outbox has mail, and writes admin-<page>-<width>.png. Pages are drawn with reduced motion, so the
 * charts are pictured finished rather than mid-animation.
 */
import { mkdirSync } from 'node:fs';
import { adminSettled, placeGuestOrder, signInThroughPage } from './admin-helpers.ts';
import { launchBrowser, startWebServer } from './helpers.ts';

const outDir = process.argv[2] ?? 'docs/screenshots';
const widths = [390, 1280];

mkdirSync(outDir, { recursive: true });
const server = await startWebServer({ seed: true, seedCases: true });
const browser = await launchBrowser();
try {
  const guest = await placeGuestOrder(server.app, 'screenshot@example.com');
  const cookie = await server.staffCookie();
  const api = async <T>(url: string, payload?: object): Promise<T> =>
    (
      await server.app.inject({ method: payload ? 'POST' : 'GET', url, headers: { cookie }, payload })
    ).json() as T;
  // The guest order is paid and shipped, so that the outbox holds both of its emails.
  const found = await api<{ items: Array<{ id: string }> }>(`/api/admin/orders?q=${guest.order.reference}`);
  const guestId = found.items[0]?.id as string;
  await api(`/api/admin/orders/${guestId}/mark-paid`, {});
  await api(`/api/admin/orders/${guestId}/ship`, { carrier: 'UPS', trackingNumber: '1Z999AA10123456784' });
  const mail = await api<{ items: Array<{ id: string; template: string }> }>(
    `/api/admin/mail?orderId=${guestId}`,
  );
  const shippedMail = mail.items.find((m) => m.template === 'order_shipped')?.id;
  const shipped = await api<{ items: Array<{ id: string }> }>('/api/admin/orders?status=shipped&limit=1');
  const products = await api<{ items: Array<{ id: string }> }>('/api/admin/products?limit=1&status=active');
  const order = shipped.items[0]?.id;
  const product = products.items[0]?.id;
  if (!order || !product || !shippedMail)
    throw new Error('the demo shop has no shipped order or active product');
  const pages: Array<[string, string]> = [
    ['dashboard', '/admin'],
    ['orders', '/admin/orders'],
    ['order', `/admin/orders/${order}`],
    ['product', `/admin/products/${product}`],
    ['mail', '/admin/mail'],
    ['mail-item', `/admin/mail/${shippedMail}`],
    ['settings', '/admin/settings'],
    ['numbers', '/admin/numbers'],
    ['account', '/admin/account'],
    ['sign-in', '/admin/sign-in'],
  ];
  for (const width of widths) {
    const context = await browser.newContext({ viewport: { width, height: 900 }, reducedMotion: 'reduce' });
    const page = await context.newPage();
    await signInThroughPage(page, server.url);
    for (const [name, path] of pages) {
      if (name === 'sign-in') {
        await context.clearCookies();
      }
      await page.goto(server.url + path, { waitUntil: 'networkidle' });
      await adminSettled(page);
      // Lazy images load only near the viewport: scroll through once so the full-page picture has them.
      await page.evaluate('window.scrollTo(0, document.body.scrollHeight)');
      await page.waitForFunction(() =>
        Array.from(
          (globalThis as unknown as { document: { images: ArrayLike<{ complete: boolean }> } }).document
            .images,
        ).every((i) => i.complete),
      );
      await page.evaluate('window.scrollTo(0, 0)');
      const file = `${outDir}/admin-${name}-${width}.png`;
      await page.screenshot({ path: file, fullPage: true });
      console.log(file);
    }
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
