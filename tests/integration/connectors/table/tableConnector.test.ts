import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { copyFileSync, createWriteStream, readFileSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import unzipper from 'unzipper';
import yazl from 'yazl';
import { describe, expect, it } from 'vitest';
import { SourceError } from '../../../../src/core/connectors/connector.js';
import { loadConnector } from '../../../../src/core/connectors/registry.js';
import { tableConnector } from '../../../../src/core/connectors/table/tableConnector.js';
import { collect, fileSearchContext, subjectQuery, tempDirForFile } from '../fileSearchContext.js';

const dir = tempDirForFile('auskunft-table-');
const ctx = () => fileSearchContext(dir);
const anna = subjectQuery({
  name: 'Anna Müller',
  emails: ['anna.mueller@example.de'],
  phones: ['+49 7022 7896848-0'],
  customerIds: ['K-10442'],
  ips: ['198.51.100.23'],
});
const config = (path: string, extra: Record<string, unknown> = {}) => tableConnector.configSchema.parse({ id: 'crm', type: 'table', path, ...extra });
const search = (path: string, extra: Record<string, unknown> = {}, subject = anna) => collect(tableConnector.search(config(path, extra), subject, ctx()));
const cp1252 = (name: string, text: string): string => {
  writeFileSync(join(dir, name), iconv.encode(text, 'windows-1252'));
  return name;
};
const utf8 = (name: string, text: string): string => {
  writeFileSync(join(dir, name), text, 'utf8');
  return name;
};
const types = (matches: ReadonlyArray<{ type: string }>) => [...new Set(matches.map((m) => m.type))].sort();

describe('table connector: CSV', () => {
  it('is registered as type "table"', async () => {
    expect(await loadConnector('table')).toBe(tableConnector);
  });

  it('contract kunden.csv (windows-1252, ";"): line 2 is Anna (email and phone), line 3 is not', async () => {
    copyFileSync(fileURLToPath(new URL('../../../fixtures/examples/contract/kunden.csv', import.meta.url)), join(dir, 'kunden.csv'));
    const { findings, warnings } = await search('kunden.csv');
    expect(warnings).toEqual([]);
    expect(findings.map((f) => f.locator)).toEqual([{ line: 2 }]);
    const [row] = findings;
    expect(types(row!.matches)).toEqual(expect.arrayContaining(['email', 'phone']));
    expect(row!.title).toBe('kunden.csv, Zeile 2: Anna Müller');
    expect(row!.record).toEqual({
      kind: 'row',
      fields: [
        { name: 'Kundennummer', value: 'K-1' },
        { name: 'Vorname', value: 'Anna' },
        { name: 'Nachname', value: 'Müller' },
        { name: 'Telefon', value: '07022 7896848-0' },
        { name: 'E-Mail', value: 'anna.mueller@example.de' },
      ],
    });
  });

  it('windows-1252 with an Excel "sep=;" line: locators count the sep line, look-alikes do not match', async () => {
    const path = cp1252(
      'crm-sep.csv',
      [
        'sep=;',
        'Kundennummer;Vorname;Nachname;Telefon;E-Mail;Erstellt',
        'K-10442;Anna;Müller;07022 7896848-0;anna.mueller@example.de;04.03.2024',
        'K-104421;Anne;Schmidt;07022 7896849-0;xanna.mueller@example.de;05.03.2024',
        'K-2;Anna;Müllerschön;0711 1234567;anna.mueller@example.de.evil.org;06.03.2024',
        'K-3;Anna;Müller;;;07.03.2024',
        'K-4;Jürgen;Weiß;;j.weiss@example.de;08.03.2024',
        '',
      ].join('\r\n'),
    );
    const { findings, warnings } = await search(path);
    expect(warnings).toEqual([]);
    expect(findings.map((f) => f.locator.line)).toEqual([3, 6]);
    const [strong, weak] = findings;
    expect(types(strong!.matches)).toEqual(['customerId', 'email', 'name', 'phone']);
    expect(strong!.date).toBe('2024-03-04');
    expect(strong!.matches).toContainEqual(expect.objectContaining({ type: 'email', field: 'E-Mail' }));
    expect(weak!.matches).toEqual([expect.objectContaining({ type: 'name', value: 'Anna Müller', field: 'Vorname + Nachname' })]);
    expect(weak!.title).toBe('crm-sep.csv, Zeile 6: Anna Müller');
  });

  it('UTF-8 with BOM and ",": quoted cells with commas; look-alike number, id and name do not match', async () => {
    const path = utf8(
      'bom.csv',
      '\uFEFFCustomer ID,First Name,Last Name,Email,Phone,Notes\n' +
        '"K-10442","Anna","Müller","anna.mueller@example.de","+49 7022 7896848-0","Kundin, seit 2020"\n' +
        'K-1044,Anna,Müller-Lüdenscheidt,anna.mueller@example.com,+49 7022 7896848-1,\n' +
        'K-7,Annabell,Müller,a.b@example.de,+49 7022 7896847-0,"Rückruf, bitte"\n',
    );
    const { findings, warnings } = await search(path);
    expect(warnings).toEqual([]);
    expect(findings.map((f) => f.locator.line)).toEqual([2]);
    expect(findings[0]!.record).toMatchObject({ fields: expect.arrayContaining([{ name: 'Notes', value: 'Kundin, seit 2020' }]) });
  });

  it('tab-separated: phone in another spelling matches; an IP that is a prefix or extension of the subject\'s does not', async () => {
    const path = utf8(
      'export.tsv',
      'Vorname\tNachname\tMobil\tIP-Adresse\n' +
        'Max\tMeier\t0171 5550000\t198.51.100.2\n' +
        'Erika\tMuster\t0171 5550001\t198.51.100.230\n' +
        'A.\tM.\t0049 7022 78968480\t10.0.0.1\n' +
        'Ulla\tBerg\t-\t198.51.100.23\n',
    );
    const { findings } = await search(path);
    expect(findings.map((f) => [f.locator.line, types(f.matches)])).toEqual([
      [4, ['phone']],
      [5, ['ip']],
    ]);
  });

  it('multi-line quoted cells: each row is located at the line where it starts', async () => {
    const path = utf8(
      'notes.csv',
      [
        'id;name;notiz;email',
        '1;Max Meier;"Zeile eins',
        'Zeile zwei',
        'Zeile drei";max@example.org',
        '2;Erika Muster;"Rückruf an',
        'anna.mueller@example.de erbeten";erika@example.org',
        '3;Anna Müller;kurz;anna.mueller@example.de',
        '',
      ].join('\r\n'),
    );
    const { findings, warnings } = await search(path);
    expect(warnings).toEqual([]);
    expect(findings.map((f) => f.locator.line)).toEqual([5, 7]);
    expect(findings[0]!.matches).toEqual([expect.objectContaining({ type: 'email', field: 'notiz' })]);
    expect(types(findings[1]!.matches)).toEqual(['email', 'name']);
  });

  it('malformed rows become warnings with their line, and every row is still searched', async () => {
    const path = utf8(
      'broken.csv',
      [
        'Kundennummer;Name;E-Mail',
        'K-1;Max;max@example.org',
        'K-10442;Anna Müller',
        'K-5;"kaputt;x@example.org',
        'K-6;Erika;anna.mueller@example.de',
        'K-8;Olaf;o@example.org;zu;viel',
        'K-7;Ulla;"offen',
        'K-10442;Zeile;nach offen',
      ].join('\n'),
    );
    const { findings, warnings } = await search(path);
    expect(warnings.map((w) => w.locator.line)).toEqual([3, 4, 6, 7]);
    expect(warnings[0]!.message).toBe('row has 2 fields, the header has 3');
    expect(warnings[1]!.message).toMatch(/stray quote|unclosed quote/);
    expect(warnings[3]!.message).toMatch(/unclosed quote/);
    expect(warnings.every((w) => !w.uncovered)).toBe(true);
    expect(findings.map((f) => [f.locator.line, types(f.matches)])).toEqual([
      [3, ['customerId', 'name']],
      [5, ['email']],
      [8, ['customerId']],
    ]);
  });

  it('decides the encoding on the whole file: cp1252 after 100 KB of ASCII is still read as cp1252', async () => {
    const filler = Array.from({ length: 3000 }, (_, i) => `K-${i};Max;Meier;max${i}@example.org`).join('\n');
    const path = cp1252('late.csv', `Kundennummer;Vorname;Nachname;E-Mail\n${filler}\nK-x;Anna;Müller;\n`);
    const { findings } = await search(path);
    expect(findings.map((f) => [f.locator.line, types(f.matches)])).toEqual([[3002, ['name']]]);
    expect(findings[0]!.record).toMatchObject({ fields: expect.arrayContaining([{ name: 'Nachname', value: 'Müller' }]) });
  });

  it('reads Excel\'s "Unicode text" export (UTF-16LE with BOM, tab-separated)', async () => {
    const text = 'Vorname\tNachname\tE-Mail\r\nMax\tMeier\tmax@example.org\r\nAnna\tMüller\tanna.mueller@example.de\r\n';
    writeFileSync(join(dir, 'unicode.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const { findings } = await search('unicode.txt');
    expect(findings.map((f) => [f.locator.line, types(f.matches)])).toEqual([[3, ['email', 'name']]]);
  });

  it('honours encoding and delimiter overrides', async () => {
    const path = cp1252('override.txt', 'Vorname|Nachname\nAnna|Müller\n');
    const { findings } = await search(path, { encoding: 'windows-1252', delimiter: '|' });
    expect(findings.map((f) => f.locator.line)).toEqual([2]);
    expect(() => config(path, { encoding: 'klingon-8' })).toThrow(/unknown encoding/);
    expect(() => config(path, { delimiter: ';;' })).toThrow(/one character/);
    expect(config(path, { delimiter: 'tab' }).delimiter).toBe('\t');
    await expect(search(path, { encoding: 'utf-8' })).rejects.toThrow(/not valid UTF-8 although encoding: utf-8 is configured/);
  });

  it('Outlook contact export (German header, cp1252, CRLF) with a row appended', async () => {
    const headerBytes = readFileSync(fileURLToPath(new URL('../../../fixtures/crm/outlook-contacts-header-de.csv', import.meta.url)));
    const header = iconv.decode(headerBytes, 'windows-1252').trim().split(',');
    const row = header.map(() => '');
    row[header.indexOf('Vorname')] = 'Anna';
    row[header.indexOf('Nachname')] = 'Müller';
    row[header.indexOf('E-Mail-Adresse')] = 'anna.mueller@example.de';
    row[header.indexOf('Mobiltelefon')] = '+49 (0)7022 7896848-0';
    row[header.indexOf('Notizen')] = '"Messe Stuttgart, Stand 4"';
    const path = 'outlook.csv';
    writeFileSync(join(dir, path), Buffer.concat([headerBytes, iconv.encode(`${row.join(',')}\r\n`, 'windows-1252')]));
    const { findings, warnings } = await search(path);
    expect(warnings).toEqual([]);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.locator).toEqual({ line: 2 });
    expect(findings[0]!.matches).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'email', field: 'E-Mail-Adresse' }),
        expect.objectContaining({ type: 'phone', field: 'Mobiltelefon' }),
        expect.objectContaining({ type: 'name', field: 'Vorname + Nachname' }),
      ]),
    );
  });

  it('hashed caller-ID cache: sha256 of the E.164 number matches, a neighbouring number does not', async () => {
    const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
    const path = utf8(
      'cache.csv',
      `number_sha256;first_seen;count\n${sha256('+4970227896848')};2024-03-01;3\n${sha256('+4970227896849')};2024-03-02;1\n${sha256('+4970227896848').toUpperCase()};2024-03-03;7\n`,
    );
    const { findings } = await search(path, { hashed: { number_sha256: 'sha256-e164' } });
    expect(findings.map((f) => f.locator.line)).toEqual([2, 4]);
    expect(findings[0]!.matches).toEqual([expect.objectContaining({ type: 'phoneHash', field: 'number_sha256' })]);
    expect(findings[0]!.date).toBe('2024-03-01');
  });

  it('a hashed column missing from the header fails the source instead of leaving it unsearched', async () => {
    const path = utf8('cache2.csv', 'hash;count\nabc;1\n');
    await expect(search(path, { hashed: { number_sha256: 'sha256-e164' } })).rejects.toThrow(SourceError);
    await expect(search(path, { hashed: { number_sha256: 'sha256-e164' } })).rejects.toThrow(/number_sha256.*not in the header/);
  });

  it('reports progress every 1000 rows and stops when aborted', async () => {
    const rows = Array.from({ length: 2500 }, (_, i) => `K-${i};x${i}@example.org`).join('\n');
    const path = utf8('many.csv', `Kundennummer;E-Mail\n${rows}\nK-10442;anna.mueller@example.de\n`);
    const context = ctx();
    const { findings } = await collect(tableConnector.search(config(path), anna, context));
    expect(findings.map((f) => f.locator.line)).toEqual([2502]);
    expect(context.progressLog.map((p) => p.scanned)).toEqual([1000, 2000, 2501]);

    const aborting = ctx();
    aborting.abort.abort();
    await expect(collect(tableConnector.search(config(path), anna, aborting))).rejects.toThrow(/abort/i);
  });

  it('streams: heap stays flat over 300,000 rows (~20 MB), the whole file is never held', async () => {
    const path = join(dir, 'big.csv');
    const out = createWriteStream(path);
    out.write('Kundennummer;Vorname;Nachname;Telefon;E-Mail;Notiz\n');
    for (let i = 0; i < 300_000; i++) {
      const row = i === 299_990 ? 'K-x;Anna;Müller;;;x\n' : `K-${i};Max${i};Meier;0711 ${1_000_000 + i};max${i}@example.org;"Notiz ${i}, mit Komma"\n`;
      if (!out.write(row)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    const context = { ...ctx(), progress: () => void (peak = Math.max(peak, process.memoryUsage().heapUsed)) };
    const { findings } = await collect(tableConnector.search(config('big.csv'), subjectQuery({ name: 'Anna Müller', ips: ['198.51.100.23'] }), context));
    expect(findings.map((f) => f.locator.line)).toEqual([299_992]);
    // Holding the rows would take well over 150 MB of heap; streaming stays within GC noise.
    expect((peak - before) / 2 ** 20).toBeLessThan(64);
  }, 120_000);

  it('a missing file: check says so, search fails the source', async () => {
    const context = ctx();
    expect(await tableConnector.check(config('nope.csv'), context)).toEqual({ ok: false, message: 'table nope.csv does not exist' });
    await expect(search('nope.csv')).rejects.toThrow(SourceError);
    const path = utf8('ok.csv', 'a;b\n1;2\n');
    expect(await tableConnector.check(config(path), context)).toMatchObject({ ok: true });
  });

  it('refuses an old binary .xls with a clear message', async () => {
    writeFileSync(join(dir, 'old.xls'), Buffer.from('d0cf11e0a1b11ae1000000000000000000', 'hex'));
    await expect(search('old.xls')).rejects.toThrow(/old binary Excel file/);
  });
});

describe('table connector: XLSX', () => {
  /** Where writeWorkbook's rows about Anna Müller are. */
  const WORKBOOK_FINDINGS = [
    { sheet: 'Kunden', row: 2 },
    { sheet: 'Kunden', row: 5 },
    { sheet: 'Kunden', row: 6 },
    { sheet: 'Notizen', row: 2 },
  ];

  async function writeWorkbook(name: string): Promise<string> {
    const workbook = new ExcelJS.Workbook();
    const kunden = workbook.addWorksheet('Kunden');
    kunden.addRow(['Kundennummer', 'Vorname', 'Nachname', 'E-Mail', 'Erstellt']);
    kunden.addRow(['K-10442', 'Anna', 'Müller', 'anna.mueller@example.de', new Date(Date.UTC(2024, 2, 4))]);
    kunden.addRow(['K-104421', 'Anna', 'Müllerova', 'anna.muellerova@example.de', new Date(Date.UTC(2024, 2, 5, 14, 30))]);
    kunden.addRow([]);
    kunden.addRow(['K-9', { richText: [{ text: 'An' }, { text: 'na' }] }, 'Müller', 'x@example.org', 45000]);
    kunden.getCell('E5').numFmt = 'dd.mm.yyyy';
    const notizen = workbook.addWorksheet('Notizen');
    kunden.addRow(['K-10', null, null, null, null, 'anna.mueller@example.de']);
    notizen.addRow(['Datum', 'Text']);
    notizen.addRow([new Date(Date.UTC(2024, 2, 6, 9, 15)), 'Rückruf 07022 7896848-0']);
    const path = join(dir, name);
    await workbook.xlsx.writeFile(path);
    return name;
  }

  it('finds rows by sheet and Excel row number, with dates as ISO', async () => {
    const path = await writeWorkbook('kunden.xlsx');
    const { findings, warnings } = await search(path);
    expect(warnings).toEqual([]);
    expect(findings.map((f) => f.locator)).toEqual(WORKBOOK_FINDINGS);
    const [anna1, anna2, gaps, note] = findings;
    expect(gaps!.record).toMatchObject({ fields: expect.arrayContaining([{ name: 'Vorname', value: '' }, { name: 'Spalte 6', value: 'anna.mueller@example.de' }]) });
    expect(types(anna1!.matches)).toEqual(['customerId', 'email', 'name']);
    expect(anna1!.title).toBe('kunden.xlsx, Kunden, Zeile 2: Anna Müller');
    expect(anna1!.date).toBe('2024-03-04');
    expect(anna1!.record).toMatchObject({ fields: expect.arrayContaining([{ name: 'Erstellt', value: '2024-03-04' }]) });
    expect(anna2!.matches).toEqual([expect.objectContaining({ type: 'name' })]);
    expect(anna2!.record).toMatchObject({ fields: expect.arrayContaining([{ name: 'Erstellt', value: '2023-03-15' }]) });
    expect(note!.date).toBe('2024-03-06T09:15:00');
    expect(note!.matches).toEqual([expect.objectContaining({ type: 'phone', field: 'Text' })]);
  });

  it('searches only the configured sheet, and fails for a sheet that does not exist', async () => {
    const path = await writeWorkbook('sheets.xlsx');
    const { findings } = await search(path, { sheet: 'Notizen' });
    expect(findings.map((f) => f.locator)).toEqual([{ sheet: 'Notizen', row: 2 }]);
    await expect(search(path, { sheet: 'Fehlt' })).rejects.toThrow(/no sheet "Fehlt" \(sheets: Kunden, Notizen\)/);
    await expect(search(path, { delimiter: ';' })).rejects.toThrow(/is an XLSX workbook: delimiter does not apply/);
    await expect(search(utf8('plain.csv', 'a;b\n'), { sheet: 'Kunden' })).rejects.toThrow(/is a CSV file: sheet does not apply/);
  });

  it('reads a workbook whose zip puts the sheet names and styles after the sheets', async () => {
    // Excel writes xl/workbook.xml first; exceljs (and tools built on it) write it last, and its
    // streaming reader then failed ("reading 'sheets'") once the shared strings came first.
    const original = join(dir, await writeWorkbook('ordered.xlsx'));
    const entries = (await unzipper.Open.file(original)).files.filter((e) => e.type === 'File');
    const late = ['xl/styles.xml', 'xl/workbook.xml'];
    const order = [...entries.filter((e) => !late.includes(e.path) && !e.path.startsWith('xl/worksheets/sheet')), ...entries.filter((e) => e.path.startsWith('xl/worksheets/sheet')), ...late.map((p) => entries.find((e) => e.path === p)!)];
    expect(order.map((e) => e.path).indexOf('xl/sharedStrings.xml')).toBeLessThan(order.map((e) => e.path).indexOf('xl/worksheets/sheet1.xml'));
    const zip = new yazl.ZipFile();
    for (const e of order) zip.addBuffer(await e.buffer(), e.path);
    zip.end();
    const out = createWriteStream(join(dir, 'reordered.xlsx'));
    zip.outputStream.pipe(out);
    await once(out, 'close');

    const { findings, warnings } = await search('reordered.xlsx');
    expect(warnings).toEqual([]);
    expect(findings.map((f) => f.locator)).toEqual(WORKBOOK_FINDINGS);
    expect(findings[0]!.date).toBe('2024-03-04');
    expect((await search('reordered.xlsx', { sheet: 'Notizen' })).findings.map((f) => f.locator)).toEqual([{ sheet: 'Notizen', row: 2 }]);
  });

  it('skips sheets without leaving exceljs a temp file to trip over', async () => {
    // exceljs deletes the temp file of a skipped sheet while its stream is still opening; that raced
    // into an uncaught ENOENT about one run in a hundred, which vitest reports as a failed run.
    const path = await writeWorkbook('skipped.xlsx');
    for (let i = 0; i < 100; i++) await expect(search(path, { sheet: 'Fehlt' })).rejects.toThrow(/no sheet "Fehlt"/);
    await new Promise((resolve) => setTimeout(resolve, 100));
  });

  it('a corrupt workbook fails the source with a reason', async () => {
    writeFileSync(join(dir, 'corrupt.xlsx'), Buffer.concat([Buffer.from('504b0304', 'hex'), Buffer.alloc(64, 7)]));
    await expect(search('corrupt.xlsx')).rejects.toThrow(SourceError);
  });
});
