import { closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import type { WritableDb } from './db.js';
import { CaseStoreError, CaseStoreUnreadableError } from './errors.js';
import { migrate } from './migrate.js';

/**
 * How long a statement waits for another connection's write lock before failing with SQLITE_BUSY.
 * The CLI and the app may share one store; a search run's single insert transaction of 50k findings
 * takes well under a second, so five seconds covers it with margin without hanging a UI forever.
 */
export const BUSY_TIMEOUT_MS = 5_000;

export interface CaseStoreOptions {
  /**
   * Encrypt the whole file at rest (SQLCipher v4 format via SQLite3 Multiple Ciphers). Without a
   * key the file is plain SQLite. The key is a passphrase; it is never stored or logged.
   */
  readonly key?: string;
}

/**
 * Open (or create) a case store and bring its schema up to date. `file` may be `:memory:` for tests.
 * Throws `CaseStoreUnreadableError` for a wrong or missing key and `CaseStoreTooNewError` for a file
 * written by a newer Auskunft.
 */
export function openCaseStore(file: string, options: Readonly<CaseStoreOptions> = {}): WritableDb {
  const key = options.key;
  if (key !== undefined) assertUsableKey(key);

  const inMemory = file === ':memory:';
  if (!inMemory) createPrivately(file);

  const db = new Database(file, { timeout: BUSY_TIMEOUT_MS }) as WritableDb;
  try {
    // The key must be set before SQLite reads the first page; any statement before it would treat
    // the file as plaintext.
    if (key !== undefined) {
      db.pragma(`cipher = 'sqlcipher'`);
      // SQLCipher 4 defaults, so the file also opens in DB Browser for SQLite or the sqlcipher CLI.
      db.pragma('legacy = 4');
      db.pragma(`key = '${key.replaceAll("'", "''")}'`);
    }
    assertReadable(db, file, key !== undefined);

    // WAL lets the UI read while a search run writes (an in-memory database stays in "memory").
    const journal = db.pragma('journal_mode = WAL', { simple: true });
    if (!inMemory && journal !== 'wal') throw new CaseStoreError(`${file}: cannot switch the case store to WAL mode (got ${String(journal)})`);
    // Review decisions are a record the officer may have to show a supervisory authority: a commit
    // must survive a power cut, not just stay uncorrupted.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    if (db.pragma('foreign_keys', { simple: true }) !== 1) throw new CaseStoreError(`${file}: SQLite refused foreign_keys = ON`);
    // Deleting a case is the erasure of a person's data: overwrite freed pages instead of leaving
    // the content readable in the file's free list.
    db.pragma('secure_delete = ON');
    // Large sorts would otherwise spill to temp files, which the cipher does not cover.
    db.pragma('temp_store = MEMORY');

    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function assertUsableKey(key: string): void {
  // An empty key means "no encryption" to SQLite3 Multiple Ciphers: the caller asked for
  // encryption and would silently get a plaintext file.
  if (key.length === 0) throw new CaseStoreError('the case store key is empty; omit it for an unencrypted store');
  // SQLite reads the pragma argument as a C string: everything after a NUL would be dropped.
  if (key.includes('\0')) throw new CaseStoreError('the case store key must not contain NUL characters');
}

/**
 * The store holds personal data of requesters: create it readable by the user only. SQLite gives the
 * -wal and -shm files the same permissions as the database file. Windows ignores the mode; there the
 * per-user profile folder protects it.
 */
function createPrivately(file: string): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  closeSync(openSync(file, 'a', 0o600));
}

function assertReadable(db: WritableDb, file: string, encrypted: boolean): void {
  try {
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
  } catch (error) {
    if (error instanceof Database.SqliteError && error.code === 'SQLITE_NOTADB') {
      throw new CaseStoreUnreadableError(file, encrypted);
    }
    throw error;
  }
}
