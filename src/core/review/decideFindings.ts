import type { WritableDb } from '../store/db.js';
import type { CaseId } from '../store/ids.js';
import { auditAppender } from './auditLog.js';
import { ReviewError } from './reviewError.js';
import type { ReviewState } from './reviewTypes.js';
import { withCopies } from './duplicateCopies.js';

export interface Decision {
  readonly state: ReviewState;
  /** Why; required for `excluded`, where it goes into the internal report (Art. 5(2)). */
  readonly reason?: string | null;
}

export interface DecideOptions {
  readonly now?: Date;
  readonly actor?: string;
}

/**
 * Set the review state of findings of a case, each change with its audit entry, all in one
 * transaction. A decision that changes nothing is not logged again. Returns how many changed.
 * A decision on a finding applies to every copy of the same data in the case's latest run
 * (duplicateGroups.ts): the officer decides on the data once, wherever it was found.
 */
export function decideFindings(db: WritableDb, caseId: CaseId, findingIds: readonly string[], decision: Decision, options: DecideOptions = {}): number {
  const reason = decision.reason?.trim() || null;
  if (decision.state === 'excluded' && reason === null) throw new ReviewError('excluding a finding needs a reason (it goes into the internal report)');
  const now = options.now ?? new Date();
  const known = db.prepare<[string, string], number>(`SELECT 1 FROM findings WHERE case_id = ? AND finding_id = ? LIMIT 1`).pluck();
  const current = db.prepare<[string, string], { state: string; reason: string | null }>(
    `SELECT state, reason FROM review_decisions WHERE case_id = ? AND finding_id = ?`,
  );
  const upsert = db.prepare(
    `INSERT INTO review_decisions (case_id, finding_id, state, reason, decided_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (case_id, finding_id) DO UPDATE SET state = excluded.state, reason = excluded.reason, decided_at = excluded.decided_at`,
  );
  const audit = auditAppender(db, options.actor);

  return db
    .transaction(() => {
      let changed = 0;
      for (const id of findingIds) {
        if (known.get(caseId, id) === undefined) throw new ReviewError(`case ${caseId} has no finding ${id}`);
      }
      for (const findingId of withCopies(db, caseId, findingIds)) {
        const before = current.get(caseId, findingId);
        if ((before?.state ?? 'pending') === decision.state && (before?.reason ?? null) === reason) continue;
        upsert.run(caseId, findingId, decision.state, reason, now.toISOString());
        audit(caseId, 'finding.decided', { finding: findingId, state: decision.state, reason, previous: before?.state ?? 'pending' }, now);
        changed++;
      }
      return changed;
    })
    .immediate();
}

/**
 * Find the finding an officer means: its full id or an unambiguous prefix of at least 6 characters
 * (ids are 16 hex digits; `case show` prints them).
 */
export function resolveFindingId(db: WritableDb, caseId: CaseId, input: string): string {
  const wanted = input.trim().toLowerCase();
  if (!/^[0-9a-f]{6,}$/.test(wanted)) throw new ReviewError(`not a finding id: "${input}" (expected hex digits as \`auskunft case show\` prints them)`);
  const ids = db
    .prepare<[string, number, string], string>(`SELECT DISTINCT finding_id FROM findings WHERE case_id = ? AND substr(finding_id, 1, ?) = ?`)
    .pluck()
    .all(caseId, wanted.length, wanted);
  if (ids.length === 1) return ids[0]!;
  if (ids.length === 0) throw new ReviewError(`case ${caseId} has no finding ${input}`);
  throw new ReviewError(`finding id ${input} is ambiguous in case ${caseId} (${ids.length} findings start with it); give more digits`);
}
