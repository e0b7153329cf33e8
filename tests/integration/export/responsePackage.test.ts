import { appendFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { configure, Uint8ArrayReader, Uint8ArrayWriter, ZipReader, type FileEntry } from '@zip.js/zip.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/runCli.js';
import { readTagged } from '../helpers/taggedPdf.js';
import { createSearchedCase, expectOk, filesBelow, pdfText, sampleWorkspace, schemaValidator, showCase } from './exportFixture.js';

configure({ useWebWorkers: false });

const PASSWORD = 'korrekt Pferd Batterie Heftklammer';
const THIRD_PARTY = ['Max Agent', 'max.agent@fluxpunkt.example'];
const CASE_WIDE = 'steuerberater@kanzlei.example';

interface Fixture {
  readonly db: string;
  readonly caseId: string;
  readonly de: string;
  readonly en: string;
  readonly deRun: Awaited<ReturnType<typeof runCli>>;
}

let fx: Fixture;

/**
 * One case on the sample workspace, reviewed as an officer would: strong findings included, a third
 * party redacted from one mail, an adviser's address redacted case-wide, the deadline extended;
 * then exported in German (with the encrypted ZIP) and in English.
 */
beforeAll(async () => {
  const ws = sampleWorkspace();
  const db = join(ws.dir, 'cases.db');
  const caseId = await createSearchedCase(db, ws);
  expectOk(await runCli(['case', 'decide', caseId, '--strong', '--include', '--db', db]));
  const rows = await showCase(db, caseId);
  const agentMail = rows.find((r) => r.title === 'Rueckmeldung Kunde')!;
  expectOk(await runCli(['case', 'decide', caseId, '--finding', agentMail.id, ...THIRD_PARTY.flatMap((t) => ['--redact', t]), '--reason', 'Art. 15(4): Dritte', '--db', db]));
  expectOk(await runCli(['case', 'decide', caseId, '--redact', CASE_WIDE, '--reason', 'Art. 15(4): Steuerberater', '--db', db]));
  expectOk(await runCli(['case', 'extend', caseId, '--reason', 'Viele Systeme mussten durchsucht werden.', '--reason-code', 'many-systems', '--notice-on', '2026-02-10', '--notice', join(ws.dir, 'Zwischenbescheid.pdf'), '--db', db]));
  const de = join(ws.dir, 'antwort-de');
  const en = join(ws.dir, 'answer-en');
  const deRun = await runCli(['export', caseId, '--out', de, '--password-env', 'ZIP_PW', '--db', db], { env: { ZIP_PW: PASSWORD } });
  expectOk(await runCli(['export', caseId, '--out', en, '--lang', 'en', '--db', db]));
  fx = { db, caseId, de, en, deRun };
}, 180_000);

describe('auskunft export', { timeout: 180_000 }, () => {
  it('writes the package and says what to send', () => {
    expect(fx.deRun.code, fx.deRun.stderr).toBe(0);
    expect(fx.deRun.stderr).toMatch(/wrote .*antwort-de: \d+ record\(s\) in the copy/);
    expect(fx.deRun.stderr).toContain(`the internal report is in ${fx.de}.intern and is NOT for the person`);
    expect(filesBelow(fx.de).filter((f) => !f.startsWith('files/'))).toEqual(['Auskunft.pdf', 'Auskunft.zip', 'data.json', 'manifest.json']);
    expect(filesBelow(`${fx.de}.intern`)).toEqual(['Bericht-intern.json', 'Bericht-intern.pdf']);
    expect(existsSync(join(fx.en, 'Access.pdf'))).toBe(true);
  });

  it('has every required section of the letter in German', () => {
    const text = pdfText(join(fx.de, 'Auskunft.pdf'));
    for (const expected of [
      'Fluxpunkt GmbH',
      fx.caseId,
      'Auskunft nach Art. 15 DSGVO',
      'dass wir personenbezogene Daten über Sie verarbeiten',
      'endet am 28.02.2026',
      'bis zum 28.04.2026 verlängert. Gründe: Ihre Daten liegen in vielen Systemen, die einzeln durchsucht werden müssen; Viele Systeme mussten durchsucht werden.',
      // The limits section: the redactions with their legal reason, and the remedies (Art. 77, 79).
      'Umfang und Grenzen dieser Auskunft',
      'Grund: Schutz der Rechte und Freiheiten anderer Personen (Art. 15 Abs. 4 DSGVO)',
      'gerichtlich gegen uns vorgehen (Art. 79 DSGVO)',
      'Inhalt',
      'Übersicht',
      'Angaben zu jeder Verarbeitung',
      'Zwecke (Art. 15 Abs. 1 lit. a DSGVO)',
      'Rechtsgrundlage',
      'Art. 6 Abs. 1 lit. b DSGVO – Vertragserfüllung',
      'Kategorien personenbezogener Daten (Art. 15 Abs. 1 lit. b DSGVO)',
      'Empfänger (Art. 15 Abs. 1 lit. c DSGVO)',
      'Übermittlung in Drittländer und Garantien (Art. 15 Abs. 2 DSGVO)',
      'Whitepages.com (US)',
      'Speicherdauer (Art. 15 Abs. 1 lit. d DSGVO)',
      'Herkunft der Daten (Art. 15 Abs. 1 lit. g DSGVO)',
      'Automatisierte Entscheidungsfindung (Art. 15 Abs. 1 lit. h DSGVO)',
      'Webanalyse mit Google Analytics',
      'Zu dieser Verarbeitung halten wir keine Kopie Ihrer Daten',
      'Ihre Rechte',
      'Berichtigung (Art. 16 DSGVO)',
      'Löschung (Art. 17 DSGVO)',
      'Einschränkung der Verarbeitung (Art. 18 DSGVO)',
      'Widerspruch (Art. 21 DSGVO)',
      'Beschwerde bei einer Aufsichtsbehörde (Art. 77 DSGVO)',
      'Lautenschlagerstraße 20, 70173 Stuttgart',
      'Kopie Ihrer Daten',
      'E-Mails',
      'Einträge in Tabellen und Verzeichnissen',
      'Einträge in Protokollen',
      'Angebot für Telefonanlage',
      '[geschwärzt]',
      'Seite 1 von',
    ]) {
      expect(text, expected).toContain(expected);
    }
    // Latin-extended, Greek and Cyrillic come out of the embedded font as text.
    expect(text).toContain('Zoë Ødegård');
    expect(text).toContain('Дмитрий');
    expect(text).toContain('Σωκράτης');
  });

  it('wrote the interim notice of the extension (Zwischenbescheid) as PDF', () => {
    const notice = pdfText(join(dirname(fx.db), 'Zwischenbescheid.pdf'));
    expect(notice).toContain('Zwischenbescheid: Verlängerung der Frist (Art. 12 Abs. 3 DSGVO)');
    expect(notice).toContain('Sie erhalten unsere Auskunft spätestens am 28.04.2026.');
    expect(notice).toContain('Viele Systeme mussten durchsucht werden.');
  });

  it('has every required section in English', () => {
    const text = pdfText(join(fx.en, 'Access.pdf'));
    for (const expected of [
      'Your access request under Art. 15 GDPR',
      'we process personal data about you',
      'ends on 28 February 2026',
      'to 28 April 2026',
      'Contents',
      'Overview',
      'Information on each processing activity',
      'Purposes (Art. 15(1)(a) GDPR)',
      'Art. 6(1)(b) GDPR – performance of a contract',
      'Categories of personal data (Art. 15(1)(b) GDPR)',
      'Recipients (Art. 15(1)(c) GDPR)',
      'Transfers to third countries and safeguards (Art. 15(2) GDPR)',
      'Retention period (Art. 15(1)(d) GDPR)',
      'Source of the data (Art. 15(1)(g) GDPR)',
      'Automated decision-making (Art. 15(1)(h) GDPR)',
      'we hold no copy of your data in our own systems',
      'Your rights',
      'Rectification (Art. 16 GDPR)',
      'Erasure (Art. 17 GDPR)',
      'Restriction of processing (Art. 18 GDPR)',
      'Objection (Art. 21 GDPR)',
      'Complaint to a supervisory authority (Art. 77 GDPR)',
      'Copy of your data',
      '[redacted]',
      'Page 1 of',
    ]) {
      expect(text, expected).toContain(expected);
    }
  });

  it('is a tagged PDF with language, title, bookmarks and page numbers that add up', async () => {
    const raw = readFileSync(join(fx.de, 'Auskunft.pdf')).toString('latin1');
    expect(raw).toContain('/Lang (de-DE)');
    expect(raw).toContain('/MarkInfo');
    expect(raw).toContain('/StructTreeRoot');
    expect(raw).toContain('/Outlines');
    expect(raw).toContain('/S /TOC');
    expect(raw).toContain('/DisplayDocTitle true');
    expect(readFileSync(join(fx.en, 'Access.pdf')).toString('latin1')).toContain('/Lang (en-GB)');
    const text = pdfText(join(fx.de, 'Auskunft.pdf'));
    const numbers = [...text.matchAll(/Seite (\d+) von (\d+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
    const total = numbers[0]![1]!;
    expect(numbers.map(([page]) => page)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect(numbers.every(([, of]) => of === total)).toBe(true);
    // Every text of the letter and the copy is in the structure tree (a screen reader reaches it).
    for (const file of [join(fx.de, 'Auskunft.pdf'), join(fx.en, 'Access.pdf')]) {
      const { tagged, untagged } = await readTagged(file);
      expect(untagged, file).toEqual([]);
      expect(tagged.some((t) => t.startsWith('H1:'))).toBe(true);
    }
  });

  it('removes redacted text from the PDF, data.json and every file, and ships no original that held it', () => {
    for (const dir of [fx.de, fx.en]) {
      const texts = [pdfText(join(dir, dir === fx.de ? 'Auskunft.pdf' : 'Access.pdf')), readFileSync(join(dir, 'data.json'), 'utf8')];
      for (const file of filesBelow(join(dir, 'files'))) {
        const bytes = readFileSync(join(dir, 'files', file));
        texts.push(bytes.toString('utf8'), bytes.toString('latin1'), file);
      }
      for (const secret of [...THIRD_PARTY, CASE_WIDE]) {
        for (const text of texts) {
          expect(text.toLowerCase()).not.toContain(secret.toLowerCase());
          // Also across line breaks and hyphenation of the layout.
          expect(text.toLowerCase().replace(/[\s-]+/g, '')).not.toContain(secret.toLowerCase().replace(/[\s-]+/g, ''));
        }
      }
    }
    const data = JSON.parse(readFileSync(join(fx.de, 'data.json'), 'utf8')) as { items: { title: string; redacted: boolean; redactionReasons: string[]; files: { role: string; path: string }[]; withheld: unknown[] }[]; redactions: { records: number } };
    const agent = data.items.find((i) => i.title === 'Rueckmeldung Kunde')!;
    expect(agent.redacted).toBe(true);
    expect(agent.redactionReasons).toEqual(['Art. 15(4): Dritte']);
    expect(agent.files.map((f) => f.role)).toEqual(['redacted-copy']);
    // The case-wide redaction hit the To: header of "Offene Posten": its .eml stays out, the CSV attachment is redacted text.
    const posten = data.items.find((i) => i.title === 'Offene Posten')!;
    expect(posten.redacted).toBe(true);
    expect(posten.files.map((f) => f.role)).toEqual(['redacted-copy', 'redacted-copy']);
    expect(data.redactions.records).toBe(2);
  });

  it('writes data.json valid against its JSON Schema, with the Art. 15 information per activity', () => {
    const validate = schemaValidator('data');
    for (const dir of [fx.de, fx.en]) {
      const data: unknown = JSON.parse(readFileSync(join(dir, 'data.json'), 'utf8'));
      expect(validate(data), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    }
    const data = JSON.parse(readFileSync(join(fx.de, 'data.json'), 'utf8')) as {
      case: { reference: string; deadline: { due: string; extendedDue: string } };
      activities: { id: string; localCopy: boolean; items: number[]; transfers: unknown[] }[];
      items: { no: number; kind: string; source: { id: string }; locator: object; data: unknown }[];
    };
    expect(data.case).toMatchObject({ reference: fx.caseId, deadline: { due: '2026-02-28', extendedDue: '2026-04-28' } });
    expect(data.items.map((i) => i.no)).toEqual(data.items.map((_, i) => i + 1));
    expect(new Set(data.items.map((i) => i.kind))).toEqual(new Set(['mail', 'row', 'logline']));
    expect(data.activities.find((a) => a.id === 'caller-id')!.transfers).toHaveLength(2);
    expect(data.activities.find((a) => a.id === 'google-analytics')).toMatchObject({ localCopy: false, items: [] });
    expect(schemaValidator('manifest')(JSON.parse(readFileSync(join(fx.de, 'manifest.json'), 'utf8')))).toBe(true);
  });

  it('keeps hostile file names inside files/', () => {
    const files = filesBelow(join(fx.de, 'files'));
    for (const f of files) {
      expect(f).toMatch(/^\d{4}\/[^/]+$/);
      const name = f.split('/')[1]!;
      expect(name).not.toMatch(/^\.|[\\:*?"<>|]|\.\./);
      expect(Buffer.byteLength(name)).toBeLessThanOrEqual(120);
      expect(name).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i);
    }
    const hostile = files.filter((f) => f.startsWith(files.find((x) => x.endsWith('etc_passwd.eml'))!.split('/')[0]!));
    expect(hostile.map((f) => f.split('/')[1])).toEqual(
      expect.arrayContaining(['etc_passwd.eml', 'evil.sh', '_CON.txt', expect.stringMatching(/^C_.*evil\.dll$/), expect.stringMatching(/^Überlanger-Anhangname-.*\.pdf$/)]),
    );
    expect(existsSync(join(dirname(fx.de), 'evil.sh'))).toBe(false);
    expect(existsSync(join(fx.de, 'evil.sh'))).toBe(false);
  });

  it('verifies against its manifest, and names a modified, missing or added file', async () => {
    const ok = await runCli(['verify', fx.de]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stderr).toMatch(/file\(s\) verified, package intact/);

    const copy = join(tempDir(), 'copy');
    mkdirSync(copy);
    cpSync(fx.de, copy, { recursive: true });
    const eml = filesBelow(join(copy, 'files')).find((f) => f.endsWith('.eml'))!;
    appendFileSync(join(copy, 'files', eml), 'X');
    rmSync(join(copy, 'data.json'));
    writeFileSync(join(copy, 'files', 'extra.txt'), 'slipped in');
    const broken = await runCli(['verify', copy]);
    expect(broken.code).toBe(3);
    expect(broken.stdout.trim().split('\n').sort()).toEqual([`missing: data.json`, `modified (size differs): files/${eml}`, 'not in the manifest: files/extra.txt'].sort());

    const same = join(tempDir(), 'same');
    cpSync(fx.de, same, { recursive: true });
    const pdf = readFileSync(join(same, 'Auskunft.pdf'));
    pdf.writeUInt8(pdf.readUInt8(pdf.length - 10) ^ 1, pdf.length - 10); // same size, other content
    writeFileSync(join(same, 'Auskunft.pdf'), pdf);
    const flipped = await runCli(['verify', same]);
    expect(flipped.code).toBe(3);
    expect(flipped.stdout).toContain('modified (content differs): Auskunft.pdf');

    const notPackage = await runCli(['verify', tempDir()]);
    expect(notPackage.code).toBe(2);
    expect(notPackage.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('encrypts the ZIP with AES-256: the package without intern/, readable with the password only', async () => {
    const zip = readFileSync(join(fx.de, 'Auskunft.zip'));
    const entries = (await new ZipReader(new Uint8ArrayReader(zip), { password: PASSWORD }).getEntries()) as FileEntry[];
    const manifest = JSON.parse(readFileSync(join(fx.de, 'manifest.json'), 'utf8')) as { files: { path: string }[] };
    expect(entries.map((e) => e.filename).sort()).toEqual([...manifest.files.map((f) => f.path), 'manifest.json'].sort());
    expect(entries.every((e) => e.encrypted)).toBe(true);
    const pdf = entries.find((e) => e.filename === 'Auskunft.pdf')!;
    expect(Buffer.from(await pdf.getData(new Uint8ArrayWriter())).equals(readFileSync(join(fx.de, 'Auskunft.pdf')))).toBe(true);
    const wrong = (await new ZipReader(new Uint8ArrayReader(zip), { password: 'falsches Passwort 123' }).getEntries()) as FileEntry[];
    await expect(wrong[0]!.getData(new Uint8ArrayWriter())).rejects.toThrow();
    // WinZip AES: compression method 99 in the central directory.
    expect(zip.includes(Buffer.from([0x01, 0x99, 0x07, 0x00, 0x02, 0x00, 0x41, 0x45, 0x03]))).toBe(true);
  });

  it('writes the internal report: coverage, counts, held weak findings, redactions without their text, audit head', () => {
    const report = JSON.parse(readFileSync(join(`${fx.de}.intern`, 'Bericht-intern.json'), 'utf8')) as {
      notForTheDataSubject: boolean;
      sources: { id: string; status: string }[];
      counts: { found: number; included: number; pendingWeak: number };
      heldForReview: { strength: string; title: string }[];
      redactions: { reason: string; textSha256: string }[];
      audit: { chainIntact: boolean; head: string; entries: number };
      package: { manifestSha256: string; zip: { sha256: string } };
    };
    expect(report.notForTheDataSubject).toBe(true);
    expect(report.sources.map((s) => s.status)).toEqual(report.sources.map(() => 'ok'));
    expect(report.counts.pendingWeak).toBeGreaterThanOrEqual(1);
    expect(report.heldForReview.some((h) => h.strength === 'weak' && h.title === 'Termin')).toBe(true);
    expect(report.redactions.map((r) => r.reason).sort()).toEqual(['Art. 15(4): Dritte', 'Art. 15(4): Dritte', 'Art. 15(4): Steuerberater']);
    const raw = readFileSync(join(`${fx.de}.intern`, 'Bericht-intern.json'), 'utf8');
    for (const secret of [...THIRD_PARTY, CASE_WIDE]) expect(raw).not.toContain(secret);
    expect(report.audit.chainIntact).toBe(true);
    expect(report.audit.head).toMatch(/^[0-9a-f]{64}$/);
    expect(pdfText(join(`${fx.de}.intern`, 'Bericht-intern.pdf'))).toContain('nicht versenden');
  });

  it('logs the export in the audit log, which still verifies', async () => {
    const audit = await runCli(['audit', 'verify', fx.caseId, '--db', fx.db]);
    expect(audit.code, audit.stdout).toBe(0);
  });

  it('refuses a missing or short password, a wrong language and a folder that is not a package, in one line', async () => {
    const out = join(tempDir(), 'p');
    const missing = await runCli(['export', fx.caseId, '--out', out, '--password-env', 'NOT_SET_ANYWHERE', '--db', fx.db]);
    expect([missing.code, missing.stderr.trim()]).toEqual([2, 'auskunft: --password-env NOT_SET_ANYWHERE: the environment variable NOT_SET_ANYWHERE is not set or empty']);
    const short = await runCli(['export', fx.caseId, '--out', out, '--password-env', 'PW', '--db', fx.db], { env: { PW: 'geheim' } });
    expect([short.code, short.stderr.trim()]).toEqual([2, 'auskunft: the ZIP password must have at least 12 characters']);
    const lang = await runCli(['export', fx.caseId, '--out', out, '--lang', 'fr', '--db', fx.db]);
    expect([lang.code, lang.stderr.trim()]).toEqual([2, 'auskunft: --lang must be de or en, not "fr"']);
    const documents = tempDir();
    writeFileSync(join(documents, 'steuer.pdf'), 'wichtig');
    const occupied = await runCli(['export', fx.caseId, '--out', documents, '--db', fx.db]);
    expect(occupied.code).toBe(2);
    expect(occupied.stderr).toMatch(/is not an Auskunft package/);
    expect(readFileSync(join(documents, 'steuer.pdf'), 'utf8')).toBe('wichtig');
    const unknown = await runCli(['export', 'AUS-2026-9999-ZZZZ', '--out', out, '--db', fx.db]);
    expect([unknown.code, unknown.stderr.trim()]).toEqual([2, 'auskunft: no case AUS-2026-9999-ZZZZ in the case store']);
    expect(existsSync(out)).toBe(false);
  });

  it('replaces its own earlier package on a re-export', async () => {
    const again = await runCli(['export', fx.caseId, '--out', fx.en, '--lang', 'en', '--db', fx.db]);
    expect(again.code, again.stderr).toBe(0);
    expect((await runCli(['verify', fx.en])).code).toBe(0);
  });
});
