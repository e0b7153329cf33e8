import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppService } from '../../../src/core/app/index.js';
import type { ApiInput, ApiMethodName, ApiOutput } from '../../../src/shared/api.js';
import { SAMPLE_SUBJECT as SUBJECT, callApi, copySampleWorkspace, searchedSampleCase, stopSampleApp, sampleDbFile, startSampleApp } from './sampleApp.js';

/**
 * Retention over a real, encrypted case store file: the period runs from when a case was answered or
 * closed, and each restart of the engine applies it (createAppService purges on start).
 */
describe('retention of finished cases', () => {
  let dir: string;
  let app: AppService;
  let now: Date;
  const dbFile = () => sampleDbFile(dir);
  const call = <M extends ApiMethodName>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> => callApi(app, method, input);
  const start = () => startSampleApp(dir, { dbKey: 'retention-key', now: () => now });
  /** Restart the engine on another day, as the officer opening the app then would. */
  const restartOn = async (iso: string) => {
    await app.idle();
    app.close();
    now = new Date(iso);
    app = start();
  };
  const caseIds = async () => (await call('cases.list', {})).map((c) => c.id);

  beforeEach(() => {
    dir = copySampleWorkspace('auskunft-retention-');
    now = new Date('2026-02-10T10:00:00Z');
    app = start();
  });
  afterEach(() => stopSampleApp(app, dir));
  const searchedCase = () => searchedSampleCase(app);

  it('purges a closed case on time even though it was worked on and audited after closing', async () => {
    const caseId = await searchedCase();
    await call('settings.set', { retentionMonths: 6 });
    const closed = await call('cases.setStatus', { caseId, status: 'closed', lang: 'de' });
    expect(closed.closedAt).toBe('2026-02-10T10:00:00.000Z');
    expect(closed.nextStatuses).toEqual(['review']);

    // In July someone opens the closed case, looks at a finding and records a decision: new audit
    // entries, but the case stays closed. The old rule counted six months from here (January 2027).
    await restartOn('2026-07-20T09:00:00Z');
    const list = await call('review.list', { caseId, lang: 'de', offset: 0, limit: null });
    await call('review.detail', { caseId, findingId: list.rows[0]!.id, lang: 'de' });
    await call('review.decide', { caseId, findingIds: [list.rows[0]!.id], decision: 'include', reason: null });
    const audit = await call('review.audit', { caseId });
    expect(audit.at(-1)!.at).toBe('2026-07-20T09:00:00.000Z');

    await restartOn('2026-08-09T09:00:00Z');
    expect(await caseIds()).toEqual([caseId]); // six months are not over yet

    await restartOn('2026-08-10T09:00:00Z');
    expect(await caseIds()).toEqual([]);
    const record = JSON.parse(readFileSync(join(dir, 'data', 'accountability.jsonl'), 'utf8')) as Record<string, unknown>;
    expect(record).toMatchObject({ caseId, status: 'closed', closedAt: '2026-02-10T10:00:00.000Z', lastActivity: '2026-07-20T09:00:00.000Z', purgedOn: '2026-08-10' });
    expect(JSON.stringify(record)).not.toMatch(/Weiß|weiss|K-10442/i);
    // The personal data is gone from the file, not just hidden.
    const db = new Database(dbFile());
    db.pragma(`cipher = 'sqlcipher'`);
    db.pragma('legacy = 4');
    db.pragma(`key = 'retention-key'`);
    expect(db.prepare(`SELECT count(*) FROM findings`).pluck().get()).toBe(0);
    expect(db.prepare(`SELECT count(*) FROM subject_identifiers`).pluck().get()).toBe(0);
    db.close();
  });

  it('keeps a reopened case, and counts again from when it is finished the next time', async () => {
    const caseId = await searchedCase();
    await call('settings.set', { retentionMonths: 6 });
    await call('cases.setStatus', { caseId, status: 'answered', lang: 'de' });

    await restartOn('2026-03-01T10:00:00Z');
    const reopened = await call('cases.setStatus', { caseId, status: 'review', reason: 'Die Person fragt nach', lang: 'de' });
    expect(reopened).toMatchObject({ status: 'review', closedAt: null });

    await restartOn('2027-03-01T10:00:00Z');
    expect(await caseIds()).toEqual([caseId]); // in review for a year: still being worked on

    await call('cases.setStatus', { caseId, status: 'answered', lang: 'de' });
    await restartOn('2027-08-31T10:00:00Z');
    expect(await caseIds()).toEqual([caseId]);
    await restartOn('2027-09-01T10:00:00Z');
    expect(await caseIds()).toEqual([]);
    const log = (await call('settings.get', {})).retentionMonths;
    expect(log).toBe(6);
    expect(existsSync(join(dir, 'data', 'accountability.jsonl'))).toBe(true);
  });

  it('refuses status moves outside the workflow through the API', async () => {
    const created = await call('cases.create', { receivedOn: '2026-01-31', subject: SUBJECT, identityVerification: { method: 'knownContact', note: '' } });
    expect(created.nextStatuses).toEqual(['review', 'closed']);
    await expect(call('cases.setStatus', { caseId: created.id, status: 'answered', lang: 'de' })).rejects.toMatchObject({ name: 'CaseStatusError' });
    expect((await call('cases.get', { caseId: created.id, lang: 'de' })).status).toBe('open');
  });
});
