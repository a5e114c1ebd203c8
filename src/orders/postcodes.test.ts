import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countryCodes } from './countries.ts';
import { checkPostcode, countriesWithoutPostcodes, postcodeRuleFor, postcodeRules } from './postcodes.ts';

describe('postal codes per country', () => {
  it('every rule is for a country the shop ships to, and accepts its own example as written', () => {
    for (const [country, rule] of Object.entries(postcodeRules)) {
      assert.ok(countryCodes.has(country), `${country} is a country code`);
      assert.ok(!countriesWithoutPostcodes.has(country), `${country} is not also listed as having no codes`);
      assert.deepEqual(checkPostcode(country, rule.example), { ok: true, postcode: rule.example }, country);
    }
    for (const country of countriesWithoutPostcodes) assert.ok(countryCodes.has(country), country);
  });

  it('every country the shop ships to: its example typed in lower case and without separators is put back as the post writes it', () => {
    for (const country of countryCodes) {
      const rule = postcodeRules[country];
      if (!rule) continue;
      const typed = `  ${rule.example.toLowerCase().replace(/[ -]/g, '')} `;
      const checked = checkPostcode(country, typed);
      assert.deepEqual(checked, { ok: true, postcode: rule.example }, `${country}: "${typed}"`);
    }
  });

  it('every country the shop ships to refuses punctuation and letters where digits belong, naming the field with an example', () => {
    for (const country of countryCodes) {
      const rule = postcodeRules[country];
      const refused = checkPostcode(country, 'ABCDE!');
      assert.equal(refused.ok, false, `${country} refuses "ABCDE!"`);
      if (refused.ok) continue;
      assert.equal(refused.reason, 'format');
      if (rule) {
        assert.match(refused.message, new RegExp(`such as ${rule.example.replace(/[-]/g, '\\-')}`), country);
        assert.match(refused.message, /code|Eircode|CEP/, country);
      } else {
        assert.match(refused.message, /postal code/);
      }
    }
  });

  it('a code is required where addresses have one, and optional where they have none', () => {
    assert.deepEqual(checkPostcode('US', ''), {
      ok: false,
      reason: 'missing',
      message: 'Enter the ZIP code, such as 95014',
    });
    assert.equal(checkPostcode('GB', '   ').ok, false);
    assert.equal(checkPostcode('DE', '').ok, false);
    for (const country of countriesWithoutPostcodes) {
      assert.deepEqual(checkPostcode(country, ''), { ok: true, postcode: '' }, country);
      assert.equal(postcodeRuleFor(country), null);
    }
    assert.deepEqual(checkPostcode('IE', ''), { ok: true, postcode: '' });
    assert.equal(postcodeRuleFor('IE')?.required, false);
    assert.equal(postcodeRuleFor('US')?.required, true);
  });

  it('US: 5 digits or ZIP+4, never letters', () => {
    assert.deepEqual(checkPostcode('US', '22202'), { ok: true, postcode: '22202' });
    assert.deepEqual(checkPostcode('US', '22202-1234'), { ok: true, postcode: '22202-1234' });
    assert.deepEqual(checkPostcode('US', '22202 1234'), { ok: true, postcode: '22202-1234' });
    assert.deepEqual(checkPostcode('US', '222021234'), { ok: true, postcode: '22202-1234' });
    for (const bad of ['ABCDE!', 'ABCDE', '2220', '222022', '22202-12', 'SW1A 1AA']) {
      const checked = checkPostcode('US', bad);
      assert.equal(checked.ok, false, bad);
      if (!checked.ok) assert.equal(checked.message, 'Enter a valid ZIP code such as 95014 (United States)');
    }
  });

  it('GB and CA: upper case with one space before the last three characters', () => {
    assert.deepEqual(checkPostcode('GB', 'sw1a1aa'), { ok: true, postcode: 'SW1A 1AA' });
    assert.deepEqual(checkPostcode('GB', 'n1   9gu'), { ok: true, postcode: 'N1 9GU' });
    assert.deepEqual(checkPostcode('GB', 'M1 1AE'), { ok: true, postcode: 'M1 1AE' });
    assert.equal(checkPostcode('GB', '12345').ok, false);
    assert.deepEqual(checkPostcode('CA', 'k1a0b1'), { ok: true, postcode: 'K1A 0B1' });
    assert.equal(checkPostcode('CA', 'D1A 0B1').ok, false, 'D is not used as a first letter');
    assert.equal(checkPostcode('CA', '12345').ok, false);
  });

  it('DE, FR: 5 digits; NL: 4 digits and 2 letters; PL, JP, BR, PT: their hyphen; LV, LT: their prefix', () => {
    assert.deepEqual(checkPostcode('DE', '10117'), { ok: true, postcode: '10117' });
    assert.equal(checkPostcode('DE', '1011').ok, false);
    assert.equal(checkPostcode('FR', '7500A').ok, false);
    assert.deepEqual(checkPostcode('NL', '1012js'), { ok: true, postcode: '1012 JS' });
    assert.deepEqual(checkPostcode('PL', '00950'), { ok: true, postcode: '00-950' });
    assert.deepEqual(checkPostcode('JP', '1000001'), { ok: true, postcode: '100-0001' });
    assert.deepEqual(checkPostcode('BR', '01310100'), { ok: true, postcode: '01310-100' });
    assert.deepEqual(checkPostcode('PT', '1100 148'), { ok: true, postcode: '1100-148' });
    assert.deepEqual(checkPostcode('LV', '1050'), { ok: true, postcode: 'LV-1050' });
    assert.deepEqual(checkPostcode('LT', 'lt-01100'), { ok: true, postcode: 'LT-01100' });
    assert.deepEqual(checkPostcode('LU', 'L-1648'), { ok: true, postcode: '1648' });
    assert.deepEqual(checkPostcode('SE', '11455'), { ok: true, postcode: '114 55' });
  });

  it('a country without a rule keeps a code that looks like one and refuses one that does not', () => {
    assert.deepEqual(checkPostcode('HK', ''), { ok: true, postcode: '' });
    assert.deepEqual(checkPostcode('AE', ' 12345 '), { ok: true, postcode: '12345' });
    assert.equal(checkPostcode('AE', '12#45').ok, false);
  });
});
