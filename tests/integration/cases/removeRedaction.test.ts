import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCase } from '../../../src/core/cases/openCase.js';
import { addRedaction } from '../../../src/core/review/addRedaction.js';
import { readAuditLog } from '../../../src/core/review/auditLog.js';
import { loadReview } from '../../../src/core/review/loadReview.js';
import { removeRedaction } from '../../../src/core/review/removeRedaction.js';
import { ReviewError } from '../../../src/core/review/reviewError.js';
import { verifyAuditLog } from '../../../src/core/review/verifyAuditLog.js';
import { openCaseStore } from '../../../src/core/store/openCaseStore.js';
import { recordSearchRun } from '../../../src/core/store/recordSearchRun.js';
import { sampleFinding, sampleResult } from '../store/sampleSearchResult.js';
import { createSampleCase, runCli, tempDir } from '../helpers/runCli.js';

function storeWithCase() {
  const db = openCaseStore(join(tempDir(), 'cases.db'));
  const c = openCase(db, { receivedOn: '2026-01-31', subject: sampleResult().subject, workspacePath: '/w/auskunft.yaml' }, { actor: 'officer' });
  recordSearchRun(db, c.id, sampleResult([sampleFinding(1), sampleFinding(2)]), { startedAt: new Date(), finishedAt: new Date(), workspacePath: '/w/auskunft.yaml' });
  return { db, caseId: c.id };
}

describe('removing a redaction', () => {
  it('deletes it, logs who took it back and why (never the text), and the log still verifies', () => {
    const { db, caseId } = storeWithCase();
    const kept = addRedaction(db, caseId, 'crm:1', 'Erika Muster', 'Art. 15(4): third party');
    const wrong = addRedaction(db, caseId, 'crm:1', 'Beispiel GmbH', 'Art. 15(4): third party');
    const removed = removeRedaction(db, caseId, wrong.id, { reason: 'Firma des Antragstellers, kein Dritter', findingId: 'crm:1', actor: 'officer' });
    expect(removed).toMatchObject({ id: wrong.id, findingId: 'crm:1', text: 'Beispiel GmbH' });
    expect(loadReview(db, caseId).redactions.map((r) => r.id)).toEqual([kept.id]);

    const log = readAuditLog(db, caseId);
    expect(log.at(-1)).toMatchObject({
      action: 'finding.unredacted',
      actor: 'officer',
      detail: { redaction: wrong.id, finding: 'crm:1', reason: 'Firma des Antragstellers, kein Dritter', redactedFor: 'Art. 15(4): third party', textSha256: log.at(-2)!.detail['textSha256'] },
    });
    expect(JSON.stringify(log)).not.toContain('Beispiel GmbH');
    expect(verifyAuditLog(db, caseId).problems).toEqual([]);
    db.close();
  });

  it('still catches a redaction deleted behind the log', () => {
    const { db, caseId } = storeWithCase();
    const a = addRedaction(db, caseId, null, 'kanzlei.example', 'Art. 15(4): adviser');
    const b = addRedaction(db, caseId, 'crm:2', 'Erika Muster', 'third party');
    removeRedaction(db, caseId, a.id);
    db.prepare(`DELETE FROM redactions WHERE id = ?`).run(b.id);
    expect(verifyAuditLog(db, caseId).problems.map((p) => p.message)).toEqual([`entry 3: redaction ${b.id} is missing from the table`]);
    db.close();
  });

  it('refuses an unknown redaction or one of another finding, and logs nothing then', () => {
    const { db, caseId } = storeWithCase();
    const r = addRedaction(db, caseId, 'crm:1', 'Erika Muster', 'third party');
    const caseWide = addRedaction(db, caseId, null, 'kanzlei.example', 'adviser');
    expect(() => removeRedaction(db, caseId, 999)).toThrow(ReviewError);
    expect(() => removeRedaction(db, caseId, 999)).toThrow(/has no redaction 999/);
    expect(() => removeRedaction(db, caseId, r.id, { findingId: 'crm:2' })).toThrow(/belongs to finding crm:1, not to finding crm:2/);
    expect(() => removeRedaction(db, caseId, caseWide.id, { findingId: 'crm:1' })).toThrow(/belongs to the whole case/);
    expect(() => removeRedaction(db, caseId, 0)).toThrow(/not a redaction number/);
    expect(readAuditLog(db, caseId).filter((e) => e.action === 'finding.unredacted')).toEqual([]);
    expect(loadReview(db, caseId).redactions).toHaveLength(2);
    db.close();
  });
});

describe('auskunft case decide --unredact', { timeout: 180_000 }, () => {
  it('takes a redaction back so the text is in the export again, and says what is wrong in one line', async () => {
    const dir = tempDir();
    const db = join(dir, 'cases.db');
    const caseId = await createSampleCase(db);
    expect((await runCli(['case', 'search', caseId, '--db', db])).code).toBe(0);
    expect((await runCli(['case', 'decide', caseId, '--strong', '--include', '--db', db])).code).toBe(0);
    // A word of every letter's greeting, redacted case-wide by mistake.
    const redacted = await runCli(['case', 'decide', caseId, '--redact', 'Beispiel', '--reason', 'Art. 15(4): Dritte', '--db', db]);
    expect(redacted.code, redacted.stderr).toBe(0);
    const id = /redaction (\d+) added/.exec(redacted.stdout + redacted.stderr)![1]!;

    const bad = await runCli(['case', 'decide', caseId, '--unredact', 'abc', '--db', db]);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/--unredact takes redaction numbers/);
    const unknown = await runCli(['case', 'decide', caseId, '--unredact', '4711', '--db', db]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/has no redaction 4711/);

    const before = join(dir, 'vorher');
    expect((await runCli(['export', caseId, '--out', before, '--db', db])).code).toBe(0);
    const undo = await runCli(['case', 'decide', caseId, '--unredact', id, '--reason', 'Firmenname des Antragstellers', '--db', db]);
    expect(undo.code, undo.stderr).toBe(0);
    expect(undo.stdout + undo.stderr).toContain(`redaction ${id} removed from the whole case`);
    const after = join(dir, 'nachher');
    expect((await runCli(['export', caseId, '--out', after, '--db', db])).code).toBe(0);

    const dataBefore = readFileSync(join(before, 'data.json'), 'utf8');
    const dataAfter = readFileSync(join(after, 'data.json'), 'utf8');
    // The subject's own identifiers stand in data.json unredacted; the copy's items are what changes.
    expect((JSON.parse(dataBefore) as { redactions: { records: number } }).redactions.records).toBeGreaterThan(0);
    expect(dataBefore).toContain('[geschwärzt]');
    expect((JSON.parse(dataAfter) as { redactions: { records: number } }).redactions.records).toBe(0);
    expect(dataAfter).not.toContain('[geschwärzt]');
    const verified = await runCli(['audit', 'verify', caseId, '--db', db]);
    expect(verified.code, verified.stdout + verified.stderr).toBe(0);
    expect(verified.stderr).toMatch(/chain intact/);
  });
});
