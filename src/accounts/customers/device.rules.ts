/**
 * How a customer's session list names a session without storing or showing more than needed: the device in
 * a few words from its user agent, and the network as a range, never the full address.
 */
import ipaddr from 'ipaddr.js';

const BROWSERS: ReadonlyArray<[RegExp, string]> = [
  [/\bEdg(e|A|iOS)?\//, 'Edge'],
  [/\b(OPR|Opera)\//, 'Opera'],
  [/\bSamsungBrowser\//, 'Samsung Internet'],
  [/\b(Firefox|FxiOS)\//, 'Firefox'],
  [/\b(Chrome|CriOS|Chromium)\//, 'Chrome'],
  [/\bVersion\/[\d.]+.*Safari\//, 'Safari'],
];

const SYSTEMS: ReadonlyArray<[RegExp, string]> = [
  [/\b(iPhone|iPad|iPod)\b/, 'iOS'],
  [/\bAndroid\b/, 'Android'],
  [/\bWindows\b/, 'Windows'],
  [/\bCrOS\b/, 'ChromeOS'],
  [/\b(Macintosh|Mac OS X)\b/, 'macOS'],
  [/\bLinux\b/, 'Linux'],
];

/** "Firefox on Windows", "Safari on iOS", "Chrome", or "Unknown device" from a User-Agent header. */
export function deviceLabel(userAgent: string): string {
  const browser = BROWSERS.find(([pattern]) => pattern.test(userAgent))?.[1];
  const system = SYSTEMS.find(([pattern]) => pattern.test(userAgent))?.[1];
  if (browser && system) return `${browser} on ${system}`;
  return browser ?? system ?? 'Unknown device';
}

/**
 * The network an address belongs to, as a CIDR range: IPv4 /24 ("203.0.113.0/24"), IPv6 /48; an IPv4 address
 * written as IPv6 (::ffff:203.0.113.9) counts as IPv4. Null when the text is not an address.
 */
export function ipRange(ip: string): string | null {
  if (!ipaddr.isValid(ip)) return null;
  let address = ipaddr.parse(ip);
  if (address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress()) {
    address = (address as ipaddr.IPv6).toIPv4Address();
  }
  const bits = address.kind() === 'ipv4' ? 24 : 48;
  const parts = address.toByteArray();
  const keep = bits / 8;
  const masked = parts.map((b, i) => (i < keep ? b : 0));
  return `${ipaddr.fromByteArray(masked).toString()}/${bits}`;
}
