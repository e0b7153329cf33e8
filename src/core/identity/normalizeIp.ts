import ipaddr from 'ipaddr.js';

/** An IP address in canonical form: dotted decimal for IPv4, RFC 5952 for IPv6. */
export interface NormalizedIp {
  readonly kind: 'ipv4' | 'ipv6';
  /** "198.51.100.7" or "2001:db8::7"; an IPv4-mapped IPv6 address is given as its IPv4 address. */
  readonly canonical: string;
}

/**
 * The canonical form of an IP address, or null if the input is not one.
 *
 * IPv4 must be four decimal parts: ipaddr.js also reads "3232235777", "0xc0.168.1.1" and
 * "010.0.0.1" (octal) as addresses, but in text those are numbers, not IPs. An IPv4-mapped IPv6
 * address (`::ffff:198.51.100.7`, how dual-stack servers log IPv4 clients) is the IPv4 address.
 * A zone index (`fe80::1%eth0`) names the local interface, not the host, and is dropped.
 */
export function normalizeIp(input: string): NormalizedIp | null {
  const s = input.trim();
  if (ipaddr.IPv4.isValidFourPartDecimal(s)) return { kind: 'ipv4', canonical: ipaddr.IPv4.parse(s).toString() };
  const unzoned = s.replace(/%[^%]*$/, '');
  if (!unzoned.includes(':') || !ipaddr.IPv6.isValid(unzoned)) return null;
  const address = ipaddr.IPv6.parse(unzoned);
  if (address.isIPv4MappedAddress()) return { kind: 'ipv4', canonical: address.toIPv4Address().toString() };
  return { kind: 'ipv6', canonical: address.toRFC5952String() };
}

/** The fully expanded form of an IPv6 address ("2001:0db8:0000:…:0007"), as some logs write it. */
export function expandedIpv6(canonical: string): string {
  return ipaddr.IPv6.parse(canonical)
    .parts.map((part) => part.toString(16).padStart(4, '0'))
    .join(':');
}
