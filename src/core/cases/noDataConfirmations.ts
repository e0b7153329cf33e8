import { auditAppender, currentActor } from '../review/auditLog.js';
import type { DecideOptions } from '../review/decideFindings.js';
import { ReviewError } from '../review/reviewError.js';
import type { Register } from '../register/registerSchema.js';
import type { ReadonlyDb, WritableDb } from '../store/db.js';
import type { CaseId } from '../store/ids.js';

/**
 * The officer's confirmation that a register activity with a local copy, which no searched source
 * covers, holds no data about the person (checked by hand). Without it the letter says the activity
 * was not searched; with it, that it was checked and holds nothing. Audited, one row per activity.
 */
export function confirmNoData(db: WritableDb, caseId: CaseId, activityIds: readonly string[], register: Register, options: DecideOptions = {}): void {
  const known = new Set(register.activities.map((a) => a.id));
  const unknown = activityIds.filter((a) => !known.has(a));
  if (unknown.length) throw new ReviewError(`unknown activity ${unknown.join(', ')}; the register has ${[...known].join(', ')}`);
  const now = options.now ?? new Date();
  const audit = auditAppender(db, options.actor);
  db.transaction(() => {
    for (const id of new Set(activityIds)) {
      const done = db.prepare(`INSERT OR IGNORE INTO case_no_data_confirmations (case_id, activity_id, confirmed_at, actor) VALUES (?, ?, ?, ?)`).run(caseId, id, now.toISOString(), options.actor ?? currentActor());
      if (done.changes) audit(caseId, 'activity.noDataConfirmed', { activity: id }, now);
    }
  }).immediate();
}

/** The activities confirmed to hold no data about the person in this case. */
export function noDataConfirmations(db: ReadonlyDb, caseId: CaseId): Set<string> {
  return new Set(db.prepare<[string], string>(`SELECT activity_id FROM case_no_data_confirmations WHERE case_id = ?`).pluck().all(caseId));
}
