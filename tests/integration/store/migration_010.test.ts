import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import type { WritableDb } from '../../../src/core/store/db.js';
import { getCase } from '../../../src/core/store/getCase.js';
import type { CaseId } from '../../../src/core/store/ids.js';
import { listCases } from '../../../src/core/store/listCases.js';
import { migrate, schemaVersion } from '../../../src/core/store/migrate.js';
import { MIGRATIONS } from '../../../src/core/store/migrations/index.js';
import { useTempStoreDir } from './tempStoreDir.js';

const temp = useTempStoreDir();

describe('migration 010_case_sent', () => {
  it('upgrades a v9 store, its cases kept and none of them sent', () => {
    const db = temp.closeLater(new Database(temp.file()) as WritableDb);
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS.slice(0, 9));
    db.prepare(`INSERT INTO cases (id, created_at, received_on, status, subject_name) VALUES ('A', '2026-01-05T10:00:00.000Z', '2026-01-05', 'answered', 'Jürgen Weiß')`).run();
    expect(migrate(db, MIGRATIONS.slice(0, 10))).toEqual({ from: 9, to: 10 });
    expect(schemaVersion(db)).toBe(10);
    expect(getCase(db, 'A' as CaseId)).toMatchObject({ status: 'answered', subjectName: 'Jürgen Weiß', sent: null });
    db.prepare(`UPDATE cases SET status = 'sent', sent_on = '2026-02-01', sent_channel = 'email' WHERE id = 'A'`).run();
    expect(listCases(db)[0]).toMatchObject({ status: 'sent', sent: { on: '2026-02-01', channel: 'email' } });
  });
});
