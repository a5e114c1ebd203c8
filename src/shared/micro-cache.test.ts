import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MicroCache } from './micro-cache.ts';

describe('micro-cache', () => {
  it('serves an entry until its time-to-live has passed', () => {
    let now = 1_000;
    const cache = new MicroCache({ ttlMs: 500, now: () => now });
    cache.set('/a', 'body', 'W/"1"');
    now = 1_499;
    assert.equal(cache.get('/a')?.body.toString(), 'body');
    now = 1_500;
    assert.equal(cache.get('/a'), undefined);
  });

  it('after expiry one caller refreshes while the others get the expired copy, for one more time-to-live', () => {
    let now = 1_000;
    const cache = new MicroCache({ ttlMs: 500, now: () => now });
    cache.set('/a', 'old', 'W/"1"');
    now = 1_600;
    assert.equal(cache.get('/a'), undefined, 'the first caller after expiry reads the truth');
    assert.equal(cache.get('/a')?.body.toString(), 'old', 'the next ones are not sent to the database too');
    cache.set('/a', 'new', 'W/"2"');
    assert.equal(cache.get('/a')?.body.toString(), 'new');
    now = 2_100;
    assert.equal(cache.get('/a'), undefined);
    now = 2_599;
    assert.equal(cache.get('/a')?.body.toString(), 'new', 'a refresh that never came');
    now = 2_600;
    assert.equal(cache.get('/a'), undefined, 'gives the entry up after a second time-to-live');
    assert.equal(cache.size, 0);
  });

  it('drops the oldest entry when full', () => {
    const cache = new MicroCache({ ttlMs: 1_000, maxEntries: 2 });
    cache.set('/a', 'a', 'x');
    cache.set('/b', 'b', 'x');
    cache.set('/c', 'c', 'x');
    assert.equal(cache.get('/a'), undefined);
    assert.equal(cache.get('/c')?.body.toString(), 'c');
  });

  it('keeps a text body as its UTF-8 bytes', () => {
    const cache = new MicroCache({ ttlMs: 1_000 });
    cache.set('/a', '{"summary":"It’s 6.9″"}', 'x');
    const body = cache.get('/a')?.body;
    assert.ok(Buffer.isBuffer(body));
    assert.equal(body.toString('utf8'), '{"summary":"It’s 6.9″"}');
    assert.equal(body.length, Buffer.byteLength('{"summary":"It’s 6.9″"}'));
  });

  it('with a time-to-live of 0 keeps nothing', () => {
    const cache = new MicroCache({ ttlMs: 0 });
    cache.set('/a', 'a', 'x');
    assert.equal(cache.get('/a'), undefined);
  });
});
