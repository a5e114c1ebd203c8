/**
 * How the shop writes money, dates and postal addresses for people. The one module every email, storefront page
 * and back-office screen formats through, so that they all read alike:
 *
 * - money: "$1,234.56" (the shop sells in US dollars only);
 * - a day: "10 Jan 2026"; an instant: "10 Jan 2026 09:30 UTC" (the same words as the after-sales policy's
 *   deadlines, which are UTC instants);
 * - a postal address: the lines a carrier expects in the destination country ("Springfield, IL 62704" in the
 *   US, "10115 Berlin" in Germany), then the country's English name, never its code.
 *
 * The engine-facing helpers (`formatUsd`, `formatDay`, `formatInstant`) live in money.ts and time.ts, where the
 * policy engine's hot path imports them; this module re-exports them and adds what takes wire values.
 */
import * as addressFormatterModule from '@fragaria/address-formatter';
import { formatUsd } from './money.ts';
import { formatDay, formatInstant } from './time.ts';

/**
 * The package ships one default-exported object (CommonJS and ES builds) while its types declare named
 * exports: take the object from `default` when the loader put it there. Read inside the function, so that a
 * browser bundle that formats only money and dates leaves the library out.
 */
function addressFormatter(): typeof addressFormatterModule {
  return (
    (addressFormatterModule as unknown as { default?: typeof addressFormatterModule }).default ??
    addressFormatterModule
  );
}

export { formatDay, formatInstant, formatUsd };

/** What to print for an instant that has not happened (not shipped yet, never sent). */
export const NO_DATE = '—';

function instantOf(value: string | Date | number): number {
  return typeof value === 'number' ? value : typeof value === 'string' ? Date.parse(value) : value.getTime();
}

/**
 * An instant as ISO 8601 text, a Date or epoch milliseconds → "10 Jan 2026" (its UTC day). Null, undefined or
 * an unreadable value → "—".
 */
export function formatDate(value: string | Date | number | null | undefined): string {
  if (value === null || value === undefined) return NO_DATE;
  const ms = instantOf(value);
  return Number.isFinite(ms) ? formatDay(ms) : NO_DATE;
}

/** The same input → "10 Jan 2026 09:30 UTC"; null, undefined or unreadable → "—". */
export function formatDateTime(value: string | Date | number | null | undefined): string {
  if (value === null || value === undefined) return NO_DATE;
  const ms = instantOf(value);
  return Number.isFinite(ms) ? formatInstant(ms) : NO_DATE;
}

const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });

/**
 * ISO 3166-1 alpha-2 code → the country's English name ("US" → "United States", "gb" → "United Kingdom").
 * A code Intl does not know comes back as it was given, upper-cased: never an exception on a screen.
 */
export function countryName(code: string): string {
  const upper = code.trim().toUpperCase();
  try {
    return regionNames.of(upper) ?? upper;
  } catch {
    return upper;
  }
}

/** A postal address as the shop stores it (checkout's shippingAddress). */
export interface PostalAddress {
  name: string;
  line1: string;
  line2?: string | undefined | null;
  city: string;
  postalCode: string;
  /** State, province or county, as typed ("IL" or "Illinois"). */
  region?: string | undefined | null;
  /** ISO 3166-1 alpha-2. */
  country: string;
}

const present = (s: string | null | undefined): s is string => typeof s === 'string' && s.trim() !== '';

/**
 * The lines of an address as written on a parcel to its country, the country's name last:
 * US → ["Ada Lovelace", "1 Main St", "Apt 4", "Springfield, IL 62704", "United States"];
 * DE → [name, "Hauptstr. 5", "10115 Berlin", "Germany"]. The country's line order comes from OpenCage's
 * address-formatting templates (@fragaria/address-formatter), which cover every country. Nothing typed is
 * ever dropped: if a template leaves out a part the customer gave, the generic order is used instead.
 */
export function formatAddress(address: PostalAddress): string[] {
  const code = address.country.trim().toUpperCase();
  const line1 = address.line1.trim();
  const city = address.city.trim();
  const postcode = address.postalCode.trim();
  const region = present(address.region) ? address.region.trim() : undefined;
  let local: string[];
  try {
    local = addressFormatter().format(
      { road: line1, city, postcode, ...(region ? { state: region } : {}), countryCode: code },
      { output: 'array', appendCountry: false, cleanupPostcode: false },
    );
  } catch {
    local = [];
  }
  const text = local.join('\n');
  const kept = [line1, city, postcode].filter(present).every((part) => text.includes(part));
  // A region may be written as its code (Illinois → IL): it is kept when either form is there.
  if (!kept || local.length === 0) {
    local = [line1, [postcode, city].filter(present).join(' '), region].filter(present);
  }
  if (present(address.line2)) {
    const at = local.findIndex((l) => l.includes(line1));
    local.splice(at < 0 ? 1 : at + 1, 0, address.line2.trim());
  }
  return [address.name.trim(), ...local, countryName(code)].filter(present);
}

/** A size in bytes for people: "850 KB", "20 MB" (1 KB = 1,024 bytes, whole numbers, as upload limits read). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.floor(bytes / 1024)} KB`;
  return `${Math.floor(bytes / (1024 * 1024))} MB`;
}
