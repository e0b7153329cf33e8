import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extendDeadline } from '../../../src/core/cases/extendDeadline.js';
import { openCase } from '../../../src/core/cases/openCase.js';
import { addRedaction } from '../../../src/core/review/addRedaction.js';
import { auditLogExcerpt, readAuditLog } from '../../../src/core/review/auditLog.js';
import { decideFindings, resolveFindingId } from '../../../src/core/review/decideFindings.js';
import { loadReview } from '../../../src/core/review/loadReview.js';
import { ReviewError } from '../../../src/core/review/reviewError.js';
import { verifyAuditLog } from '../../../src/core/review/verifyAuditLog.js';
import { deleteCase } from '../../../src/core/store/deleteCase.js';
import { openCaseStore } from '../../../src/core/store/openCaseStore.js';
import { recordSearchRun } from '../../../src/core/store/recordSearchRun.js';
import { sampleFinding, sampleResult } from '../store/sampleSearchResult.js';
import { createSampleCase, runCli, tempDir } from '../helpers/runCli.js';

function storeWithCase() {
  const db = openCaseStore(join(tempDir(), 'cases.db'));
  const c = openCase(db, { receivedOn: '2026-01-31', subject: sampleResult().subject, workspacePath: '/w/auskunft.yaml' }, { actor: 'officer' });
  const result = sampleResult([sampleFinding(1), sampleFinding(2), sampleFinding(3, { strength: 'weak' })]);
  recordSearchRun(db, c.id, result, { startedAt: new Date(), finishedAt: new Date(), workspacePath: '/w/auskunft.yaml' });
  return { db, caseId: c.id };
}

describe('review decisions and the audit log', () => {
  it('logs every change in a hash chain that verifies, and replays to the stored state', () => {
    const { db, caseId } = storeWithCase();
    expect(decideFindings(db, caseId, ['crm:1', 'crm:2'], { state: 'included' }, { actor: 'officer' })).toBe(2);
    expect(decideFindings(db, caseId, ['crm:1'], { state: 'included' })).toBe(0); // no change, no entry
    decideFindings(db, caseId, ['crm:3'], { state: 'excluded', reason: 'a different Jürgen Weiß' });
    const r = addRedaction(db, caseId, 'crm:2', 'Erika Muster', 'Art. 15(4): third party');
    addRedaction(db, caseId, null, 'kanzlei.example', 'Art. 15(4): adviser');
    extendDeadline(db, caseId, 'Viele Systeme', { now: new Date('2026-02-10T10:00:00Z') });

    const log = readAuditLog(db, caseId);
    expect(log.map((e) => e.action)).toEqual(['case.created', 'finding.decided', 'finding.decided', 'finding.decided', 'finding.redacted', 'finding.redacted', 'deadline.extended']);
    expect(log.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    log.slice(1).forEach((e, i) => expect(e.prevHash).toBe(log[i]!.hash));
    // The log never holds the redacted text, only its fingerprint.
    expect(JSON.stringify(log)).not.toContain('Erika Muster');
    expect(log[4]!.detail).toMatchObject({ redaction: r.id, finding: 'crm:2', reason: 'Art. 15(4): third party', length: 12 });

    const check = verifyAuditLog(db, caseId);
    expect(check.problems).toEqual([]);
    expect(check.entries).toBe(7);
    expect(check.head).toBe(log[6]!.hash);
    expect(loadReview(db, caseId).decisions.get('crm:3')).toMatchObject({ state: 'excluded', reason: 'a different Jürgen Weiß' });
    db.close();
  });

  it('quotes the first and last entries of a long log and counts the rest, without reading it all', () => {
    const { db, caseId } = storeWithCase();
    // 1 (case.created) + 24 decisions, flipping one finding back and forth.
    for (let i = 0; i < 24; i++) decideFindings(db, caseId, ['crm:1'], { state: i % 2 ? 'excluded' : 'included', ...(i % 2 ? { reason: 'r' } : {}) });
    const all = readAuditLog(db, caseId);
    expect(all).toHaveLength(25);

    const cut = auditLogExcerpt(db, caseId, 3, 5);
    expect(cut.total).toBe(25);
    expect(cut.head.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(cut.tail.map((e) => e.seq)).toEqual([21, 22, 23, 24, 25]);
    expect(cut.tail.at(-1)).toEqual(all.at(-1));
    // A log shorter than head + tail is quoted whole, each entry once.
    const whole = auditLogExcerpt(db, caseId, 20, 20);
    expect([...whole.head, ...whole.tail].map((e) => e.seq)).toEqual(all.map((e) => e.seq));
    expect(verifyAuditLog(db, caseId)).toMatchObject({ entries: 25, head: all.at(-1)!.hash, problems: [] });
    db.close();
  });

  it('names the entry when a decision is changed behind the log, or a redaction removed', () => {
    const { db, caseId } = storeWithCase();
    decideFindings(db, caseId, ['crm:3'], { state: 'excluded', reason: 'other person' });
    addRedaction(db, caseId, 'crm:1', 'Erika Muster', 'third party');
    db.prepare(`UPDATE review_decisions SET state = 'included', reason = NULL`).run();
    db.prepare(`DELETE FROM redactions`).run();
    const messages = verifyAuditLog(db, caseId).problems.map((p) => p.message);
    expect(messages).toEqual([
      'entry 2: the decision on finding crm:3 was changed outside the audit log (log: excluded, table: included)',
      'entry 3: redaction 1 is missing from the table',
    ]);
    db.close();
  });

  it('refuses decisions without a reason, on unknown findings, and a second extension', () => {
    const { db, caseId } = storeWithCase();
    expect(() => decideFindings(db, caseId, ['crm:1'], { state: 'excluded', reason: ' ' })).toThrow(ReviewError);
    expect(() => decideFindings(db, caseId, ['crm:99'], { state: 'included' })).toThrow(/has no finding crm:99/);
    expect(() => addRedaction(db, caseId, 'crm:1', 'ab', 'x')).toThrow(/at least 3 characters/);
    expect(() => addRedaction(db, caseId, 'crm:1', 'Erika', ' ')).toThrow(/needs a reason/);
    expect(() => resolveFindingId(db, caseId, 'zz')).toThrow(/not a finding id/);
    const inTime = { now: new Date('2026-02-10T10:00:00Z') };
    extendDeadline(db, caseId, 'complex', inTime);
    expect(() => extendDeadline(db, caseId, 'again', inTime)).toThrow(/already extended to 2026-04-28/);
    // Nothing of the refused changes reached the log.
    expect(readAuditLog(db, caseId).map((e) => e.action)).toEqual(['case.created', 'deadline.extended']);
    db.close();
  });

  it('erases the log with the case', () => {
    const { db, caseId } = storeWithCase();
    decideFindings(db, caseId, ['crm:1'], { state: 'included' });
    expect(deleteCase(db, caseId)).toBe(true);
    expect(db.prepare(`SELECT count(*) FROM audit_log`).pluck().get()).toBe(0);
    db.close();
  });
});

describe('auskunft audit verify', { timeout: 180_000 }, () => {
  it('fails naming the entry after a row was altered in the SQLite file', async () => {
    const dir = tempDir();
    const db = join(dir, 'cases.db');
    const caseId = await createSampleCase(db);
    expect(caseId).toMatch(/^AUS-2026-\d{4}-[0-9A-Z]{4}$/);
    expect((await runCli(['case', 'search', caseId, '--db', db])).code).toBe(0);
    const show = await runCli(['case', 'show', caseId, '--db', db]);
    const weak = show.stdout.split('\n').find((l) => /\bweak\b/.test(l))!.split(/\s+/)[0]!;
    const decided = await runCli(['case', 'decide', caseId, '--finding', weak.slice(0, 8), '--exclude', 'Grund-ABCDEF: andere Person', '--db', db]);
    expect(decided.code, decided.stderr).toBe(0);
    const ok = await runCli(['audit', 'verify', caseId, '--db', db]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stderr).toMatch(/3 entries, chain intact/);

    // Edit the reason in place, as someone with a hex editor or a SQLite browser would.
    expect(existsSync(`${db}-wal`)).toBe(false);
    const bytes = readFileSync(db);
    const at = bytes.indexOf('Grund-ABCDEF');
    expect(at).toBeGreaterThan(0);
    let patched = 0;
    for (let i = bytes.indexOf('Grund-ABCDEF'); i >= 0; i = bytes.indexOf('Grund-ABCDEF', i + 1), patched++) bytes.write('Grund-ZZZZZZ', i, 'latin1');
    expect(patched).toBeGreaterThanOrEqual(2); // the decision row and its audit entry
    writeFileSync(db, bytes);

    const broken = await runCli(['audit', 'verify', '--db', db]);
    expect(broken.code).toBe(3);
    expect(broken.stdout).toContain(`${caseId}: entry 3 (finding.decided, `);
    expect(broken.stdout).toContain('its content does not match its hash; the entry was altered');
    expect(broken.stderr).not.toMatch(/at .*\.js:\d+/); // one line, no stack
  });
});
