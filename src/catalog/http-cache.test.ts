import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeCursor, encodeCursor, timestampKey } from '../shared/cursor.ts';
import { etagMatches, weakEtag } from './http-cache.ts';
import { slugify } from './slug.ts';

describe('catalog helpers', () => {
  it('weak ETags depend on the body only and compare weakly', () => {
    const etag = weakEtag('{"a":1}');
    assert.equal(etag, weakEtag('{"a":1}'));
    assert.notEqual(etag, weakEtag('{"a":2}'));
    assert.ok(etagMatches(etag, etag));
    assert.ok(etagMatches(etag.slice(2), etag));
    assert.ok(etagMatches(`W/"x", ${etag}`, etag));
    assert.ok(etagMatches('*', etag));
    assert.ok(!etagMatches(undefined, etag));
    assert.ok(!etagMatches('W/"x"', etag));
  });

  it('cursors round-trip and refuse tampering with a 400 on cursor', () => {
    const id = '01900000-0000-7000-8000-000000000000';
    const key = '2026-03-10T12:00:00.123456Z';
    assert.deepEqual(decodeCursor(encodeCursor('newest', key, id), 'newest', timestampKey), { key, id });
    for (const raw of [
      '',
      'x',
      encodeCursor('newest', 'yesterday', id),
      encodeCursor('price_asc', key, id),
    ]) {
      assert.throws(() => decodeCursor(raw, 'newest', timestampKey), {
        code: 'validation_failed',
        field: 'cursor',
      });
    }
  });

  it('slugs are lowercase ASCII words joined by single hyphens', () => {
    assert.equal(slugify('Nimbus X2 Pro (Renewed)'), 'nimbus-x2-pro-renewed');
    assert.equal(slugify('  Café — Écran 10,000 mAh!  '), 'cafe-ecran-10-000-mah');
    assert.equal(slugify('!!!'), 'product');
    assert.ok(slugify('a'.repeat(200)).length <= 72);
  });
});
