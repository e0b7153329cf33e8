import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAuditLog } from '../../../src/core/review/auditLog.js';
import type { CaseId } from '../../../src/core/store/ids.js';
import { openCaseStore } from '../../../src/core/store/openCaseStore.js';
import { SearchResultSchema } from '../../../src/shared/findings.js';
import { pdfText } from '../export/exportFixture.js';
import { REPO_ROOT, runCli, tempDir } from '../helpers/runCli.js';

const SAMPLE = join(REPO_ROOT, 'assets', 'sample');
const NAT = join(REPO_ROOT, 'tests', 'fixtures', 'guard', 'office-nat');

/** The sample person, who also listed the company's sales mailbox and switchboard (as people copy them from a letterhead). */
const GUARDED_SUBJECT = `name: Jürgen Weiß
emails: [J.Weiss@Beispiel-GmbH.de, vertrieb@fluxpunkt.example]
phones: ["0711 12345678", "+49 7022 7896848-0"]
customerIds: [K-10442]
ips: [203.0.113.77, "2001:db8::7"]
`;

describe('identifier guard in the CLI', { timeout: 180_000 }, () => {
  it('search with a guarded identifier proceeds, downgrades its matches to weak and names it on stderr and in the JSON', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'subject.yaml'), GUARDED_SUBJECT);
    const out = join(dir, 'findings.json');
    const run = await runCli(['search', '--workspace', join(SAMPLE, 'auskunft.yaml'), '--subject', join(dir, 'subject.yaml'), '--out', out]);
    expect(run.code, run.stderr).toBe(0); // a guarded identifier is a warning, not an error
    expect(run.stderr).toMatch(/warning: email vertrieb@fluxpunkt\.example is the controller's own address .*count as weak/);
    expect(run.stderr).toMatch(/warning: phone \+49702278968480 is the controller's switchboard/);

    const result = SearchResultSchema.parse(JSON.parse(readFileSync(out, 'utf8')));
    expect(result.identifierWarnings?.map((w) => [w.kind, w.type, w.value])).toEqual([
      ['controller-address', 'email', 'vertrieb@fluxpunkt.example'],
      ['switchboard', 'phone', '+49702278968480'],
    ]);
    const guarded = result.findings.flatMap((f) => f.matches.filter((m) => m.guard).map((m) => ({ f, m })));
    expect(guarded.length).toBeGreaterThan(0);
    for (const { m } of guarded) expect(m).toMatchObject({ type: 'email', value: 'vertrieb@fluxpunkt.example', guard: 'controller-address' });
    // A mail that only the sales mailbox and the name tie to the person is weak; the person's own address still makes findings strong.
    const onlyGuarded = result.findings.filter((f) => f.matches.every((m) => m.guard || m.type === 'name'));
    expect(onlyGuarded.length).toBeGreaterThan(0);
    expect(onlyGuarded.every((f) => f.strength === 'weak')).toBe(true);
    expect(result.findings.some((f) => f.strength === 'strong' && f.matches.some((m) => m.value === 'j.weiss@beispiel-gmbh.de'))).toBe(true);
  });

  it('holds the lines of an over-broad NAT address for review and names it', async () => {
    const dir = tempDir();
    const out = join(dir, 'findings.json');
    const run = await runCli(['search', '--workspace', join(NAT, 'auskunft.yaml'), '--subject', join(NAT, 'subject.yaml'), '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/warning: ip 198\.51\.100\.10 alone matched 47 of 120 records scanned in source weblog/);
    const result = SearchResultSchema.parse(JSON.parse(readFileSync(out, 'utf8')));
    expect(result.identifierWarnings).toEqual([expect.objectContaining({ kind: 'over-broad', type: 'ip', value: '198.51.100.10', source: 'weblog', findings: 47 })]);
    expect(result.findings).toHaveLength(48);
    const strong = result.findings.filter((f) => f.strength === 'strong');
    expect(strong.map((f) => f.locator.line)).toEqual([41]); // the one line that also carries the person's email
    expect(result.findings.filter((f) => f.strength === 'weak').every((f) => f.matches.every((m) => m.guard === 'over-broad'))).toBe(true);
  });

  it('run includes only what a verified identifier matched and holds the rest, naming each unverified identifier', async () => {
    const dir = tempDir();
    const db = join(dir, 'cases.db');
    const out = join(dir, 'antwort');
    const run = await runCli([
      'run', '--workspace', join(SAMPLE, 'auskunft.yaml'), '--subject', join(SAMPLE, 'subject.yaml'), '--out', out, '--received', '2024-01-31', '--db', db,
      '--verify', 'J.Weiss@beispiel-gmbh.de=knownContact:Antwort von der bekannten Adresse',
    ]);
    expect(run.code, run.stderr).toBe(3); // written, but strong findings are still pending
    const caseId = run.stdout.trim();
    expect(run.stderr).toMatch(/warning: ip 203\.0\.113\.77 is not verified: 2 strong finding\(s\) matched only by unverified identifiers are held for review/);
    expect(run.stderr).toMatch(/warning: customerId K-10442 is not verified/);
    expect(run.stderr).toMatch(/held for review \(\d+ strong but matched only by unverified identifiers\)/);

    const report = JSON.parse(readFileSync(join(`${out}.intern`, 'Bericht-intern.json'), 'utf8')) as {
      identifiers: { type: string; value: string; verification: { method: string; note: string; by: string } | null }[];
      heldForReview: { source: string; strength: string; unverifiedOnly: boolean }[];
    };
    expect(report.identifiers.find((i) => i.type === 'email')!.verification).toMatchObject({ method: 'knownContact', note: 'Antwort von der bekannten Adresse' });
    expect(report.identifiers.find((i) => i.type === 'ip' && i.value === '203.0.113.77')!.verification).toBeNull();
    const reportPdf = pdfText(join(`${out}.intern`, 'Bericht-intern.pdf'));
    expect(reportPdf).toContain('Identifikatoren und ihre Prüfung');
    expect(reportPdf).toMatch(/knownContact: Antwort von der bekannten Adresse/);
    expect(reportPdf).toMatch(/203\.0\.113\.77\s+nicht geprüft/);
    const weblogHeld = report.heldForReview.filter((h) => h.source === 'weblog');
    expect(weblogHeld).toHaveLength(2);
    expect(weblogHeld.every((h) => h.strength === 'strong' && h.unverifiedOnly)).toBe(true);

    // The audit chain carries the verification, without the identifier itself.
    const store = openCaseStore(db);
    const created = readAuditLog(store, caseId as CaseId).find((e) => e.action === 'case.created')!;
    store.close();
    expect(created.detail['verifications']).toContainEqual(expect.objectContaining({ type: 'email', method: 'knownContact', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }));
    expect(created.detail['verifications']).toContainEqual({ type: 'ip', sha256: expect.any(String), method: null });
    expect(created.detailJson).not.toContain('j.weiss@beispiel-gmbh.de');
    expect((await runCli(['audit', 'verify', caseId, '--db', db])).code).toBe(0);

    // Verified later: recorded and audited; the held findings stay pending until decided.
    const verify = await runCli(['case', 'verify', caseId, '--verify', '203.0.113.77=callback:Rückruf bestätigt', '--db', db]);
    expect(verify.code, verify.stderr).toBe(0);
    expect(verify.stderr).toMatch(/verification recorded for 1 identifier/);
    expect((await runCli(['audit', 'verify', caseId, '--db', db])).code).toBe(0);
  });

  it('case create shows the normal forms, merges duplicates and warns about an open case for the same person', async () => {
    const dir = tempDir();
    const db = join(dir, 'cases.db');
    writeFileSync(join(dir, 'a.yaml'), 'name: Jürgen Weiß\nemails: [J.Weiss@Beispiel-GmbH.de, j.weiss@beispiel-gmbh.de]\nips: ["2001:0db8:0:0::7"]\n');
    writeFileSync(join(dir, 'b.yaml'), 'name: J. Weiß\nemails: [j.weiss@BEISPIEL-gmbh.de]\n');
    const args = (subject: string) => ['case', 'create', '--workspace', join(SAMPLE, 'auskunft.yaml'), '--subject', join(dir, subject), '--received', '2026-01-05', '--db', db, '--verify', 'knownContact'];
    const first = await runCli(args('a.yaml'));
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/email j\.weiss@beispiel-gmbh\.de: merged 2 entries/);
    expect(first.stderr).toMatch(/ip "2001:0db8:0:0::7" is searched as 2001:db8::7/);
    expect(first.stderr).not.toMatch(/open case/);
    const second = await runCli(args('b.yaml'));
    expect(second.code, second.stderr).toBe(0);
    expect(second.stderr).toContain(`warning: open case ${first.stdout.trim()} already has email j.weiss@beispiel-gmbh.de`);
  });

  it('refuses a verification for an identifier the subject does not have, storing nothing', async () => {
    const dir = tempDir();
    const run = await runCli(['case', 'create', '--workspace', join(SAMPLE, 'auskunft.yaml'), '--subject', join(SAMPLE, 'subject.yaml'), '--received', '2026-01-05', '--db', join(dir, 'cases.db'), '--verify', 'someone@else.example=callback']);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/someone@else\.example.*no such identifier/);
  });
});
