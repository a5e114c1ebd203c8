import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { NumbersResponse } from './numbers.schemas.ts';
import { centsToDollars, csvField, numbersCsv } from './numbers-csv.ts';

describe('CSV of the after-sales numbers', () => {
  it('writes cents as dollars with two decimals, exactly', () => {
    assert.equal(centsToDollars(0), '0.00');
    assert.equal(centsToDollars(5), '0.05');
    assert.equal(centsToDollars(650), '6.50');
    assert.equal(centsToDollars(-250), '-2.50');
    assert.equal(centsToDollars(123_456_789_01), '123456789.01');
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (cents) => {
        assert.equal(Math.round(Number(centsToDollars(cents)) * 100), cents);
      }),
    );
  });

  it('quotes a field with a comma, quote or line break, doubling quotes', () => {
    assert.equal(csvField('plain'), 'plain');
    assert.equal(csvField('a,b'), '"a,b"');
    assert.equal(csvField('say "hi"'), '"say ""hi"""');
    assert.equal(csvField('two\nlines'), '"two\nlines"');
    assert.equal(csvField(null), '');
    assert.equal(csvField(0.3333), '0.3333');
  });

  it('guards text a spreadsheet would run as a formula with a leading apostrophe; numbers and money are left alone', () => {
    for (const danger of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) {
      assert.ok(csvField(danger).replace(/^"/, '').startsWith(`'`), JSON.stringify(danger));
    }
    assert.equal(csvField('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
    assert.equal(csvField(-1), '-1');
    assert.equal(csvField({ cents: -100 }), '-1.00');
  });

  it('writes one header row and one row per item, CRLF line ends', () => {
    const numbers = {
      declined: { claims: 3, declined: 2, byClause: [{ clause: 'AS-RET-1', count: 2, share: 1 }] },
    } as NumbersResponse;
    assert.equal(
      numbersCsv(numbers, 'declined'),
      'clause,declined_claims,share_of_declined\r\nAS-RET-1,2,1\r\n',
    );
  });
});
