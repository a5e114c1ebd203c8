import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countryName, formatAddress, formatDate, formatDateTime, formatUsd } from './format.ts';

describe('one format for money, dates and addresses', () => {
  it('money is "$" with thousands separators and two decimals, whatever the amount', () => {
    const rows: Array<[number, string]> = [
      [0, '$0.00'],
      [1, '$0.01'],
      [99, '$0.99'],
      [100, '$1.00'],
      [123456, '$1,234.56'],
      [100000000, '$1,000,000.00'],
      [-250, '-$2.50'],
    ];
    for (const [cents, text] of rows) assert.equal(formatUsd(cents), text, `${cents} cents`);
  });

  it('a day and an instant read the same from ISO text, a Date or milliseconds, in UTC', () => {
    const iso = '2026-01-10T23:30:00Z';
    assert.equal(formatDate(iso), '10 Jan 2026');
    assert.equal(formatDate(new Date(iso)), '10 Jan 2026');
    assert.equal(formatDate(Date.parse(iso)), '10 Jan 2026');
    assert.equal(formatDateTime(iso), '10 Jan 2026 23:30 UTC');
    // An offset is converted, not dropped: 01:30 at +02:00 is the previous UTC day.
    assert.equal(formatDateTime('2026-03-01T01:30:00+02:00'), '28 Feb 2026 23:30 UTC');
  });

  it('a missing or unreadable date is a dash, never "Invalid Date"', () => {
    for (const v of [null, undefined, 'soon', '']) {
      assert.equal(formatDate(v), '—');
      assert.equal(formatDateTime(v), '—');
    }
  });

  it('countries are named, never shown as codes', () => {
    assert.equal(countryName('US'), 'United States');
    assert.equal(countryName('gb'), 'United Kingdom');
    assert.equal(countryName('DE'), 'Germany');
    assert.equal(countryName('XY'), 'XY', 'an unknown code is shown as given, not an exception');
  });

  it('a US address is written the US way: City, ST 12345, then United States', () => {
    assert.deepEqual(
      formatAddress({
        name: 'Ada Lovelace',
        line1: '1 Main St',
        line2: 'Apt 4',
        city: 'Springfield',
        postalCode: '62704',
        region: 'Illinois',
        country: 'US',
      }),
      ['Ada Lovelace', '1 Main St', 'Apt 4', 'Springfield, IL 62704', 'United States'],
    );
    assert.deepEqual(
      formatAddress({
        name: 'Ada',
        line1: '1 Main St',
        city: 'Springfield',
        postalCode: '62704',
        region: 'IL',
        country: 'US',
      }),
      ['Ada', '1 Main St', 'Springfield, IL 62704', 'United States'],
    );
  });

  it('other countries in their own order', () => {
    const at = (country: string, city: string, postalCode: string, region?: string) =>
      formatAddress({ name: 'N', line1: 'L1', city, postalCode, region, country });
    assert.deepEqual(at('DE', 'Berlin', '10115'), ['N', 'L1', '10115 Berlin', 'Germany']);
    assert.deepEqual(at('FR', 'Paris', '75001'), ['N', 'L1', '75001 Paris', 'France']);
    assert.deepEqual(at('GB', 'London', 'SW1A 2AA'), ['N', 'L1', 'London', 'SW1A 2AA', 'United Kingdom']);
    assert.deepEqual(at('CA', 'Toronto', 'M5H 2N2', 'Ontario'), ['N', 'L1', 'Toronto, ON M5H 2N2', 'Canada']);
    assert.deepEqual(at('AU', 'Sydney', '2000', 'New South Wales'), [
      'N',
      'L1',
      'Sydney NSW 2000',
      'Australia',
    ]);
  });

  it('every country the shop ships to keeps every part that was typed, the country named last', async () => {
    const { countryCodes } = await import('../orders/countries.ts');
    for (const code of countryCodes) {
      const lines = formatAddress({
        name: 'Name',
        line1: 'Street 1',
        line2: 'Floor 2',
        city: 'Town',
        postalCode: '12345',
        country: code,
      });
      const text = lines.join('\n');
      for (const part of ['Name', 'Street 1', 'Floor 2', 'Town', '12345']) {
        assert.ok(text.includes(part), `${code}: ${part} kept in ${JSON.stringify(lines)}`);
      }
      assert.equal(lines.at(-1), countryName(code), `${code}: country named last`);
      assert.ok(!lines.slice(0, -1).includes(code), `${code}: no bare country code`);
    }
  });
});
