import type { WritableDb } from './db.js';
import { CaseStoreTooNewError } from './errors.js';
import { MIGRATIONS } from './migrations/index.js';

/** One numbered schema step (`migrations/NNN_name.ts`). `up` runs inside the runner's transaction. */
export interface Migration {
  readonly version: number;
  up(db: WritableDb): void;
}

/** The schema version this code writes. */
export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;

/** The schema version recorded in the file (`PRAGMA user_version`; 0 for a new file). */
export function schemaVersion(db: WritableDb): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Bring the store up to the newest schema, one transaction per migration, so that a crash or a
 * failing step leaves the file at the last complete version. Refuses a file written by a newer
 * Auskunft before changing anything.
 */
export function migrate(db: WritableDb, migrations: readonly Migration[] = MIGRATIONS): { from: number; to: number } {
  assertNumbered(migrations);
  const latest = migrations.length;
  const from = schemaVersion(db);
  if (from > latest) throw new CaseStoreTooNewError(db.name, from, latest);

  for (const migration of migrations.slice(from)) {
    // IMMEDIATE takes the write lock before reading the version: two processes opening the same new
    // file would otherwise both see version 0 and both try to create the tables.
    db.transaction(() => {
      const current = schemaVersion(db);
      if (current >= migration.version) return;
      migration.up(db);
      // user_version lives in the file header, which SQLite journals like any page: it commits or
      // rolls back together with the migration's changes.
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
  const to = schemaVersion(db);
  // Another process with newer code may have upgraded the file while this one waited for the lock.
  if (to > latest) throw new CaseStoreTooNewError(db.name, to, latest);
  return { from, to };
}

function assertNumbered(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) {
      throw new Error(`migration list is broken: entry ${i} has version ${m.version}, expected ${i + 1}`);
    }
  });
}
