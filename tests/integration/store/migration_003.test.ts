import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import type { WritableDb } from '../../../src/core/store/db.js';
import { migrate, schemaVersion } from '../../../src/core/store/migrate.js';
import * as m001 from '../../../src/core/store/migrations/001_initial.js';
import * as m002 from '../../../src/core/store/migrations/002_review.js';
import * as m003 from '../../../src/core/store/migrations/003_case_closed_at.js';
import { openCaseStore } from '../../../src/core/store/openCaseStore.js';
import { useTempStoreDir } from './tempStoreDir.js';

const temp = useTempStoreDir();

/** A v2 store as one in the field looks before this step: statuses set without recording when. */
function v2WithCases(file: string): WritableDb {
  const db = new Database(file) as WritableDb;
  db.pragma('foreign_keys = ON');
  migrate(db, [m001, m002]);
  const addCase = db.prepare(`INSERT INTO cases (id, created_at, received_on, status) VALUES (?, ?, '2026-01-05', ?)`);
  addCase.run('OPEN', '2026-01-05T09:00:00.000Z', 'open');
  addCase.run('REVIEW', '2026-01-05T09:00:00.000Z', 'review');
  addCase.run('ANSWERED', '2026-01-05T09:00:00.000Z', 'answered');
  addCase.run('CLOSED-NO-LOG', '2026-01-06T09:00:00.000Z', 'closed');
  const log = db.prepare(`INSERT INTO audit_log (case_id, seq, at, actor, action, detail_json, prev_hash, hash) VALUES (?, ?, ?, 'me', 'x', '{}', 'p', 'h')`);
  log.run('ANSWERED', 1, '2026-01-05T09:00:00.000Z');
  log.run('ANSWERED', 2, '2026-02-01T12:00:00.000Z');
  log.run('REVIEW', 1, '2026-01-07T12:00:00.000Z');
  return db;
}

describe('migration 003_case_closed_at', () => {
  it('upgrades a v2 store to v3, keeping its cases', () => {
    const db = temp.closeLater(v2WithCases(temp.file()));
    expect(migrate(db, [m001, m002, m003])).toEqual({ from: 2, to: 3 });
    expect(schemaVersion(db)).toBe(3);
    expect(db.prepare(`SELECT id FROM cases ORDER BY id`).pluck().all()).toEqual(['ANSWERED', 'CLOSED-NO-LOG', 'OPEN', 'REVIEW']);
  });

  it('backfills the closing time of finished cases from their last audit entry, else their creation, and leaves open ones unset', () => {
    const db = temp.closeLater(v2WithCases(temp.file()));
    migrate(db, [m001, m002, m003]);
    const closedAt = Object.fromEntries(db.prepare<[], { id: string; closed_at: string | null }>(`SELECT id, closed_at FROM cases`).all().map((r) => [r.id, r.closed_at]));
    expect(closedAt).toEqual({
      ANSWERED: '2026-02-01T12:00:00.000Z',
      'CLOSED-NO-LOG': '2026-01-06T09:00:00.000Z',
      OPEN: null,
      REVIEW: null,
    });
  });

  it('gives new stores the column', () => {
    const db = temp.closeLater(openCaseStore(temp.file()));
    expect((db.pragma('table_info(cases)') as { name: string }[]).map((c) => c.name)).toContain('closed_at');
  });

  it('is idempotent', () => {
    const file = temp.file();
    migrate(temp.closeLater(v2WithCases(file)), [m001, m002, m003]);
    const again = temp.closeLater(new Database(file) as WritableDb);
    expect(migrate(again, [m001, m002, m003])).toEqual({ from: 3, to: 3 });
  });
});
