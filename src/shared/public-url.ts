/**
 * Addresses the shop may show or link to (a logo, a product image, a social profile) must be on the public
 * internet: a URL pointing at the shop's own machine, its private network or a cloud metadata service would
 * make every visitor's browser (or anything that ever fetches it server-side) reach inside instead.
 *
 * The host is judged in the form WHATWG URL parsing gives it, which already turns every spelling of an IPv4
 * address (decimal `2130706433`, octal `0177.0.0.1`, hex `0x7f.1`, short `127.1`) into dotted decimal; the
 * address ranges come from ipaddr.js, so only ordinary global unicast passes (no loopback, RFC 1918, CGNAT,
 * link-local 169.254/16 and fe80::/10, unique-local fc00::/7, unspecified, broadcast, multicast, reserved,
 * nor IPv6 forms that embed an IPv4 address: IPv4-mapped, NAT64, 6to4, Teredo).
 * Names are refused when they can only be local (`localhost`, `*.local`, `*.internal`, a single label). A
 * public name that resolves to a private address can only be caught where the URL is fetched: nothing in
 * the shop fetches these URLs today; a future fetcher must check the resolved address with
 * `isPublicAddress` before connecting.
 */
import ipaddr from 'ipaddr.js';

/** Names that never lead to the public internet (RFC 6761, 6762, 8375 and cloud-internal zones). */
const LOCAL_SUFFIXES = ['localhost', 'local', 'localdomain', 'internal', 'home.arpa', 'lan', 'intranet'];

/** Metadata services that sit on otherwise public-looking addresses. */
const METADATA_ADDRESSES = new Set(['168.63.129.16']);

/** True for a global unicast IP address (v4 or v6, IPv4-mapped v6 judged as its v4 address). */
export function isPublicAddress(ip: string): boolean {
  if (!ipaddr.isValid(ip)) return false;
  let address = ipaddr.parse(ip);
  if (address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress()) {
    address = (address as ipaddr.IPv6).toIPv4Address();
  }
  return address.range() === 'unicast' && !METADATA_ADDRESSES.has(address.toString());
}

/**
 * Null when `hostname` (as `new URL(...).hostname` gives it: lower case, IPv6 in brackets) may be on the
 * public internet, else a sentence saying why not.
 */
export function nonPublicHostReason(hostname: string): string | null {
  const host = hostname.replace(/^\[|\]$/g, '').replace(/\.+$/, '');
  if (host.includes(':') || /^[0-9.]+$/.test(host)) {
    return isPublicAddress(host) ? null : 'must not point at a local, private or reserved address';
  }
  if (!host.includes('.')) return 'must use a public domain name';
  if (LOCAL_SUFFIXES.some((suffix) => host === suffix || host.endsWith(`.${suffix}`))) {
    return 'must not point at a local or internal name';
  }
  return null;
}

/** Null when `url` is an absolute URL on a public host, else why not (an unparseable URL is not public). */
export function nonPublicUrlReason(url: string): string | null {
  try {
    return nonPublicHostReason(new URL(url).hostname);
  } catch {
    return 'must be a valid URL';
  }
}

/**
 * True for a path on the shop's own origin (`/media/logo.png`). Browsers read `//host` and `/\\host` as
 * another host, and they drop tabs and newlines before parsing (`/\t/host`), so none of these is a path.
 */
export function isSameOriginPath(value: string): boolean {
  return /^\/(?![/\\])[^\s\p{Cc}]*$/u.test(value);
}
