import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { documentsConnector } from '../../../../src/core/connectors/documents/documentsConnector.js';
import { strengthOf } from '../../../../src/core/identity/compileSubject.js';
import { collect, fileSearchContext, subjectQuery, tempDirForFile, type Collected } from '../fileSearchContext.js';
import { docxFile, encryptedOfficeFile, encryptedPdf, textPdf } from './documentFiles.js';

/**
 * The documents connector on a folder of real files written here: PDFs with a text layer and
 * without, DOCX with footnote and comment, TXT in windows-1252 and UTF-16, an EML, broken and
 * encrypted files, and look-alikes of every identifier that must not match.
 */

const SUBJECT = {
  name: 'Jürgen Weiß',
  emails: ['j.weiss@beispiel-gmbh.de'],
  phones: ['0711 12345678'],
  customerIds: ['K-10442'],
};

const cp1252 = (text: string) => Buffer.from(text, 'latin1'); // every character used is in Latin-1

const dir = tempDirForFile('auskunft-documents-');
const folder = join(dir, 'briefe');

const FILES: Record<string, Buffer | string> = {
  // Page 1 names someone else; the subject's email is on page 2: the locator must say page 2.
  '2024/antwort.pdf': textPdf([['Sehr geehrte Frau Schmidt,', 'vielen Dank.'], ['Kopie an: j.weiss@beispiel-gmbh.de', 'Kundennummer K-10442']], {
    info: "/CreationDate (D:20240304091500+01'00')",
  }),
  '2024/scan.pdf': textPdf([null, null]),
  '2024/teilweise-gescannt.pdf': textPdf([['Anlage zum Vertrag'], null]),
  'vertrag.docx': '', // written in beforeAll (zip is async)
  'fussnote.docx': '',
  'notiz-cp1252.txt': cp1252('Rückruf bei Jürgen Weiß erbeten, Tel. 0711/123 456-78.\r\n'),
  'notiz-utf16.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Kunde K-10442 hat angerufen.\n', 'utf16le')]),
  'weitergeleitet.eml': 'Message-ID: <doc-mail@t>\nFrom: "Weiss, Juergen" <J.Weiss@Beispiel-GmbH.de>\nTo: a@firma.example\nSubject: Brief\nDate: Mon, 13 Jan 2025 09:00:00 +0100\nContent-Type: text/plain\n\nAnbei.\n',
  // Look-alikes: an email with a prefix and one with a suffix domain, a phone one digit off, a
  // customer id with one more digit, a name that only starts with the subject's name.
  'aehnlich.txt':
    'An xj.weiss@beispiel-gmbh.de und j.weiss@beispiel-gmbh.de.evil.org\nTel. 0711 12345679\nKunde K-104421\nJürgensen Weißmann war da.\n',
  'aehnlich.pdf': textPdf([['Kopie an xj.weiss@beispiel-gmbh.de', 'Tel. 0711 12345679, Kunde K-104421', 'Herr Jürgensen Weißmann']]),
  'verschluesselt.pdf': encryptedPdf(),
  'kaputt.pdf': 'this is not a PDF at all\n',
  'kaputt.docx': Buffer.from('PK\u0003\u0004 truncated'),
  'geschuetzt.docx': encryptedOfficeFile(),
  'foto1.jpg': Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
  'unterordner/foto2.JPG': Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
  'unterordner/brief.odt': 'PK',
  '.DS_Store': 'Bud1',
  '~$vertrag.docx': 'lock',
};

let result: Collected;

beforeAll(async () => {
  FILES['vertrag.docx'] = await docxFile({ paragraphs: ['Vertrag vom 1. März', 'Ansprechpartner: Juergen Weiss, Tel. +49 711 12345678'] });
  FILES['fussnote.docx'] = await docxFile({ paragraphs: ['Protokoll der Sitzung'], footnote: 'Hinweis von Kunde K-10442', comment: 'Bitte an j.weiss@beispiel-gmbh.de schicken' });
  for (const [name, content] of Object.entries(FILES)) {
    mkdirSync(dirname(join(folder, name)), { recursive: true });
    writeFileSync(join(folder, name), content);
  }
  const ctx = fileSearchContext(dir);
  result = await collect(documentsConnector.search(documentsConnector.configSchema.parse({ id: 'briefe', type: 'documents', path: 'briefe/' }), subjectQuery(SUBJECT), ctx));
});

const finding = (path: string) => result.findings.find((f) => f.locator.path === path);
const warning = (path: string) => result.warnings.find((w) => w.locator.path === path);

describe('documents connector', () => {
  it('finds a PDF on the page that names the subject and records the pages', () => {
    const pdf = finding('briefe/2024/antwort.pdf');
    expect(pdf?.locator).toEqual({ path: 'briefe/2024/antwort.pdf', page: 2 });
    expect(strengthOf(pdf!.matches)).toBe('strong');
    expect(pdf!.matches.map((m) => [m.type, m.field])).toEqual([
      ['email', 'page 2'],
      ['customerId', 'page 2'],
    ]);
    expect(pdf!.date).toBe('2024-03-04T09:15:00+01:00');
    expect(pdf!.record).toMatchObject({ kind: 'document', pages: 2 });
    expect((pdf!.record as { text: string }).text).toContain('Sehr geehrte Frau Schmidt');
  });

  it('reads pages without a text layer by OCR, and says so when OCR is switched off', async () => {
    // The pages draw only a frame: OCR reads them and finds nothing, which is no gap.
    expect(finding('briefe/2024/scan.pdf')).toBeUndefined();
    expect(warning('briefe/2024/scan.pdf')).toBeUndefined();
    const off = await collect(
      documentsConnector.search(documentsConnector.configSchema.parse({ id: 'briefe', type: 'documents', path: 'briefe/', ocr: false }), subjectQuery(SUBJECT), fileSearchContext(dir)),
    );
    const offWarning = (path: string) => off.warnings.find((w) => w.locator.path === path);
    expect(offWarning('briefe/2024/scan.pdf')).toEqual({
      kind: 'warning',
      locator: { path: 'briefe/2024/scan.pdf', page: 1 },
      message: 'no text layer, and OCR is switched off for this source (ocr: false); the document was not searched',
      uncovered: true,
    });
    expect(offWarning('briefe/2024/teilweise-gescannt.pdf')).toMatchObject({ locator: { page: 2 }, message: expect.stringMatching(/^no text layer on page 2, and OCR is switched off/), uncovered: true });
    expect(offWarning('briefe/foto1.jpg')).toMatchObject({ message: expect.stringMatching(/OCR is switched off/), uncovered: true });
  });

  it('reads DOCX body text, footnotes and reviewer comments', () => {
    const contract = finding('briefe/vertrag.docx');
    expect(contract?.locator).toEqual({ path: 'briefe/vertrag.docx' });
    expect(contract!.matches.map((m) => m.type).sort()).toEqual(['name', 'phone']);
    const notes = finding('briefe/fussnote.docx');
    expect(notes!.matches.map((m) => m.type).sort()).toEqual(['customerId', 'email']);
  });

  it('decodes TXT in windows-1252 and UTF-16', () => {
    const legacy = finding('briefe/notiz-cp1252.txt');
    expect(legacy!.matches).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'name', value: 'Jürgen Weiß' }), expect.objectContaining({ type: 'phone' })]));
    expect((legacy!.record as { text: string }).text).toContain('Rückruf bei Jürgen Weiß');
    expect(finding('briefe/notiz-utf16.txt')!.matches).toEqual([expect.objectContaining({ type: 'customerId', value: 'K-10442' })]);
  });

  it('scans an EML like the mail connectors do', () => {
    const mail = finding('briefe/weitergeleitet.eml');
    expect(mail?.locator).toEqual({ messageId: 'doc-mail@t', path: 'briefe/weitergeleitet.eml' });
    expect(mail!.record?.kind).toBe('mail');
    expect(strengthOf(mail!.matches)).toBe('strong');
  });

  it('does not match look-alikes in any format', () => {
    expect(finding('briefe/aehnlich.txt')).toBeUndefined();
    expect(finding('briefe/aehnlich.pdf')).toBeUndefined();
  });

  it('warns with the path for encrypted and broken files', () => {
    expect(warning('briefe/verschluesselt.pdf')).toMatchObject({ message: expect.stringMatching(/encrypted with a password/), uncovered: true });
    expect(warning('briefe/kaputt.pdf')).toMatchObject({ message: expect.stringMatching(/not a readable PDF/), uncovered: true });
    expect(warning('briefe/kaputt.docx')).toMatchObject({ message: expect.stringMatching(/not a readable DOCX/), uncovered: true });
    expect(warning('briefe/geschuetzt.docx')).toMatchObject({ message: expect.stringMatching(/password-protected/), uncovered: true });
  });

  it('warns with the path for an image that is not one', () => {
    expect(warning('briefe/foto1.jpg')).toMatchObject({ message: expect.stringMatching(/^not a readable image/), uncovered: true });
    expect(warning('briefe/unterordner/foto2.JPG')).toMatchObject({ message: expect.stringMatching(/^not a readable image/), uncovered: true });
  });

  it('sums up skipped file types in one warning and ignores folder metadata', () => {
    expect(warning('briefe/')).toEqual({
      kind: 'warning',
      locator: { path: 'briefe/' },
      message: '1 file of types that are not searched (only PDF, DOCX, TXT, EML, MSG, JPEG, PNG and TIFF are): .odt (1)',
      uncovered: true,
    });
    expect(result.warnings.some((w) => /DS_Store|~\$/.test(JSON.stringify(w)))).toBe(false);
  });

  it('reports exactly the expected findings', () => {
    expect(result.findings.map((f) => f.locator.path).sort()).toEqual([
      'briefe/2024/antwort.pdf',
      'briefe/fussnote.docx',
      'briefe/notiz-cp1252.txt',
      'briefe/notiz-utf16.txt',
      'briefe/vertrag.docx',
      'briefe/weitergeleitet.eml',
    ]);
  });
});

describe('documents connector, source level', () => {
  it('check() accepts a readable folder and names a missing one', async () => {
    const ctx = fileSearchContext(dir);
    const config = (path: string) => documentsConnector.configSchema.parse({ id: 'd', type: 'documents', path });
    expect(await documentsConnector.check(config('briefe'), ctx)).toMatchObject({ ok: true });
    expect(await documentsConnector.check(config('fehlt'), ctx)).toEqual({ ok: false, message: 'folder fehlt does not exist' });
    await expect(collect(documentsConnector.search(config('fehlt'), subjectQuery(SUBJECT), ctx))).rejects.toThrow(/does not exist/);
  });

  it('rejects unknown options', () => {
    expect(documentsConnector.configSchema.safeParse({ id: 'd', type: 'documents', path: 'x', ocrLanguage: 'fra' }).success).toBe(false);
    expect(documentsConnector.configSchema.safeParse({ id: 'd', type: 'documents', path: 'x', ocr: 'ja' }).success).toBe(false);
  });

  it('reports progress per document and stops when aborted', async () => {
    const ctx = fileSearchContext(dir);
    const config = documentsConnector.configSchema.parse({ id: 'd', type: 'documents', path: 'briefe' });
    await collect(documentsConnector.search(config, subjectQuery(SUBJECT), ctx));
    expect(ctx.progressLog.at(-1)?.scanned).toBe(16);

    const aborted = fileSearchContext(dir);
    aborted.abort.abort();
    await expect(collect(documentsConnector.search(config, subjectQuery(SUBJECT), aborted))).rejects.toThrow();
  });

  it.skipIf(process.getuid?.() === 0)('warns about a subfolder it cannot list', async () => {
    const root = join(dir, 'gesperrt');
    mkdirSync(join(root, 'privat'), { recursive: true });
    writeFileSync(join(root, 'privat', 'a.txt'), 'x');
    chmodSync(join(root, 'privat'), 0o000);
    try {
      const got = await collect(documentsConnector.search(documentsConnector.configSchema.parse({ id: 'd', type: 'documents', path: 'gesperrt' }), subjectQuery(SUBJECT), fileSearchContext(dir)));
      expect(got.warnings).toEqual([{ kind: 'warning', locator: { path: 'gesperrt/privat' }, message: 'cannot list folder (EACCES); its documents were not searched', uncovered: true }]);
    } finally {
      chmodSync(join(root, 'privat'), 0o755);
    }
  });
});
