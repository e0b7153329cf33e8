import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SearchResult } from '../../../src/shared/findings.js';
import { renderScan } from '../connectors/documents/renderScan.js';
import { runCli, TEST_CONTROLLER, TEST_REGISTER, tempDir, writeFiles, type CliRun } from '../helpers/runCli.js';

/**
 * OCR needs nothing from the network: the compiled CLI reads a scanned letter inside a network
 * namespace with no interfaces up (`unshare -n`), so tesseract.js cannot have fetched its models or
 * its WASM core. And the OCR text cache in the case store: a second case search reads from it, and
 * `auskunft cache clear` empties it.
 */

const dir = tempDir('auskunft-ocr-cli-');
const db = join(dir, 'faelle.db');

const offline = (args: string[]): Promise<CliRun> => runCli(args, { via: ['unshare', '-n', '--'] });

beforeAll(() => {
  writeFiles(dir, {
    'register.yaml': TEST_REGISTER,
    'auskunft.yaml': `${TEST_CONTROLLER}register: register.yaml\nsources:\n  - { id: post, type: documents, path: eingang/, activities: [contact-email] }\n`,
    'subject.yaml': 'name: Jürgen Weiß\nemails: [j.weiss@beispiel-gmbh.de]\ncustomerIds: [K-10442]\n',
  });
  renderScan(join(dir, 'eingang', 'brief.png'), ['Sehr geehrte Damen und Herren,', 'Kundennummer: K-10442', 'E-Mail: j.weiss@beispiel-gmbh.de', 'Jürgen Weiß']);
});

describe('OCR offline and its cache', () => {
  it('reads a scan with no network at all', async () => {
    const out = join(dir, 'funde.json');
    const run = await offline(['search', '--workspace', join(dir, 'auskunft.yaml'), '--subject', join(dir, 'subject.yaml'), '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(readFileSync(out, 'utf8')) as SearchResult;
    expect(result.findings).toEqual([expect.objectContaining({ locator: { path: 'eingang/brief.png', page: 1 }, strength: 'strong' })]);
    expect(result.findings[0]!.matches.map((m) => m.field)).toEqual(['ocr', 'ocr', 'ocr']);
    // tesseract.js's progress and diagnostics stay out of the officer's terminal.
    expect(run.stdout).toBe('');
    expect(run.stderr).not.toMatch(/tesseract|Invalid resolution|too small/i);
  }, 120_000);

  it('keeps the OCR text in the case store and purges it on `cache clear`', async () => {
    const created = await runCli(['case', 'create', '--workspace', join(dir, 'auskunft.yaml'), '--subject', join(dir, 'subject.yaml'), '--received', '2026-12-01', '--db', db]);
    expect(created.code, created.stderr).toBe(0);
    const caseId = created.stdout.trim();
    expect((await runCli(['case', 'search', caseId, '--db', db])).code).toBe(0);
    expect((await runCli(['cache', 'show', '--db', db])).stderr).toMatch(/^1 cached page of OCR text/);
    // The second search finds the same from the cache (the file is the same, so is its SHA-256).
    const again = await runCli(['case', 'search', caseId, '--db', db]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/1 strong/);
    const cleared = await runCli(['cache', 'clear', '--db', db]);
    expect(cleared.stderr).toMatch(/removed 1 cached page of OCR text/);
    expect((await runCli(['cache', 'show', '--db', db])).stderr).toMatch(/^0 cached pages/);
    // Six CLI runs, one of them OCR: 30 s is too tight when the two cores are shared.
  }, 120_000);
});
