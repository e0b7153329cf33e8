import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli, tempDir } from '../helpers/runCli.js';
import { pdfText, schemaValidator } from './exportFixture.js';

const SAMPLE = join(REPO_ROOT, 'assets', 'sample');

describe('auskunft run (the sample workspace end to end)', { timeout: 180_000 }, () => {
  it('creates a case, includes strong findings, holds weak ones and writes a verified package', async () => {
    const dir = tempDir();
    const out = join(dir, 'antwort');
    const run = await runCli([
      'run', '--workspace', join(SAMPLE, 'auskunft.yaml'), '--subject', join(SAMPLE, 'subject.yaml'), '--out', out, '--received', '2024-01-31', '--db', join(dir, 'cases.db'),
      // Every identifier of the sample person is on file in their customer account.
      '--verify', 'customerAccount:Kundenkonto K-10442 mit Adresse, Telefon und IP der Bestellung',
    ]);
    // 3: the mail with another customer's list attached waits for the officer (third-party data).
    expect(run.code, run.stderr).toBe(3);
    const caseId = run.stdout.trim();
    expect(caseId).toMatch(/^AUS-2024-0001-[0-9A-Z]{4}$/);
    expect(run.stderr).toMatch(/strong finding\(s\) included, 2 held for review/);
    expect(run.stderr).toMatch(/1 weak finding\(s\) \(name only\) are held for review/);

    const data = JSON.parse(readFileSync(join(out, 'data.json'), 'utf8')) as { dataProcessed: boolean; items: { title: string }[]; case: { deadline: { due: string } } };
    expect(schemaValidator('data')(data)).toBe(true);
    expect(data.dataProcessed).toBe(true);
    expect(data.case.deadline.due).toBe('2024-02-29'); // leap year
    expect(data.items.map((i) => i.title)).not.toContain('Termin'); // the weak, name-only finding

    const report = JSON.parse(readFileSync(join(`${out}.intern`, 'Bericht-intern.json'), 'utf8')) as { heldForReview: { title: string; strength: string }[] };
    expect(report.heldForReview).toHaveLength(2);
    expect(report.heldForReview).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ title: 'Offene Posten', strength: 'strong', reason: expect.stringMatching(/^enthält Daten Dritter.*offene-posten\.csv/) }),
        expect.objectContaining({ title: 'Termin', strength: 'weak', reason: null }),
      ]),
    );
    const text = pdfText(join(out, 'Auskunft.pdf'));
    expect(text).toContain('Auskunft nach Art. 15 DSGVO');
    expect(text).toContain('endet am 29.02.2024');
    expect(text).toContain('Kopie Ihrer Daten');
    expect((await runCli(['verify', out])).code).toBe(0);
    expect((await runCli(['audit', 'verify', caseId, '--db', join(dir, 'cases.db')])).code).toBe(0);
  });

  it('writes a clear "no data" letter when nothing about the person is found', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'nobody.yaml'), 'name: Zoë Ødegård\nemails: [zoe.odegard@nirgendwo.example]\n');
    const out = join(dir, 'antwort');
    const run = await runCli(['run', '--workspace', join(SAMPLE, 'auskunft.yaml'), '--subject', join(dir, 'nobody.yaml'), '--out', out, '--db', join(dir, 'cases.db')]);
    expect(run.code, run.stderr).toBe(0);
    const text = pdfText(join(out, 'Auskunft.pdf'));
    expect(text).toContain('Guten Tag Zoë Ødegård,');
    // Not a denial of all processing: the request itself and its handling are processed.
    expect(text).toContain('Über Ihr Ersuchen selbst und seine Bearbeitung hinaus');
    expect(text).not.toContain('Wir verarbeiten keine personenbezogenen Daten über Sie.');
    expect(text).toContain('Umfang und Grenzen dieser Auskunft');
    expect(text).toContain('Verarbeitungen ohne eigene Kopie');
    expect(text).toContain('Beschwerde bei einer Aufsichtsbehörde (Art. 77 DSGVO)');
    expect(text).not.toContain('Dies ist die Kopie der Daten über Sie');
    const data = JSON.parse(readFileSync(join(out, 'data.json'), 'utf8')) as { dataProcessed: boolean; items: unknown[] };
    expect(schemaValidator('data')(data)).toBe(true);
    expect(data).toMatchObject({ dataProcessed: false, items: [] });
    expect(existsSync(join(out, 'files'))).toBe(true);

    const en = join(dir, 'answer');
    const english = await runCli(['run', '--workspace', join(SAMPLE, 'auskunft.yaml'), '--subject', join(dir, 'nobody.yaml'), '--out', en, '--lang', 'en', '--db', join(dir, 'cases.db')]);
    expect(english.code, english.stderr).toBe(0);
    expect(pdfText(join(en, 'Access.pdf'))).toContain('we do not process any personal data about you');
  });

  it('stops with one line and writes nothing when an input is unusable', async () => {
    const dir = tempDir();
    const out = join(dir, 'antwort');
    const run = await runCli(['run', '--workspace', join(dir, 'missing.yaml'), '--subject', join(SAMPLE, 'subject.yaml'), '--out', out, '--db', join(dir, 'cases.db')]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/missing\.yaml: file not found/);
    expect(existsSync(out)).toBe(false);
  });
});
