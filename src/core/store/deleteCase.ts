import type { WritableDb } from './db.js';
import type { CaseId } from './ids.js';

/**
 * Erase a case and everything recorded for it: identifiers, search runs, findings. Returns false
 * when there was no such case.
 */
export function deleteCase(db: WritableDb, id: CaseId): boolean {
  const { changes } = db.prepare(`DELETE FROM cases WHERE id = ?`).run(id);
  // Inside a caller's transaction the delete is not committed yet, so there is nothing to checkpoint.
  if (changes > 0 && !db.inTransaction) {
    // secure_delete zeroes the freed pages in the database, but their old images stay in the WAL
    // until a checkpoint copies the new pages back and truncates it. When a reader holds the WAL
    // open this checkpoint is partial; the next one completes it.
    db.pragma('wal_checkpoint(TRUNCATE)');
  }
  return changes > 0;
}
