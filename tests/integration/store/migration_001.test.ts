import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import type { WritableDb } from '../../../src/core/store/db.js';
import { migrate, schemaVersion } from '../../../src/core/store/migrate.js';
import * as m001 from '../../../src/core/store/migrations/001_initial.js';
import { useTempStoreDir } from './tempStoreDir.js';

const temp = useTempStoreDir();

/**
 * A store at schema v1 exactly, as openCaseStore would have left it before migration 002 existed:
 * this file tests migration 001 alone, whatever later migrations add.
 */
function openV1(file: string): WritableDb {
  const db = new Database(file) as WritableDb;
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  migrate(db, [m001]);
  return db;
}

function columns(db: WritableDb, table: string): string[] {
  return (db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name);
}

function schemaSql(db: WritableDb): { name: string; sql: string | null }[] {
  return db.prepare<[], { name: string; sql: string | null }>(`SELECT name, sql FROM sqlite_schema ORDER BY name`).all();
}

describe('migration 001_initial', () => {
  it('applies to an empty file and records user_version 1', () => {
    const raw = temp.closeLater(new Database(temp.file()) as WritableDb);
    expect(schemaVersion(raw)).toBe(0);
    expect(migrate(raw, [m001])).toEqual({ from: 0, to: 1 });
    expect(schemaVersion(raw)).toBe(1);
  });

  it('creates the tables, columns and indexes of schema v1', () => {
    const db = temp.closeLater(openV1(temp.file()));
    const tables = db.prepare<[], string>(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`).pluck().all();
    expect(tables).toEqual(['cases', 'findings', 'search_runs', 'source_runs', 'source_state', 'subject_identifiers']);

    expect(columns(db, 'cases')).toEqual(['id', 'created_at', 'received_on', 'status', 'subject_name', 'identity_verification', 'workspace_path']);
    expect(columns(db, 'subject_identifiers')).toEqual(['id', 'case_id', 'type', 'value', 'label']);
    expect(columns(db, 'search_runs')).toEqual(['id', 'case_id', 'started_at', 'finished_at', 'status', 'workspace_path', 'subject_json']);
    expect(columns(db, 'source_runs')).toEqual(['run_id', 'source_id', 'type', 'status', 'scanned', 'error', 'warnings_json']);
    expect(columns(db, 'findings')).toEqual([
      'id', 'run_id', 'case_id', 'finding_id', 'source_id', 'locator_json', 'strength',
      'matches_json', 'activities_json', 'categories_json', 'title', 'date', 'record_json',
    ]);
    expect(columns(db, 'source_state')).toEqual(['source_id', 'key', 'value']);

    const indexes = db
      .prepare<[], string>(`SELECT name FROM sqlite_schema WHERE type = 'index' AND name NOT LIKE 'sqlite_autoindex_%' ORDER BY name`)
      .pluck()
      .all();
    expect(indexes).toEqual(['findings_by_case', 'findings_by_source', 'search_runs_by_case', 'subject_identifiers_by_case']);
    expect((db.pragma('index_info(findings_by_case)') as { name: string }[]).map((c) => c.name)).toEqual(['case_id', 'finding_id']);
    expect((db.pragma('index_info(findings_by_source)') as { name: string }[]).map((c) => c.name)).toEqual(['run_id', 'source_id']);
  });

  it('makes every table of personal data cascade from cases', () => {
    const db = temp.closeLater(openV1(temp.file()));
    const fks = (table: string) => db.pragma(`foreign_key_list(${table})`) as { table: string; from: string; on_delete: string }[];
    expect(fks('subject_identifiers')).toMatchObject([{ table: 'cases', from: 'case_id', on_delete: 'CASCADE' }]);
    expect(fks('search_runs')).toMatchObject([{ table: 'cases', from: 'case_id', on_delete: 'CASCADE' }]);
    expect(fks('source_runs')).toMatchObject([{ table: 'search_runs', from: 'run_id', on_delete: 'CASCADE' }]);
    expect(fks('findings').map((fk) => `${fk.table}.${fk.from}:${fk.on_delete}`).sort()).toEqual([
      'search_runs.case_id:CASCADE',
      'search_runs.run_id:CASCADE',
      'source_runs.run_id:CASCADE',
      'source_runs.source_id:CASCADE',
    ]);
    expect(fks('source_state')).toEqual([]);
  });

  it('rejects rows the schema forbids', () => {
    const db = temp.closeLater(openV1(temp.file()));
    const insertCase = db.prepare(`INSERT INTO cases (id, created_at, received_on, status) VALUES (?, '2026-01-05T10:00:00.000Z', ?, 'open')`);
    expect(() => insertCase.run('A', '2026-02-30')).toThrow(/CHECK/);
    expect(() => insertCase.run('A', '05.01.2026')).toThrow(/CHECK/);
    insertCase.run('A', '2026-01-05');
    expect(() => db.prepare(`INSERT INTO subject_identifiers (case_id, type, value) VALUES ('A', 'fax', '1')`).run()).toThrow(/CHECK/);
    expect(() => db.prepare(`INSERT INTO subject_identifiers (case_id, type, value) VALUES ('nope', 'email', 'x@y.de')`).run()).toThrow(/FOREIGN KEY/);
    expect(() =>
      db.prepare(`INSERT INTO search_runs (id, case_id, started_at, status, workspace_path, subject_json) VALUES ('r', 'A', 'x', 'ok', 'w', '{}')`).run(),
    ).toThrow(/CHECK/); // a finished run needs finished_at
  });

  it('is idempotent: re-opening a v1 store changes nothing', () => {
    const first = openV1(temp.file());
    const before = schemaSql(first);
    first.close();

    const again = temp.closeLater(openV1(temp.file()));
    expect(schemaVersion(again)).toBe(1);
    expect(migrate(again, [m001])).toEqual({ from: 1, to: 1 });
    expect(schemaSql(again)).toEqual(before);
  });
});
