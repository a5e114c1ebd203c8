import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, describe, it } from 'node:test';
import { HeicRefused, heicDecoder } from './heic-decoder.ts';

const sample = readFileSync(new URL('../../../test/fixtures/evidence-sample.heic', import.meta.url));

describe('HEIC decoding in a worker thread', () => {
  const decoder = heicDecoder(1);
  after(() => decoder.close());

  it('decodes a HEIC photo to RGBA, and the next photo reuses the thread', async () => {
    const first = await decoder.decode(sample, 50_000_000);
    assert.deepEqual([first.width, first.height, first.data.length], [96, 64, 96 * 64 * 4]);
    const again = await decoder.decode(sample, 50_000_000);
    assert.deepEqual(again.data, first.data);
  });

  it('refuses a photo past the pixel limit with its size, before decoding its pixels', async () => {
    await assert.rejects(decoder.decode(sample, 96 * 64 - 1), (error) => {
      assert.ok(error instanceof HeicRefused);
      assert.deepEqual([error.reason, error.width, error.height], ['too_large', 96, 64]);
      return true;
    });
  });

  it('damaged bytes are unreadable, and photos queued behind them are still decoded', async () => {
    const damaged = Buffer.concat([sample.subarray(0, 200), Buffer.alloc(500, 7)]);
    const [bad, good] = await Promise.allSettled([
      decoder.decode(damaged, 50_000_000),
      decoder.decode(sample, 50_000_000),
    ]);
    assert.equal(bad.status, 'rejected');
    assert.equal(bad.status === 'rejected' && (bad.reason as HeicRefused).reason, 'unreadable');
    assert.equal(good.status === 'fulfilled' && good.value.width, 96);
  });
});
