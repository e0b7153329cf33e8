import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { pdfText } from '../export/exportFixture.js';
import { REPO_ROOT, runCli, tempDir } from '../helpers/runCli.js';

const SAMPLE = join(REPO_ROOT, 'assets', 'sample');

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)));
}

/** Every file inside the encrypted ZIP, as 7z lists it. */
function zipEntries(zip: string, password: string): string[] {
  const out = execFileSync('7z', ['l', '-slt', `-p${password}`, zip], { encoding: 'utf8' });
  return [...out.matchAll(/^Path = (.+)$/gm)].map((m) => m[1]!).filter((p) => p !== zip);
}

function zipFile(zip: string, password: string, entry: string): Buffer {
  return execFileSync('7z', ['x', '-so', `-p${password}`, zip, entry]);
}

describe('auskunft run: the sample mail whose CSV attachment lists another customer', { timeout: 180_000 }, () => {
  it('holds it for review instead of shipping the other customer in files/ and the ZIP', async () => {
    const dir = tempDir();
    const out = join(dir, 'antwort');
    const db = join(dir, 'cases.db');
    const env = { AUSKUNFT_TEST_ZIP: 'geheim-1234-abcd' };
    const run = await runCli(['run', '--workspace', join(SAMPLE, 'auskunft.yaml'), '--subject', join(SAMPLE, 'subject.yaml'), '--out', out, '--received', '2024-12-20', '--db', db, '--password-env', 'AUSKUNFT_TEST_ZIP'], { env });
    // 3: written, but a strong finding waits for the officer.
    expect(run.code, run.stderr).toBe(3);
    // Named, with where it is: the officer knows which item waits and why.
    expect(run.stderr).toMatch(/enthält Daten Dritter.*offene-posten\.csv/);

    const data = JSON.parse(readFileSync(join(out, 'data.json'), 'utf8')) as { items: { title: string }[]; redactions: { records: number } };
    expect(data.items.map((i) => i.title)).not.toContain('Offene Posten');
    // Nothing was redacted, so the letter must not say that anything was removed.
    expect(data.redactions.records).toBe(0);
    expect(pdfText(join(out, 'Auskunft.pdf'))).not.toMatch(/Angaben über Dritte entfernt/);
    const files = listFiles(join(out, 'files'));
    expect(files.some((f) => f.endsWith('offene-posten.csv'))).toBe(false);
    for (const f of files) expect(readFileSync(join(out, 'files', f)).toString('latin1')).not.toContain('K-20001');
    const zip = join(out, 'Auskunft.zip');
    const entries = zipEntries(zip, env.AUSKUNFT_TEST_ZIP);
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.some((e) => e.endsWith('offene-posten.csv'))).toBe(false);
    for (const e of entries.filter((e) => !e.endsWith('/') && /\.(csv|txt|eml|json)$/.test(e))) {
      expect(zipFile(zip, env.AUSKUNFT_TEST_ZIP, e).toString('latin1')).not.toContain('K-20001');
    }
  });

  it('ships the CSV with the other customer\'s row blanked once the officer redacts it, and never the original', async () => {
    const dir = tempDir();
    const out = join(dir, 'antwort');
    const db = join(dir, 'cases.db');
    const env = { AUSKUNFT_TEST_ZIP: 'geheim-1234-abcd' };
    const run = await runCli(['run', '--workspace', join(SAMPLE, 'auskunft.yaml'), '--subject', join(SAMPLE, 'subject.yaml'), '--out', out, '--received', '2024-12-20', '--db', db]);
    expect(run.code, run.stderr).toBe(3);
    const caseId = run.stdout.trim();
    const report = JSON.parse(readFileSync(join(`${out}.intern`, 'Bericht-intern.json'), 'utf8')) as { heldForReview: { finding: string; title: string }[] };
    const held = report.heldForReview.find((h) => h.title === 'Offene Posten')!;

    // `case show` says why it waits; the officer takes what the review suggests (core/thirdParty):
    // the other customer's whole row in the CSV, and the tax adviser's address in To.
    const show = await runCli(['case', 'show', caseId, '--db', db]);
    expect(show.stdout).toMatch(new RegExp(`${held.finding} +strong +pending .*Offene Posten \\(enthält Daten Dritter`));
    const decide = (args: string[]) => runCli(['case', 'decide', caseId, '--finding', held.finding, ...args, '--db', db]);
    const suggested = await decide(['--redact-suggested']);
    expect(suggested.code, suggested.stderr).toBe(0);
    expect(suggested.stderr).toMatch(/added to [0-9a-f]+: Art\. 15 Abs\. 4 DSGVO: Datensatz einer anderen Person/);
    expect(suggested.stderr).toMatch(/added to [0-9a-f]+: Art\. 15 Abs\. 4 DSGVO: E-Mail-Adresse einer anderen Person/);
    expect(suggested.stderr.match(/redaction \d+ added/g)).toHaveLength(2);
    expect((await decide(['--include'])).code).toBe(0);
    const final = join(dir, 'final');
    const exported = await runCli(['export', caseId, '--out', final, '--db', db, '--password-env', 'AUSKUNFT_TEST_ZIP'], { env });
    expect(exported.stderr).toMatch(/redacted record/);

    const files = listFiles(join(final, 'files'));
    const csvPath = files.find((f) => f.endsWith('offene-posten (geschwärzt).csv'));
    expect(csvPath, files.join('\n')).toBeDefined();
    expect(files.some((f) => f.endsWith('/offene-posten.csv') || f.endsWith('.eml') && f.includes(csvPath!.split('/')[0]!))).toBe(false);
    // Same format as the original: windows-1252, ";" and CRLF; the subject's row as it was, the other customer's cells empty.
    const csv = iconv.decode(readFileSync(join(final, 'files', csvPath!)), 'windows-1252');
    expect(csv).toBe('Kundennummer;Name;Betrag\r\nK-10442;Jürgen Weiß;1.200,00\r\n;;\r\n');
    for (const f of files) expect(readFileSync(join(final, 'files', f)).toString('latin1')).not.toMatch(/K-20001|Erika Muster/);

    // Now the letter says so, and counts the one record.
    expect(pdfText(join(final, 'Auskunft.pdf'))).toMatch(/in 1 Datensatz Angaben über Dritte entfernt/);

    // The manifest hashes the redacted copy; the package verifies.
    const manifest = JSON.parse(readFileSync(join(final, 'manifest.json'), 'utf8')) as { files: { path: string }[] };
    expect(manifest.files.map((f) => f.path)).toContain(`files/${csvPath}`);
    expect((await runCli(['verify', final])).code).toBe(0);

    const zip = join(final, 'Auskunft.zip');
    expect(existsSync(zip)).toBe(true);
    const entries = zipEntries(zip, env.AUSKUNFT_TEST_ZIP);
    expect(entries.some((e) => e.endsWith('offene-posten (geschwärzt).csv'))).toBe(true);
    expect(entries.some((e) => e.endsWith('/offene-posten.csv'))).toBe(false);
    const zipped = entries.find((e) => e.endsWith('offene-posten (geschwärzt).csv'))!;
    expect(iconv.decode(zipFile(zip, env.AUSKUNFT_TEST_ZIP, zipped), 'windows-1252')).toBe(csv);
  });
});

describe('case decide --redact on one finding', { timeout: 120_000 }, () => {
  it('refuses a text the finding and its attachments do not hold: it would remove nothing, yet the letter would say so', async () => {
    const dir = tempDir();
    const db = join(dir, 'cases.db');
    const created = await runCli(['case', 'create', '--workspace', join(SAMPLE, 'auskunft.yaml'), '--subject', join(SAMPLE, 'subject.yaml'), '--received', '2024-12-20', '--db', db]);
    const caseId = created.stdout.trim();
    expect((await runCli(['case', 'search', caseId, '--db', db])).code).toBe(0);
    const show = await runCli(['case', 'show', caseId, '--db', db]);
    const finding = /^([0-9a-f]{16}) .*Offene Posten/m.exec(show.stdout)![1]!;
    const typo = await runCli(['case', 'decide', caseId, '--finding', finding, '--redact', 'Erika Musterfrau', '--reason', 'Art. 15(4)', '--db', db]);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/does not contain "Erika Musterfrau" \(nor do its attachments\)/);
    // Text only the CSV attachment holds is accepted.
    expect((await runCli(['case', 'decide', caseId, '--finding', finding, '--redact', 'Erika Muster', '--reason', 'Art. 15(4)', '--db', db])).code).toBe(0);
  });
});
