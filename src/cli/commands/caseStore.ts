import { defaultDbPath } from '../../core/store/defaultDbPath.js';
import type { WritableDb } from '../../core/store/db.js';
import { openCaseStore } from '../../core/store/openCaseStore.js';

/** The environment variable that holds the case store's passphrase (encryption at rest). */
export const DB_KEY_ENV = 'AUSKUNFT_DB_KEY';

/** `--db`, shared by every command that works on cases. */
export const DB_OPTION = ['--db <file>', `the case store (default: ${defaultDbPath()}); encrypted with $${DB_KEY_ENV} when set`] as const;

/**
 * Open the case store a command names, run `use` with it and close it again, also on errors. The key
 * comes from the environment, never from an argument: arguments end up in shell history and `ps`.
 */
export async function withCaseStore<T>(file: string | undefined, use: (db: WritableDb) => Promise<T> | T): Promise<T> {
  const key = process.env[DB_KEY_ENV];
  const db = openCaseStore(file ?? defaultDbPath(), key ? { key } : {});
  try {
    return await use(db);
  } finally {
    db.close();
  }
}
