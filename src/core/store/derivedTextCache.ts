import type { DerivedTextCache } from '../connectors/connector.js';
import type { WritableDb } from './db.js';

/** The case store's cache of text derived from files at great cost (OCR), shared by every case. */
export function derivedTextCache(db: WritableDb, now: () => Date = () => new Date()): DerivedTextCache {
  const select = db.prepare<[string], string>(`SELECT value FROM derived_text WHERE key = ?`).pluck();
  const upsert = db.prepare(`INSERT INTO derived_text (key, value, created_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, created_at = excluded.created_at`);
  return {
    get: (key) => select.get(key),
    set: (key, value) => {
      upsert.run(key, value, now().toISOString());
    },
  };
}

/** Empty the cache (`auskunft cache clear`); returns how many entries were removed. */
export function clearDerivedTextCache(db: WritableDb): number {
  const removed = db.prepare(`DELETE FROM derived_text`).run().changes;
  // Deleted pages stay in the file's free list until SQLite reuses them; VACUUM rewrites the file so
  // the purged text is really gone from the disk, not just unlinked.
  db.exec('VACUUM');
  return removed;
}

/** How many entries the cache holds and their total size, for `auskunft cache`'s report. */
export function derivedTextCacheSize(db: WritableDb): { entries: number; bytes: number } {
  const row = db.prepare<[], { entries: number; bytes: number | null }>(`SELECT count(*) AS entries, sum(length(value)) AS bytes FROM derived_text`).get()!;
  return { entries: row.entries, bytes: row.bytes ?? 0 };
}
