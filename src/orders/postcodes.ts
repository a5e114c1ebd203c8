/**
 * Postal codes per country: one rule table used by the checkout schema (server) and the checkout form
 * (hint and example), so both accept and refuse the same codes. Each rule gives the code's shape once
 * normalised, an example a person recognises, and, where people commonly type the code without its
 * separator, how to put it back ("sw1a1aa" → "SW1A 1AA", "1234ab" → "1234 AB", "123456789" → "12345-6789").
 *
 * The shapes follow the postal services' published formats (as collected by Google's address data,
 * libaddressinput): they check the form of a code, not that it exists. Countries without postal codes
 * need none; a country missing from the table gets a loose check (letters, digits, one space or hyphen
 * between groups) and the field stays optional there.
 */

export interface PostcodeRule {
  /** The normalised code: upper case, single spaces. */
  pattern: RegExp;
  /** A real code in that country, shown in hints and error messages. */
  example: string;
  /** What the country calls it in English, for messages ("ZIP code"). Default "postal code". */
  name?: string;
  /** Puts the separator back into a code typed without it (`compact`: letters and digits only). */
  format?: (compact: string) => string;
  /** The code may be left out (many addresses there have none, or it is rarely known). */
  optional?: boolean;
}

/** "12345" + "6789" → "12345-6789" (US ZIP+4 and the like). */
const splitAt =
  (at: number, separator: string) =>
  (compact: string): string =>
    compact.length > at ? `${compact.slice(0, at)}${separator}${compact.slice(at)}` : compact;
/** The inward code of a British-style postcode is its last three characters: "SW1A1AA" → "SW1A 1AA". */
const lastThree = (compact: string): string =>
  compact.length > 3 ? `${compact.slice(0, -3)} ${compact.slice(-3)}` : compact;
/** A country prefix that belongs in the code: "1073" or "LV1073" → "LV-1073". */
const prefixed =
  (prefix: string) =>
  (compact: string): string =>
    `${prefix}-${compact.startsWith(prefix) ? compact.slice(prefix.length) : compact}`;
/** A country prefix people add but the post does not use: "L-4750" → "4750". */
const withoutPrefix =
  (prefix: string) =>
  (compact: string): string =>
    compact.startsWith(prefix) ? compact.slice(prefix.length) : compact;

const digits = (n: number, example: string, extra: Partial<PostcodeRule> = {}): PostcodeRule => ({
  pattern: new RegExp(`^\\d{${n}}$`),
  example,
  ...extra,
});

const zip: PostcodeRule = {
  pattern: /^\d{5}(-\d{4})?$/,
  example: '95014',
  name: 'ZIP code',
  format: splitAt(5, '-'),
};
const british = (example: string, pattern = /^[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}$/): PostcodeRule => ({
  pattern,
  example,
  name: 'postcode',
  format: lastThree,
});
const oneCode = (code: string): PostcodeRule => ({
  pattern: new RegExp(`^${code}$`),
  example: code,
  name: 'postcode',
  format: lastThree,
});
const french = (prefix: string, example: string): PostcodeRule => ({
  pattern: new RegExp(`^${prefix}\\d{${5 - prefix.length}}$`),
  example,
});

/** ISO 3166-1 alpha-2 code → its postal code rule. */
export const postcodeRules: Readonly<Record<string, PostcodeRule>> = {
  // North America and US territories
  US: zip,
  PR: { ...zip, example: '00930' },
  VI: { ...zip, example: '00802' },
  GU: { ...zip, example: '96910' },
  AS: { ...zip, example: '96799' },
  MP: { ...zip, example: '96950' },
  UM: { ...zip, example: '96898' },
  FM: { ...zip, example: '96941' },
  MH: { ...zip, example: '96960' },
  PW: { ...zip, example: '96940' },
  CA: {
    pattern: /^[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] \d[ABCEGHJ-NPRSTV-Z]\d$/,
    example: 'K1A 0B1',
    format: lastThree,
  },
  MX: digits(5, '06600'),
  // United Kingdom, its Crown Dependencies and territories
  GB: british('SW1A 1AA', /^(GIR 0AA|[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2})$/),
  GG: british('GY1 1AA', /^GY\d[\dA-Z]? \d[A-Z]{2}$/),
  JE: british('JE2 3AB', /^JE\d[\dA-Z]? \d[A-Z]{2}$/),
  IM: british('IM1 1AA', /^IM\d[\dA-Z]? \d[A-Z]{2}$/),
  GI: oneCode('GX11 1AA'),
  FK: oneCode('FIQQ 1ZZ'),
  GS: oneCode('SIQQ 1ZZ'),
  IO: oneCode('BBND 1ZZ'),
  PN: oneCode('PCRN 1ZZ'),
  TC: oneCode('TKCA 1ZZ'),
  SH: { ...british('STHL 1ZZ', /^(ASCN|STHL|TDCU) 1ZZ$/) },
  // Europe
  IE: {
    pattern: /^([AC-FHKNPRTV-Y]\d{2}|D6W) [0-9AC-FHKNPRTV-Y]{4}$/,
    example: 'D02 X285',
    name: 'Eircode',
    format: (compact) => (compact.length === 7 ? `${compact.slice(0, 3)} ${compact.slice(3)}` : compact),
    optional: true,
  },
  DE: digits(5, '10117'),
  FR: digits(5, '75007'),
  MC: { pattern: /^980\d{2}$/, example: '98000' },
  AD: { pattern: /^AD[1-7]0\d$/, example: 'AD500' },
  IT: digits(5, '00144'),
  SM: { pattern: /^4789\d$/, example: '47890' },
  VA: { pattern: /^00120$/, example: '00120' },
  ES: digits(5, '28013'),
  PT: { pattern: /^\d{4}-\d{3}$/, example: '1100-148', format: splitAt(4, '-') },
  NL: { pattern: /^\d{4} [A-Z]{2}$/, example: '1012 JS', format: splitAt(4, ' ') },
  BE: digits(4, '1000'),
  LU: { pattern: /^\d{4}$/, example: '1648', format: withoutPrefix('L') },
  AT: digits(4, '1010'),
  CH: digits(4, '3003'),
  LI: { pattern: /^94\d{2}$/, example: '9490' },
  DK: digits(4, '1050'),
  FO: digits(3, '100'),
  GL: { pattern: /^39\d{2}$/, example: '3900' },
  NO: digits(4, '0150'),
  SJ: digits(4, '9170'),
  SE: { pattern: /^\d{3} \d{2}$/, example: '114 55', format: splitAt(3, ' ') },
  FI: digits(5, '00100'),
  AX: { pattern: /^22\d{3}$/, example: '22100', format: withoutPrefix('AX') },
  IS: digits(3, '101'),
  PL: { pattern: /^\d{2}-\d{3}$/, example: '00-950', format: splitAt(2, '-') },
  CZ: { pattern: /^\d{3} \d{2}$/, example: '110 00', format: splitAt(3, ' ') },
  SK: { pattern: /^\d{3} \d{2}$/, example: '811 01', format: splitAt(3, ' ') },
  HU: digits(4, '1051'),
  SI: { pattern: /^\d{4}$/, example: '1000', format: withoutPrefix('SI') },
  HR: digits(5, '10000'),
  BA: digits(5, '71000'),
  RS: digits(5, '11000'),
  ME: digits(5, '81000'),
  MK: digits(4, '1000'),
  AL: digits(4, '1001'),
  RO: digits(6, '010011'),
  BG: digits(4, '1000'),
  GR: { pattern: /^\d{3} \d{2}$/, example: '105 57', format: splitAt(3, ' ') },
  CY: digits(4, '1010'),
  MT: {
    pattern: /^[A-Z]{3} \d{2,4}$/,
    example: 'VLT 1117',
    format: splitAt(3, ' '),
  },
  EE: digits(5, '10111'),
  LV: { pattern: /^LV-\d{4}$/, example: 'LV-1050', format: prefixed('LV') },
  LT: { pattern: /^LT-\d{5}$/, example: 'LT-01100', format: prefixed('LT') },
  MD: { pattern: /^MD-\d{4}$/, example: 'MD-2012', format: prefixed('MD') },
  UA: digits(5, '01001'),
  BY: digits(6, '220030'),
  RU: digits(6, '101000'),
  TR: digits(5, '06100'),
  GE: digits(4, '0105'),
  AM: digits(4, '0010'),
  AZ: { pattern: /^AZ \d{4}$/, example: 'AZ 1000', format: (c) => `AZ ${withoutPrefix('AZ')(c)}` },
  KZ: digits(6, '010000'),
  KG: digits(6, '720001'),
  UZ: digits(6, '100000'),
  TJ: digits(6, '734000'),
  TM: digits(6, '744000'),
  // French overseas departments and collectivities
  GP: french('971', '97100'),
  MQ: french('972', '97200'),
  GF: french('973', '97300'),
  RE: french('974', '97400'),
  PM: french('975', '97500'),
  YT: french('976', '97600'),
  BL: french('9713', '97133'),
  MF: french('9715', '97150'),
  WF: french('986', '98600'),
  PF: french('987', '98714'),
  NC: french('988', '98800'),
  // Asia and Oceania
  AU: digits(4, '2000'),
  NZ: digits(4, '6011'),
  CX: { pattern: /^6798$/, example: '6798' },
  CC: { pattern: /^6799$/, example: '6799' },
  NF: { pattern: /^2899$/, example: '2899' },
  HM: digits(4, '7151'),
  JP: { pattern: /^\d{3}-\d{4}$/, example: '100-0001', format: splitAt(3, '-') },
  KR: digits(5, '03187'),
  CN: digits(6, '100000'),
  TW: { pattern: /^\d{3}(\d{2,3})?$/, example: '100' },
  MN: digits(5, '15160'),
  SG: digits(6, '238859'),
  MY: digits(5, '50050'),
  TH: digits(5, '10200'),
  VN: { ...digits(6, '100000'), optional: true },
  KH: { pattern: /^\d{5,6}$/, example: '120101' },
  LA: digits(5, '01000'),
  MM: digits(5, '11181'),
  ID: digits(5, '10110'),
  PH: digits(4, '1000'),
  BN: { pattern: /^[A-Z]{2} \d{4}$/, example: 'BS 8811', format: splitAt(2, ' ') },
  IN: { pattern: /^\d{6}$/, example: '110001', name: 'PIN code' },
  PK: digits(5, '44000'),
  BD: digits(4, '1000'),
  LK: digits(5, '00100'),
  NP: digits(5, '44600'),
  BT: digits(5, '11001'),
  MV: digits(5, '20026'),
  AF: digits(4, '1001'),
  PG: digits(3, '111'),
  // Middle East and Africa
  IL: { pattern: /^\d{5}(\d{2})?$/, example: '9614303' },
  PS: digits(3, '600', { optional: true }),
  JO: digits(5, '11118'),
  LB: { pattern: /^\d{4}( \d{4})?$/, example: '2038 3054', format: splitAt(4, ' ') },
  SA: { pattern: /^\d{5}(-\d{4})?$/, example: '11564', format: splitAt(5, '-') },
  KW: digits(5, '13001'),
  BH: { pattern: /^\d{3,4}$/, example: '317' },
  OM: digits(3, '100'),
  IQ: digits(5, '10001'),
  IR: { pattern: /^\d{5}-\d{5}$/, example: '11936-12345', format: splitAt(5, '-') },
  EG: digits(5, '11511'),
  MA: digits(5, '10000'),
  DZ: digits(5, '16000'),
  TN: digits(4, '1000'),
  ZA: digits(4, '0001'),
  NA: { ...digits(5, '10001'), optional: true },
  LS: digits(3, '100'),
  SZ: { pattern: /^[HLMS]\d{3}$/, example: 'H100' },
  MZ: digits(4, '1100'),
  MG: digits(3, '101'),
  KE: { ...digits(5, '00100'), optional: true },
  TZ: { ...digits(5, '11101'), optional: true },
  ET: digits(4, '1000'),
  NG: { ...digits(6, '100001'), optional: true },
  SN: digits(5, '12500'),
  NE: digits(4, '8001'),
  LR: digits(4, '1000'),
  GW: digits(4, '1000'),
  CV: digits(4, '7600'),
  ZM: digits(5, '10101'),
  SD: digits(5, '11111'),
  // Latin America and the Caribbean
  BR: { pattern: /^\d{5}-\d{3}$/, example: '01310-100', name: 'CEP', format: splitAt(5, '-') },
  AR: { pattern: /^([A-Z]\d{4}[A-Z]{3}|\d{4})$/, example: 'C1002AAP' },
  CL: digits(7, '8320000'),
  CO: digits(6, '110111'),
  PE: { ...digits(5, '15001'), optional: true },
  EC: digits(6, '170150'),
  UY: digits(5, '11000'),
  PY: digits(4, '1209'),
  VE: { pattern: /^\d{4}(-[A-Z])?$/, example: '1010' },
  CR: { pattern: /^\d{5}$/, example: '10101' },
  GT: digits(5, '01001'),
  HN: digits(5, '11101'),
  NI: { ...digits(5, '11001'), optional: true },
  SV: { pattern: /^CP [1-3][1-7][0-2]\d$/, example: 'CP 1101', format: splitAt(2, ' ') },
  CU: digits(5, '10400'),
  DO: digits(5, '10101'),
  HT: { pattern: /^\d{4}$/, example: '6110', format: withoutPrefix('HT') },
  BB: { pattern: /^BB\d{5}$/, example: 'BB11000' },
  BM: { pattern: /^[A-Z]{2} ([A-Z\d]{2})$/, example: 'HM 12', format: splitAt(2, ' ') },
  KY: { pattern: /^KY\d-\d{4}$/, example: 'KY1-1100', format: splitAt(3, '-') },
  VG: { pattern: /^VG11[0-6]0$/, example: 'VG1110' },
  VC: { pattern: /^VC\d{4}$/, example: 'VC0100' },
  AI: { pattern: /^AI-2640$/, example: 'AI-2640', format: prefixed('AI') },
  MS: { pattern: /^MSR \d{4}$/, example: 'MSR 1120', format: splitAt(3, ' ') },
};

/**
 * Countries whose addresses have no postal code at all (Universal Postal Union): the field is optional
 * there, and a code given anyway is kept if it looks like one.
 */
export const countriesWithoutPostcodes: ReadonlySet<string> = new Set(
  (
    'AE AG AO AQ AW BF BI BJ BO BQ BS BV BW BZ CD CF CG CI CK CM CW DJ DM ER FJ GA GD GH GM GN GQ GY ' +
    'HK KI KM KN KP LC LY ML MO MR MW NR NU QA RW SB SC SL SO SR SS ST SX SY TD TF TG TK TL TO TT TV UG VU YE ZW'
  ).split(' '),
);

/** The loose shape for countries not in the table: groups of letters and digits, one space or hyphen between. */
const anyCountry = /^[A-Z0-9]+([ -][A-Z0-9]+)*$/;

/** The rule for a country, with what the form and messages need; `null` for an unknown country code. */
export function postcodeRuleFor(
  country: string,
): (PostcodeRule & { required: boolean; name: string }) | null {
  const rule = postcodeRules[country];
  if (rule) return { ...rule, name: rule.name ?? 'postal code', required: !rule.optional };
  return null;
}

export type PostcodeCheck =
  | { ok: true; postcode: string }
  | { ok: false; reason: 'missing' | 'format'; message: string };

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
function countryLabel(code: string): string {
  try {
    return regionNames.of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * Checks and normalises a postal code for a country (ISO 3166-1 alpha-2, upper case).
 *
 * Returns the code as the post writes it (`"sw1a1aa"`, GB → `"SW1A 1AA"`; `"" `, HK → `""`), or a message
 * for the person that names the field and shows an example ("Enter a valid ZIP code such as 95014 (United
 * States)"). An empty
 * code is refused only where the country's addresses need one.
 */
export function checkPostcode(country: string, raw: string): PostcodeCheck {
  const spaced = raw.trim().toUpperCase().replace(/\s+/g, ' ');
  const rule = postcodeRules[country];
  const name = rule?.name ?? 'postal code';
  if (spaced === '') {
    if (rule && !rule.optional) {
      return { ok: false, reason: 'missing', message: `Enter the ${name}, such as ${rule.example}` };
    }
    return { ok: true, postcode: '' };
  }
  if (!rule) {
    if (anyCountry.test(spaced) && spaced.length <= 12) return { ok: true, postcode: spaced };
    return {
      ok: false,
      reason: 'format',
      message: 'Enter the postal code using letters, digits, spaces and hyphens only',
    };
  }
  if (rule.pattern.test(spaced)) return { ok: true, postcode: spaced };
  const compact = spaced.replace(/[ -]/g, '');
  if (/^[A-Z0-9]+$/.test(compact)) {
    const formatted = rule.format ? rule.format(compact) : compact;
    if (rule.pattern.test(formatted)) return { ok: true, postcode: formatted };
  }
  return {
    ok: false,
    reason: 'format',
    message: `Enter a valid ${name} such as ${rule.example} (${countryLabel(country)})`,
  };
}
