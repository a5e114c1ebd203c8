import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { saveShopSettings } from '../../src/settings/shop.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';

// The web app is built by `npm test` (scripts/build-web.mjs --if-stale) before this file runs.
describe('storefront served by the Fastify process (demo shop)', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ seed: true });
  });
  after(() => t.close());

  it('pages are HTML with a nonce-based CSP and are not stored by shared caches', async () => {
    const res = await t.app.inject({ url: '/' });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^text\/html/);
    assert.equal(res.headers['cache-control'], 'private, no-cache');
    const csp = String(res.headers['content-security-policy']);
    assert.match(csp, /script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    assert.match(csp, /frame-ancestors 'none'/);
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1] ?? '';
    assert.ok(res.body.includes(`nonce="${nonce}"`));
    // A fresh nonce per response.
    const again = await t.app.inject({ url: '/' });
    assert.notEqual(again.headers['content-security-policy'], csp);
  });

  it('the home page arrives as HTML with the featured, new and clearance products', async () => {
    const res = await t.app.inject({ url: '/' });
    const featured = await t.app.inject({ url: '/api/products?featured=true&limit=4' });
    const first = (featured.json() as { items: Array<{ name: string }> }).items[0];
    assert.ok(first, 'the demo shop features products');
    for (const heading of ['Featured', 'New arrivals', 'Clearance']) {
      assert.ok(res.body.includes(`>${heading}</h2>`), heading);
    }
    assert.ok(res.body.includes(first.name));
  });

  it('an unknown page is a 404 HTML page; an unknown API route stays a JSON 404', async () => {
    const page = await t.app.inject({ url: '/no/such/page?x=1' });
    assert.equal(page.statusCode, 404);
    assert.match(page.body, /We can’t find that page/);
    assert.match(page.body, /<title>Page not found · Aftercare<\/title>/);
    const api = await t.app.inject({ url: '/api/no-such-route' });
    assert.equal(api.statusCode, 404);
    assert.equal(api.json().error.code, 'not_found');
  });

  it('hashed assets are cached for a year, other static files for an hour', async () => {
    const html = (await t.app.inject({ url: '/' })).body;
    const script = /\/assets\/[\w.-]+\.js/.exec(html)?.[0];
    assert.ok(script);
    const asset = await t.app.inject({ url: script });
    assert.equal(asset.statusCode, 200);
    assert.equal(asset.headers['cache-control'], 'public, max-age=31536000, immutable');
    const brotli = await t.app.inject({ url: script, headers: { 'accept-encoding': 'br, gzip' } });
    assert.equal(brotli.headers['content-encoding'], 'br');
    assert.ok(brotli.rawPayload.length < asset.rawPayload.length);
    assert.equal(brotli.headers.vary, 'Accept-Encoding');
    const icon = await t.app.inject({ url: '/favicon.svg' });
    assert.equal(icon.headers['cache-control'], 'public, max-age=3600');
  });

  it('robots.txt points to the sitemap; the sitemap lists the static pages', async () => {
    const robots = await t.app.inject({ url: '/robots.txt' });
    assert.equal(robots.statusCode, 200);
    assert.match(robots.body, /^Disallow: \/api\/$/m);
    assert.match(robots.body, /^Sitemap: http:\/\/localhost:\d+\/sitemap\.xml$/m);
    const sitemap = await t.app.inject({ url: '/sitemap.xml' });
    assert.equal(sitemap.statusCode, 200);
    assert.match(String(sitemap.headers['content-type']), /^application\/xml/);
    assert.match(sitemap.body, /<loc>http:\/\/localhost:\d+\/policies\/after-sales<\/loc>/);
    // Every active product of the demo shop, read through the catalog service.
    assert.match(sitemap.body, /<loc>http:\/\/localhost:\d+\/products\/nimbus-x2<\/loc>/);
    assert.doesNotMatch(sitemap.body, /nimbus-x3|orbit-zero/, 'no draft or archived product');
  });

  it('shop name, colour and social links (SH-SOC-1) come from the settings', async () => {
    await saveShopSettings(t.ctx.db, {
      name: 'Volt & Co',
      primaryColor: '#facc15',
      social: [{ network: 'mastodon', url: 'https://social.example/@voltco' }],
    });
    const res = await t.app.inject({ url: '/' });
    assert.match(res.body, /<title>Volt &amp; Co<\/title>/);
    assert.match(res.body, /href="https:\/\/social\.example\/@voltco"[^>]*>Mastodon</);
    // The colours are inline in the page (no extra request on a phone); /theme.css serves the same.
    assert.match(res.body, /<style nonce="[^"]+">:root\{--color-primary:#facc15;/);
    const css = await t.app.inject({ url: '/theme.css?v=facc15' });
    assert.match(css.body, /--color-primary:#facc15/);
    assert.match(css.body, /--color-on-primary:#000000/, 'dark text on a light colour');
    assert.equal(css.headers['cache-control'], 'public, max-age=31536000, immutable');
  });

  it('a stored setting that is no longer valid falls back to its default', async () => {
    const { appSettings } = await import('../../src/settings/schema.ts');
    await t.ctx.db
      .insert(appSettings)
      .values({ key: 'shop', value: { name: '', primaryColor: 'red' } })
      .onConflictDoUpdate({ target: appSettings.key, set: { value: { name: '', primaryColor: 'red' } } });
    const res = await t.app.inject({ url: '/' });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<title>Aftercare<\/title>/);
    assert.match(res.body, /:root\{--color-primary:#0f766e;/);
  });

  it('a form post reaches the page with its body (no API body parser in the way)', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/policies/after-sales',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' },
      payload: 'a=1',
    });
    // The page has no action: React Router answers 405, which proves the request got through to it.
    assert.equal(res.statusCode, 405);
  });
});

describe('a page whose data cannot be loaded', () => {
  it('answers 500 with a friendly page naming the request, and no stack trace', async () => {
    const t = await startTestApp();
    await t.ctx.database.close(); // every query now fails
    try {
      const res = await t.app.inject({ url: '/' });
      assert.equal(res.statusCode, 500);
      assert.match(res.body, /Something went wrong on our side/);
      const reference = /<code[^>]*>([0-9a-f-]{36})<\/code>/.exec(res.body)?.[1];
      assert.ok(reference, 'a reference to quote');
      assert.doesNotMatch(res.body, /at [\w.<>]+ \(|\.ts:\d+|node_modules/, 'no stack trace');
    } finally {
      await t.app.close();
    }
  });
});
