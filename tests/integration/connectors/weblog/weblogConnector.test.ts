import { fileURLToPath } from 'node:url';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { SourceError } from '../../../../src/core/connectors/connector.js';
import { loadConnector } from '../../../../src/core/connectors/registry.js';
import { weblogConnector } from '../../../../src/core/connectors/weblog/weblogConnector.js';
import { MAX_LINE_BYTES } from '../../../../src/core/connectors/weblog/weblogLimits.js';
import { collect, fileSearchContext, subjectQuery, tempDirForFile } from '../fileSearchContext.js';

const dir = tempDirForFile('auskunft-weblog-');
const ctx = () => fileSearchContext(dir);
const config = (path: string) => weblogConnector.configSchema.parse({ id: 'weblog', type: 'weblog', path });
const search = (path: string, subject: Record<string, unknown>) => collect(weblogConnector.search(config(path), subjectQuery(subject), ctx()));
copyFileSync(fileURLToPath(new URL('../../../fixtures/examples/contract/access.log', import.meta.url)), join(dir, 'access.log'));
copyFileSync(fileURLToPath(new URL('../../../fixtures/logs/SYNTHETIC-access.log', import.meta.url)), join(dir, 'synthetic.log'));

describe('weblog connector', () => {
  it('is registered as type "weblog"', async () => {
    expect(await loadConnector('weblog')).toBe(weblogConnector);
  });

  it('contract access.log: line 1 is a finding, line 2 a warning, line 3 (198.51.100.24) nothing', async () => {
    const { findings, warnings } = await search('access.log', { ips: ['198.51.100.23'] });
    expect(findings.map((f) => f.locator)).toEqual([{ line: 1 }]);
    expect(warnings).toEqual([{ kind: 'warning', locator: { line: 2 }, message: 'unrecognised log line format' }]);
    const [line1] = findings;
    expect(line1!.matches).toEqual([expect.objectContaining({ type: 'ip', value: '198.51.100.23', field: 'host' })]);
    expect(line1!.title).toBe('access.log, Zeile 1: GET / (198.51.100.23)');
    expect(line1!.date).toBe('2025-03-03T09:00:00+01:00');
    expect(line1!.record).toMatchObject({
      kind: 'logline',
      text: '198.51.100.23 - - [03/Mar/2025:09:00:00 +0100] "GET / HTTP/1.1" 200 512 "-" "Mozilla/5.0"',
      fields: expect.arrayContaining([
        { name: 'host', value: '198.51.100.23' },
        { name: 'request', value: 'GET / HTTP/1.1' },
        { name: 'status', value: '200' },
      ]),
    });
  });

  it('fixture log: every line that names 192.0.2.10, parsed or not, and one warning per broken line', async () => {
    const { findings, warnings } = await search('synthetic.log', { ips: ['192.0.2.10'] });
    // 1 combined, 9 truncated, 11 vhost_combined, 12 ISO time, 14 reordered fields (searched as raw text)
    expect(findings.map((f) => f.locator.line)).toEqual([1, 9, 11, 12, 14]);
    expect(warnings.map((w) => [w.locator.line, w.message])).toEqual([
      [9, 'truncated log line: request, status and later fields are missing'],
      [13, 'unrecognised log line format'],
      [14, 'unrecognised log line format'],
    ]);
    const byLine = new Map(findings.map((f) => [f.locator.line, f]));
    expect(byLine.get(11)!.record).toMatchObject({ fields: expect.arrayContaining([{ name: 'vhost', value: 'www.example.de:443' }]) });
    expect(byLine.get(12)!.date).toBe('2024-03-04T09:16:09+01:00');
    expect(byLine.get(14)!.matches).toEqual([expect.objectContaining({ type: 'ip', field: 'line' })]);
    expect(byLine.get(14)!.date).toBeNull();
  });

  it('matches each address of an X-Forwarded-For list, never a prefix of one', async () => {
    expect((await search('synthetic.log', { ips: ['192.0.2.44'] })).findings.map((f) => f.locator.line)).toEqual([8]);
    expect((await search('synthetic.log', { ips: ['192.0.2.4'] })).findings).toEqual([]);
    expect((await search('synthetic.log', { ips: ['10.0.0.5'] })).findings.map((f) => f.locator.line)).toEqual([8]);
  });

  it('compares IPv6 as addresses and reads IPv4-mapped clients as IPv4', async () => {
    expect((await search('synthetic.log', { ips: ['2001:0db8:0000:0000:0000:0000:0000:0001'] })).findings.map((f) => f.locator.line)).toEqual([2]);
    expect((await search('synthetic.log', { ips: ['198.51.100.7'] })).findings.map((f) => f.locator.line)).toEqual([4]);
    expect((await search('synthetic.log', { ips: ['2001:db8:85a3::8a2e:370:7335'] })).findings).toEqual([]);
  });

  it('finds an email that a query string carries URL-encoded', async () => {
    const { findings } = await search('synthetic.log', { emails: ['anna.mueller@example.de'] });
    expect(findings.map((f) => f.locator.line)).toEqual([1]);
    expect(findings[0]!.matches).toEqual([expect.objectContaining({ type: 'email', field: 'request' })]);
    expect(findings[0]!.title).toBe('synthetic.log, Zeile 1: GET /kontakt?email=anna.mueller%40example.de (192.0.2.10)');
  });

  it('keeps a TLS handshake request readable in the title and the record', async () => {
    const { findings } = await search('synthetic.log', { ips: ['198.51.100.23'] });
    expect(findings.map((f) => f.locator.line)).toEqual([6]);
    expect(findings[0]!.title).toBe('synthetic.log, Zeile 6: \\x16\\x03\\x01\\x00\\xa5\\x01\\x00\\x00\\xa1\\x03\\x03 (198.51.100.23)');
  });

  it('CRLF, Latin-1 bytes, form-encoded names and look-alike emails', async () => {
    const lines = [
      '203.0.113.1 - - [04/Mar/2024:10:00:00 +0100] "GET /suche?q=Anna+M%C3%BCller HTTP/1.1" 200 10 "-" "Mozilla/5.0"',
      '203.0.113.2 - - [04/Mar/2024:10:00:01 +0100] "GET /kontakt?email=xanna.mueller%40example.de HTTP/1.1" 200 10 "-" "-"',
      '203.0.113.3 - - [04/Mar/2024:10:00:02 +0100] "GET /kontakt?email=anna.mueller%40example.de.evil.org HTTP/1.1" 200 10 "-" "-"',
      '203.0.113.4 - - [04/Mar/2024:10:00:03 +0100] "GET /newsletter HTTP/1.1" 200 10 "https://www.example.de/?ref=anna.mueller%40example.de" "-"',
    ];
    const latin1 = Buffer.from('203.0.113.5 - - [04/Mar/2024:10:00:04 +0100] "GET /profil HTTP/1.1" 200 10 "-" "Kiosk-App (Anna M\xfcller)"', 'latin1');
    writeFileSync(join(dir, 'mixed.log'), Buffer.concat([Buffer.from(lines.join('\r\n') + '\r\n'), latin1, Buffer.from('\r\n')]));
    const { findings, warnings } = await search('mixed.log', { name: 'Anna Müller', emails: ['anna.mueller@example.de'] });
    expect(warnings).toEqual([]);
    expect(findings.map((f) => [f.locator.line, f.matches.map((m) => `${m.type}:${m.field}`)])).toEqual([
      [1, ['name:request']],
      [4, ['email:referer']],
      [5, ['name:userAgent']],
    ]);
    expect(findings[2]!.record).toMatchObject({ text: expect.stringContaining('(Anna Müller)') });
  });

  it('reads a gzip-rotated log', async () => {
    writeFileSync(join(dir, 'access.log.2.gz'), gzipSync(Buffer.from('198.51.100.23 - - [03/Mar/2025:09:00:00 +0100] "GET / HTTP/1.1" 200 512 "-" "-"\n')));
    const { findings } = await search('access.log.2.gz', { ips: ['198.51.100.23'] });
    expect(findings.map((f) => f.locator)).toEqual([{ line: 1 }]);
  });

  it('an overlong line is searched up to the limit and reported as not fully covered', async () => {
    writeFileSync(join(dir, 'long.log'), `198.51.100.23 - - [03/Mar/2025:09:00:00 +0100] "GET /${'a'.repeat(MAX_LINE_BYTES)} HTTP/1.1" 200 1 "-" "-"\nok\n`);
    const { findings, warnings } = await search('long.log', { ips: ['198.51.100.23'] });
    expect(warnings[0]).toMatchObject({ locator: { line: 1 }, uncovered: true });
    expect(findings.map((f) => f.locator)).toEqual([{ line: 1 }]);
  });

  it('reports progress every 1000 lines and stops when aborted', async () => {
    const line = (i: number) => `203.0.113.${i % 200} - - [04/Mar/2024:10:00:00 +0100] "GET /${i} HTTP/1.1" 200 10 "-" "-"`;
    writeFileSync(join(dir, 'many.log'), Array.from({ length: 2500 }, (_, i) => line(i)).join('\n') + '\n');
    const context = ctx();
    const { findings } = await collect(weblogConnector.search(config('many.log'), subjectQuery({ ips: ['203.0.113.7'] }), context));
    expect(findings).toHaveLength(13);
    expect(context.progressLog.map((p) => p.scanned)).toEqual([1000, 2000, 2500]);

    const aborting = ctx();
    aborting.abort.abort();
    await expect(collect(weblogConnector.search(config('many.log'), subjectQuery({ ips: ['203.0.113.7'] }), aborting))).rejects.toThrow(/abort/i);
  });

  it('a missing file: check says so, search fails the source', async () => {
    expect(await weblogConnector.check(config('gone.log'), ctx())).toEqual({ ok: false, message: 'log file gone.log does not exist' });
    expect(await weblogConnector.check(config('access.log'), ctx())).toMatchObject({ ok: true });
    await expect(search('gone.log', { ips: ['198.51.100.23'] })).rejects.toThrow(SourceError);
  });
});
