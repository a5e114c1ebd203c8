import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type {
  AdminImage,
  AdminProduct,
  AdminProductListItem,
  ProductDetail,
} from '../../src/catalog/schemas.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { json, startTestApp, type TestApp } from '../helpers/app.ts';

interface ErrorBody {
  error: { code: string; message: string; field?: string };
}

const newProduct = (overrides: Record<string, unknown> = {}) => ({
  name: 'Aurora S1',
  brand: 'Aurora',
  category: 'smartphone',
  summary: 'A test phone.',
  description: 'A phone made for the test suite.',
  variants: [
    {
      sku: 'aur-s1-blu-128',
      name: 'Blue, 128 GB',
      colour: 'Blue',
      storageGb: 128,
      priceCents: 39900,
      stock: 5,
    },
    {
      sku: 'AUR-S1-BLU-256',
      name: 'Blue, 256 GB',
      colour: 'Blue',
      storageGb: 256,
      priceCents: 44900,
      stock: 2,
    },
  ],
  images: [{ url: '/media/products/nimbus-x2.svg', alt: 'A phone' }],
  ...overrides,
});

describe('back-office catalog', () => {
  let t: TestApp;
  let cookie: string;
  const clock = fixedClock('2026-03-10T12:00:00.000Z');

  const admin = (options: InjectOptions): Promise<LightMyRequestResponse> =>
    t.app.inject({ ...options, headers: { ...options.headers, cookie } });

  const expectError = (res: LightMyRequestResponse, status: number, field?: string) => {
    assert.equal(res.statusCode, status, res.body);
    const body = json<ErrorBody>(res);
    if (field !== undefined) assert.equal(body.error.field, field, res.body);
    return body;
  };

  const productBySlug = async (slug: string): Promise<AdminProduct> => {
    const res = await admin({ method: 'GET', url: `/api/admin/products?q=${slug}&limit=100` });
    const item = json<{ items: AdminProductListItem[] }>(res).items.find((p) => p.slug === slug);
    assert.ok(item, `${slug} not found`);
    return json<AdminProduct>(await admin({ method: 'GET', url: `/api/admin/products/${item.id}` }));
  };

  before(async () => {
    t = await startTestApp({ seed: true, clock });
    cookie = await t.staffCookie();
  });
  after(() => t.close());

  it('every back-office catalog route refuses an anonymous request with 401', async () => {
    const id = '01900000-0000-7000-8000-000000000000';
    const routes: InjectOptions[] = [
      { method: 'GET', url: '/api/admin/products' },
      { method: 'GET', url: `/api/admin/products/${id}` },
      { method: 'POST', url: '/api/admin/products', payload: newProduct() },
      { method: 'PATCH', url: `/api/admin/products/${id}`, payload: { name: 'x' } },
      { method: 'PUT', url: `/api/admin/products/${id}/variants`, payload: { variants: [] } },
      { method: 'PATCH', url: `/api/admin/variants/${id}/stock`, payload: { stock: 1 } },
      { method: 'POST', url: `/api/admin/products/${id}/images`, payload: { url: '/x.svg', alt: 'x' } },
      { method: 'DELETE', url: `/api/admin/products/${id}/images/${id}` },
    ];
    for (const route of routes) {
      const res = await t.app.inject(route);
      assert.equal(res.statusCode, 401, `${route.method} ${route.url}`);
      assert.equal(json<ErrorBody>(res).error.code, 'unauthenticated');
    }
  });

  it('lists every product, drafts and archived included, with stock totals and cursor pages', async () => {
    const all = json<{ items: AdminProductListItem[]; nextCursor: string | null }>(
      await admin({ method: 'GET', url: '/api/admin/products?limit=100' }),
    );
    assert.equal(all.nextCursor, null);
    const statuses = new Set(all.items.map((p) => p.status));
    assert.deepEqual(statuses, new Set(['active', 'draft', 'archived']));
    const x2 = all.items.find((p) => p.slug === 'nimbus-x2');
    assert.equal(x2?.totalStock, 24 + 12 + 18 + 0);
    assert.equal(x2?.variantCount, 4);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const q: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const page = json<{ items: AdminProductListItem[]; nextCursor: string | null }>(
        await admin({ method: 'GET', url: `/api/admin/products?limit=7${q}` }),
      );
      seen.push(...page.items.map((p) => p.id));
      cursor = page.nextCursor;
    } while (cursor);
    assert.deepEqual(
      seen,
      all.items.map((p) => p.id),
    );

    const drafts = json<{ items: AdminProductListItem[] }>(
      await admin({ method: 'GET', url: '/api/admin/products?status=draft' }),
    );
    assert.ok(drafts.items.length >= 1 && drafts.items.every((p) => p.status === 'draft'));
  });

  it('searches by name, text and SKU', async () => {
    const bySku = json<{ items: AdminProductListItem[] }>(
      await admin({ method: 'GET', url: '/api/admin/products?q=NMB-X2P-SAGE' }),
    );
    assert.deepEqual(
      bySku.items.map((p) => p.slug),
      ['nimbus-x2-pro'],
    );
    const byPrefix = json<{ items: AdminProductListItem[] }>(
      await admin({ method: 'GET', url: '/api/admin/products?q=kest' }),
    );
    assert.ok(byPrefix.items.length >= 3 && byPrefix.items.every((p) => p.brand === 'Kestrel'));
    const wildcard = json<{ items: AdminProductListItem[] }>(
      await admin({ method: 'GET', url: '/api/admin/products?q=%25' }),
    );
    assert.equal(wildcard.items.length, 0, '% is taken literally');
  });

  it('a product by id has every field; an unknown id is a 404 and a malformed one a 400', async () => {
    const p = await productBySlug('nimbus-x1-renewed');
    assert.equal(p.specialWarranty, true);
    assert.match(p.specialWarrantyTerms ?? '', /refurbisher/);
    assert.equal(p.variants.length, 2);
    assert.equal(p.variants[0]?.position, 0);
    assert.equal(p.images.length, 1);
    assert.equal(p.totalStock, 9);

    expectError(
      await admin({ method: 'GET', url: '/api/admin/products/01900000-0000-7000-8000-000000000000' }),
      404,
    );
    expectError(await admin({ method: 'GET', url: '/api/admin/products/not-a-uuid' }), 400, 'id');
  });

  it('creates a product as a draft with a slug from its name; publishing puts it on the storefront', async () => {
    const res = await admin({ method: 'POST', url: '/api/admin/products', payload: newProduct() });
    assert.equal(res.statusCode, 201, res.body);
    const p = json<AdminProduct>(res);
    assert.equal(p.slug, 'aurora-s1');
    assert.equal(p.status, 'draft');
    assert.equal(p.priceFromCents, 39900);
    assert.equal(p.totalStock, 7);
    assert.equal(p.batchVarianceNote, true);
    assert.deepEqual(
      p.variants.map((v) => v.sku),
      ['AUR-S1-BLU-128', 'AUR-S1-BLU-256'],
    );
    assert.equal(p.createdAt, clock.now().toISOString());

    assert.equal((await t.app.inject({ url: '/api/products/aurora-s1' })).statusCode, 404);
    const published = await admin({
      method: 'PATCH',
      url: `/api/admin/products/${p.id}`,
      payload: { status: 'active' },
    });
    assert.equal(json<AdminProduct>(published).status, 'active');
    const page = json<ProductDetail>(await t.app.inject({ url: '/api/products/aurora-s1' }));
    assert.equal(page.priceFromCents, 39900);
    assert.equal(page.inStock, true);

    const again = await admin({
      method: 'POST',
      url: '/api/admin/products',
      payload: newProduct({
        variants: [{ sku: 'AUR-S1-RED', name: 'Red', priceCents: 100, stock: 0 }],
        images: [],
      }),
    });
    assert.equal(again.statusCode, 201, again.body);
    assert.equal(json<AdminProduct>(again).slug, 'aurora-s1-2');
  });

  it('a taken slug or SKU is a 409 naming the field, and nothing is created', async () => {
    expectError(
      await admin({
        method: 'POST',
        url: '/api/admin/products',
        payload: newProduct({
          slug: 'nimbus-x2',
          variants: [{ sku: 'NEW-1', name: 'x', priceCents: 1, stock: 0 }],
        }),
      }),
      409,
      'slug',
    );
    expectError(
      await admin({
        method: 'POST',
        url: '/api/admin/products',
        payload: newProduct({
          name: 'Conflicting SKU',
          variants: [
            { sku: 'NEW-2', name: 'x', priceCents: 1, stock: 0 },
            { sku: 'nmb-x2-grap-128', name: 'y', priceCents: 1, stock: 0 },
          ],
        }),
      }),
      409,
      'variants.1.sku',
    );
    const list = json<{ items: AdminProductListItem[] }>(
      await admin({ method: 'GET', url: '/api/admin/products?q=conflicting' }),
    );
    assert.equal(list.items.length, 0);
  });

  it('negative, fractional and huge prices and stock, and other bad input, are a 400 naming the field', async () => {
    const variant = { sku: 'BAD-1', name: 'x', priceCents: 100, stock: 1 };
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ variants: [{ ...variant, priceCents: -1 }] }, 'variants.0.priceCents'],
      [{ variants: [{ ...variant, priceCents: 12.5 }] }, 'variants.0.priceCents'],
      [{ variants: [{ ...variant, priceCents: 1e12 }] }, 'variants.0.priceCents'],
      [{ variants: [{ ...variant, priceCents: '100' }] }, 'variants.0.priceCents'],
      [{ variants: [{ ...variant, stock: -1 }] }, 'variants.0.stock'],
      [{ variants: [{ ...variant, stock: 0.5 }] }, 'variants.0.stock'],
      [{ variants: [{ ...variant, stock: 1e9 }] }, 'variants.0.stock'],
      [{ variants: [] }, 'variants'],
      [{ variants: [variant, { ...variant, sku: 'bad-1' }] }, 'variants.1.sku'],
      [{ variants: [{ ...variant, sku: 'has space' }] }, 'variants.0.sku'],
      [{ slug: 'Not A Slug' }, 'slug'],
      [{ name: '' }, 'name'],
      [{ category: 'laptop' }, 'category'],
      [{ specialWarranty: true }, 'specialWarrantyTerms'],
      [{ images: [{ url: 'javascript:alert(1)', alt: 'x' }] }, 'images.0.url'],
      [{ images: [{ url: '//evil.example/x.png', alt: 'x' }] }, 'images.0.url'],
      [{ images: [{ url: 'https://192.168.1.10/x.png', alt: 'x' }] }, 'images.0.url'],
      [{ images: [{ url: 'https://localhost/x.png', alt: 'x' }] }, 'images.0.url'],
      [{ images: [{ url: '/media/x.svg', alt: '' }] }, 'images.0.alt'],
      [{ unexpected: true }, ''],
    ];
    for (const [overrides, field] of cases) {
      const res = await admin({ method: 'POST', url: '/api/admin/products', payload: newProduct(overrides) });
      const body = expectError(res, 400);
      assert.equal(body.error.code, 'validation_failed');
      if (field) assert.equal(body.error.field, field, JSON.stringify(overrides));
    }
  });

  it('edits fields; special warranty terms are required (AS-DEF-1) and a taken slug is a 409', async () => {
    const p = await productBySlug('orbit-one');
    const res = await admin({
      method: 'PATCH',
      url: `/api/admin/products/${p.id}`,
      payload: { name: 'Orbit One (2026)', clearance: true, featured: true, batchVarianceNote: false },
    });
    assert.equal(res.statusCode, 200, res.body);
    const edited = json<AdminProduct>(res);
    assert.equal(edited.name, 'Orbit One (2026)');
    assert.equal(edited.clearance, true);
    assert.equal(edited.slug, 'orbit-one', 'the slug does not follow the name');

    const page = json<ProductDetail>(await t.app.inject({ url: '/api/products/orbit-one' }));
    assert.equal(page.warranty.covered, false);
    assert.equal(page.batchVarianceNote, null);

    expectError(
      await admin({
        method: 'PATCH',
        url: `/api/admin/products/${p.id}`,
        payload: { specialWarranty: true },
      }),
      400,
      'specialWarrantyTerms',
    );
    const special = await admin({
      method: 'PATCH',
      url: `/api/admin/products/${p.id}`,
      payload: { specialWarranty: true, specialWarrantyTerms: 'Serviced by Orbit for 18 months.' },
    });
    assert.equal(json<AdminProduct>(special).specialWarranty, true);
    expectError(
      await admin({
        method: 'PATCH',
        url: `/api/admin/products/${p.id}`,
        payload: { specialWarrantyTerms: null },
      }),
      400,
      'specialWarrantyTerms',
    );
    expectError(
      await admin({ method: 'PATCH', url: `/api/admin/products/${p.id}`, payload: { slug: 'nimbus-x2' } }),
      409,
      'slug',
    );
    expectError(await admin({ method: 'PATCH', url: `/api/admin/products/${p.id}`, payload: {} }), 400);
    expectError(
      await admin({ method: 'PATCH', url: `/api/admin/products/${p.id}`, payload: { status: 'deleted' } }),
      400,
      'status',
    );
    expectError(
      await admin({
        method: 'PATCH',
        url: '/api/admin/products/01900000-0000-7000-8000-000000000000',
        payload: { name: 'x' },
      }),
      404,
    );
  });

  it('archiving takes a product off the storefront', async () => {
    const p = await productBySlug('lumen-slate-8');
    await admin({ method: 'PATCH', url: `/api/admin/products/${p.id}`, payload: { status: 'archived' } });
    assert.equal((await t.app.inject({ url: '/api/products/lumen-slate-8' })).statusCode, 404);
    const listed = json<{ items: Array<{ slug: string }> }>(
      await t.app.inject({ url: '/api/products?limit=60' }),
    );
    assert.ok(!listed.items.some((i) => i.slug === 'lumen-slate-8'));
  });

  it('replacing variants updates, adds and removes them and recomputes the lowest price', async () => {
    const before = await productBySlug('orbit-pad-air');
    const [white, blue64, blue256] = before.variants;
    assert.ok(white && blue64 && blue256);
    clock.advance(60_000);
    const res = await admin({
      method: 'PUT',
      url: `/api/admin/products/${before.id}/variants`,
      payload: {
        variants: [
          // Reordered, repriced, and matched by SKU without an id.
          {
            sku: blue256.sku,
            name: blue256.name,
            colour: 'Nova Blue',
            storageGb: 256,
            priceCents: 45900,
            stock: 9,
          },
          {
            id: white.id,
            sku: white.sku,
            name: white.name,
            colour: 'Lunar White',
            storageGb: 64,
            priceCents: 37900,
            stock: 1,
          },
          {
            sku: 'ORB-PADA-GOLD-128',
            name: 'Gold, 128 GB',
            colour: 'Gold',
            storageGb: 128,
            priceCents: 42900,
            stock: 3,
          },
        ],
      },
    });
    assert.equal(res.statusCode, 200, res.body);
    const after = json<AdminProduct>(res);
    assert.deepEqual(
      after.variants.map((v) => [v.sku, v.priceCents, v.position]),
      [
        [blue256.sku, 45900, 0],
        [white.sku, 37900, 1],
        ['ORB-PADA-GOLD-128', 42900, 2],
      ],
    );
    assert.equal(after.variants[0]?.id, blue256.id, 'matched by SKU, not re-created');
    assert.ok(!after.variants.some((v) => v.id === blue64.id), 'the left-out variant is removed');
    assert.equal(after.priceFromCents, 37900);
    assert.equal(after.updatedAt, clock.now().toISOString());
    const page = json<ProductDetail>(await t.app.inject({ url: '/api/products/orbit-pad-air' }));
    assert.equal(page.priceFromCents, 37900);
  });

  it('two variants can swap SKUs in one replacement', async () => {
    const p = await productBySlug('nimbus-watch-2');
    const [a, b, c] = p.variants;
    assert.ok(a && b && c);
    const res = await admin({
      method: 'PUT',
      url: `/api/admin/products/${p.id}/variants`,
      payload: {
        variants: [
          { id: a.id, sku: b.sku, name: a.name, priceCents: a.priceCents, stock: a.stock },
          { id: b.id, sku: a.sku, name: b.name, priceCents: b.priceCents, stock: b.stock },
          { id: c.id, sku: c.sku, name: c.name, priceCents: c.priceCents, stock: c.stock },
        ],
      },
    });
    assert.equal(res.statusCode, 200, res.body);
    const swapped = json<AdminProduct>(res);
    assert.equal(swapped.variants[0]?.sku, b.sku);
    assert.equal(swapped.variants[1]?.sku, a.sku);
  });

  it('an edit that leaves stock out keeps the stock sold meanwhile; a new variant must say its stock', async () => {
    const p = await productBySlug('nimbus-watch-2');
    const [a] = p.variants;
    assert.ok(a);
    // A sale happens while the editor is open.
    const sold = await admin({
      method: 'PATCH',
      url: `/api/admin/variants/${a.id}/stock`,
      payload: { adjust: -1 },
    });
    assert.equal(sold.statusCode, 200, sold.body);
    const left = a.stock - 1;
    const others = p.variants
      .slice(1)
      .map(({ id, sku, name, priceCents }) => ({ id, sku, name, priceCents }));
    const res = await admin({
      method: 'PUT',
      url: `/api/admin/products/${p.id}/variants`,
      payload: { variants: [{ id: a.id, sku: a.sku, name: 'Renamed', priceCents: a.priceCents }, ...others] },
    });
    assert.equal(res.statusCode, 200, res.body);
    const edited = json<AdminProduct>(res).variants.find((v) => v.id === a.id);
    assert.equal(edited?.name, 'Renamed');
    assert.equal(edited?.stock, left);

    const missing = await admin({
      method: 'PUT',
      url: `/api/admin/products/${p.id}/variants`,
      payload: {
        variants: [
          { id: a.id, sku: a.sku, name: a.name, priceCents: a.priceCents },
          ...others,
          { sku: 'NEW-NO-STOCK', name: 'New', priceCents: 100 },
        ],
      },
    });
    expectError(missing, 400, `variants.${others.length + 1}.stock`);
  });

  it('a failed replacement changes nothing: all its steps are one transaction', async () => {
    const p = await productBySlug('nimbus-x2');
    // The Glacier 128 GB variant is in a demo order: it cannot be removed, and the error comes after the
    // other variants were already rewritten inside the transaction.
    const kept = p.variants.filter((v) => v.sku !== 'NMB-X2-GLAC-128');
    const res = await admin({
      method: 'PUT',
      url: `/api/admin/products/${p.id}/variants`,
      payload: {
        variants: kept.map((v) => ({ id: v.id, sku: v.sku, name: v.name, priceCents: 100, stock: 0 })),
      },
    });
    expectError(res, 409, 'variants');
    const unchanged = await productBySlug('nimbus-x2');
    assert.deepEqual(unchanged, p);

    const otherSku = await admin({
      method: 'PUT',
      url: `/api/admin/products/${p.id}/variants`,
      payload: {
        variants: [
          ...p.variants.map((v) => ({ id: v.id, sku: v.sku, name: v.name, priceCents: 1, stock: 1 })),
          { sku: 'NMB-X2P-SAGE-256', name: 'Stolen', priceCents: 1, stock: 1 },
        ],
      },
    });
    expectError(otherSku, 409, 'variants.4.sku');
    assert.deepEqual(await productBySlug('nimbus-x2'), p);

    const foreign = await productBySlug('tidal-s');
    expectError(
      await admin({
        method: 'PUT',
        url: `/api/admin/products/${p.id}/variants`,
        payload: {
          variants: [{ id: foreign.variants[0]?.id, sku: 'X-1', name: 'x', priceCents: 1, stock: 1 }],
        },
      }),
      400,
      'variants.0.id',
    );
    expectError(
      await admin({
        method: 'PUT',
        url: `/api/admin/products/${p.id}/variants`,
        payload: { variants: [{ sku: 'X-1', name: 'x', priceCents: -5, stock: 1 }] },
      }),
      400,
      'variants.0.priceCents',
    );
  });

  it('stock is set or adjusted atomically and never goes below zero', async () => {
    const p = await productBySlug('tidal-s');
    const variant = p.variants[0];
    assert.ok(variant);
    const url = `/api/admin/variants/${variant.id}/stock`;

    const set = await admin({ method: 'PATCH', url, payload: { stock: 5 } });
    assert.equal(set.statusCode, 200, set.body);
    assert.deepEqual(json(set), { id: variant.id, productId: p.id, sku: variant.sku, stock: 5 });

    const adjusted = await admin({ method: 'PATCH', url, payload: { adjust: -2 } });
    assert.equal(json<{ stock: number }>(adjusted).stock, 3);

    expectError(await admin({ method: 'PATCH', url, payload: { adjust: -4 } }), 409, 'adjust');
    assert.equal((await productBySlug('tidal-s')).variants[0]?.stock, 3);

    const results = await Promise.all(
      Array.from({ length: 6 }, () => admin({ method: 'PATCH', url, payload: { adjust: -1 } })),
    );
    assert.equal(results.filter((r) => r.statusCode === 200).length, 3);
    assert.equal(results.filter((r) => r.statusCode === 409).length, 3);
    assert.equal((await productBySlug('tidal-s')).variants[0]?.stock, 0);

    expectError(await admin({ method: 'PATCH', url, payload: { stock: -1 } }), 400, 'stock');
    expectError(await admin({ method: 'PATCH', url, payload: { stock: 2.5 } }), 400, 'stock');
    expectError(await admin({ method: 'PATCH', url, payload: { stock: 1, adjust: 1 } }), 400, 'stock');
    expectError(await admin({ method: 'PATCH', url, payload: {} }), 400, 'stock');
    expectError(await admin({ method: 'PATCH', url, payload: { adjust: 0 } }), 400, 'adjust');
    expectError(
      await admin({
        method: 'PATCH',
        url: '/api/admin/variants/01900000-0000-7000-8000-000000000000/stock',
        payload: { stock: 1 },
      }),
      404,
    );
  });

  it('images are added after the existing ones and removed by id', async () => {
    const p = await productBySlug('tidal-kids-watch');
    const url = `/api/admin/products/${p.id}/images`;
    const added = await admin({
      method: 'POST',
      url,
      payload: { url: 'https://cdn.example.com/kids-watch-side.png', alt: 'The watch from the side' },
    });
    assert.equal(added.statusCode, 201, added.body);
    const image = json<AdminImage>(added);
    assert.equal(image.position, 1);
    assert.equal((await productBySlug('tidal-kids-watch')).images.length, 2);

    expectError(
      await admin({ method: 'POST', url, payload: { url: 'ftp://x/y.png', alt: 'x' } }),
      400,
      'url',
    );
    expectError(
      await admin({ method: 'POST', url, payload: { url: 'https://[fe80::1]/y.png', alt: 'x' } }),
      400,
      'url',
    );
    const other = await productBySlug('tidal-s');
    expectError(
      await admin({ method: 'DELETE', url: `/api/admin/products/${other.id}/images/${image.id}` }),
      404,
    );

    const removed = await admin({ method: 'DELETE', url: `${url}/${image.id}` });
    assert.equal(removed.statusCode, 204);
    assert.equal(removed.body, '');
    expectError(await admin({ method: 'DELETE', url: `${url}/${image.id}` }), 404);
    assert.equal((await productBySlug('tidal-kids-watch')).images.length, 1);
  });

  it('a catalog change gives the storefront a new ETag', async () => {
    const listUrl = '/api/products?category=wearable';
    const first = await t.app.inject({ url: listUrl });
    const p = await productBySlug('pulse-band-3');
    await admin({
      method: 'PUT',
      url: `/api/admin/products/${p.id}/variants`,
      payload: {
        variants: p.variants.map((v) => ({
          id: v.id,
          sku: v.sku,
          name: v.name,
          priceCents: 4900,
          stock: v.stock,
        })),
      },
    });
    const second = await t.app.inject({
      url: listUrl,
      headers: { 'if-none-match': first.headers.etag as string },
    });
    assert.equal(second.statusCode, 200);
    assert.notEqual(second.headers.etag, first.headers.etag);
  });
});
