/**
 * The page's scripts start once the page has loaded: the preload links leave the head, the module script
 * becomes a classic script (same nonce) that adds them back after `load`, whatever chunks the page is
 * streamed in, and nothing else of the page changes.
 */
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { describe, it } from 'node:test';
import { scriptsAfterLoad } from '../../web/app/lib/scripts-after-load.server.ts';

const code = 'import "/assets/a.js";\nwindow.x = {"y":"</p>"};\nimport("/assets/entry.js");';
const page =
  '<!DOCTYPE html><html lang="en"><head><link rel="modulepreload" href="/assets/a.js"/>' +
  '<link rel="modulepreload" href="/assets/entry.js"/><title>Thé — shop</title></head>' +
  '<body><p>Ünïcode ✓</p><script nonce="n0">window.ctx = 1;</script>' +
  `<script nonce="n0" type="module" async="">${code}</script></body></html>`;

async function through(chunks: Buffer[]): Promise<string> {
  let finalCalled = false;
  const transform = scriptsAfterLoad({
    final(callback) {
      finalCalled = true;
      callback();
    },
  });
  const result = await text(Readable.from(chunks).pipe(transform));
  assert.ok(finalCalled);
  return result;
}

describe('scripts after load', () => {
  it('takes out the preloads and runs the module script after load, under the same nonce', async () => {
    const html = await through([Buffer.from(page)]);
    assert.doesNotMatch(html, /<link/);
    assert.doesNotMatch(html, /<script[^>]*type="module"/);
    assert.match(
      html,
      /<title>Thé — shop<\/title><\/head><body><p>Ünïcode ✓<\/p><script nonce="n0">window.ctx = 1;/,
    );
    const loader = /<script nonce="n0">(\(function\(s\)[^<]*)<\/script><\/body><\/html>$/.exec(html);
    const script = loader?.[1] ?? assert.fail(html);
    assert.match(script, /\["\/assets\/a.js","\/assets\/entry.js"\]/);
    assert.ok(script.includes(JSON.stringify(code).replaceAll('<', '\\u003c')));
    assert.match(script, /addEventListener\("load"/);
  });

  it('gives the same page whatever the chunk boundaries (bytes included)', async () => {
    const whole = await through([Buffer.from(page)]);
    const bytes = Buffer.from(page);
    for (const size of [1, 2, 3, 7, 13, 24, 25, 26, 64]) {
      const chunks: Buffer[] = [];
      for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
      assert.equal(await through(chunks), whole, `chunks of ${size} bytes`);
    }
  });

  it('leaves a page without scripts alone, a trailing "<scr" included', async () => {
    assert.equal(await through([Buffer.from('<p>a</p><scr')]), '<p>a</p><scr');
  });
});
