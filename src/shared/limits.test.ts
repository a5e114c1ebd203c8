import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isStorableInstant } from './limits.ts';
import { isPlainText, text } from './text.ts';

describe('isStorableInstant', () => {
  it('takes real instants between the years 1 and 9999 UTC', () => {
    for (const ok of [
      '2026-01-15T10:00:00Z',
      '2024-02-29T23:59:59.999Z',
      '9999-12-31T23:59:59Z',
      '0001-01-01T00:00:00Z',
    ]) {
      assert.equal(isStorableInstant(ok), true, ok);
    }
  });

  it('refuses year 0000, an offset that lands in year 0, impossible dates and times, and six-digit years', () => {
    for (const bad of [
      '0000-01-01T00:00:00Z',
      '0001-01-01T00:30:00+01:00',
      '2026-13-01T00:00:00Z',
      '2026-02-30T00:00:00Z',
      '2026-01-01T24:00:00Z',
      '+275760-09-13T00:00:00.000Z',
      'yesterday',
    ]) {
      assert.equal(isStorableInstant(bad), false, bad);
    }
  });
});

describe('text', () => {
  it('refuses NUL, other control characters and lone surrogates; keeps emoji and accents', () => {
    for (const bad of ['a\u0000b', '\u0007', 'x\ud800', '\udfffx', 'tab\there', 'line\nbreak', '\u009b']) {
      assert.equal(text().safeParse(bad).success, false, JSON.stringify(bad));
    }
    for (const good of ['Zoë’s 📱 — 128 GB', '', 'ﬁ ß 東京']) {
      assert.equal(text().safeParse(good).success, true, good);
    }
  });

  it('allows tab and line breaks in multi-line fields only', () => {
    assert.equal(isPlainText('one\r\ntwo\tthree', { multiline: true }), true);
    assert.equal(isPlainText('one\r\ntwo', { multiline: false }), false);
    assert.equal(isPlainText('one\u0000two', { multiline: true }), false);
  });
});
