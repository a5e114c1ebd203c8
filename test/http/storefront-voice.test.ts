/**
 * The shop's voice on every storefront page of the demo shop: shoppers read rules, never the clause IDs the
 * software and staff use ("AS-GEN-6", "Clause AS-GEN-1"); no raw value such as `bank_transfer` reaches the
 * screen; money is "$", dates one style, and the privacy page promises only what the shop does.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { orderLinkToken } from '../../src/orders/order-link.ts';
import { orders } from '../../src/orders/schema.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';

/** What a person sees: the body's text without scripts, styles, tags or hydration data. */
function visibleText(html: string): string {
  return html
    .replace(/<script\b[\s\S]*?<\/script>/gi, ' ')
    .replace(/<style\b[\s\S]*?<\/style>/gi, ' ')
    .replace(/<head\b[\s\S]*?<\/head>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

const CLAUSE_ID = /\b(?:AS|PV|SH)-[A-Z]+-\d+\b|\bClause\b/;
const RAW_VALUE =
  /\b(?:bank_transfer|test_card|order_placed|order_shipped|order_cancelled|payment_captured)\b/;

describe('storefront voice (demo shop)', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ seed: true });
  });
  after(() => t.close());

  const get = (url: string) => t.app.inject({ url });

  /** Every page a shopper can reach in the demo shop: the sitemap's, the forms, and each demo order's page. */
  async function storefrontPages(): Promise<string[]> {
    const sitemap = (await get('/sitemap.xml')).body;
    const listed = [...sitemap.matchAll(/<loc>https?:\/\/[^/<]+([^<]*)<\/loc>/g)].map((m) => m[1] || '/');
    const rows = await t.ctx.db.select({ id: orders.id }).from(orders);
    assert.ok(rows.length > 0, 'the demo shop has orders');
    const orderPages = rows.map(
      (r) => `/orders/view?token=${encodeURIComponent(orderLinkToken(t.ctx.secret, r.id))}`,
    );
    return [
      ...new Set([
        ...listed,
        '/',
        '/products',
        '/search?q=phone',
        '/cart',
        '/checkout',
        '/orders/lookup',
        '/policies/after-sales',
        '/policies/privacy',
        '/orders/view?token=broken',
        ...orderPages,
      ]),
    ];
  }

  it('no storefront page shows a clause ID or a raw value to shoppers', async () => {
    const pages = await storefrontPages();
    assert.ok(
      pages.some((p) => p.startsWith('/products/')),
      'product pages are walked',
    );
    for (const url of pages) {
      const res = await get(url);
      assert.ok(res.statusCode < 500, `${url}: ${res.statusCode}`);
      const text = visibleText(res.body);
      const clause = CLAUSE_ID.exec(text);
      assert.equal(
        clause,
        null,
        `${url} shows "${clause?.[0]}": …${text.slice(Math.max(0, (clause?.index ?? 0) - 80), (clause?.index ?? 0) + 40)}…`,
      );
      const raw = RAW_VALUE.exec(text);
      assert.equal(raw, null, `${url} shows the raw value ${raw?.[0]}`);
      assert.doesNotMatch(text, /US\$/, `${url}: money is written "$"`);
      assert.doesNotMatch(text, /Invalid Date|NaN|undefined|\[object Object\]/, url);
    }
  });

  it('order pages write dates one way, name the country and show no bare country code', async () => {
    const rows = await t.ctx.db.select({ id: orders.id }).from(orders);
    for (const { id } of rows) {
      const text = visibleText(
        (await get(`/orders/view?token=${encodeURIComponent(orderLinkToken(t.ctx.secret, id))}`)).body,
      );
      assert.match(text, /Placed on \d{1,2} [A-Z][a-z]{2} \d{4}/, id);
      for (const m of text.matchAll(/\d{1,2} [A-Z][a-z]{2} \d{4}(?: \d\d:\d\d UTC)?/g)) assert.ok(m[0]);
      assert.doesNotMatch(
        text,
        /\b[A-Z][a-z]{2} \d{1,2}, \d{4}\b/,
        `${id}: no US-style "Jan 10, 2026" beside "10 Jan 2026"`,
      );
      assert.match(text, /Shipping to .*United States/, `${id}: the country is named`);
    }
  });

  it('the privacy page promises only what the shop does today', async () => {
    const text = visibleText((await get('/policies/privacy')).body);
    // No contests or surveys exist yet.
    for (const promise of [
      /create an account/i,
      /from your account/i,
      /close your account/i,
      /contest|survey/i,
      /Accounts with no activity/i,
    ]) {
      assert.doesNotMatch(text, promise);
    }
    // What the retention job (PV-MIN-1) really does, with its real periods.
    assert.match(text, /cart is deleted 30 days after/);
    assert.match(text, /deleted after 24 hours/);
    assert.match(text, /90 days after they were written/);
    // Accounts: deleted after 6 months unused with a warning 14 days before (PV-ACC-3), downloaded and
    // deleted by the customer (PV-RGT-1); evidence deleted 180 days after its case (PV-MIN-1).
    assert.match(text, /nobody signs in to for 6 months is deleted/);
    assert.match(text, /we email you 14 days before/);
    assert.match(text, /deleted 180 days after the case is finished/);
    assert.match(text, /downloads everything we hold about you/);
    // PV-USE-1, PV-STF-1, PV-RGT-2: what the newsletter, the visibility filter and the transfer export do.
    assert.match(text, /special offers only if you ask for them/);
    assert.match(text, /unsubscribes you in one click/);
    assert.match(text, /Every time staff look at your details is recorded/);
    assert.match(text, /never payment details/);
    // PV-COL-2: email-a-friend, with the retention job's real period.
    assert.match(
      text,
      /delete their address as soon as the email is sent \(within 25 hours if it cannot be sent\)/,
    );
  });
});
