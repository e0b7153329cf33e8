import { describe, expect, it } from 'vitest';
import { createCase } from '../../../src/core/store/createCase.js';
import { CaseNotFoundError, CaseStoreError } from '../../../src/core/store/errors.js';
import { parseCaseId } from '../../../src/core/store/ids.js';
import { latestFindings } from '../../../src/core/store/latestFindings.js';
import { latestSearchRun } from '../../../src/core/store/latestSearchRun.js';
import { openCaseStore } from '../../../src/core/store/openCaseStore.js';
import { recordSearchRun, runStatus } from '../../../src/core/store/recordSearchRun.js';
import type { Finding, SearchResult, SourceReport } from '../../../src/shared/findings.js';
import { sampleFinding, sampleResult } from './sampleSearchResult.js';
import { useTempStoreDir } from './tempStoreDir.js';

const temp = useTempStoreDir();
const subject = sampleResult().subject;
const meta = { startedAt: new Date('2026-01-06T09:00:00Z'), finishedAt: new Date('2026-01-06T09:01:30Z'), workspacePath: '/w/auskunft.yaml' };

function openWithCase() {
  const db = temp.closeLater(openCaseStore(temp.file()));
  const { id } = createCase(db, { receivedOn: '2026-01-05', subject });
  return { db, caseId: id };
}

const mail: Finding = {
  id: 'archive:<a1@x.de>',
  source: 'archive',
  locator: { messageId: 'a1@x.de', path: 'mail/archive.mbox', offset: 40960 },
  strength: 'weak',
  matches: [{ type: 'name', value: 'Jürgen Weiß', field: 'body', found: 'Juergen Weiss' }],
  activities: ['contact-email'],
  categories: ['contact.name', 'communication.content'],
  title: 'Re: Angebot',
  date: '2025-10-01T08:15:00Z',
  record: { kind: 'mail', from: 'Juergen Weiss <jw@example.org>', subject: 'Re: Angebot', text: 'Grüße', attachments: [{ filename: 'a.pdf', contentType: 'application/pdf', size: 1234 }] },
};
const undated: Finding = { ...sampleFinding(7), date: null, record: undefined };
delete undated.record;

describe('recordSearchRun', () => {
  it('stores a search result that reads back exactly as it was recorded', () => {
    const { db, caseId } = openWithCase();
    const result: SearchResult = {
      subject,
      sources: [
        { id: 'crm', type: 'table', status: 'ok', scanned: 3000, warnings: [], error: null },
        {
          id: 'archive',
          type: 'mbox',
          status: 'partial',
          scanned: 812,
          warnings: [{ locator: { path: 'mail/archive.mbox', offset: 99 }, message: 'broken MIME part', uncovered: true }],
          error: null,
        },
        { id: 'office', type: 'imap', status: 'failed', scanned: 0, warnings: [], error: 'connection refused' },
      ],
      findings: [sampleFinding(1), mail, undated],
    };

    const run = recordSearchRun(db, caseId, result, meta);
    expect(run).toMatchObject({ caseId, status: 'partial', startedAt: '2026-01-06T09:00:00.000Z', finishedAt: '2026-01-06T09:01:30.000Z' });

    const latest = latestSearchRun(db, caseId);
    expect(latest?.id).toBe(run.id);
    expect(latest?.result).toStrictEqual(result);
    expect(latestFindings(db, caseId)).toStrictEqual(result.findings);
  });

  it('serves the findings of the most recent run', () => {
    const { db, caseId } = openWithCase();
    expect(latestFindings(db, caseId)).toEqual([]);
    expect(latestSearchRun(db, caseId)).toBeUndefined();
    recordSearchRun(db, caseId, sampleResult([sampleFinding(1)]), meta);
    const later = { ...meta, startedAt: new Date('2026-01-07T09:00:00Z'), finishedAt: new Date('2026-01-07T09:00:10Z') };
    const second = recordSearchRun(db, caseId, sampleResult([sampleFinding(2), sampleFinding(3)]), later);
    // An older run recorded afterwards (e.g. imported) does not displace the newer one.
    recordSearchRun(db, caseId, sampleResult([sampleFinding(4)]), meta);
    expect(latestSearchRun(db, caseId)?.id).toBe(second.id);
    expect(latestFindings(db, caseId).map((f) => f.id)).toEqual(['crm:2', 'crm:3']);
  });

  it('refuses an unknown case and inconsistent results, storing nothing', () => {
    const { db, caseId } = openWithCase();
    expect(() => recordSearchRun(db, parseCaseId('AUS-2026-0099-ABCD'), sampleResult(), meta)).toThrow(CaseNotFoundError);
    expect(() => recordSearchRun(db, caseId, sampleResult([sampleFinding(1, { source: 'nowhere' })]), meta)).toThrow(
      /finding crm:1 names source "nowhere"/,
    );
    expect(() => recordSearchRun(db, caseId, sampleResult([sampleFinding(1), sampleFinding(1)]), meta)).toThrow(CaseStoreError);
    expect(db.prepare('SELECT count(*) FROM search_runs').pluck().get()).toBe(0);
  });

  it('stores 50k findings in one fast transaction', () => {
    const { db, caseId } = openWithCase();
    const findings = Array.from({ length: 50_000 }, (_, i) => sampleFinding(i));
    const started = performance.now();
    const run = recordSearchRun(db, caseId, sampleResult(findings), meta);
    const elapsed = performance.now() - started;
    expect(db.prepare('SELECT count(*) FROM findings WHERE run_id = ?').pluck().get(run.id)).toBe(50_000);
    // Recorded with the run, for the review list and the case summary.
    expect(db.prepare('SELECT finding_count FROM search_runs WHERE id = ?').pluck().get(run.id)).toBe(50_000);
    // Around half a second here; a row-per-transaction regression would take minutes.
    expect(elapsed).toBeLessThan(10_000);
    expect(latestFindings(db, caseId)).toHaveLength(50_000);
  });

  it('rolls the whole run back when its last finding is rejected', () => {
    const { db, caseId } = openWithCase();
    const findings = Array.from({ length: 1_000 }, (_, i) => sampleFinding(i));
    findings.push(sampleFinding(1_000, { strength: 'certain' as Finding['strength'] }));
    expect(() => recordSearchRun(db, caseId, sampleResult(findings), meta)).toThrow(/CHECK/);
    for (const table of ['search_runs', 'source_runs', 'findings']) {
      expect(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get()).toBe(0);
    }
  });
});

describe('runStatus', () => {
  const source = (status: SourceReport['status']): SourceReport => ({ id: status, type: 't', status, scanned: 0, warnings: [], error: null });
  it('is ok only when every source is complete, failed only when none could be read', () => {
    expect(runStatus([source('ok'), source('ok')])).toBe('ok');
    expect(runStatus([source('ok'), source('partial')])).toBe('partial');
    expect(runStatus([source('ok'), source('failed')])).toBe('partial');
    expect(runStatus([source('failed'), source('failed')])).toBe('failed');
  });
});
