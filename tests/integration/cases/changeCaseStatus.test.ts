import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CASE_STATUS_TRANSITIONS, CaseStatusError, changeCaseStatus } from '../../../src/core/cases/changeCaseStatus.js';
import { localDate } from '../../../src/core/cases/deadline.js';
import { openCase } from '../../../src/core/cases/openCase.js';
import { readAuditLog } from '../../../src/core/review/auditLog.js';
import { verifyAuditLog } from '../../../src/core/review/verifyAuditLog.js';
import { getCase } from '../../../src/core/store/getCase.js';
import { openCaseStore } from '../../../src/core/store/openCaseStore.js';
import { sampleResult } from '../store/sampleSearchResult.js';
import { createSampleCase, runCli, tempDir } from '../helpers/runCli.js';

function storeWithCase() {
  const file = join(tempDir(), 'cases.db');
  const db = openCaseStore(file);
  const c = openCase(db, { receivedOn: '2026-01-31', subject: sampleResult().subject, workspacePath: '/w/auskunft.yaml' }, { actor: 'officer' });
  return { db, file, caseId: c.id };
}

describe('case status changes', () => {
  it('moves a case open → review → answered → closed and back into review, each move audited and the log verifying', () => {
    const { db, caseId } = storeWithCase();
    const at = (iso: string) => ({ now: new Date(iso), actor: 'officer' });
    changeCaseStatus(db, caseId, 'review', at('2026-02-01T10:00:00Z'));
    expect(changeCaseStatus(db, caseId, 'answered', at('2026-02-10T10:00:00Z'))).toEqual({ caseId, from: 'review', to: 'answered', closedAt: '2026-02-10T10:00:00.000Z', sent: null });
    expect(getCase(db, caseId)).toMatchObject({ status: 'answered', closedAt: '2026-02-10T10:00:00.000Z' });
    changeCaseStatus(db, caseId, 'closed', at('2026-02-20T10:00:00Z'));
    expect(getCase(db, caseId)!.closedAt).toBe('2026-02-20T10:00:00.000Z');
    changeCaseStatus(db, caseId, 'review', { ...at('2026-03-01T10:00:00Z'), reason: 'Rückfrage der Person' });
    expect(getCase(db, caseId)).toMatchObject({ status: 'review', closedAt: null });

    const log = readAuditLog(db, caseId).filter((e) => e.action === 'case.statusChanged');
    expect(log.map((e) => e.detail)).toEqual([
      { from: 'open', to: 'review' },
      { from: 'review', to: 'answered' },
      { from: 'answered', to: 'closed' },
      { from: 'closed', to: 'review', reason: 'Rückfrage der Person' },
    ]);
    expect(log.every((e) => e.actor === 'officer')).toBe(true);
    expect(verifyAuditLog(db, caseId).problems).toEqual([]);
    db.close();
  });

  it('refuses moves outside the workflow and changes nothing', () => {
    const { db, caseId } = storeWithCase();
    expect(() => changeCaseStatus(db, caseId, 'answered')).toThrow(CaseStatusError); // not reviewed yet
    expect(() => changeCaseStatus(db, caseId, 'open')).toThrow(/already open/);
    changeCaseStatus(db, caseId, 'review');
    expect(() => changeCaseStatus(db, caseId, 'open')).toThrow(/cannot go from review to open; from review it can go to sent or answered or closed/);
    expect(getCase(db, caseId)!.status).toBe('review');
    expect(readAuditLog(db, caseId).map((e) => e.action)).toEqual(['case.created', 'case.statusChanged']);
    expect(() => changeCaseStatus(db, 'AUS-2026-9999-XXXX' as never, 'review')).toThrow(/AUS-2026-9999-XXXX/);
    // Every status can be left, and only `review` leads back from a finished case.
    for (const [from, to] of Object.entries(CASE_STATUS_TRANSITIONS)) expect(to.length, from).toBeGreaterThan(0);
    expect(CASE_STATUS_TRANSITIONS.closed).toEqual(['review']);
    db.close();
  });

  it('marks a case sent with its date and channel, audited in the hash chain, then answered; a reopening keeps the sending', () => {
    const { db, caseId } = storeWithCase();
    const at = (iso: string) => ({ now: new Date(iso), actor: 'officer' });
    changeCaseStatus(db, caseId, 'review', at('2026-02-01T10:00:00Z'));
    expect(changeCaseStatus(db, caseId, 'sent', { ...at('2026-02-10T10:00:00Z'), sent: { on: '2026-02-09', channel: 'post' } })).toEqual({
      caseId,
      from: 'review',
      to: 'sent',
      closedAt: '2026-02-10T10:00:00.000Z',
      sent: { on: '2026-02-09', channel: 'post' },
    });
    expect(getCase(db, caseId)).toMatchObject({ status: 'sent', sent: { on: '2026-02-09', channel: 'post' } });
    changeCaseStatus(db, caseId, 'answered', at('2026-02-20T10:00:00Z'));
    expect(getCase(db, caseId)).toMatchObject({ status: 'answered', closedAt: '2026-02-20T10:00:00.000Z', sent: { on: '2026-02-09', channel: 'post' } });
    changeCaseStatus(db, caseId, 'review', at('2026-03-01T10:00:00Z'));
    expect(getCase(db, caseId)!.sent).toEqual({ on: '2026-02-09', channel: 'post' });
    changeCaseStatus(db, caseId, 'sent', { ...at('2026-03-02T10:00:00Z'), sent: { on: '2026-03-02', channel: 'inPerson' } });
    expect(getCase(db, caseId)!.sent).toEqual({ on: '2026-03-02', channel: 'inPerson' });

    const log = readAuditLog(db, caseId).filter((e) => e.action === 'case.statusChanged');
    expect(log.map((e) => e.detail)).toEqual([
      { from: 'open', to: 'review' },
      { from: 'review', to: 'sent', sentOn: '2026-02-09', channel: 'post' },
      { from: 'sent', to: 'answered' },
      { from: 'answered', to: 'review' },
      { from: 'review', to: 'sent', sentOn: '2026-03-02', channel: 'inPerson' },
    ]);
    expect(verifyAuditLog(db, caseId).problems).toEqual([]);
    db.close();
  });

  it('refuses a sending without date and channel, in the future, before receipt, or on another status, and changes nothing', () => {
    const { db, caseId } = storeWithCase();
    const now = new Date('2026-02-10T10:00:00Z');
    changeCaseStatus(db, caseId, 'review', { now });
    expect(() => changeCaseStatus(db, caseId, 'sent', { now })).toThrow(/with the date and the channel/);
    expect(() => changeCaseStatus(db, caseId, 'sent', { now, sent: { on: '2026-02-11', channel: 'email' } })).toThrow(/cannot be sent in the future/);
    expect(() => changeCaseStatus(db, caseId, 'sent', { now, sent: { on: '2026-01-30', channel: 'email' } })).toThrow(/before the request was received \(2026-01-31\)/);
    expect(() => changeCaseStatus(db, caseId, 'closed', { now, sent: { on: '2026-02-01', channel: 'email' } })).toThrow(/only a move to sent/);
    expect(getCase(db, caseId)).toMatchObject({ status: 'review', sent: null });
    expect(readAuditLog(db, caseId).map((e) => e.action)).toEqual(['case.created', 'case.statusChanged']);
    // From open the case is not searched yet: sending is not offered.
    const other = openCase(db, { receivedOn: '2026-01-31', subject: sampleResult().subject, workspacePath: '/w/auskunft.yaml' });
    expect(() => changeCaseStatus(db, other.id, 'sent', { now, sent: { on: '2026-02-01', channel: 'email' } })).toThrow(/cannot go from open to sent/);
    db.close();
  });

  it('names the entry when the status is changed behind the log', () => {
    const { db, caseId } = storeWithCase();
    changeCaseStatus(db, caseId, 'review');
    db.prepare(`UPDATE cases SET status = 'closed' WHERE id = ?`).run(caseId);
    expect(verifyAuditLog(db, caseId).problems.map((p) => p.message)).toEqual([
      'entry 2: the case status was changed outside the audit log (log: review, table: closed)',
    ]);
    db.close();
  });

  it('is `auskunft case status` on the command line, and `audit verify` still verifies', { timeout: 180_000 }, async () => {
    const db = join(tempDir(), 'cases.db');
    const caseId = await createSampleCase(db);
    expect((await runCli(['case', 'status', caseId, 'review', '--db', db])).stderr).toMatch(/open → review/);
    const refused = await runCli(['case', 'status', caseId, 'open', '--db', db]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/cannot go from review to open/);
    expect((await runCli(['case', 'status', caseId, 'finished', '--db', db])).code).toBe(2);
    expect((await runCli(['case', 'status', caseId, 'closed', '--reason', 'zurückgezogen', '--db', db])).code).toBe(0);
    expect((await runCli(['case', 'list', '--db', db])).stdout).toMatch(/closed/);
    const verified = await runCli(['audit', 'verify', caseId, '--db', db]);
    expect(verified.code, verified.stderr + verified.stdout).toBe(0);
  });

  it('is `auskunft case status <id> sent --date … --channel …` on the command line', { timeout: 180_000 }, async () => {
    const db = join(tempDir(), 'cases.db');
    const caseId = await createSampleCase(db);
    await runCli(['case', 'status', caseId, 'review', '--db', db]);
    const noChannel = await runCli(['case', 'status', caseId, 'sent', '--db', db]);
    expect(noChannel.code).toBe(2);
    expect(noChannel.stderr).toMatch(/--channel is required with sent: one of post, email, in-person/);
    expect((await runCli(['case', 'status', caseId, 'sent', '--channel', 'fax', '--db', db])).stderr).toMatch(/unknown channel "fax"/);
    expect((await runCli(['case', 'status', caseId, 'closed', '--channel', 'post', '--db', db])).stderr).toMatch(/go with the status sent/);
    const today = localDate();
    const sent = await runCli(['case', 'status', caseId, 'sent', '--date', today, '--channel', 'in-person', '--db', db]);
    expect(sent.code, sent.stderr).toBe(0);
    expect(sent.stderr).toContain(`review → sent (sent ${today} by inPerson)`);
    expect((await runCli(['case', 'status', caseId, 'answered', '--db', db])).code).toBe(0);
    const verified = await runCli(['audit', 'verify', caseId, '--db', db]);
    expect(verified.code, verified.stderr + verified.stdout).toBe(0);
  });
});
