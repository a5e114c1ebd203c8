import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  addressBookFull,
  defaultAfterRemoval,
  newAddressIsDefault,
  sameAddress,
} from './address-book.rules.ts';

const at = (iso: string) => new Date(iso);
const home = {
  name: 'Ada Lovelace',
  line1: '12 St James Square',
  city: 'London',
  postalCode: 'SW1Y 4JH',
  country: 'GB',
};

describe('address book rules', () => {
  it('keeps at most the cap: the last place is free, the one beyond is refused with the cap in words', () => {
    assert.equal(addressBookFull(9, 10), null);
    assert.match(addressBookFull(10, 10) ?? '', /at most 10 addresses/);
    assert.notEqual(addressBookFull(11, 10), null);
  });

  it("makes the book's first address the default, and a later one only when asked", () => {
    assert.equal(newAddressIsDefault(0, false), true);
    assert.equal(newAddressIsDefault(3, false), false);
    assert.equal(newAddressIsDefault(3, true), true);
  });

  it('after the default is removed, the oldest remaining address becomes the default', () => {
    const remaining = [
      { id: 'b', isDefault: false, createdAt: at('2026-03-02T00:00:00Z') },
      { id: 'a', isDefault: false, createdAt: at('2026-03-01T00:00:00Z') },
    ];
    assert.equal(defaultAfterRemoval(remaining), 'a');
    assert.equal(
      defaultAfterRemoval([{ ...remaining[0], isDefault: true } as never, remaining[1] as never]),
      null,
    );
    assert.equal(defaultAfterRemoval([]), null);
  });

  it('treats addresses differing only in case, spacing and Unicode spelling as the same', () => {
    assert.ok(sameAddress(home, { ...home, name: ' ada  LOVELACE ', postalCode: 'sw1y 4jh' }));
    assert.ok(sameAddress(home, { ...home, line1: '１２ St James Square' }));
    assert.ok(!sameAddress(home, { ...home, line2: 'Flat 2' }));
    assert.ok(!sameAddress(home, { ...home, country: 'IE' }));
  });
});
