import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import type { WritableDb } from '../../../src/core/store/db.js';
import { CaseStoreTooNewError } from '../../../src/core/store/errors.js';
import { LATEST_SCHEMA_VERSION, migrate, schemaVersion, type Migration } from '../../../src/core/store/migrate.js';
import * as m001 from '../../../src/core/store/migrations/001_initial.js';
import { openCaseStore } from '../../../src/core/store/openCaseStore.js';
import { useTempStoreDir } from './tempStoreDir.js';

const temp = useTempStoreDir();

function rawDb(file: string): WritableDb {
  return temp.closeLater(new Database(file) as WritableDb);
}

function tableNames(db: WritableDb): string[] {
  return db.prepare<[], string>(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`).pluck().all();
}

describe('migration runner', () => {
  it('refuses a store written by a newer Auskunft, before changing it', () => {
    const file = temp.file();
    const newer = new Database(file);
    newer.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    newer.close();

    expect(() => openCaseStore(file)).toThrow(CaseStoreTooNewError);
    expect(() => openCaseStore(file)).toThrow(
      `${file}: the case store has schema version ${LATEST_SCHEMA_VERSION + 1}, but this version of Auskunft knows only up to ${LATEST_SCHEMA_VERSION}`,
    );
    const after = rawDb(file);
    expect(schemaVersion(after)).toBe(LATEST_SCHEMA_VERSION + 1);
    expect(tableNames(after)).toEqual([]);
  });

  it('applies only the pending migrations, each recorded in user_version', () => {
    const db = rawDb(temp.file());
    migrate(db, [m001]);
    const applied: number[] = [];
    const m002: Migration = { version: 2, up: (d) => (applied.push(2), void d.exec('CREATE TABLE two (a TEXT) STRICT')) };
    const m003: Migration = { version: 3, up: (d) => (applied.push(3), void d.exec('CREATE TABLE three (a TEXT) STRICT')) };

    expect(migrate(db, [m001, m002, m003])).toEqual({ from: 1, to: 3 });
    expect(applied).toEqual([2, 3]);
    expect(migrate(db, [m001, m002, m003])).toEqual({ from: 3, to: 3 });
    expect(applied).toEqual([2, 3]);
  });

  it('rolls a failing migration back completely and keeps the earlier ones', () => {
    const db = rawDb(temp.file());
    const broken: Migration = {
      version: 2,
      up: (d) => {
        d.exec('CREATE TABLE half_done (a TEXT)');
        throw new Error('boom');
      },
    };
    expect(() => migrate(db, [m001, broken])).toThrow('boom');
    expect(schemaVersion(db)).toBe(1);
    expect(tableNames(db)).not.toContain('half_done');
    expect(tableNames(db)).toContain('cases');
  });

  it('rejects a migration list with a gap', () => {
    const db = rawDb(temp.file());
    const m003: Migration = { version: 3, up: () => undefined };
    expect(() => migrate(db, [m001, m003])).toThrow(/entry 1 has version 3, expected 2/);
    expect(schemaVersion(db)).toBe(0);
  });
});
