import { describe, expect, it } from 'vitest';
import { parseLogLine, splitRequest } from '../../../../src/core/connectors/weblog/parseLogLine.js';
import { parseLogTime } from '../../../../src/core/connectors/weblog/logTime.js';

describe('parseLogLine', () => {
  it('reads the combined format', () => {
    const line = '192.0.2.10 - - [04/Mar/2024:09:15:02 +0100] "GET /kontakt?email=anna.mueller%40example.de HTTP/1.1" 200 5120 "https://www.example.de/" "Mozilla/5.0 (Windows NT 10.0)"';
    expect(parseLogLine(line)).toEqual({
      kind: 'parsed',
      format: 'combined',
      hosts: ['192.0.2.10'],
      ident: '-',
      user: '-',
      time: '04/Mar/2024:09:15:02 +0100',
      date: '2024-03-04T09:15:02+01:00',
      request: 'GET /kontakt?email=anna.mueller%40example.de HTTP/1.1',
      status: '200',
      bytes: '5120',
      referer: 'https://www.example.de/',
      userAgent: 'Mozilla/5.0 (Windows NT 10.0)',
    });
  });

  it('reads IPv6, IPv4-mapped and authenticated users', () => {
    expect(parseLogLine('2001:db8::1 - - [04/Mar/2024:09:15:03 +0100] "POST /login HTTP/2.0" 302 - "-" "curl/8.5.0"')).toMatchObject({ hosts: ['2001:db8::1'], bytes: '-' });
    expect(parseLogLine('2001:db8:85a3::8a2e:370:7334 - anna [04/Mar/2024:09:16:00 +0100] "GET /konto HTTP/1.1" 200 842 "-" "Mozilla/5.0"')).toMatchObject({ user: 'anna' });
    expect(parseLogLine('::ffff:198.51.100.7 - - [04/Mar/2024:09:16:01 +0100] "GET /favicon.ico HTTP/1.1" 404 153 "-" "-"')).toMatchObject({ hosts: ['::ffff:198.51.100.7'] });
  });

  it('keeps escaped quotes inside quoted fields', () => {
    expect(parseLogLine('203.0.113.5 - - [04/Mar/2024:09:16:02 +0100] "GET /suche?q=M\\xc3\\xbcller HTTP/1.1" 200 1000 "-" "Mozilla/5.0 \\"quoted\\" agent"')).toMatchObject({
      request: 'GET /suche?q=M\\xc3\\xbcller HTTP/1.1',
      userAgent: 'Mozilla/5.0 \\"quoted\\" agent',
    });
  });

  it('reads TLS bytes and "-" as requests that are not HTTP requests', () => {
    const tls = parseLogLine('198.51.100.23 - - [04/Mar/2024:09:16:03 +0100] "\\x16\\x03\\x01\\x00\\xa5" 400 157 "-" "-"');
    expect(tls).toMatchObject({ kind: 'parsed', status: '400' });
    expect(splitRequest(tls?.kind === 'parsed' ? tls.request : '')).toBeUndefined();
    expect(parseLogLine('198.51.100.24 - - [04/Mar/2024:09:16:04 +0100] "-" 408 0 "-" "-"')).toMatchObject({ request: '-', status: '408' });
  });

  it('splits an X-Forwarded-For list and a vhost prefix', () => {
    expect(parseLogLine('10.0.0.5, 192.0.2.44 - - [04/Mar/2024:09:16:05 +0100] "GET / HTTP/1.1" 200 10 "-" "Mozilla/5.0"')).toMatchObject({ hosts: ['10.0.0.5', '192.0.2.44'] });
    const vhost = parseLogLine('www.example.de:443 192.0.2.10 - - [04/Mar/2024:09:16:08 +0100] "GET / HTTP/1.1" 200 10 "-" "Mozilla/5.0"');
    expect(vhost).toMatchObject({ vhost: 'www.example.de:443', hosts: ['192.0.2.10'] });
  });

  it('reads the common format and ISO times', () => {
    expect(parseLogLine('203.0.113.9 - - [04/Mar/2024:09:16:07 +0100] "GET /index.html HTTP/1.1" 200 512')).toMatchObject({ format: 'common', status: '200', bytes: '512' });
    expect(parseLogLine('192.0.2.10 - - [2024-03-04T09:16:09+01:00] "GET / HTTP/1.1" 200 10 "-" "Mozilla/5.0"')).toMatchObject({ date: '2024-03-04T09:16:09+01:00' });
  });

  it('tells a truncated line from an unrecognised one', () => {
    expect(parseLogLine('192.0.2.10 - - [04/Mar/2024:09:16:06 +0100] "GET /very/long/request/that/was/truncated')).toMatchObject({
      kind: 'truncated',
      hosts: ['192.0.2.10'],
      rest: '"GET /very/long/request/that/was/truncated',
    });
    expect(parseLogLine('GARBAGE LINE WITHOUT STRUCTURE')).toBeNull();
    expect(parseLogLine('this line is broken')).toBeNull();
    expect(parseLogLine('[04/Mar/2024:09:16:10 +0100] 192.0.2.10 "GET / HTTP/1.1" 200')).toBeNull();
    expect(parseLogLine('192.0.2.10 - - [yesterday] "GET / HTTP/1.1" 200 10')).toBeNull();
  });
});

describe('splitRequest', () => {
  it('splits method, target and protocol', () => {
    expect(splitRequest('GET /a?b=c HTTP/1.1')).toEqual({ method: 'GET', target: '/a?b=c', protocol: 'HTTP/1.1' });
    expect(splitRequest('GET /')).toEqual({ method: 'GET', target: '/' });
    expect(splitRequest('-')).toBeUndefined();
  });
});

describe('parseLogTime', () => {
  it('gives ISO with the logged offset', () => {
    expect(parseLogTime('04/Mar/2024:09:15:02 +0100')).toBe('2024-03-04T09:15:02+01:00');
    expect(parseLogTime('31/Dec/2023:23:59:59 -0500')).toBe('2023-12-31T23:59:59-05:00');
    expect(parseLogTime('2024-03-04T09:16:09Z')).toBe('2024-03-04T09:16:09Z');
    expect(parseLogTime('31/Feb/2024:09:15:02 +0100')).toBeNull();
    expect(parseLogTime('04/Mär/2024:09:15:02 +0100')).toBeNull();
  });
});
