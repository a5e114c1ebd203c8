/**
 * What makes the storefront fast and findable on a phone, checked on the HTML itself (app.inject): pages
 * compressed by Accept-Encoding, no stylesheet request before the first paint, a description on every page,
 * and what the catalogue's price filter and breadcrumbs say. scripts/lighthouse.mjs measures the result.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { LightMyRequestResponse } from 'fastify';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { addToCart } from '../helpers/orders-fixtures.ts';

function cspNonce(res: LightMyRequestResponse): string {
  return /'nonce-([^']+)'/.exec(String(res.headers['content-security-policy']))?.[1] ?? '';
}

/** The text of the first element matching `open…</tag>`, without tags and React's text separators. */
function textIn(html: string, open: RegExp, tag: string): string | null {
  const start = open.exec(html);
  if (!start) return null;
  const end = html.indexOf(`</${tag}>`, start.index);
  return html
    .slice(start.index, end)
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function metaDescription(html: string): string | null {
  return /<meta name="description" content="([^"]*)"/.exec(html)?.[1] ?? null;
}

describe('storefront pages on a phone (demo shop)', () => {
  let t: TestApp;
  let slug: string;
  let cartCookie: string;
  before(async () => {
    t = await startTestApp({ seed: true });
    const list = await t.app.inject({ url: '/api/products?limit=1' });
    slug = (list.json() as { items: Array<{ slug: string }> }).items[0]?.slug ?? '';
    const product = await t.app.inject({ url: `/api/products/${slug}` });
    const variant = (product.json() as { variants: Array<{ id: string; stock: number }> }).variants.find(
      (v) => v.stock > 0,
    );
    assert.ok(variant, 'a demo variant in stock');
    cartCookie = (await addToCart(t.app, variant.id, 1)).cookie;
  });
  after(() => t?.close());

  it('pages leave compressed by Accept-Encoding (brotli first, then gzip), with Vary; plain when not asked', async () => {
    for (const url of ['/', '/products', `/products/${slug}`, '/no/such/page']) {
      const plain = await t.app.inject({ url });
      assert.equal(plain.headers['content-encoding'], undefined, url);
      assert.match(plain.body, /^<!DOCTYPE html>/i, url);

      const br = await t.app.inject({ url, headers: { 'accept-encoding': 'gzip, deflate, br' } });
      assert.equal(br.statusCode, plain.statusCode, url);
      assert.equal(br.headers['content-encoding'], 'br', url);
      assert.match(String(br.headers.vary), /accept-encoding/i, url);
      assert.ok(br.rawPayload.length < plain.rawPayload.length / 3, `${url}: ${br.rawPayload.length} bytes`);
      const html = brotliDecompressSync(br.rawPayload).toString('utf8');
      assert.match(html, /<\/html>$/, `${url}: the whole document`);

      const gzip = await t.app.inject({ url, headers: { 'accept-encoding': 'gzip' } });
      assert.equal(gzip.headers['content-encoding'], 'gzip', url);
      assert.match(gunzipSync(gzip.rawPayload).toString('utf8'), /<\/html>$/, url);
    }
  });

  it('a page with a cart (checkout) and a form answer are compressed too, cookies and CSP intact', async () => {
    const res = await t.app.inject({
      url: '/checkout',
      headers: { cookie: cartCookie, 'accept-encoding': 'br' },
    });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-encoding'], 'br');
    const html = brotliDecompressSync(res.rawPayload).toString('utf8');
    assert.ok(html.includes(`nonce="${cspNonce(res)}"`));
    assert.match(html, /<h1[^>]*>Checkout<\/h1>/);
  });

  it('the stylesheet and the shop colours are inline under the CSP nonce: no stylesheet request before the first paint', async () => {
    const res = await t.app.inject({ url: '/' });
    const nonce = cspNonce(res);
    assert.ok(nonce);
    assert.doesNotMatch(res.body, /<link[^>]+rel="stylesheet"/, 'no render-blocking stylesheet link');
    const styles = [...res.body.matchAll(/<style([^>]*)>([\s\S]*?)<\/style>/g)];
    assert.ok(
      styles.some(([, attrs, css]) => /data-app-css/.test(attrs ?? '') && (css ?? '').length > 10_000),
      'the built stylesheet, inline',
    );
    assert.ok(
      styles.some(([, , css]) => /^:root\{--color-primary:#0f766e;/.test(css ?? '')),
      'the shop colours, inline',
    );
    for (const [, attrs] of styles)
      assert.ok(attrs?.includes(`nonce="${nonce}"`), `nonce on <style${attrs}>`);
    assert.match(String(res.headers['content-security-policy']), /style-src 'self' 'nonce-/);
  });

  it('every storefront page has a description of its own or the shop’s tagline', async () => {
    const pages = [
      '/',
      '/products',
      '/products?category=smartphone',
      `/products/${slug}`,
      '/search?q=watch',
      '/search',
      '/cart',
      '/checkout',
      '/orders/lookup',
      '/policies/after-sales',
      '/policies/privacy',
      '/no/such/page',
    ];
    for (const url of pages) {
      const res = await t.app.inject({ url, headers: { cookie: cartCookie } });
      const description = metaDescription(res.body);
      assert.ok(description && description.length >= 50, `${url}: description "${description}"`);
    }
    const home = await t.app.inject({ url: '/' });
    assert.match(metaDescription(home.body) ?? '', /warranty/);
    assert.match(home.body, /<link rel="canonical" href="http:\/\/localhost:\d+\/"/);
  });

  it('the empty checkout a crawler sees is noindex; a customer’s checkout needs no robots rule; robots.txt lets it be read', async () => {
    const empty = await t.app.inject({ url: '/checkout' });
    assert.match(empty.body, /<meta name="robots" content="noindex, nofollow"/);
    const withCart = await t.app.inject({ url: '/checkout', headers: { cookie: cartCookie } });
    assert.doesNotMatch(withCart.body, /<meta name="robots"/);
    const robots = await t.app.inject({ url: '/robots.txt' });
    assert.doesNotMatch(robots.body, /^Disallow: \/checkout/m);
    assert.match(robots.body, /^Disallow: \/cart$/m);
  });

  it('catalogue: a minimum price above the maximum is refused at the field, keeping what was typed', async () => {
    const res = await t.app.inject({ url: '/products?minPrice=500&maxPrice=100' });
    assert.equal(res.statusCode, 200);
    assert.match(
      res.body,
      /<input[^>]*id="maxPrice"[^>]*aria-invalid="true"|<input[^>]*aria-invalid="true"[^>]*id="maxPrice"/,
    );
    assert.match(res.body, /id="maxPrice-error"[^>]*>.*The highest price must be at least the lowest price/);
    assert.match(res.body, /<input[^>]*name="minPrice"[^>]*value="500"/);
    assert.match(res.body, /<input[^>]*name="maxPrice"[^>]*value="100"/);
    // A range that is the right way round filters without a message.
    const fine = await t.app.inject({ url: '/products?minPrice=100&maxPrice=500' });
    assert.doesNotMatch(fine.body, /id="maxPrice-error"/);
  });

  it('breadcrumbs: separators between items only, ending with the current page', async () => {
    const product = await t.app.inject({ url: `/products/${slug}` });
    const name = /<h1[^>]*>([^<]+)<\/h1>/.exec(product.body)?.[1];
    assert.ok(name);
    const trail = textIn(product.body, /<nav aria-label="Breadcrumb"/, 'nav');
    assert.ok(trail);
    assert.match(
      trail,
      new RegExp(`^Home / Products / [^/]+ / ${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`),
    );
    assert.match(product.body, /<span aria-current="page"[^>]*>/);

    const cart = await t.app.inject({ url: '/cart', headers: { cookie: cartCookie } });
    assert.equal(textIn(cart.body, /<nav aria-label="Breadcrumb"/, 'nav'), 'Home / Your cart');
  });
});
