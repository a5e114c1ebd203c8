/**
 * Screenshots of storefront pages at phone and desktop widths, for looking at a change as a person would:
 *   node --import tsx test/e2e/screenshots.ts [out-dir] [/path,/other-path]
 * Serves the demo shop on an in-memory database, like the browser tests.
 */
import { mkdirSync } from 'node:fs';
import { launchBrowser, startWebServer } from './helpers.ts';

const outDir = process.argv[2] ?? 'screenshots';
const paths = (process.argv[3] ?? '/,/no-such-page').split(',');
const widths = [390, 1280];

mkdirSync(outDir, { recursive: true });
const server = await startWebServer({ seed: true });
const browser = await launchBrowser();
try {
  for (const width of widths) {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    for (const path of paths) {
      await page.goto(server.url + path, { waitUntil: 'networkidle' });
      // Lazy images load only near the viewport: scroll through once so the full-page picture has them.
      await page.evaluate('window.scrollTo(0, document.body.scrollHeight)');
      // Strings run through the debugger protocol: the page's CSP forbids eval (so no waitForFunction).
      // Lazy images far from both ends of the page would never start: they are made eager, then awaited.
      await page.evaluate(`Promise.race([
        new Promise((done) => setTimeout(done, 5000)),
        Promise.all(Array.from(document.images).map((i) => {
          i.loading = 'eager';
          return i.complete ? null : new Promise((done) => { i.onload = done; i.onerror = done; });
        })),
      ])`);
      await page.evaluate('window.scrollTo(0, 0)');
      const name = path === '/' ? 'home' : path.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '');
      await page.screenshot({ path: `${outDir}/${name}-${width}.png`, fullPage: true });
      console.log(`${outDir}/${name}-${width}.png`);
    }
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
