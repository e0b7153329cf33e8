import { fileURLToPath } from 'node:url';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { callsConnector } from '../../../../src/core/connectors/calls/callsConnector.js';
import { SourceError } from '../../../../src/core/connectors/connector.js';
import { loadConnector } from '../../../../src/core/connectors/registry.js';
import type { FoundRecord } from '../../../../src/core/connectors/connector.js';
import { collect, fileSearchContext, subjectQuery, tempDirForFile } from '../fileSearchContext.js';

const FIXTURES = fileURLToPath(new URL('../../../fixtures/calls', import.meta.url));
const dir = tempDirForFile('auskunft-calls-');
for (const name of ['SYNTHETIC-fritzbox-anrufliste-7col.csv', 'SYNTHETIC-fritzbox-anrufliste-8col.csv', 'SYNTHETIC-asterisk-Master.csv']) {
  copyFileSync(join(FIXTURES, name), join(dir, name));
}

const anna = subjectQuery({ name: 'Anna Müller', phones: ['07022 7896848'] });
const config = (extra: Record<string, unknown>) => callsConnector.configSchema.parse({ id: 'calls', type: 'calls', ...extra });
const search = (extra: Record<string, unknown>, subject = anna, ctx = fileSearchContext(dir)) => collect(callsConnector.search(config(extra), subject, ctx));
const latin1 = (name: string, text: string): string => {
  writeFileSync(join(dir, name), iconv.encode(text, 'latin1'));
  return name;
};
const utf8 = (name: string, text: string): string => {
  writeFileSync(join(dir, name), text, 'utf8');
  return name;
};
const lines = (findings: ReadonlyArray<FoundRecord>) => findings.map((f) => f.locator.line);
const field = (finding: FoundRecord | undefined, name: string) => {
  const record = finding?.record;
  return record && 'fields' in record ? record.fields?.find((f) => f.name === name)?.value : undefined;
};

describe('calls connector: registry and config', () => {
  it('is registered as type "calls"', async () => {
    expect(await loadConnector('calls')).toBe(callsConnector);
  });

  it('rejects an unknown format, a 3CX source without its field template and a generic one without a number column', () => {
    expect(callsConnector.configSchema.safeParse({ id: 'c', type: 'calls', format: 'starface', path: 'x.csv' }).success).toBe(false);
    expect(callsConnector.configSchema.safeParse({ id: 'c', type: 'calls', format: '3cx', path: 'cdr.log' }).success).toBe(false);
    const noNumber = callsConnector.configSchema.safeParse({ id: 'c', type: 'calls', format: 'generic', path: 'x.csv', columns: { start: 'Datum' } });
    expect(noNumber.success).toBe(false);
    expect(noNumber.error?.issues[0]?.message).toMatch(/number column/);
  });

  it('rejects a 3CX template without a number field and an unknown or repeated field', () => {
    expect(callsConnector.configSchema.safeParse({ id: 'c', type: 'calls', format: '3cx', path: 'cdr.log', fields: ['historyid', 'duration'] }).success).toBe(false);
    expect(callsConnector.configSchema.safeParse({ id: 'c', type: 'calls', format: '3cx', path: 'cdr.log', fields: ['from-no', 'from_no'] }).success).toBe(false);
    expect(callsConnector.configSchema.safeParse({ id: 'c', type: 'calls', format: '3cx', path: 'cdr.log', fields: ['from-no', 'from-no'] }).success).toBe(false);
  });

  it('rejects a recordings pattern without a placeholder, pattern and column together or neither, and unknown fields', () => {
    expect(callsConnector.configSchema.safeParse({ id: 'c', type: 'calls', format: 'asterisk', path: 'M.csv', recordings: { folder: 'rec', pattern: 'call.wav' } }).success).toBe(false);
    expect(callsConnector.configSchema.safeParse({ id: 'c', type: 'calls', format: 'asterisk', path: 'M.csv', delimiter: ';' }).success).toBe(false);
    const both = callsConnector.configSchema.safeParse({ id: 'c', type: 'calls', format: 'asterisk', path: 'M.csv', recordings: { folder: 'rec', pattern: '{uniqueid}.wav', column: 'userfield' } });
    expect(both.error?.issues[0]).toMatchObject({ path: ['recordings'], message: expect.stringMatching(/either pattern .* or column/) });
    expect(callsConnector.configSchema.safeParse({ id: 'c', type: 'calls', format: 'asterisk', path: 'M.csv', recordings: { folder: 'rec' } }).success).toBe(false);
  });
});

describe('calls connector: check()', () => {
  it('is ok for a readable file and says why not for a missing one', async () => {
    const ctx = fileSearchContext(dir);
    expect(await callsConnector.check(config({ format: 'asterisk', path: 'SYNTHETIC-asterisk-Master.csv' }), ctx)).toMatchObject({ ok: true });
    const missing = await callsConnector.check(config({ format: 'asterisk', path: 'nope.csv' }), ctx);
    expect(missing.ok).toBe(false);
    expect(missing.message).toMatch(/nope\.csv does not exist/);
  });

  it('fails the search of a missing file with a SourceError', async () => {
    await expect(search({ format: 'fritzbox', path: 'nope.csv' })).rejects.toThrow(SourceError);
  });
});

describe('calls connector: FRITZ!Box', () => {
  it('7-column fixture (ISO-8859-1, CRLF, sep=;): Anna on line 3, by number and name, counting the sep= line', async () => {
    const { findings, warnings } = await search({ format: 'fritzbox', path: 'SYNTHETIC-fritzbox-anrufliste-7col.csv' });
    expect(warnings).toEqual([]);
    expect(lines(findings)).toEqual([3]);
    const [call] = findings;
    expect(call?.matches).toEqual(
      expect.arrayContaining([
        { type: 'phone', value: '+4970227896848', field: 'Rufnummer', found: '070227896848' },
        expect.objectContaining({ type: 'name', value: 'Anna Müller', field: 'Name' }),
      ]),
    );
    expect(call?.date).toBe('2024-03-04T09:15:00');
    expect(call?.record?.kind).toBe('call');
    expect(field(call, 'direction')).toBe('incoming');
    expect(field(call, 'from')).toBe('+4970227896848');
    expect(field(call, 'duration')).toBe('420');
    expect(field(call, 'Nebenstelle')).toBe('Küche');
    expect(field(call, 'Eigene Rufnummer')).toBe('Internet: 7654321');
    expect(call?.title).toContain('Eingehender Anruf');
  });

  it('8-column fixture: an outgoing call (Typ 4) to a Berlin number is from the own line to the subject', async () => {
    const berlin = subjectQuery({ phones: ['+49 30 123456'] });
    const { findings } = await search({ format: 'fritzbox', path: 'SYNTHETIC-fritzbox-anrufliste-8col.csv' }, berlin);
    expect(lines(findings)).toEqual([5]);
    expect(field(findings[0], 'direction')).toBe('outgoing');
    expect(field(findings[0], 'to')).toBe('+4930123456');
    expect(field(findings[0], 'from')).toBe('7654321');
    expect(field(findings[0], 'Landes-/Ortsnetzbereich')).toBe('Berlin');
  });

  it('maps the Typ codes 1/2/3/4/9/10/11 to directions', async () => {
    const rows = ['1', '2', '3', '4', '9', '10', '11'].map((typ, i) => `${typ};0${i + 1}.03.24 10:00;;070227896848;Büro;Festnetz;0:01`);
    const path = latin1('typen.csv', ['sep=;', 'Typ;Datum;Name;Rufnummer;Nebenstelle;Eigene Rufnummer;Dauer', ...rows].join('\r\n'));
    const { findings, warnings } = await search({ format: 'fritzbox', path });
    expect(warnings).toEqual([]);
    expect(findings.map((f) => field(f, 'direction'))).toEqual(['incoming', 'missed', 'outgoing', 'outgoing', 'incoming', 'rejected', 'outgoing']);
  });

  it('UTF-8 file with distractors: one digit off, same digits under another area code, withheld numbers', async () => {
    const path = utf8(
      'fritz-utf8.csv',
      [
        'sep=;',
        'Typ;Datum;Name;Rufnummer;Nebenstelle;Eigene Rufnummer;Dauer',
        '1;04.03.24 09:15;Jürgen Weiß;070227896849;Küche;Internet: 7654321;0:07', // one digit off
        '1;04.03.24 09:16;;07117896848;Küche;Internet: 7654321;0:07', // 7896848 in Stuttgart
        '1;04.03.24 09:17;;anonymous;Küche;Internet: 7654321;0:07',
        '2;04.03.24 09:18;;unbekannt;Küche;Internet: 7654321;0:00',
        '2;04.03.24 09:19;;;Küche;Internet: 7654321;0:00',
        '3;04.03.24 09:20;;+49 7022 7896848;Büro;Festnetz;1:35', // line 8
        '3;04.03.24 09:21;;004970227896848;Büro;Festnetz;0:02', // line 9
        '1;04.03.24 09:22;;0702278968480;Büro;Festnetz;0:02', // another line of the same PBX
        '',
      ].join('\n'),
    );
    const { findings, warnings } = await search({ format: 'fritzbox', path });
    expect(warnings).toEqual([]);
    expect(lines(findings)).toEqual([8, 9]);
    expect(findings.every((f) => f.matches.every((m) => m.type === 'phone' && m.value === '+4970227896848'))).toBe(true);
    expect(findings[1]?.matches[0]?.found).toBe('004970227896848');
  });

  it('reads the English header and the older header without Name', async () => {
    const english = latin1('fritz-en.csv', ['sep=;', 'Typ;Date;Number;Extension;Outgoing Caller ID;Duration', '1;04.03.24 09:15;070227896848;Kitchen;7654321;0:07'].join('\r\n'));
    const older = latin1('fritz-old.csv', ['Typ; Datum; Rufnummer; Nebenstelle; Eigene Rufnummer; Dauer', '1; 04.03.24 09:15; 070227896848; Küche; 7654321; 0:07'].join('\r\n'));
    const en = await search({ format: 'fritzbox', path: english });
    expect(lines(en.findings)).toEqual([3]);
    const old = await search({ format: 'fritzbox', path: older });
    expect(lines(old.findings)).toEqual([2]);
    expect(old.findings[0]?.date).toBe('2024-03-04T09:15:00');
  });

  it('a broken row is a warning with its line; the rows after it are still searched', async () => {
    const path = latin1(
      'fritz-broken.csv',
      [
        'sep=;',
        'Typ;Datum;Name;Rufnummer;Nebenstelle;Eigene Rufnummer;Dauer',
        'kaputt',
        '1;32.13.24 25:99;;070227896848;Küche;7654321;0:07', // number readable, date not
        '1;04.03.24 09:15;;070227896848;Küche;7654321;0:07',
      ].join('\r\n'),
    );
    const { findings, warnings } = await search({ format: 'fritzbox', path });
    expect(warnings.map((w) => w.locator)).toEqual([{ line: 3 }, { line: 4 }]);
    expect(warnings[0]?.message).toMatch(/1 fields, the header has 7/);
    expect(warnings[1]?.message).toMatch(/Datum "32\.13\.24 25:99" is not a date/);
    expect(lines(findings)).toEqual([4, 5]);
    expect(findings[0]?.date).toBeNull();
  });

  it('a file that is not a FRITZ!Box list fails the source and says what to do', async () => {
    const path = utf8('not-fritz.csv', 'Von;An;Wann\n0711;0712;heute\n');
    await expect(search({ format: 'fritzbox', path })).rejects.toThrow(/not a FRITZ!Box call list.*format: generic/);
  });
});

describe('calls connector: Asterisk Master.csv', () => {
  it('fixture: the CDR-style dst "4970227896848", the "-0" switchboard src, and a warning for the 19-field row', async () => {
    const { findings, warnings } = await search({ format: 'asterisk', path: 'SYNTHETIC-asterisk-Master.csv' });
    expect(lines(findings)).toEqual([1, 5]);
    expect(findings[0]?.matches).toContainEqual({ type: 'phone', value: '+4970227896848', field: 'dst', found: '4970227896848' });
    expect(findings[0]?.date).toBe('2024-03-04T09:15:02');
    expect(field(findings[0], 'direction')).toBe('outgoing');
    expect(field(findings[0], 'to')).toBe('+4970227896848');
    expect(field(findings[0], 'duration')).toBe('391');
    expect(field(findings[0], 'name')).toBe('Anna Müller');
    expect(field(findings[0], 'uniqueid')).toBe('1709540102.26');
    expect(findings[1]?.matches).toContainEqual({ type: 'phone', value: '+4970227896848', field: 'src', found: '07022 7896848-0' });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.locator).toEqual({ line: 5 });
    expect(warnings[0]?.message).toMatch(/19 fields/);
  });

  it('fixture: a withheld caller matches by account code; the user field with doubled quotes is read', async () => {
    const { findings } = await search({ format: 'asterisk', path: 'SYNTHETIC-asterisk-Master.csv' }, subjectQuery({ customerIds: ['kunde42'] }));
    expect(lines(findings)).toEqual([3]);
    expect(field(findings[0], 'from')).toBe('');
    expect(field(findings[0], 'userfield')).toBe('Rückruf, bitte "dringend"');
    expect(field(findings[0], 'direction')).toBe('incoming');
  });

  it('fixture: a missed call from a mobile number', async () => {
    const { findings } = await search({ format: 'asterisk', path: 'SYNTHETIC-asterisk-Master.csv' }, subjectQuery({ phones: ['0176 12345678'] }));
    expect(lines(findings)).toEqual([2]);
    expect(field(findings[0], 'direction')).toBe('missed');
  });

  it('16- and 21-column rows, distractors, and a broken row in between', async () => {
    const base = (src: string, dst: string, clid: string) =>
      `"","${src}","${dst}","from-internal","${clid}","PJSIP/201-1","PJSIP/trunk-2","Dial","PJSIP/${dst}@trunk","2024-03-05 08:00:00","2024-03-05 08:00:05","2024-03-05 08:01:00",60,55,"ANSWERED","DOCUMENTATION"`;
    const path = utf8(
      'Master.csv',
      [
        base('201', '4970227896849', '""Büro"" <201>'), // one digit off
        base('201', '497117896848', '""Büro"" <201>'), // same digits, Stuttgart
        base('anonymous', '201', '""Anonymous"" <anonymous>'),
        `${base('201', '4970227896848', '""Büro"" <201>')},"1709600000.1","","","1709600000.1",3`, // line 4, 21 columns
        '"","201","4970227896848","from-internal"', // line 5, 4 fields
        '"","201","unclosed,"x"', // line 6, broken quote
        base('201', '004970227896848', '""Büro"" <201>'), // line 7, 16 columns
        '',
      ].join('\n'),
    );
    const { findings, warnings } = await search({ format: 'asterisk', path });
    expect(lines(findings)).toEqual([4, 5, 7]);
    expect(field(findings[0], 'linkedid')).toBe('1709600000.1');
    expect(field(findings[0], 'sequence')).toBe('3');
    expect(warnings.map((w) => w.locator.line)).toEqual([5, 6]);
    expect(warnings[0]?.message).toMatch(/4 fields; an Asterisk CDR row has at least 16/);
  });
});

describe('calls connector: header rows on headerless formats', () => {
  it('skips a header row that names the Asterisk columns, and counts it as line 1', async () => {
    const path = utf8(
      'Master-mit-Kopf.csv',
      [
        'accountcode,src,dst,dcontext,clid,channel,dstchannel,lastapp,lastdata,start,answer,end,duration,billsec,disposition,amaflags',
        '"","201","4970227896848","from-internal","""Büro"" <201>","PJSIP/201-1","PJSIP/trunk-2","Dial","PJSIP/4970227896848@trunk","2024-03-05 08:00:00","2024-03-05 08:00:05","2024-03-05 08:01:00",60,55,"ANSWERED","DOCUMENTATION"',
      ].join('\n'),
    );
    const { findings, warnings } = await search({ format: 'asterisk', path });
    expect(warnings).toEqual([]);
    expect(lines(findings)).toEqual([2]);
  });
});

describe('calls connector: 3CX', () => {
  const fields = ['historyid', 'callid', 'duration', 'time-start', 'time-answered', 'time-end', 'reason-terminated', 'from-no', 'to-no', 'from-type', 'to-type', 'from-dispname', 'to-dispname'];

  it('reads rows by the configured template', async () => {
    const path = utf8(
      'cdr.log',
      [
        'Call 1,00000A1_1,00:06:38,2024/03/04 09:15:02,2024/03/04 09:15:09,2024/03/04 09:21:40,TerminatedBySrc,+4970227896848,100,Line,Extension,,Empfang',
        'Call 2,00000A2_1,00:00:00,2024/03/04 09:30:00,,2024/03/04 09:30:20,TerminatedBySrc,+4970227896849,100,Line,Extension,,Empfang',
        'Call 3,00000A3_1,00:01:00,2024/03/04 10:00:00,2024/03/04 10:00:02,2024/03/04 10:01:02,TerminatedByDst,100,004970227896848,Extension,Line,Empfang,',
        'Call 4,00000A4_1,00:01:00,2024/03/04 11:00:00,2024/03/04 11:00:02,2024/03/04 11:01:02,TerminatedByDst,101,102,Extension,Extension,Anna Müller,Lager',
        'Call 5,too,short',
      ].join('\r\n'),
    );
    const { findings, warnings } = await search({ format: '3cx', path, fields });
    expect(lines(findings)).toEqual([1, 3, 4]);
    expect(field(findings[0], 'direction')).toBe('incoming');
    expect(field(findings[0], 'duration')).toBe('398');
    expect(findings[0]?.date).toBe('2024-03-04T09:15:02');
    expect(field(findings[1], 'direction')).toBe('outgoing');
    expect(findings[1]?.matches[0]).toMatchObject({ type: 'phone', field: 'to-no', found: '004970227896848' });
    expect(findings[2]?.matches).toEqual([expect.objectContaining({ type: 'name', field: 'from-dispname' })]);
    expect(field(findings[2], 'direction')).toBe('internal');
    expect(warnings.map((w) => w.locator.line)).toEqual([5]);
    expect(warnings[0]?.message).toMatch(/3 fields, the configured 3CX template has 13/);
  });
});

describe('calls connector: generic', () => {
  const columns = { start: 'Zeitpunkt', from: 'Von', to: 'An', duration: 'Dauer', direction: 'Richtung', name: 'Kontakt' };

  it('maps columns by header name and searches the other columns as text', async () => {
    const path = utf8(
      'telefonliste.csv',
      [
        'Zeitpunkt;Von;An;Dauer;Richtung;Kontakt;Notiz',
        '2024-03-04 09:15;+49 7022 7896848;0711 100;2:35;eingehend;;Rückruf',
        '04.03.2024 10:00;0711 100;07022 7896849;0:10;ausgehend;;',
        '04.03.2024 11:00;0711 100;0711 200;0:10;intern;;Bitte Anna Müller zurückrufen',
        '04.03.2024 12:00;;0711 100;0:00;verpasst;;',
      ].join('\n'),
    );
    const { findings, warnings } = await search({ format: 'generic', path, columns });
    expect(warnings).toEqual([]);
    expect(lines(findings)).toEqual([2, 4]);
    expect(field(findings[0], 'direction')).toBe('incoming');
    expect(field(findings[0], 'duration')).toBe('155');
    expect(findings[0]?.date).toBe('2024-03-04T09:15:00');
    expect(findings[1]?.matches).toEqual([expect.objectContaining({ type: 'name', field: 'Notiz' })]);
  });

  it('a configured column missing from the header fails the source', async () => {
    const path = utf8('liste2.csv', 'Zeitpunkt,Nummer\n2024-03-04 09:15,070227896848\n');
    await expect(search({ format: 'generic', path, columns: { number: 'Rufnummer' } })).rejects.toThrow(/number: "Rufnummer" not in the header \(Zeitpunkt, Nummer\)/);
  });

  it('a single number column with a direction', async () => {
    const path = utf8('liste3.csv', 'Zeitpunkt,Nummer,Art\n2024-03-04 09:15,070227896848,out\n');
    const { findings } = await search({ format: 'generic', path, columns: { start: 'Zeitpunkt', number: 'Nummer', direction: 'Art' } });
    expect(field(findings[0], 'to')).toBe('+4970227896848');
    expect(field(findings[0], 'direction')).toBe('outgoing');
  });
});

describe('calls connector: recordings', () => {
  const recDir = join(dir, 'rec');
  mkdirSync(join(recDir, '2024', '03', '04'), { recursive: true });
  writeFileSync(join(recDir, '1709540102.26.wav'), 'RIFF');
  writeFileSync(join(recDir, '2024', '03', '04', 'out-1709540102.26.wav'), 'RIFF');
  const subject = subjectQuery({ phones: ['07022 7896848', '0176 12345678'] });

  it('links each found call to {uniqueid}.wav; a missing file of an answered call is a warning, of a missed call not', async () => {
    const { findings, warnings } = await search({ format: 'asterisk', path: 'SYNTHETIC-asterisk-Master.csv', recordings: { folder: 'rec', pattern: '{uniqueid}.wav' } }, subject);
    expect(lines(findings)).toEqual([1, 2, 5]);
    const [first, missed, ivr] = findings;
    expect(first?.record).toMatchObject({ kind: 'call', recording: 'rec/1709540102.26.wav' });
    expect(missed?.record).not.toHaveProperty('recording');
    expect(ivr?.record).not.toHaveProperty('recording');
    // Line 5 has no uniqueid column (19 fields): its recording cannot be named.
    expect(warnings.map((w) => [w.locator.line, w.message])).toEqual([
      [5, expect.stringMatching(/19 fields/)],
      [5, expect.stringMatching(/\{uniqueid\} is empty/)],
    ]);
  });

  it('uses date parts in the pattern and warns for an answered call whose file is missing', async () => {
    const { findings, warnings } = await search({ format: 'asterisk', path: 'SYNTHETIC-asterisk-Master.csv', recordings: { folder: 'rec', pattern: '{year}/{month}/{day}/out-{uniqueid}.wav' } }, anna);
    expect(findings[0]?.record).toMatchObject({ recording: 'rec/2024/03/04/out-1709540102.26.wav' });
    expect(warnings.some((w) => w.locator.line === 1)).toBe(false);
  });

  it('links by a file-name column, refuses names that leave the folder, and reports missing files', async () => {
    writeFileSync(join(dir, 'secret.wav'), 'RIFF');
    const path = utf8(
      'mit-aufnahmen.csv',
      [
        'Zeitpunkt;Nummer;Dauer;Aufnahme',
        '2024-03-04 09:15;070227896848;60;1709540102.26.wav',
        '2024-03-04 09:16;070227896848;60;../secret.wav',
        '2024-03-04 09:17;070227896848;60;fehlt.wav',
        '2024-03-04 09:18;070227896848;60;',
        '2024-03-04 09:19;070227896848;60;/var/spool/asterisk/monitor/1709540102.26.wav',
      ].join('\n'),
    );
    const { findings, warnings } = await search({ format: 'generic', path, columns: { start: 'Zeitpunkt', number: 'Nummer', duration: 'Dauer' }, recordings: { folder: 'rec', column: 'Aufnahme' } });
    expect(findings.map((f) => (f.record as { recording?: string }).recording)).toEqual(['rec/1709540102.26.wav', undefined, undefined, undefined, 'rec/1709540102.26.wav']);
    expect(warnings.map((w) => w.locator.line)).toEqual([3, 4]);
    expect(warnings[0]?.message).toMatch(/outside the recordings folder/);
    expect(warnings[1]?.message).toMatch(/rec\/fehlt\.wav linked to this call does not exist/);
  });

  it('a missing recordings folder is one warning, not one per call', async () => {
    const { findings, warnings } = await search({ format: 'asterisk', path: 'SYNTHETIC-asterisk-Master.csv', recordings: { folder: 'nowhere', pattern: '{uniqueid}.wav' } }, subject);
    expect(findings).toHaveLength(3);
    expect(warnings.filter((w) => /recordings folder/.test(w.message))).toEqual([
      { kind: 'warning', locator: { path: 'nowhere' }, message: expect.stringMatching(/nowhere does not exist/) },
    ]);
  });

  it('a placeholder that names no column fails the source', async () => {
    await expect(search({ format: 'asterisk', path: 'SYNTHETIC-asterisk-Master.csv', recordings: { folder: 'rec', pattern: '{callid}.wav' } })).rejects.toThrow(/\{callid\}, which is not a column/);
  });
});

describe('calls connector: streaming, progress and cancel', () => {
  const rows = Array.from({ length: 2500 }, (_, i) => `1;04.03.24 09:15;;0711${String(1000000 + i)};Küche;7654321;0:01`);
  rows[1799] = '1;04.03.24 09:15;;070227896848;Küche;7654321;0:01';
  const path = latin1('gross.csv', ['sep=;', 'Typ;Datum;Name;Rufnummer;Nebenstelle;Eigene Rufnummer;Dauer', ...rows].join('\r\n'));

  it('reports progress every 1000 calls and finds the one call on its line', async () => {
    const ctx = fileSearchContext(dir);
    const { findings } = await collect(callsConnector.search(config({ format: 'fritzbox', path }), anna, ctx));
    expect(lines(findings)).toEqual([1802]);
    expect(ctx.progressLog.map((p) => p.scanned)).toEqual([1000, 2000, 2500]);
  });

  it('stops when the signal is aborted', async () => {
    const ctx = fileSearchContext(dir);
    ctx.abort.abort();
    await expect(collect(callsConnector.search(config({ format: 'fritzbox', path }), anna, ctx))).rejects.toThrow();
  });
});
