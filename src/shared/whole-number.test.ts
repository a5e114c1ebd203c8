import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { wholeNumber } from './whole-number.ts';

describe('wholeNumber', () => {
  const days = wholeNumber({ min: 0, max: 365 });

  it('reads decimal digits within the bounds', () => {
    assert.equal(days.parse('0'), 0);
    assert.equal(days.parse('25'), 25);
    assert.equal(days.parse('007'), 7);
    assert.equal(wholeNumber({ min: 1, max: 100 }).default(25).parse(undefined), 25);
  });

  it('refuses what z.coerce.number() would have read as some other number', () => {
    for (const value of ['', ' 5', '5 ', '1e1', '0x10', '+3', '2.0', '-1', 'Infinity', '٣']) {
      const result = days.safeParse(value);
      assert.equal(result.success, false, JSON.stringify(value));
    }
    assert.match(days.safeParse('1e1').error?.issues[0]?.message ?? '', /whole number written in digits/);
  });

  it('refuses values outside the bounds', () => {
    assert.equal(days.safeParse('366').success, false);
    assert.equal(wholeNumber({ min: 1 }).safeParse('0').success, false);
    assert.equal(days.safeParse('99999999999999999').success, false);
  });
});
