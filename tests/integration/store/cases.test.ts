import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createCase } from '../../../src/core/store/createCase.js';
import { deleteCase } from '../../../src/core/store/deleteCase.js';
import { CaseStoreError } from '../../../src/core/store/errors.js';
import { getCase } from '../../../src/core/store/getCase.js';
import { parseCaseId } from '../../../src/core/store/ids.js';
import { listCases } from '../../../src/core/store/listCases.js';
import { openCaseStore } from '../../../src/core/store/openCaseStore.js';
import { recordSearchRun } from '../../../src/core/store/recordSearchRun.js';
import { sourceStateStore } from '../../../src/core/store/sourceStateStore.js';
import type { Subject } from '../../../src/shared/subject.js';
import { sampleFinding, sampleResult } from './sampleSearchResult.js';
import { useTempStoreDir } from './tempStoreDir.js';

const temp = useTempStoreDir();

const subject: Subject = {
  name: 'Jürgen Weiß',
  emails: ['j.weiss@beispiel-gmbh.de', 'jw@example.org'],
  phones: ['0711 12345678'],
  customerIds: ['K-10442'],
  ips: ['203.0.113.77', '2001:db8::7'],
  otherIds: [{ label: 'TeamViewer-ID', value: '123 456 789' }],
};
const meta = { startedAt: new Date('2026-01-06T09:00:00Z'), finishedAt: new Date('2026-01-06T09:01:00Z'), workspacePath: '/w/auskunft.yaml' };

describe('cases', () => {
  it('creates a case with a readable reference and reads it back unchanged', () => {
    const db = temp.closeLater(openCaseStore(temp.file()));
    const created = createCase(
      db,
      {
        receivedOn: '2026-01-05',
        subject,
        identityVerification: 'Personalausweis vorgelegt',
        workspacePath: '/w/auskunft.yaml',
        verifications: [{ type: 'email', value: 'j.weiss@beispiel-gmbh.de', method: 'knownContact', note: 'Antwort von der bekannten Adresse' }],
        verifiedBy: 'dsb',
      },
      new Date('2026-01-05T10:00:00Z'),
    );
    const verified = { method: 'knownContact', note: 'Antwort von der bekannten Adresse', at: '2026-01-05T10:00:00.000Z', by: 'dsb' };
    expect(created.id).toMatch(/^AUS-2026-0001-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(created.status).toBe('open');
    expect(getCase(db, created.id)).toEqual({
      id: created.id,
      createdAt: '2026-01-05T10:00:00.000Z',
      receivedOn: '2026-01-05',
      status: 'open',
      subjectName: 'Jürgen Weiß',
      workspacePath: '/w/auskunft.yaml',
      identityVerification: 'Personalausweis vorgelegt',
      closedAt: null,
      sent: null,
      subject,
      identifiers: [
        { type: 'name', value: 'Jürgen Weiß', label: null, verification: null },
        { type: 'email', value: 'j.weiss@beispiel-gmbh.de', label: null, verification: verified },
        { type: 'email', value: 'jw@example.org', label: null, verification: null },
        { type: 'phone', value: '0711 12345678', label: null, verification: null },
        { type: 'customerId', value: 'K-10442', label: null, verification: null },
        { type: 'ip', value: '203.0.113.77', label: null, verification: null },
        { type: 'ip', value: '2001:db8::7', label: null, verification: null },
        { type: 'otherId', value: '123 456 789', label: 'TeamViewer-ID', verification: null },
      ],
    });
    expect(getCase(db, created.id)).toEqual(created);
  });

  it('refuses a verification for an identifier the subject does not have', () => {
    const db = temp.closeLater(openCaseStore(temp.file()));
    expect(() => createCase(db, { receivedOn: '2026-01-05', subject, verifications: [{ type: 'email', value: 'other@example.org', method: 'callback', note: '' }] })).toThrow(
      /verification for an identifier the subject does not have: email:other@example.org/,
    );
  });

  it('numbers cases per year of receipt and never reuses the highest number in use', () => {
    const db = temp.closeLater(openCaseStore(temp.file()));
    const a = createCase(db, { receivedOn: '2026-01-05', subject });
    const b = createCase(db, { receivedOn: '2026-02-01', subject });
    const c = createCase(db, { receivedOn: '2025-12-30', subject });
    expect([a.id, b.id, c.id].map((id) => id.slice(0, 13))).toEqual(['AUS-2026-0001', 'AUS-2026-0002', 'AUS-2025-0001']);
    deleteCase(db, a.id);
    expect(createCase(db, { receivedOn: '2026-03-01', subject }).id.slice(0, 13)).toBe('AUS-2026-0003');
  });

  it('keeps a subject without a name nameless', () => {
    const db = temp.closeLater(openCaseStore(temp.file()));
    const anonymous: Subject = { emails: ['x@y.de'], phones: [], customerIds: [], ips: [], otherIds: [] };
    const { id } = createCase(db, { receivedOn: '2026-01-05', subject: anonymous });
    const stored = getCase(db, id);
    expect(stored?.subject).toStrictEqual(anonymous);
    expect(stored?.subjectName).toBeNull();
  });

  it('rejects a receipt date that is not a calendar date', () => {
    const db = temp.closeLater(openCaseStore(temp.file()));
    expect(() => createCase(db, { receivedOn: '05.01.2026', subject })).toThrow(CaseStoreError);
    expect(() => createCase(db, { receivedOn: '2026-02-30', subject })).toThrow(/receivedOn/);
    expect(listCases(db)).toEqual([]);
  });

  it('lists cases newest receipt first, without identifiers', () => {
    const db = temp.closeLater(openCaseStore(temp.file()));
    const older = createCase(db, { receivedOn: '2026-01-05', subject });
    const newer = createCase(db, { receivedOn: '2026-02-01', subject: { ...subject, name: 'Erika Muster' } });
    const list = listCases(db);
    expect(list.map((c) => [c.id, c.subjectName])).toEqual([
      [newer.id, 'Erika Muster'],
      [older.id, 'Jürgen Weiß'],
    ]);
    expect(list[0]).not.toHaveProperty('subject');
  });

  it('returns undefined for an unknown case', () => {
    const db = temp.closeLater(openCaseStore(temp.file()));
    expect(getCase(db, parseCaseId('AUS-2026-0042-ABCD'))).toBeUndefined();
  });
});

describe('deleteCase', () => {
  it('removes the case and every row recorded for it, and nothing of other cases', () => {
    const db = temp.closeLater(openCaseStore(temp.file()));
    const gone = createCase(db, { receivedOn: '2026-01-05', subject });
    const kept = createCase(db, { receivedOn: '2026-01-06', subject });
    for (const c of [gone, kept]) {
      recordSearchRun(db, c.id, sampleResult([sampleFinding(1), sampleFinding(2)]), meta);
      recordSearchRun(db, c.id, sampleResult([sampleFinding(3)]), meta);
    }
    sourceStateStore(db, 'office').set('INBOX:uidvalidity', '1700000000');

    const count = (table: string, caseId: string): number => {
      const sql =
        table === 'source_runs'
          ? `SELECT count(*) FROM source_runs WHERE run_id IN (SELECT id FROM search_runs WHERE case_id = ?)`
          : `SELECT count(*) FROM ${table} WHERE ${table === 'cases' ? 'id' : 'case_id'} = ?`;
      return db.prepare<[string], number>(sql).pluck().get(caseId) ?? -1;
    };
    const tables = ['cases', 'subject_identifiers', 'search_runs', 'source_runs', 'findings'];
    expect(tables.map((t) => count(t, gone.id))).toEqual([1, 8, 2, 2, 3]);

    expect(deleteCase(db, gone.id)).toBe(true);

    expect(tables.map((t) => count(t, gone.id))).toEqual([0, 0, 0, 0, 0]);
    // Orphans would show up here if a cascade were missing: source_runs have no case_id of their own.
    expect(db.prepare(`SELECT count(*) FROM source_runs WHERE run_id NOT IN (SELECT id FROM search_runs)`).pluck().get()).toBe(0);
    expect(tables.map((t) => count(t, kept.id))).toEqual([1, 8, 2, 2, 3]);
    expect(sourceStateStore(db, 'office').get('INBOX:uidvalidity')).toBe('1700000000');
    expect(deleteCase(db, gone.id)).toBe(false);
  });

  it('leaves no trace of the deleted person in the file', () => {
    const file = temp.file();
    const db = openCaseStore(file);
    const marker = 'erase.me.4b1d@beispiel-gmbh.de';
    const { id } = createCase(db, { receivedOn: '2026-01-05', subject: { ...subject, emails: [marker] } });
    recordSearchRun(db, id, sampleResult([sampleFinding(1, { title: marker })]), meta);
    // Move the rows into the main file first, as time would: otherwise they would exist only in the
    // WAL and vanish with it even without secure_delete.
    db.pragma('wal_checkpoint(TRUNCATE)');
    expect(readFileSync(file).includes(marker)).toBe(true);
    deleteCase(db, id);
    db.close();
    const bytes = Buffer.concat([file, `${file}-wal`].filter(existsSync).map((f) => readFileSync(f)));
    expect(bytes.includes(marker)).toBe(false);
  });
});
