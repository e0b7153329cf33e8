import type { ReadonlyDb, WritableDb } from '../store/db.js';
import type { CaseId } from '../store/ids.js';
import type { Register } from '../register/registerSchema.js';
import { auditAppender } from './auditLog.js';
import type { DecideOptions } from './decideFindings.js';
import { ReviewError } from './reviewError.js';

/**
 * The officer's per-finding choice of register activities (migration 008): a mail is mapped to the
 * activities of its source, but an accounting mail in the support mailbox belongs to accounting. The
 * letter lists the finding under the chosen activities. `null` goes back to the source's mapping.
 */
export function setFindingActivities(
  db: WritableDb,
  caseId: CaseId,
  findingId: string,
  activities: readonly string[] | null,
  register: Register,
  options: DecideOptions = {},
): void {
  const chosen = activities === null ? null : [...new Set(activities.map((a) => a.trim()).filter(Boolean))];
  if (chosen !== null) {
    if (chosen.length === 0) throw new ReviewError('choose at least one activity, or reset the finding to its source\'s activities');
    const known = new Set(register.activities.map((a) => a.id));
    const unknown = chosen.filter((a) => !known.has(a));
    if (unknown.length) throw new ReviewError(`unknown activity ${unknown.join(', ')}; the register has ${[...known].join(', ')}`);
  }
  const now = options.now ?? new Date();
  const audit = auditAppender(db, options.actor);
  db.transaction(() => {
    const exists = db.prepare<[string, string], number>(`SELECT 1 FROM findings WHERE case_id = ? AND finding_id = ? LIMIT 1`).pluck().get(caseId, findingId);
    if (!exists) throw new ReviewError(`case ${caseId} has no finding ${findingId}`);
    if (chosen === null) db.prepare(`DELETE FROM finding_activities WHERE case_id = ? AND finding_id = ?`).run(caseId, findingId);
    else {
      db.prepare(
        `INSERT INTO finding_activities (case_id, finding_id, activities_json, set_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (case_id, finding_id) DO UPDATE SET activities_json = excluded.activities_json, set_at = excluded.set_at`,
      ).run(caseId, findingId, JSON.stringify(chosen), now.toISOString());
    }
    audit(caseId, 'finding.activitiesSet', { finding: findingId, activities: chosen }, now);
  }).immediate();
}

/** The overridden activities of a case's findings, by finding id. */
export function findingActivityOverrides(db: ReadonlyDb, caseId: CaseId): Map<string, string[]> {
  const rows = db.prepare<[string], { finding_id: string; activities_json: string }>(`SELECT finding_id, activities_json FROM finding_activities WHERE case_id = ?`).all(caseId);
  return new Map(rows.map((r) => [r.finding_id, JSON.parse(r.activities_json) as string[]]));
}
