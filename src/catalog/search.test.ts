import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { escapeLike, parseSearch, searchValues, transpositionPatterns } from './search.ts';

describe('search input', () => {
  it('splits the input into lowercased words of letters and digits, the last one being typed', () => {
    assert.deepEqual(parseSearch('  Nimbus X2 pr '), { words: ['nimbus', 'x2', 'pr'], excluded: [] });
    assert.deepEqual(parseSearch('USB-C 10,000 mAh'), {
      words: ['usb', 'c', '10', '000', 'mah'],
      excluded: [],
    });
    assert.deepEqual(parseSearch('"nimbus x2" -pro'), { words: ['nimbus', 'x2'], excluded: ['pro'] });
    assert.equal(parseSearch('   '), null);
    assert.deepEqual(parseSearch('!!! :*'), { words: [], excluded: [] });
  });

  it('prefix-matches every word but a one-letter one before the last; forgives typos from four letters', () => {
    const values = searchValues({ words: ['nimbus', 'x', 'chargr', 'p'], excluded: ['pro', 'max'] });
    assert.equal(values.p0, 'nimbus:*');
    assert.equal(values.p1, 'x');
    assert.equal(values.p3, 'p:*');
    assert.equal(values.pA0, 'nimbus:*A');
    assert.equal(values.wB1, 'x:B');
    assert.equal(values.y2, 'chargr');
    assert.equal(values.y3, '');
    assert.equal(values.x, 'pro | max');
  });

  it('lists the transpositions of a word as LIKE prefixes', () => {
    assert.deepEqual(transpositionPatterns('phnoe'), ['hpnoe%', 'pnhoe%', 'phone%', 'phneo%']);
    assert.deepEqual(transpositionPatterns('aab'), ['aba%']);
  });

  it('only letters, digits and its own operators ever reach to_tsquery', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 100 }), (q) => {
        const terms = parseSearch(q);
        if (!terms) return;
        const values = searchValues(terms);
        terms.words.forEach((_, i) => {
          assert.match(String(values[`w${i}`]), /^[\p{L}\p{N}]+$/u);
          assert.match(String(values[`p${i}`]), /^[\p{L}\p{N}]+(:\*)?$/u);
        });
        if (values.x !== undefined) assert.match(String(values.x), /^[\p{L}\p{N}]+( \| [\p{L}\p{N}]+)*$/u);
      }),
    );
  });

  it('escapes LIKE wildcards', () => {
    assert.equal(escapeLike('50%_off\\'), '50\\%\\_off\\\\');
  });
});
