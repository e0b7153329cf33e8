import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { confirmNoData } from '../../../src/core/cases/noDataConfirmations.js';
import { exportCasePackage } from '../../../src/core/export/exportCasePackage.js';
import { verifyPackage } from '../../../src/core/export/verifyPackage.js';
import { parseRegister } from '../../../src/core/register/loadRegister.js';
import { parseYamlText } from '../../../src/core/config/yamlFile.js';
import { addRedaction } from '../../../src/core/review/addRedaction.js';
import { decideFindings } from '../../../src/core/review/decideFindings.js';
import { setFindingActivities } from '../../../src/core/review/findingActivities.js';
import { filesBelow, pdfText, schemaValidator } from './exportFixture.js';
import { EXPORT_NOW, NOBODY, REGISTER, searchedLetterCase, type LetterCase } from './letterFixture.js';

/**
 * The one package assembly path (exportCasePackage), on a real case store searched over real files:
 * what the package carries, what the letter says is missing and why.
 */
const register = parseRegister(parseYamlText('register.yaml', REGISTER));

async function exportTo(c: LetterCase, name: string, lang: 'de' | 'en' = 'de') {
  const out = join(c.root, name);
  const summary = await exportCasePackage(c.db, c.caseId, { out, lang, now: EXPORT_NOW, actor: 'officer' });
  const data = JSON.parse(readFileSync(join(out, 'data.json'), 'utf8')) as {
    items: { no: number; id: string; kind: string; source: { id: string }; locator: { path?: string }; activities: string[] }[];
    activities: { id: string; items: number[]; source: string | null; access: string | null }[];
    limits: { notSearched: { id: string }[]; confirmedNoData: { id: string }[]; redactedItems: number; reasonCategories: string[] };
    dataProcessed: boolean;
    searched: string[];
  };
  const report = JSON.parse(readFileSync(join(summary.internDir, 'Bericht-intern.json'), 'utf8')) as Record<string, unknown> & {
    retentionWarnings: { source: string; activity: string; retentionDays: number; ageDays: number }[];
    registerGaps: { activity: string }[];
    coverage: { notSearched: string[]; confirmedNoData: string[] };
  };
  const pdf = pdfText(join(out, lang === 'de' ? 'Auskunft.pdf' : 'Access.pdf'));
  return { out, summary, data, report, pdf };
}

describe('the response package (exportCasePackage)', { timeout: 120_000 }, () => {
  it('numbers the included findings in copy order (mail before rows) and groups them by activity', async () => {
    const c = await searchedLetterCase();
    const { data } = await exportTo(c, 'antwort');
    expect(data.items.map((i) => [i.no, i.kind, i.source.id])).toEqual([
      [1, 'mail', 'archive'],
      [2, 'mail', 'archive'],
      [3, 'row', 'crm'],
      [4, 'logline', 'weblog'],
    ]);
    expect(data.activities.map((a) => [a.id, a.items])).toEqual([
      ['contact-email', [1, 2]],
      ['orders', [3]],
      ['web-logs', [4]],
      ['analytics', []], // register-only: always stated, with no copy
    ]);
    expect(data.searched).toEqual(['mbox', 'table', 'weblog']);
    expect(schemaValidator('data')(data)).toBe(true);
  });

  it('writes the internal report beside the package, never inside it, and verify finds it there', async () => {
    const c = await searchedLetterCase();
    const { out, summary } = await exportTo(c, 'antwort');
    expect(summary.internDir).toBe(`${out}.intern`);
    expect(readdirSync(summary.internDir).sort()).toEqual(['Bericht-intern.json', 'Bericht-intern.pdf']);
    expect(filesBelow(out).some((f) => f.startsWith('intern'))).toBe(false);
    expect(await verifyPackage(out)).toMatchObject({ problems: [] });
    // The report ties itself to the package: a changed manifest is named.
    const manifest = join(out, 'manifest.json');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace('"sha256"', '"sha256" '));
    expect((await verifyPackage(out)).problems).toContain('modified (does not match the internal report): manifest.json');

    const custom = join(c.root, 'elsewhere', 'bericht');
    const again = await exportCasePackage(c.db, c.caseId, { out, internOut: custom, lang: 'de', now: EXPORT_NOW });
    expect(again.internDir).toBe(custom);
    expect(existsSync(join(custom, 'Bericht-intern.json'))).toBe(true);
    await expect(exportCasePackage(c.db, c.caseId, { out, internOut: join(out, 'intern'), lang: 'de' })).rejects.toThrow(/inside the package folder/);
  });

  it('carries no absolute path of the officer\'s machine: locators are relative to their source', async () => {
    const c = await searchedLetterCase();
    const { out, data, pdf } = await exportTo(c, 'antwort');
    expect(data.items[0]!.locator.path).toBe('archive.mbox');
    expect(pdf).toContain('Quelle archive, Datei archive.mbox');
    expect(pdf).not.toContain(c.root);
    for (const file of filesBelow(out)) {
      expect(file).not.toContain(c.root);
      if (!file.endsWith('.pdf') && !file.endsWith('.zip')) expect(readFileSync(join(out, file), 'utf8')).not.toContain(c.root);
    }
  });

  it('says in the letter what was searched, what was not, what others hold, what was redacted and how to appeal (Art. 79)', async () => {
    const c = await searchedLetterCase();
    const mail = c.findings.find((f) => f.source === 'archive' && f.title.includes('Rechnung'))!;
    addRedaction(c.db, c.caseId, mail.id, 'Erika Muster', 'Art. 15(4): Name einer Kollegin');
    const { data, pdf, report, summary } = await exportTo(c, 'antwort');
    expect(pdf).toContain('Umfang und Grenzen dieser Auskunft');
    expect(pdf).toContain('E-Mail-Archive („archive“)');
    expect(pdf).toContain('Folgende Verarbeitungen haben wir für diese Auskunft nicht durchsucht: Briefpost.');
    expect(pdf).toContain('Webanalyse: Google Ireland Ltd. verarbeitet diese Daten in unserem Auftrag');
    expect(pdf).toContain('In 1 Datensatz haben wir Angaben geschwärzt.');
    expect(pdf).toContain('Art. 15 Abs. 4 DSGVO');
    expect(pdf).toContain('für uns zuständig ist LfDI Baden-Württemberg');
    expect(pdf).toContain('gerichtlich gegen uns vorgehen (Art. 79 DSGVO)');
    // Web logs have no origin in the register: the letter says so instead of "from you".
    expect(pdf).toContain('Woher diese Daten stammen, ist in unserem Verzeichnis der Verarbeitungstätigkeiten nicht angegeben.');
    expect(report.registerGaps).toEqual([{ activity: 'web-logs', missing: 'source' }]);
    expect(data.limits).toMatchObject({ redactedItems: 1, reasonCategories: ['art-15-4'], notSearched: [{ id: 'letters' }], confirmedNoData: [] });
    expect(summary.notSearched.map((a) => a.id)).toEqual(['letters']);
    expect(pdf).not.toContain('Erika Muster');

    const en = await exportTo(c, 'answer', 'en');
    expect(en.pdf).toContain('Scope and limits of this answer');
    expect(en.pdf).toContain('take legal action against us (Art. 79 GDPR)');
  });

  it('names no remedy for held-back data when nothing is held back', async () => {
    const c = await searchedLetterCase();
    const { pdf } = await exportTo(c, 'antwort');
    expect(pdf).toContain('Wir haben nichts geschwärzt und nichts zurückgehalten.');
    expect(pdf).not.toContain('Art. 79');
  });

  it('states an activity the officer checked by hand as holding no data ("keine Daten")', async () => {
    const c = await searchedLetterCase();
    confirmNoData(c.db, c.caseId, ['letters'], register, { actor: 'officer' });
    const { pdf, data, report, summary } = await exportTo(c, 'antwort');
    expect(pdf).toContain('Folgende Verarbeitungen haben wir von Hand geprüft; sie enthalten keine Daten über Sie: Briefpost.');
    expect(pdf).not.toContain('nicht durchsucht');
    expect(data.limits).toMatchObject({ notSearched: [], confirmedNoData: [{ id: 'letters' }] });
    expect(report.coverage).toEqual({ notSearched: [], confirmedNoData: ['letters'] });
    expect(summary.notSearched).toEqual([]);
    expect(() => confirmNoData(c.db, c.caseId, ['brief'], register)).toThrow(/unknown activity brief/);
  });

  it('lists records older than their retention period in the internal report (Art. 5(1)(e))', async () => {
    const c = await searchedLetterCase();
    const { report, summary } = await exportTo(c, 'antwort');
    expect(report.retentionWarnings).toEqual([expect.objectContaining({ source: 'weblog', activity: 'web-logs', retentionDays: 21, ageDays: 50 })]);
    expect(summary.retentionWarnings).toHaveLength(1);
    expect(pdfText(join(summary.internDir, 'Bericht-intern.pdf'))).toContain('Speicherdauer überschritten (Art. 5 Abs. 1 lit. e DSGVO)');
  });

  it('follows the officer\'s activity override: an invoice mail is listed under orders, not contact', async () => {
    const c = await searchedLetterCase();
    const invoice = c.findings.find((f) => f.source === 'archive' && f.title.includes('Rechnung'))!;
    setFindingActivities(c.db, c.caseId, invoice.id, ['orders'], register, { actor: 'officer' });
    const { data, pdf } = await exportTo(c, 'antwort');
    const item = data.items.find((i) => i.id === invoice.id)!;
    expect(item.activities).toEqual(['orders']);
    expect(data.activities.find((a) => a.id === 'orders')!.items).toContain(item.no);
    expect(data.activities.find((a) => a.id === 'contact-email')!.items).not.toContain(item.no);
    expect(pdf).toMatch(/Nr\. \d+: Rechnung 2026-17 .*Verarbeitung: Bestellungen/);
    expect(() => setFindingActivities(c.db, c.caseId, invoice.id, ['nope'], register)).toThrow(/unknown activity nope/);
  });

  it('writes the "no data" letter without denying the processing of the request itself', async () => {
    const c = await searchedLetterCase(NOBODY);
    decideFindings(c.db, c.caseId, c.findings.map((f) => f.id), { state: 'excluded', reason: 'not about the person' });
    const { data, pdf } = await exportTo(c, 'antwort');
    expect(data.dataProcessed).toBe(false);
    expect(pdf).toContain('Über Ihr Ersuchen selbst und seine Bearbeitung hinaus');
    expect(pdf).not.toContain('Wir verarbeiten keine personenbezogenen Daten über Sie.');
    expect(pdf).toContain('Umfang und Grenzen dieser Auskunft');
  });
});
