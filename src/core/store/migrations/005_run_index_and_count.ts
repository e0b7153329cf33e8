import type { WritableDb } from '../db.js';

/**
 * Schema v5: the review list's first page without reading the whole run. Opening a review asks for
 * the run's first rows, its length and (right after) its row ids; on a cold store every page SQLite
 * reads is decrypted first, and each of those read all 50,000 entries of a large run (20–27 ms each
 * against well under 1 ms).
 * - `findings_by_run (run_id)`: every SQLite index ends with the row id, so this one lists a run's
 *   findings in the order they were found. The first row (`min(id)`) is one lookup, and the row ids
 *   come in order without sorting. `findings_by_source (run_id, source_id)` has them by source.
 * - `search_runs.finding_count`: a run is recorded whole and never changes (store/recordSearchRun.ts),
 *   so its length is written with it instead of counted on every page. Older runs are counted here.
 */
export const version = 5;

export function up(db: WritableDb): void {
  db.exec(`
    CREATE INDEX findings_by_run ON findings (run_id);
    ALTER TABLE search_runs ADD COLUMN finding_count INTEGER NOT NULL DEFAULT 0 CHECK (finding_count >= 0);
    UPDATE search_runs SET finding_count = (SELECT count(*) FROM findings WHERE findings.run_id = search_runs.id);
  `);
}
