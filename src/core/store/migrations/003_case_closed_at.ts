import type { WritableDb } from '../db.js';

/**
 * Schema v3: when a case was finished (answered or closed), so that the retention period runs from
 * the end of the work and not from the last entry of its audit log: reading or auditing a closed case
 * later must not keep it alive (Art. 5(1)(e)), and a reopened case must not be purged.
 *
 * - `closed_at` is set by core/cases/changeCaseStatus.ts whenever a case becomes answered or closed,
 *   and cleared when it is reopened. NULL means the case is being worked on.
 * - Stores from before this step changed the status without recording when. For a case that is
 *   answered or closed already, the best record of that moment is its last audit entry, which is
 *   what the retention counted from until now; a case without a log falls back to its creation. No
 *   case is purged earlier than the old rule would have purged it.
 */
export const version = 3;

export function up(db: WritableDb): void {
  db.exec(`
    ALTER TABLE cases ADD COLUMN closed_at TEXT;
    UPDATE cases
       SET closed_at = coalesce((SELECT max(at) FROM audit_log WHERE audit_log.case_id = cases.id), created_at)
     WHERE status IN ('answered', 'closed');
  `);
}
