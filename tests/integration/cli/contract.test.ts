import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SearchResultSchema, type SearchResult } from '../../../src/shared/findings.js';
import { runCli, REPO_ROOT, tempDir } from '../helpers/runCli.js';

/**
 * Acceptance test of the search contract: `tests/fixtures/examples/contract/` with its expected result
 * (the table in its README). If this fails, users' scripts break.
 */
describe('contract example (tests/fixtures/examples/contract)', () => {
  it('gives exactly the documented findings, sources and warnings, with exit code 0', async () => {
    const dir = tempDir();
    cpSync(join(REPO_ROOT, 'tests', 'fixtures', 'examples', 'contract'), dir, { recursive: true });
    const out = join(dir, 'findings.json');
    const run = await runCli(['search', '--workspace', join(dir, 'auskunft.yaml'), '--subject', join(dir, 'subject.yaml'), '--out', out]);
    expect(run.code, run.stderr).toBe(0);

    const result: SearchResult = SearchResultSchema.parse(JSON.parse(readFileSync(out, 'utf8')));
    const found = result.findings.map((f) => [f.source, f.locator.messageId ?? f.locator.line, f.strength]);
    expect(found).toEqual([
      ['mail', 'a1@example.test', 'strong'],
      ['mail', 'a2@example.test', 'strong'],
      ['mail', 'a3@example.test', 'weak'],
      ['crm', 2, 'strong'],
      ['weblog', 1, 'strong'],
    ]);

    const byKey = new Map(result.findings.map((f) => [`${f.source}:${f.locator.messageId ?? f.locator.line}`, f]));
    expect(byKey.get('mail:a1@example.test')!.matches).toContainEqual(expect.objectContaining({ type: 'email', value: 'anna.mueller@example.de' }));
    expect(byKey.get('mail:a2@example.test')!.matches).toContainEqual(expect.objectContaining({ type: 'phone' }));
    expect(byKey.get('mail:a3@example.test')!.matches.map((m) => m.type)).toEqual(['name']);
    expect(byKey.get('crm:2')!.matches.map((m) => m.type)).toEqual(expect.arrayContaining(['email', 'phone']));
    expect(byKey.get('weblog:1')!.matches).toContainEqual(expect.objectContaining({ type: 'ip', value: '198.51.100.23' }));
    expect(byKey.get('mail:a1@example.test')!.activities).toEqual(['contact-email']);
    expect(byKey.get('crm:2')!.activities).toEqual(['orders']);
    expect(byKey.get('mail:a1@example.test')!.locator).toMatchObject({ path: 'mail.mbox', offset: 0 });

    expect(result.sources.map((s) => [s.id, s.type, s.status, s.error])).toEqual([
      ['mail', 'mbox', 'ok', null],
      ['crm', 'table', 'ok', null],
      ['weblog', 'weblog', 'ok', null],
    ]);
    const weblog = result.sources.find((s) => s.id === 'weblog')!;
    expect(weblog.warnings.map((w) => w.locator)).toEqual([{ line: 2 }]);
    expect(weblog.scanned).toBe(3);
    expect(result.sources.find((s) => s.id === 'mail')!.warnings).toEqual([]);
    // Added with the identifier guard: the example person has no guarded or over-broad identifier.
    expect(result.identifierWarnings).toEqual([]);
    expect(result.findings.flatMap((f) => f.matches).some((m) => m.guard !== undefined)).toBe(false);
  });
});
