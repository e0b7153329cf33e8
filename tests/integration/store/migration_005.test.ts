import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import type { WritableDb } from '../../../src/core/store/db.js';
import { migrate, schemaVersion } from '../../../src/core/store/migrate.js';
import * as m001 from '../../../src/core/store/migrations/001_initial.js';
import * as m002 from '../../../src/core/store/migrations/002_review.js';
import * as m003 from '../../../src/core/store/migrations/003_case_closed_at.js';
import * as m004 from '../../../src/core/store/migrations/004_redaction_ids.js';
import * as m005 from '../../../src/core/store/migrations/005_run_index_and_count.js';
import { useTempStoreDir } from './tempStoreDir.js';

const temp = useTempStoreDir();
const ALL = [m001, m002, m003, m004, m005];

/** A v4 store with two runs of one case, each with findings of two sources found in turn. */
function v4WithRuns(file: string): WritableDb {
  const db = new Database(file) as WritableDb;
  db.pragma('foreign_keys = ON');
  migrate(db, [m001, m002, m003, m004]);
  db.prepare(`INSERT INTO cases (id, created_at, received_on, status) VALUES ('C', '2026-01-05T09:00:00.000Z', '2026-01-05', 'review')`).run();
  const run = db.prepare(`INSERT INTO search_runs (id, case_id, started_at, finished_at, status, workspace_path, subject_json) VALUES (?, 'C', ?, ?, 'ok', 'w.yaml', '{}')`);
  const source = db.prepare(`INSERT INTO source_runs (run_id, source_id, type, status, scanned, warnings_json) VALUES (?, ?, 'mbox', 'ok', 10, '[]')`);
  const finding = db.prepare(
    `INSERT INTO findings (run_id, case_id, finding_id, source_id, locator_json, strength, matches_json, activities_json, categories_json, title)
     VALUES (?, 'C', ?, ?, '{}', 'strong', '[]', '[]', '[]', 't')`,
  );
  for (const [runId, at] of [['R1', '2026-01-06T09:00:00.000Z'], ['R2', '2026-01-07T09:00:00.000Z']] as const) {
    run.run(runId, at, at);
    source.run(runId, 'b-mail');
    source.run(runId, 'a-crm');
    // Found in turn, so the (run_id, source_id) index holds them in another order than found.
    for (let i = 0; i < 6; i++) finding.run(runId, `${runId}-f${i}`, i % 2 ? 'a-crm' : 'b-mail');
  }
  return db;
}

const plan = (db: WritableDb, sql: string): string =>
  db
    .prepare<[string], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
    .all('R2')
    .map((r) => r.detail)
    .join('; ');

describe('migration 005_run_index_and_count', () => {
  it('upgrades a v4 store to v5 and keeps every finding', () => {
    const db = temp.closeLater(v4WithRuns(temp.file()));
    expect(migrate(db, ALL)).toEqual({ from: 4, to: 5 });
    expect(schemaVersion(db)).toBe(5);
    expect(db.prepare(`SELECT count(*) FROM findings`).pluck().get()).toBe(12);
  });

  it("records each earlier run's length", () => {
    const db = temp.closeLater(v4WithRuns(temp.file()));
    db.prepare(`DELETE FROM findings WHERE finding_id = 'R1-f5'`).run();
    migrate(db, ALL);
    expect(db.prepare(`SELECT id, finding_count FROM search_runs ORDER BY id`).all()).toEqual([
      { id: 'R1', finding_count: 5 },
      { id: 'R2', finding_count: 6 },
    ]);
  });

  it("finds a run's first row and its row ids in order from the index, without sorting", () => {
    const db = temp.closeLater(v4WithRuns(temp.file()));
    const before = plan(db, `SELECT min(id) FROM findings WHERE run_id = ?`);
    migrate(db, ALL);
    // These are the queries of core/app/review/findingSummaries.ts.
    for (const sql of [`SELECT min(id) FROM findings WHERE run_id = ?`, `SELECT id FROM findings WHERE run_id = ? ORDER BY id`]) {
      expect(plan(db, sql), sql).toMatch(/USING COVERING INDEX findings_by_run \(run_id=\?\)/);
      expect(plan(db, sql), sql).not.toMatch(/TEMP B-TREE/);
    }
    expect(before).not.toMatch(/findings_by_run/);
    expect(db.prepare(`SELECT min(id) FROM findings WHERE run_id = ?`).pluck().get('R2')).toBe(7);
    expect(db.prepare(`SELECT id FROM findings WHERE run_id = ? ORDER BY id`).pluck().all('R2')).toEqual([7, 8, 9, 10, 11, 12]);
  });

  it('is idempotent', () => {
    const file = temp.file();
    migrate(temp.closeLater(v4WithRuns(file)), ALL);
    const again = temp.closeLater(new Database(file) as WritableDb);
    expect(migrate(again, ALL)).toEqual({ from: 5, to: 5 });
  });
});
