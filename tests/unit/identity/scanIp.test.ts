import { describe, expect, it } from 'vitest';
import { compileSubject } from '../../../src/core/identity/compileSubject.js';
import { expandedIpv6, normalizeIp } from '../../../src/core/identity/normalizeIp.js';
import { subjectWith } from './subjectFixture.js';

describe('normalizeIp', () => {
  it('gives IPv4 in dotted decimal and IPv6 in RFC 5952 form', () => {
    expect(normalizeIp(' 198.51.100.7 ')).toEqual({ kind: 'ipv4', canonical: '198.51.100.7' });
    expect(normalizeIp('2001:0DB8:0000:0000:0000:0000:0000:0007')).toEqual({ kind: 'ipv6', canonical: '2001:db8::7' });
    expect(normalizeIp('2001:db8::7')).toEqual({ kind: 'ipv6', canonical: '2001:db8::7' });
    expect(normalizeIp('fe80::1%eth0')).toEqual({ kind: 'ipv6', canonical: 'fe80::1' });
  });

  it('treats an IPv4-mapped IPv6 address as the IPv4 address', () => {
    expect(normalizeIp('::ffff:198.51.100.7')).toEqual({ kind: 'ipv4', canonical: '198.51.100.7' });
    expect(normalizeIp('::ffff:c633:6407')).toEqual({ kind: 'ipv4', canonical: '198.51.100.7' });
  });

  it('rejects numbers that ipaddr.js would read as IPv4 but people do not write as addresses', () => {
    for (const bad of ['3232235777', '0xc0.168.1.1', '198.051.100.007', '1.2.3', '256.1.1.1', '2001:db8::7::1', 'localhost', '198.51.100.0/24']) {
      expect(normalizeIp(bad), bad).toBeNull();
    }
  });

  it('expands IPv6 to eight zero-padded groups', () => {
    expect(expandedIpv6('2001:db8::7')).toBe('2001:0db8:0000:0000:0000:0000:0000:0007');
  });
});

describe('scanText: ip', () => {
  const query = compileSubject(subjectWith({ ips: ['198.51.100.2', '2001:DB8::7'] }));
  const values = (text: string) => query.scanText(text).map((m) => m.value);

  it('finds an IPv4 address as a whole address', () => {
    expect(query.scanText('198.51.100.2 - - [03/Mar/2025:09:00:00 +0100] "GET / HTTP/1.1" 200', 'line')).toEqual([
      { type: 'ip', value: '198.51.100.2', field: 'line' },
    ]);
    expect(values('client 198.51.100.2:51234 connected')).toEqual(['198.51.100.2']);
    expect(values('X-Forwarded-For: 10.0.0.1, 198.51.100.2')).toEqual(['198.51.100.2']);
    expect(values('ip=198.51.100.2.')).toEqual(['198.51.100.2']);
  });

  it.each(['198.51.100.23', '198.51.100.20', '1198.51.100.2', '10.198.51.100.2', '198.51.100.2.5', '198.51.100.24', 'v198.51.100.2'])('does not find 198.51.100.2 in %s', (text) => {
    expect(values(text)).toEqual([]);
  });

  it('finds IPv6 compressed, expanded, upper case, bracketed and with zone', () => {
    expect(query.scanText('from 2001:0db8:0000:0000:0000:0000:0000:0007 port 22')).toEqual([
      { type: 'ip', value: '2001:db8::7', found: '2001:0db8:0000:0000:0000:0000:0000:0007' },
    ]);
    expect(values('[2001:DB8::7]:443')).toEqual(['2001:db8::7']);
    expect(values('2001:db8:0:0:0:0:0:7')).toEqual(['2001:db8::7']);
    expect(values('Login von 2001:db8::7.')).toEqual(['2001:db8::7']);
    expect(values('addr=2001:db8::7%eth0')).toEqual(['2001:db8::7']);
  });

  it.each(['2001:db8::71', '2001:db8::7:1', '2001:db8::8', '12001:db8::7', '2001:db8::7g'])('does not find 2001:db8::7 in %s', (text) => {
    expect(values(text)).toEqual([]);
  });

  it('finds an IPv4 subject written as IPv4-mapped IPv6, in either notation', () => {
    expect(values('client ::ffff:198.51.100.2 port 1')).toEqual(['198.51.100.2']);
    expect(query.scanText('client ::FFFF:C633:6402 port 1')).toEqual([{ type: 'ip', value: '198.51.100.2', found: '::FFFF:C633:6402' }]);
  });

  it('ignores times and MAC addresses', () => {
    expect(values('09:00:00 aa:bb:cc:dd:ee:ff 2001:db8:1::7')).toEqual([]);
  });
});
