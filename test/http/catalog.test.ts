import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import Fastify from 'fastify';
import { mediaRoutes } from '../../src/catalog/media.routes.ts';
import type { ProductDetail, ProductList, ProductListItem } from '../../src/catalog/schemas.ts';
import { BATCH_VARIANCE_NOTE } from '../../src/catalog/warranty.rules.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { json, startTestApp, type TestApp } from '../helpers/app.ts';

interface ErrorBody {
  error: { code: string; message: string; field?: string };
}

describe('storefront catalog', () => {
  let t: TestApp;
  let all: ProductListItem[];

  const list = async (query: string): Promise<ProductList> => {
    const res = await t.app.inject({ method: 'GET', url: `/api/products${query}` });
    assert.equal(res.statusCode, 200, res.body);
    return json<ProductList>(res);
  };

  /** Follows nextCursor to the end and returns every item, failing on a repeated product. */
  const walk = async (query: string, limit: number): Promise<ProductListItem[]> => {
    const items: ProductListItem[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const sep = query ? '&' : '?';
      const page: ProductList = await list(
        `${query}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      assert.ok(page.items.length <= limit);
      items.push(...page.items);
      cursor = page.nextCursor;
      pages++;
      assert.ok(pages < 100, 'pagination does not end');
    } while (cursor);
    assert.equal(new Set(items.map((i) => i.id)).size, items.length, 'a product appeared twice');
    return items;
  };

  before(async () => {
    t = await startTestApp({ seed: true, clock: fixedClock('2026-03-10T12:00:00.000Z') });
    all = (await list('?limit=60')).items;
  });
  after(() => t.close());

  it('lists only active products, newest first, each with price, stock flag and image', async () => {
    assert.ok(all.length >= 24);
    const slugs = all.map((p) => p.slug);
    assert.ok(!slugs.includes('nimbus-x3'), 'a draft is listed');
    assert.ok(!slugs.includes('orbit-zero'), 'an archived product is listed');
    assert.equal(all[0]?.slug, 'lumen-flip');
    for (const p of all) {
      assert.equal(p.currency, 'USD');
      assert.ok(Number.isInteger(p.priceFromCents) && p.priceFromCents > 0);
      assert.match(p.image?.url ?? '', /^\/media\/products\/[a-z0-9-]+\.svg$/);
      assert.ok(p.image?.alt);
    }
    assert.equal(all.find((p) => p.slug === 'kestrel-trail-watch')?.inStock, false);
    assert.equal(all.find((p) => p.slug === 'nimbus-x2')?.inStock, true);
  });

  for (const sort of ['newest', 'price_asc', 'price_desc'] as const) {
    it(`cursor pages walk every product exactly once (sort=${sort})`, async () => {
      const walked = await walk(`?sort=${sort}`, 5);
      assert.deepEqual(new Set(walked.map((p) => p.id)), new Set(all.map((p) => p.id)));
      if (sort !== 'newest') {
        const prices = walked.map((p) => p.priceFromCents);
        const sorted = [...prices].sort((a, b) => (sort === 'price_asc' ? a - b : b - a));
        assert.deepEqual(prices, sorted);
      } else {
        assert.deepEqual(
          walked.map((p) => p.id),
          all.map((p) => p.id),
        );
      }
    });
  }

  it('cursor pages walk every search result exactly once (sort=relevance)', async () => {
    const one = await list('?q=nimbus&limit=60');
    const walked = await walk('?q=nimbus', 2);
    assert.deepEqual(
      walked.map((p) => p.id),
      one.items.map((p) => p.id),
    );
  });

  it('filters by category, price range and clearance', async () => {
    const tablets = await list('?category=tablet&limit=60');
    assert.ok(tablets.items.length >= 4);
    assert.ok(tablets.items.every((p) => p.category === 'tablet'));

    const range = await list('?minPriceCents=10000&maxPriceCents=50000&limit=60');
    assert.ok(range.items.length > 0);
    assert.ok(range.items.every((p) => p.priceFromCents >= 10000 && p.priceFromCents <= 50000));
    assert.equal(
      range.items.length,
      all.filter((p) => p.priceFromCents >= 10000 && p.priceFromCents <= 50000).length,
    );

    const clearance = await list('?clearance=true&limit=60');
    assert.ok(clearance.items.length >= 3);
    assert.ok(clearance.items.every((p) => p.clearance));
    const regular = await list('?clearance=false&limit=60');
    assert.equal(clearance.items.length + regular.items.length, all.length);

    const featured = await list('?featured=true&limit=60');
    assert.ok(featured.items.length > 0);
    const notFeatured = await list('?featured=false&limit=60');
    assert.equal(featured.items.length + notFeatured.items.length, all.length);
    assert.ok(!featured.items.some((f) => notFeatured.items.some((n) => n.id === f.id)));

    const cheapPhones = await list('?category=smartphone&maxPriceCents=25000&sort=price_asc');
    assert.deepEqual(
      cheapPhones.items.map((p) => p.slug),
      ['tidal-s', 'orbit-mini', 'nimbus-lite-5'],
    );
  });

  it('full-text search finds the Nimbus products, and a prefix does too (search as you type)', async () => {
    const nimbus = await list('?q=nimbus&limit=60');
    const slugs = nimbus.items.map((p) => p.slug);
    for (const phone of ['nimbus-x2', 'nimbus-x2-pro', 'nimbus-lite-5', 'nimbus-x1-renewed']) {
      assert.ok(slugs.includes(phone), `${phone} not found`);
    }
    assert.ok(nimbus.items.every((p) => p.brand === 'Nimbus'));

    const prefix = await list('?q=nim&limit=60');
    assert.deepEqual(new Set(prefix.items.map((p) => p.slug)), new Set(slugs));
    const capitalised = await list('?q=NIMB&limit=60');
    assert.equal(capitalised.items.length, slugs.length);
  });

  it('search ranks by relevance, narrows with more words and honours -exclusions', async () => {
    const x2 = await list('?q=nimbus%20x2');
    const top = x2.items.slice(0, 2).map((p) => p.slug);
    assert.ok(top.includes('nimbus-x2'), `top results: ${top.join(', ')}`);
    assert.ok(!x2.items.some((p) => p.slug === 'nimbus-lite-5'));

    const typing = await list('?q=nimbus%20x2%20pr');
    assert.equal(typing.items[0]?.slug, 'nimbus-x2-pro');

    const notPro = await list('?q=nimbus%20-pro&limit=60');
    assert.ok(notPro.items.length > 0);
    assert.ok(!notPro.items.some((p) => p.slug === 'nimbus-x2-pro'));

    const byText = await list('?q=noise%20cancelling');
    assert.equal(byText.items[0]?.slug, 'orbit-buds-pro');

    const combined = await list('?q=charger&category=accessory&sort=price_asc');
    assert.deepEqual(
      combined.items.map((p) => p.slug),
      ['volt-30w-usb-c-charger', 'volt-65w-gan-charger'],
    );
  });

  it('a search for nonsense, punctuation or stop words returns no products, not an error', async () => {
    for (const q of ['zzqxvj', '!!!', '"', 'the', 'a & b | c:*']) {
      const res = await list(`?q=${encodeURIComponent(q)}`);
      assert.deepEqual(res, { items: [], nextCursor: null }, `q=${q}`);
    }
    // Operators and quotes are only punctuation: this searches for products with a word starting "1".
    assert.deepEqual(await list(`?q=${encodeURIComponent("') or 1=1 --")}`), await list('?q=1'));
    const blank = await list('?q=%20%20');
    assert.equal(blank.items.length, Math.min(24, all.length));
  });

  it('a product page has variants, images, description and warranty terms (AS-GEN-6)', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/products/nimbus-x2' });
    assert.equal(res.statusCode, 200);
    const p = json<ProductDetail>(res);
    assert.equal(p.name, 'Nimbus X2');
    assert.equal(p.variants.length, 4);
    assert.deepEqual(
      p.variants.map((v) => [v.colour, v.storageGb, v.priceCents]),
      [
        ['Graphite', 128, 59900],
        ['Graphite', 256, 67900],
        ['Glacier', 128, 59900],
        ['Glacier', 256, 67900],
      ],
    );
    assert.equal(p.variants[3]?.stock, 0);
    assert.equal(p.priceFromCents, 59900);
    assert.equal(p.images.length, 1);
    assert.deepEqual(p.image, p.images[0]);
    assert.match(p.description, /OLED/);
    assert.equal(p.warranty.months, 12);
    assert.equal(p.warranty.covered, true);
    assert.ok(
      p.warranty.excludes.some((e) => e.clause === 'AS-GEN-6' && /opened by the customer/.test(e.text)),
    );
    assert.equal(p.warranty.specialTerms, null);
    assert.equal(p.batchVarianceNote, null);
  });

  it('AS-GEN-6: clearance products and accessories say they are outside the warranty', async () => {
    const clearance = json<ProductDetail>(await t.app.inject({ url: '/api/products/orbit-mini' }));
    assert.equal(clearance.warranty.covered, false);
    assert.ok(clearance.warranty.excludes.some((e) => e.clause === 'AS-GEN-6' && /clearance/i.test(e.text)));

    const accessory = json<ProductDetail>(
      await t.app.inject({ url: '/api/products/volt-30w-usb-c-charger' }),
    );
    assert.equal(accessory.warranty.covered, false);
    assert.ok(accessory.warranty.excludes.some((e) => /Accessories/.test(e.text)));
    assert.ok(!accessory.warranty.excludes.some((e) => /opened by the customer/.test(e.text)));
  });

  it('AS-DEF-1: a product sold under special warranty terms shows them', async () => {
    const p = json<ProductDetail>(await t.app.inject({ url: '/api/products/nimbus-x1-renewed' }));
    assert.equal(p.specialWarranty, true);
    assert.match(p.warranty.specialTerms ?? '', /6-month/);
    assert.ok(p.warranty.excludes.some((e) => e.clause === 'AS-DEF-1'));
  });

  it('SH-BATCH-1: a product flagged for batch variance carries the note', async () => {
    const p = json<ProductDetail>(await t.app.inject({ url: '/api/products/nimbus-lite-5' }));
    assert.equal(p.batchVarianceNote, BATCH_VARIANCE_NOTE);
    assert.equal(
      BATCH_VARIANCE_NOTE,
      'Logo and packaging may vary between batches; functions and appearance match the description.',
    );
  });

  it('an unknown slug, a draft and an archived product are a 404 with the error shape', async () => {
    for (const slug of ['no-such-phone', 'nimbus-x3', 'orbit-zero']) {
      const res = await t.app.inject({ method: 'GET', url: `/api/products/${slug}` });
      assert.equal(res.statusCode, 404, slug);
      assert.equal(json<ErrorBody>(res).error.code, 'not_found');
      assert.equal(res.headers.etag, undefined);
    }
  });

  it('answers with a weak ETag and Cache-Control, and 304 when the client has the same body', async () => {
    for (const url of ['/api/products?category=tablet', '/api/products/nimbus-x2']) {
      const first = await t.app.inject({ method: 'GET', url });
      const etag = first.headers.etag as string;
      assert.match(etag, /^W\/"[A-Za-z0-9_-]+"$/);
      assert.equal(first.headers['cache-control'], 'public, max-age=30, stale-while-revalidate=60');

      const again = await t.app.inject({ method: 'GET', url, headers: { 'if-none-match': etag } });
      assert.equal(again.statusCode, 304);
      assert.equal(again.body, '');
      assert.equal(again.headers.etag, etag);
      assert.equal(again.headers['cache-control'], 'public, max-age=30, stale-while-revalidate=60');

      const listed = await t.app.inject({
        method: 'GET',
        url,
        headers: { 'if-none-match': `"other", ${etag.slice(2)}` },
      });
      assert.equal(listed.statusCode, 304, 'the weak comparison ignores W/');

      const stale = await t.app.inject({ method: 'GET', url, headers: { 'if-none-match': 'W/"stale"' } });
      assert.equal(stale.statusCode, 200);
      assert.equal(stale.body, first.body);
    }
    const a = await t.app.inject({ url: '/api/products?category=tablet' });
    const b = await t.app.inject({ url: '/api/products?category=wearable' });
    assert.notEqual(a.headers.etag, b.headers.etag);
  });

  it('a bad query value is a 400 naming the field', async () => {
    const cases: Array<[string, string]> = [
      ['limit=0', 'limit'],
      ['limit=61', 'limit'],
      ['limit=ten', 'limit'],
      ['sort=cheapest', 'sort'],
      ['category=phones', 'category'],
      ['minPriceCents=-1', 'minPriceCents'],
      ['maxPriceCents=12.5', 'maxPriceCents'],
      ['minPriceCents=999999999999', 'minPriceCents'],
      ['clearance=yes', 'clearance'],
      ['minPriceCents=5000&maxPriceCents=100', 'maxPriceCents'],
      [`q=${'x'.repeat(101)}`, 'q'],
      ['cursor=not-a-cursor', 'cursor'],
    ];
    for (const [query, field] of cases) {
      const res = await t.app.inject({ method: 'GET', url: `/api/products?${query}` });
      assert.equal(res.statusCode, 400, query);
      const body = json<ErrorBody>(res);
      assert.equal(body.error.code, 'validation_failed', query);
      assert.equal(body.error.field, field, query);
    }
  });

  it('a cursor only works with the sort it was made for', async () => {
    const page = await list('?sort=price_asc&limit=3');
    assert.ok(page.nextCursor);
    const res = await t.app.inject({
      url: `/api/products?sort=newest&cursor=${encodeURIComponent(page.nextCursor)}`,
    });
    assert.equal(res.statusCode, 400);
    assert.equal(json<ErrorBody>(res).error.field, 'cursor');
  });

  it('the catalog routes are in the OpenAPI document', async () => {
    const doc = json<{ paths: Record<string, unknown> }>(await t.app.inject({ url: '/api/docs/json' }));
    for (const path of ['/api/products', '/api/products/{slug}', '/api/admin/products/{id}/variants']) {
      assert.ok(doc.paths[path], `${path} is missing`);
    }
  });
});

describe('product media', () => {
  const media = Fastify({ logger: false });
  before(async () => {
    await media.register(mediaRoutes);
    await media.ready();
  });
  after(() => media.close());

  it('serves the illustrations as SVG that cannot run scripts', async () => {
    const res = await media.inject({ method: 'GET', url: '/media/products/nimbus-x2.svg' });
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['content-type'] as string, /^image\/svg\+xml/);
    assert.match(res.headers['content-security-policy'] as string, /sandbox/);
    assert.match(res.headers['cache-control'] as string, /max-age=86400/);
    assert.match(res.body, /<svg[^>]*role="img"/);
  });

  it('a missing file or a path outside the media folder is a 404', async () => {
    for (const url of ['/media/products/nope.svg', '/media/../package.json', '/media/%2e%2e/package.json']) {
      const res = await media.inject({ method: 'GET', url });
      assert.equal(res.statusCode, 404, url);
    }
  });
});

describe('product images in the app', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ seed: true });
  });
  after(() => t.close());

  it('every seeded product image is served by the app as SVG', async () => {
    const list = json<{ items: Array<{ image: { url: string } | null }> }>(
      await t.app.inject({ method: 'GET', url: '/api/products?limit=60' }),
    );
    const urls = list.items.map((p) => p.image?.url).filter((u): u is string => Boolean(u));
    assert.ok(urls.length >= 24);
    for (const url of urls) {
      const res = await t.app.inject({ method: 'GET', url });
      assert.equal(res.statusCode, 200, url);
      assert.match(String(res.headers['content-type']), /image\/svg\+xml/);
    }
  });
});
