import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import type { WritableDb } from '../../../src/core/store/db.js';
import { migrate, schemaVersion } from '../../../src/core/store/migrate.js';
import * as m001 from '../../../src/core/store/migrations/001_initial.js';
import * as m002 from '../../../src/core/store/migrations/002_review.js';
import { useTempStoreDir } from './tempStoreDir.js';

const temp = useTempStoreDir();

function columns(db: WritableDb, table: string): string[] {
  return (db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name);
}

/** A v1 store with one case, as a store in the field looks before this migration. */
function v1WithCase(file: string): WritableDb {
  const db = new Database(file) as WritableDb;
  db.pragma('foreign_keys = ON');
  migrate(db, [m001]);
  db.prepare(`INSERT INTO cases (id, created_at, received_on, status) VALUES ('A', '2026-01-05T10:00:00.000Z', '2026-01-05', 'open')`).run();
  return db;
}

describe('migration 002_review', () => {
  it('upgrades a v1 store with data to v2, keeping its cases', () => {
    const db = temp.closeLater(v1WithCase(temp.file()));
    expect(migrate(db, [m001, m002])).toEqual({ from: 1, to: 2 });
    expect(schemaVersion(db)).toBe(2);
    expect(db.prepare(`SELECT id FROM cases`).pluck().all()).toEqual(['A']);
  });

  it('creates the review tables, the audit log and its guards', () => {
    // Exactly to v2, so later migrations (008 adds reason codes to case_extensions) do not change what this checks.
    const db = temp.closeLater(v1WithCase(temp.file()));
    migrate(db, [m001, m002]);
    expect(columns(db, 'review_decisions')).toEqual(['case_id', 'finding_id', 'state', 'reason', 'decided_at']);
    expect(columns(db, 'redactions')).toEqual(['id', 'case_id', 'finding_id', 'text', 'reason', 'created_at']);
    expect(columns(db, 'case_extensions')).toEqual(['case_id', 'reason', 'recorded_at']);
    expect(columns(db, 'audit_log')).toEqual(['case_id', 'seq', 'at', 'actor', 'action', 'detail_json', 'prev_hash', 'hash']);
    const triggers = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'trigger' ORDER BY name`).pluck().all();
    expect(triggers).toEqual(['audit_log_no_delete', 'audit_log_no_update']);
  });

  it('rejects decisions and redactions the schema forbids', () => {
    const db = temp.closeLater(v1WithCase(temp.file()));
    migrate(db, [m001, m002]);
    const decide = db.prepare(`INSERT INTO review_decisions (case_id, finding_id, state, reason, decided_at) VALUES (?, 'f', ?, ?, 'now')`);
    expect(() => decide.run('A', 'maybe', null)).toThrow(/CHECK/);
    expect(() => decide.run('A', 'excluded', null)).toThrow(/CHECK/); // an exclusion needs its reason
    expect(() => decide.run('A', 'excluded', '  ')).toThrow(/CHECK/);
    expect(() => decide.run('nope', 'included', null)).toThrow(/FOREIGN KEY/);
    decide.run('A', 'excluded', 'other person');
    const redact = db.prepare(`INSERT INTO redactions (case_id, finding_id, text, reason, created_at) VALUES ('A', NULL, ?, ?, 'now')`);
    expect(() => redact.run('', 'r')).toThrow(/CHECK/);
    expect(() => redact.run('Erika', ' ')).toThrow(/CHECK/);
  });

  it('keeps the audit log append-only, except when the whole case is erased', () => {
    const db = temp.closeLater(v1WithCase(temp.file()));
    migrate(db, [m001, m002]);
    db.prepare(`INSERT INTO cases (id, created_at, received_on, status) VALUES ('B', 'x', '2026-01-06', 'open')`).run();
    const log = db.prepare(`INSERT INTO audit_log (case_id, seq, at, actor, action, detail_json, prev_hash, hash) VALUES (?, 1, 'x', 'me', 'case.created', '{}', 'p', 'h')`);
    log.run('A');
    log.run('B');
    expect(() => db.prepare(`UPDATE audit_log SET actor = 'someone else'`).run()).toThrow(/append-only/);
    expect(() => db.prepare(`DELETE FROM audit_log WHERE case_id = 'A'`).run()).toThrow(/append-only/);
    db.prepare(`DELETE FROM cases WHERE id = 'A'`).run();
    expect(db.prepare(`SELECT case_id FROM audit_log`).pluck().all()).toEqual(['B']);
  });

  it('is idempotent', () => {
    const file = temp.file();
    migrate(temp.closeLater(v1WithCase(file)), [m001, m002]);
    const again = temp.closeLater(new Database(file) as WritableDb);
    expect(migrate(again, [m001, m002])).toEqual({ from: 2, to: 2 });
  });
});
