import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import type { WritableDb } from '../../../src/core/store/db.js';
import { migrate, schemaVersion } from '../../../src/core/store/migrate.js';
import * as m001 from '../../../src/core/store/migrations/001_initial.js';
import * as m002 from '../../../src/core/store/migrations/002_review.js';
import * as m003 from '../../../src/core/store/migrations/003_case_closed_at.js';
import * as m004 from '../../../src/core/store/migrations/004_redaction_ids.js';
import { useTempStoreDir } from './tempStoreDir.js';

const temp = useTempStoreDir();
const ALL = [m001, m002, m003, m004];

/**
 * A v3 store as the field has it: redactions 1 and 2 still there, and number 3 redacted and then
 * removed, so only the audit log remembers it. Plain INTEGER PRIMARY KEY would give 3 out again.
 */
function v3WithRedactions(file: string): WritableDb {
  const db = new Database(file) as WritableDb;
  db.pragma('foreign_keys = ON');
  migrate(db, [m001, m002, m003]);
  db.prepare(`INSERT INTO cases (id, created_at, received_on, status) VALUES ('C', '2026-01-05T09:00:00.000Z', '2026-01-05', 'review')`).run();
  const redact = db.prepare(`INSERT INTO redactions (id, case_id, finding_id, text, reason, created_at) VALUES (?, 'C', ?, ?, 'Art. 15(4)', '2026-01-06T09:00:00.000Z')`);
  redact.run(1, 'f1', 'Max Muster');
  redact.run(2, null, '0171 5550000');
  const log = db.prepare(`INSERT INTO audit_log (case_id, seq, at, actor, action, detail_json, prev_hash, hash) VALUES ('C', ?, '2026-01-06T10:00:00.000Z', 'me', ?, ?, 'p', 'h')`);
  log.run(1, 'finding.redacted', JSON.stringify({ redaction: 3, finding: 'f2' }));
  log.run(2, 'finding.unredacted', JSON.stringify({ redaction: 3, finding: 'f2' }));
  return db;
}

const addRedaction = (db: WritableDb): number =>
  Number(db.prepare(`INSERT INTO redactions (case_id, finding_id, text, reason, created_at) VALUES ('C', 'f9', 'x', 'r', '2026-02-01T00:00:00.000Z')`).run().lastInsertRowid);

describe('migration 004_redaction_ids', () => {
  it('upgrades a v3 store to v4 and keeps every redaction with its number', () => {
    const db = temp.closeLater(v3WithRedactions(temp.file()));
    expect(migrate(db, ALL)).toEqual({ from: 3, to: 4 });
    expect(schemaVersion(db)).toBe(4);
    expect(db.prepare(`SELECT id, finding_id, text FROM redactions ORDER BY id`).all()).toEqual([
      { id: 1, finding_id: 'f1', text: 'Max Muster' },
      { id: 2, finding_id: null, text: '0171 5550000' },
    ]);
    expect(db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'redactions'`).pluck().all()).toEqual(['redactions_by_case']);
  });

  it('never hands out a number again: not one only the audit log remembers, not a removed newest one', () => {
    const db = temp.closeLater(v3WithRedactions(temp.file()));
    migrate(db, ALL);
    const next = addRedaction(db);
    expect(next).toBe(4); // 3 was used and removed before the upgrade
    db.prepare(`DELETE FROM redactions WHERE id = ?`).run(next);
    expect(addRedaction(db)).toBe(5);
  });

  it('still deletes a case’s redactions with the case', () => {
    const db = temp.closeLater(v3WithRedactions(temp.file()));
    migrate(db, ALL);
    db.prepare(`INSERT INTO cases (id, created_at, received_on, status) VALUES ('D', '2026-01-05T09:00:00.000Z', '2026-01-05', 'open')`).run();
    db.prepare(`INSERT INTO redactions (case_id, finding_id, text, reason, created_at) VALUES ('D', NULL, 'y', 'r', '2026-02-01T00:00:00.000Z')`).run();
    db.prepare(`DELETE FROM cases WHERE id = 'D'`).run();
    expect(db.prepare(`SELECT DISTINCT case_id FROM redactions`).pluck().all()).toEqual(['C']);
  });

  it('is idempotent', () => {
    const file = temp.file();
    migrate(temp.closeLater(v3WithRedactions(file)), ALL);
    const again = temp.closeLater(new Database(file) as WritableDb);
    expect(migrate(again, ALL)).toEqual({ from: 4, to: 4 });
  });
});
