import ipaddr from 'ipaddr.js';
import { literalHint } from './literalHint.js';
import type { MatchCollector } from './matchCollector.js';
import type { NormalizedIp } from './normalizeIp.js';
import type { ScannedText } from './scannedText.js';
import { isWordCharAt } from './tokenBoundary.js';

/** Longest IPv6 text form: eight groups of four, seven colons, or the IPv4-embedded variant. */
const MAX_IPV6_LENGTH = 45;
const MAPPED_PREFIX = ':ffff:';

/**
 * Finds the subject's IP addresses in text, compared as addresses.
 *
 * IPv4 is searched literally (its dotted form is canonical) and must not be part of a longer
 * dotted number: "198.51.100.2" is not in "198.51.100.23" or "10.198.51.100.2". IPv6 has many
 * spellings (compressed, zero-padded, upper case, IPv4-embedded), so colon-separated tokens are
 * parsed; that runs only when the text can contain one of the subject's addresses: a nonzero group
 * of a subject IPv6 address appears in every spelling of it, and an IPv4 address reaches IPv6
 * text only as `::ffff:…`.
 */
export class IpScanner {
  private readonly ipv4: ReadonlyArray<string>;
  private readonly ipv4Hint: RegExp | undefined;
  private readonly canonical: ReadonlySet<string>;
  /** Matches where an IPv6 spelling of a subject address may stand; undefined when none can. */
  private readonly ipv6Hint: RegExp | undefined;

  constructor(ips: ReadonlyArray<NormalizedIp>) {
    this.ipv4 = ips.filter((ip) => ip.kind === 'ipv4').map((ip) => ip.canonical);
    this.ipv4Hint = literalHint(this.ipv4);
    this.canonical = new Set(ips.map((ip) => ip.canonical));
    const hints = ips.filter((ip) => ip.kind === 'ipv6').map((ip) => longestGroup(ip.canonical));
    if (this.ipv4.length > 0) hints.push(MAPPED_PREFIX);
    this.ipv6Hint = literalHint(hints);
  }

  /** Regexes of which at least one matches wherever scan() can find an address. */
  get hints(): ReadonlyArray<RegExp> {
    return [this.ipv4Hint, this.ipv6Hint].filter((h): h is RegExp => h !== undefined);
  }

  /** True if the scanner has addresses to look for. */
  get active(): boolean {
    return this.canonical.size > 0;
  }

  /** Add a match for each subject address in the text. */
  scan(scanned: ScannedText, out: MatchCollector): void {
    const { text } = scanned;
    if (this.ipv4Hint?.test(text)) this.scanIpv4(text, out);
    if (this.ipv6Hint?.test(text)) this.scanIpv6(text, out);
  }

  private scanIpv4(text: string, out: MatchCollector): void {
    for (const ip of this.ipv4) {
      if (out.has('ip', ip)) continue;
      for (let at = text.indexOf(ip); at !== -1; at = text.indexOf(ip, at + 1)) {
        if (isWholeIpv4(text, at, at + ip.length)) {
          out.add('ip', ip);
          break;
        }
      }
    }
  }

  private scanIpv6(text: string, out: MatchCollector): void {
    for (let colon = text.indexOf(':'); colon !== -1; ) {
      let start = colon;
      while (start > 0 && colon - start < MAX_IPV6_LENGTH && isIpv6Char(text.charCodeAt(start - 1))) start--;
      let end = colon + 1;
      while (end < text.length && end - start < MAX_IPV6_LENGTH && isIpv6Char(text.charCodeAt(end))) end++;
      // A sentence may end right after the address ("from 2001:db8::7."), a log field with ":".
      let tokenEnd = end;
      while (tokenEnd > start && text.charAt(tokenEnd - 1) === '.') tokenEnd--;
      if (text.charAt(tokenEnd - 1) === ':' && text.charAt(tokenEnd - 2) !== ':') tokenEnd--;
      const token = text.slice(start, tokenEnd);
      if (!isWordCharAt(text, start - 1) && !isWordCharAt(text, end) && ipaddr.IPv6.isValid(token)) {
        const address = ipaddr.IPv6.parse(token);
        const canonical = address.isIPv4MappedAddress() ? address.toIPv4Address().toString() : address.toRFC5952String();
        if (this.canonical.has(canonical)) out.add('ip', canonical, token);
      }
      colon = text.indexOf(':', Math.max(end, colon + 1));
    }
  }
}

function isWholeIpv4(text: string, start: number, end: number): boolean {
  if (isWordCharAt(text, start - 1)) return false;
  if (text.charAt(start - 1) === '.' && isWordCharAt(text, start - 2)) return false;
  if (isWordCharAt(text, end)) return false;
  return !(text.charAt(end) === '.' && isWordCharAt(text, end + 1));
}

function isIpv6Char(code: number): boolean {
  return (code >= 0x30 && code <= 0x3a) || (code >= 0x61 && code <= 0x66) || (code >= 0x41 && code <= 0x46) || code === 0x2e;
}

/** The longest group of an address without leading zeros: present in every spelling of it. */
function longestGroup(canonical: string): string {
  return canonical.split(/[:.]/).reduce((best, group) => (group.length > best.length ? group : best), '') || ':';
}
