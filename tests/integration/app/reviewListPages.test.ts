import { rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { syntheticResult } from '../../../bench/review-list/syntheticFindings.js';
import type { AppService } from '../../../src/core/app/index.js';
import { forgetFindingSummaries } from '../../../src/core/app/review/findingSummaries.js';
import { openCase } from '../../../src/core/cases/openCase.js';
import { openCaseStore, recordSearchRun, type CaseId } from '../../../src/core/store/index.js';
import type { ApiInput, ApiOutput, ApiMethodName } from '../../../src/shared/api.js';
import { callApi, copySampleWorkspace, sampleDbFile, sampleWorkspacePath, startSampleApp } from './sampleApp.js';

const SUBJECT = { name: 'Jürgen Weiß', emails: ['j.weiss@beispiel-gmbh.de'], phones: [], customerIds: [], ips: ['203.0.113.77'], otherIds: [] };

/*
 * The review list in pages (the UI loads 50,000 findings 5,000 at a time): every page is read on its
 * own, by row id range, and the pages together are exactly the whole list, also when another case's
 * search wrote its findings in between.
 */
describe('review.list in pages', () => {
  let dir: string;
  let app: AppService;
  let big: CaseId;
  let small: CaseId;
  const call = <M extends ApiMethodName>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> => callApi(app, method, input);

  beforeEach(() => {
    dir = copySampleWorkspace('auskunft-pages-');
    const dbFile = sampleDbFile(dir);
    const workspacePath = sampleWorkspacePath(dir);
    const db = openCaseStore(dbFile, { key: 'pages' });
    const times = { startedAt: new Date(), finishedAt: new Date(), workspacePath };
    small = openCase(db, { receivedOn: '2026-01-05', subject: SUBJECT, workspacePath, identityVerification: 'knownContact: test' }).id;
    big = openCase(db, { receivedOn: '2026-01-06', subject: SUBJECT, workspacePath, identityVerification: 'knownContact: test' }).id;
    // Runs of two cases, one after another in the table: the small case's latest run comes last.
    recordSearchRun(db, small, syntheticResult(SUBJECT, 40, 2), times);
    recordSearchRun(db, big, syntheticResult(SUBJECT, 1234, 3), times);
    recordSearchRun(db, small, syntheticResult(SUBJECT, 57, 4), times);
    db.close();
    forgetFindingSummaries();
    app = startSampleApp(dir, { dbKey: 'pages' });
  });
  afterEach(() => {
    app.close();
    forgetFindingSummaries();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives pages that together are the whole list, in order', async () => {
    for (const [caseId, total] of [
      [big, 1234],
      [small, 57],
    ] as const) {
      const first = await call('review.list', { caseId, lang: 'de', offset: 0, limit: 20 });
      expect(first).toMatchObject({ total, offset: 0 });
      const rows = [...first.rows];
      while (rows.length < total) {
        const page = await call('review.list', { caseId, lang: 'de', offset: rows.length, limit: 500 });
        expect(page.offset).toBe(rows.length);
        expect(page.rows.length).toBeGreaterThan(0);
        rows.push(...page.rows);
      }
      expect(rows.length).toBe(total);
      expect(new Set(rows.map((r) => r.id)).size).toBe(total);
      forgetFindingSummaries();
      const whole = await call('review.list', { caseId, lang: 'de' });
      expect(rows).toEqual(whole.rows);
      // From the kept whole list, a page is the same slice.
      expect((await call('review.list', { caseId, lang: 'de', offset: 10, limit: 30 })).rows).toEqual(whole.rows.slice(10, 40));
      forgetFindingSummaries();
    }
  });

  it('gives no rows past the end', async () => {
    await call('review.list', { caseId: big, lang: 'de', offset: 0, limit: 5 });
    const past = await call('review.list', { caseId: big, lang: 'de', offset: 1234, limit: 500 });
    expect(past).toMatchObject({ total: 1234, rows: [] });
    const last = await call('review.list', { caseId: big, lang: 'de', offset: 1230, limit: 500 });
    expect(last.rows.length).toBe(4);
  });
});
