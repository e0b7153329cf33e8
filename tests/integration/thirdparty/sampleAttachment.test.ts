import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
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

    const data = JSON.parse(readFileSync(join(out, 'data.json'), 'utf8')) as { items: { title: string }[] };
    expect(data.items.map((i) => i.title)).not.toContain('Offene Posten');
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
});
