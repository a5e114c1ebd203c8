import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { escapeLike, searchForm, searchParts, searchValues } from './search.ts';

describe('search input', () => {
  it('splits off the last plain word for a prefix match', () => {
    assert.deepEqual(searchParts('  Nimbus X2 pr '), { text: 'Nimbus X2 pr', rest: 'Nimbus X2', last: 'pr' });
    assert.deepEqual(searchParts('nim'), { text: 'nim', rest: '', last: 'nim' });
    assert.equal(searchParts('   '), null);
  });

  it('does not prefix-match a quoted phrase, an exclusion or punctuation', () => {
    for (const q of ['"nimbus x2"', 'nimbus -pro', 'x2-pro', 'a:*', 'b & c |']) {
      assert.equal(searchParts(q)?.last, null, q);
      assert.equal(searchForm(searchParts(q) as never), 'whole', q);
    }
  });

  it('only letters and digits reach to_tsquery', () => {
    for (const q of ['nim', 'Ünïcode ÉCRAN', "x') or 1=1 --", 'phones 128']) {
      const parts = searchParts(q);
      if (parts?.last) assert.match(searchValues(parts).qPrefix, /^[\p{L}\p{N}]+:\*$/u, q);
    }
  });

  it('escapes LIKE wildcards', () => {
    assert.equal(escapeLike('50%_off\\'), '50\\%\\_off\\\\');
  });
});
