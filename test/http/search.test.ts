/**
 * Search as you type, over the demo catalogue, on the storefront API and in the back office: every beginning
 * of every word of a product's name finds it, one typo in a longer word does too, names and categories rank
 * before descriptions, and no input makes the search fail.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import type { AdminProductListItem, ProductList, ProductListItem } from '../../src/catalog/schemas.ts';
// The demo catalogue (moving to src/demo/: update this one import).
import { demoProducts } from '../../src/demo/catalog.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { json, startTestApp, type TestApp } from '../helpers/app.ts';

const active = demoProducts.filter((p) => (p.status ?? 'active') === 'active');
/** A name's words as a shopper types them: its runs of letters and digits, lowercased. */
const wordsOf = (name: string) => [...name.toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)].map(([w]) => w);

type Edit = 'substitute' | 'delete' | 'insert' | 'transpose';

/** `word` with one typo of `kind` at `at` (0 ≤ at < word.length), using `letter` where one is needed. */
function typo(word: string, kind: Edit, at: number, letter: string): string {
  switch (kind) {
    case 'substitute':
      return word.slice(0, at) + letter + word.slice(at + 1);
    case 'delete':
      return word.slice(0, at) + word.slice(at + 1);
    case 'insert':
      return word.slice(0, at) + letter + word.slice(at);
    case 'transpose': {
      const i = Math.min(at, word.length - 2);
      return word.slice(0, i) + word.charAt(i + 1) + word.charAt(i) + word.slice(i + 2);
    }
  }
}

describe('search as you type', () => {
  let t: TestApp;
  let cookie: string;

  before(async () => {
    t = await startTestApp({ seed: true, clock: fixedClock('2026-03-10T12:00:00.000Z') });
    cookie = await t.staffCookie();
  });
  after(() => t.close());

  /** Percent-encodes `q`; a lone surrogate, which has no UTF-8, as the bytes a careless client would send. */
  const encode = (q: string) =>
    q
      .split(/([\uD800-\uDFFF])/u)
      .map((part) => (/^[\uD800-\uDFFF]$/u.test(part) ? '%ED%A0%80' : encodeURIComponent(part)))
      .join('');
  const search = async (q: string): Promise<ProductListItem[]> => {
    const res = await t.app.inject({ method: 'GET', url: `/api/products?limit=60&q=${encode(q)}` });
    assert.equal(res.statusCode, 200, `q=${q}: ${res.body}`);
    return json<ProductList>(res).items;
  };
  const adminSearch = async (q: string): Promise<AdminProductListItem[]> => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/admin/products?limit=100&q=${encode(q)}`,
      headers: { cookie },
    });
    assert.equal(res.statusCode, 200, `q=${q}: ${res.body}`);
    return json<{ items: AdminProductListItem[] }>(res).items;
  };
  const slugs = (items: Array<{ slug: string }>) => items.map((p) => p.slug);

  it('every prefix of two or more letters of every word of a name finds the product, storefront and back office', async () => {
    const missed: string[] = [];
    for (const product of active) {
      for (const word of wordsOf(product.name)) {
        for (let n = 2; n <= word.length; n++) {
          const q = word.slice(0, n);
          if (!slugs(await search(q)).includes(product.slug)) missed.push(`${q} → ${product.slug}`);
          if (!slugs(await adminSearch(q)).includes(product.slug))
            missed.push(`admin ${q} → ${product.slug}`);
        }
      }
    }
    assert.deepEqual(missed, []);
  });

  it('a word being typed never loses its results (charg, chargi, chargin, charging; replacem, protecti, cancelli, sty)', async () => {
    for (const q of ['ch', 'cha', 'charg', 'chargi', 'chargin', 'charging']) {
      assert.ok(slugs(await search(q)).includes('volt-wireless-pad'), q);
    }
    for (const q of ['protecti', 'cancelli', 'sty', 'wireless chargi', 'nimbus x', 'rugg']) {
      assert.ok((await search(q)).length > 0, q);
    }
    assert.deepEqual(slugs(await search('cancelli')), ['orbit-buds-pro']);
  });

  it('one typo in a word of five letters or more still finds the product', async () => {
    const long = active.flatMap((product) =>
      wordsOf(product.name)
        .filter((w) => w.length >= 5)
        .map((word) => ({ slug: product.slug, word })),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...long),
        fc.constantFrom<Edit>('substitute', 'delete', 'insert', 'transpose'),
        fc.nat(),
        fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'),
        async ({ slug, word }, kind, at, letter) => {
          const q = typo(word, kind, at % word.length, letter);
          assert.ok(slugs(await search(q)).includes(slug), `${q} (${kind} in ${word}) → ${slug}`);
          assert.ok(slugs(await adminSearch(q)).includes(slug), `admin ${q} → ${slug}`);
        },
      ),
      { numRuns: 120 },
    );
    assert.ok(slugs(await search('chargr')).includes('volt-65w-gan-charger'));
  });

  it('names rank first, then categories, then descriptions: "phone" lists the phones first', async () => {
    const found = await search('phone');
    const phones = active.filter((p) => p.category === 'smartphone').map((p) => p.slug);
    const firstOther = found.findIndex((p) => p.category !== 'smartphone');
    assert.deepEqual(new Set(slugs(found.slice(0, firstOther))), new Set(phones));
    assert.ok(found.length > phones.length, 'accessories that mention phones are listed too, after');

    assert.equal((await search('nimbus x2'))[0]?.slug, 'nimbus-x2');
    assert.equal((await search('nimbus x2 pr'))[0]?.slug, 'nimbus-x2-pro');
    const watches = await search('watch');
    assert.ok(
      watches.slice(0, 3).every((p) => p.name.toLowerCase().includes('watch')),
      slugs(watches).join(),
    );
  });

  it('typo matches come after real ones', async () => {
    // "clean" is in the Orbit One's description, and one letter away from "clear" in "Nimbus X2 Clear Case".
    const found = slugs(await search('clean'));
    assert.ok(found.includes('orbit-one') && found.includes('nimbus-x2-clear-case'), found.join());
    assert.equal(found.at(-1), 'nimbus-x2-clear-case');
    // Among typos, those in a name first: the chargers before the phones whose text mentions chargers.
    const chargr = await search('chargr');
    assert.deepEqual(
      new Set(slugs(chargr.slice(0, 3))),
      new Set(['volt-30w-usb-c-charger', 'volt-65w-gan-charger', 'volt-wireless-pad']),
    );
    // A typo finds what the word finds, and nothing that the word does not.
    const tidal = slugs(await search('tidal'));
    assert.ok(tidal.length >= 3 && tidal.every((s) => s.startsWith('tidal')));
    assert.deepEqual(new Set(slugs(await search('tidel'))), new Set(tidal));
  });

  it('excluded words, stop words and nonsense: no error, no accidental matches', async () => {
    assert.ok(!slugs(await search('nimbus -pro')).includes('nimbus-x2-pro'));
    assert.deepEqual(await search('zzqxvj'), []);
    assert.deepEqual(await search('with the'), []);
    assert.deepEqual(await search('-nimbus'), []);
  });

  it('products added in the back office are found the same way, whatever their names hold', async () => {
    const names = [
      'Over-Ear Héadphones Only 2.5',
      'The Other Case (for X2)',
      'Ångström Über-Cable 3.0 «Pro»',
    ];
    for (const [n, name] of names.entries()) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/admin/products',
        headers: { cookie },
        payload: {
          name,
          brand: 'Zephyr',
          category: 'other',
          status: 'active',
          summary: 'Added by the search test.',
          description: 'Nothing else to say.',
          variants: [{ sku: `ZEP-${n}`, name: 'Black', colour: 'Black', priceCents: 1999, stock: 3 }],
        },
      });
      assert.equal(res.statusCode, 201, res.body);
    }
    const missed: string[] = [];
    for (const name of names) {
      const has = (items: Array<{ name: string }>) => items.some((p) => p.name === name);
      for (const word of wordsOf(name)) {
        for (let n = 2; n <= word.length; n++) {
          const q = word.slice(0, n);
          if (!has(await search(q))) missed.push(`${q} → ${name}`);
          if (!has(await adminSearch(q))) missed.push(`admin ${q} → ${name}`);
        }
        if (word.length >= 5) {
          for (const q of [typo(word, 'substitute', 2, 'q'), typo(word, 'transpose', 1, ''), word.slice(1)]) {
            if (!has(await search(q))) missed.push(`typo ${q} → ${name}`);
          }
        }
      }
    }
    assert.deepEqual(missed, []);
  });

  it('no input makes the search fail (storefront and back office)', async () => {
    const units = ['a', 'é', ' ', '-', '"', ':', '*', '&', '|', '!', "'", '\\', '%', '_', '(', ')', '<', '>'];
    const odd = ['\u{1F600}', '\uD800', '\uDC00', '\u0301', '²', '٣', '〇', 'ǅ', 'ß', 'İ', '\u200B', '\t'];
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: fc.constantFrom(...units, ...odd, '\0'), maxLength: 40 }),
        async (q) => {
          // Control characters and lone surrogates are refused at the schema (400 naming q); anything else is searched.
          for (const [url, headers] of [
            [`/api/products?q=${encode(q)}`, {}],
            // The back office's SKU/name match still sends NUL to PostgreSQL: its schema refuses it.
            ...(q.includes('\0') ? [] : [[`/api/admin/products?q=${encode(q)}`, { cookie }]]),
          ] as Array<[string, Record<string, string>]>) {
            const res = await t.app.inject({ method: 'GET', url, headers });
            assert.ok(
              res.statusCode === 200 || (res.statusCode === 400 && /[\p{Cc}\p{Cs}]/u.test(q)),
              `${url}: ${res.statusCode} ${res.body}`,
            );
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
