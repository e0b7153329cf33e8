import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { verifiedKeys } from '../../../src/core/cases/caseIdentifiers.js';
import type { WritableDb } from '../../../src/core/store/db.js';
import { getCase } from '../../../src/core/store/getCase.js';
import type { CaseId } from '../../../src/core/store/ids.js';
import { migrate, schemaVersion } from '../../../src/core/store/migrate.js';
import { MIGRATIONS } from '../../../src/core/store/migrations/index.js';
import { useTempStoreDir } from './tempStoreDir.js';

const temp = useTempStoreDir();

/** A v5 store with three cases: verified as the app wrote it, as the CLI wrote it, and not at all. */
function v5WithCases(file: string): WritableDb {
  const db = new Database(file) as WritableDb;
  db.pragma('foreign_keys = ON');
  migrate(db, MIGRATIONS.slice(0, 5));
  const insertCase = db.prepare(`INSERT INTO cases (id, created_at, received_on, status, subject_name, identity_verification) VALUES (?, ?, '2026-01-05', 'open', 'Jürgen Weiß', ?)`);
  const insertId = db.prepare(`INSERT INTO subject_identifiers (case_id, type, value) VALUES (?, ?, ?)`);
  const audit = db.prepare(`INSERT INTO audit_log (case_id, seq, at, actor, action, detail_json, prev_hash, hash) VALUES (?, 1, ?, ?, 'case.created', '{}', '0', 'h')`);
  for (const [id, verification] of [['APP', 'callback: Rückruf unter der Nummer im Kundenkonto'], ['CLI', 'Personalausweis vorgelegt'], ['NONE', null]] as const) {
    insertCase.run(id, '2026-01-05T10:00:00.000Z', verification);
    insertId.run(id, 'name', 'Jürgen Weiß');
    insertId.run(id, 'email', 'J.Weiss@Beispiel-GmbH.de');
    insertId.run(id, 'ip', '203.0.113.77');
  }
  audit.run('APP', '2026-01-05T10:00:00.000Z', 'dsb');
  return db;
}

describe('migration 006_identifier_verification', () => {
  it('copies the case-level verification to every identifier of the case, with method, time and actor', () => {
    const db = temp.closeLater(v5WithCases(temp.file()));
    expect(migrate(db, MIGRATIONS.slice(0, 6))).toEqual({ from: 5, to: 6 });
    expect(schemaVersion(db)).toBe(6);
    // getCase reads the current schema; the later steps leave identifiers alone.
    migrate(db, MIGRATIONS);

    const app = getCase(db, 'APP' as CaseId)!;
    expect(app.identifiers.map((i) => i.verification)).toEqual(
      Array(3).fill({ method: 'callback', note: 'Rückruf unter der Nummer im Kundenkonto', at: '2026-01-05T10:00:00.000Z', by: 'dsb' }),
    );
    const cli = getCase(db, 'CLI' as CaseId)!;
    expect(cli.identifiers[1]!.verification).toEqual({ method: 'other', note: 'Personalausweis vorgelegt', at: '2026-01-05T10:00:00.000Z', by: 'unknown' });
    // The old values stay as written; their normal form is what matches carry.
    expect([...verifiedKeys(cli)]).toEqual(['name:Jürgen Weiß', 'email:j.weiss@beispiel-gmbh.de', 'ip:203.0.113.77']);
    expect(getCase(db, 'NONE' as CaseId)!.identifiers.every((i) => i.verification === null)).toBe(true);
  });

  it('gives earlier runs no identifier warnings', () => {
    const db = temp.closeLater(v5WithCases(temp.file()));
    db.prepare(`INSERT INTO search_runs (id, case_id, started_at, finished_at, status, workspace_path, subject_json) VALUES ('R', 'APP', 't', 't', 'ok', 'w', '{}')`).run();
    migrate(db, MIGRATIONS);
    expect(db.prepare(`SELECT identifier_warnings_json FROM search_runs`).pluck().get()).toBe('[]');
  });
});
