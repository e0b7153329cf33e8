import type { WritableDb } from '../db.js';

/**
 * Schema v7: the OCR text cache. Reading a scanned page takes about a second, and an officer searches
 * the same document folders for every case; the text OCR read is kept by the file's SHA-256 and page,
 * so a second search over the same scans does no OCR. The text is personal data: it lives here, in the
 * case store, encrypted with it, and `auskunft cache clear` purges it. A deliberate exception to "no
 * index": only text that is expensive to derive is kept, never a searchable index of sources.
 */
export const version = 7;

export function up(db: WritableDb): void {
  db.exec(`
    CREATE TABLE derived_text (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL,
      created_at TEXT NOT NULL
    ) WITHOUT ROWID;
  `);
}
