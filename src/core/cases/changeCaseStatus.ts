import { auditAppender } from '../review/auditLog.js';
import type { DecideOptions } from '../review/decideFindings.js';
import { ReviewError } from '../review/reviewError.js';
import type { CaseStatus } from '../store/caseRecord.js';
import type { WritableDb } from '../store/db.js';
import { CaseNotFoundError } from '../store/errors.js';
import type { CaseId } from '../store/ids.js';

/**
 * The moves a case may make. The work runs open → review → answered → closed; a case can be closed
 * without an answer (withdrawn, or refused under Art. 12(5)); an answered or closed case can be
 * reopened into review (the person asks back, a source turns up late). Nothing jumps back to `open`:
 * that would hide that the case was already searched.
 */
export const CASE_STATUS_TRANSITIONS: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  open: ['review', 'closed'],
  review: ['answered', 'closed'],
  answered: ['closed', 'review'],
  closed: ['review'],
};

/** Statuses in which the case's work is done; the retention period runs from entering one of them. */
export const FINISHED_STATUSES: readonly CaseStatus[] = ['answered', 'closed'];

/** Longest reason kept with a status change; it is a note for the audit log, not a document. */
export const MAX_STATUS_REASON_LENGTH = 2_000;

/** A status change the case cannot make; the message names the allowed ones. */
export class CaseStatusError extends ReviewError {
  override readonly name = 'CaseStatusError';
}

export interface CaseStatusChange {
  readonly caseId: CaseId;
  readonly from: CaseStatus;
  readonly to: CaseStatus;
  /** When the case became answered or closed; null after a reopening. */
  readonly closedAt: string | null;
}

export interface StatusChangeOptions extends DecideOptions {
  /** Why, e.g. why a closed case is reopened; goes into the audit log. */
  readonly reason?: string | null;
}

/** The statuses a case in `status` may move to. */
export function nextCaseStatuses(status: CaseStatus): readonly CaseStatus[] {
  return CASE_STATUS_TRANSITIONS[status];
}

/**
 * Move a case to another status: the one way every status change is made (UI, CLI, a search that
 * puts an open case into review). It checks the move against `CASE_STATUS_TRANSITIONS`, records when
 * the case was finished (the retention period runs from there), and appends a `case.statusChanged`
 * entry to the audit log in the same transaction.
 *
 * @example
 *   changeCaseStatus(db, caseId, 'closed', { reason: 'Antwort versandt am 12.02.' });
 */
export function changeCaseStatus(db: WritableDb, caseId: CaseId, to: CaseStatus, options: StatusChangeOptions = {}): CaseStatusChange {
  const reason = options.reason?.trim() || null;
  if (reason !== null && reason.length > MAX_STATUS_REASON_LENGTH) throw new CaseStatusError(`the reason is longer than ${MAX_STATUS_REASON_LENGTH} characters`);
  const now = options.now ?? new Date();
  const audit = auditAppender(db, options.actor);
  return db
    .transaction((): CaseStatusChange => {
      const row = db.prepare<[string], { status: CaseStatus; closed_at: string | null }>(`SELECT status, closed_at FROM cases WHERE id = ?`).get(caseId);
      if (!row) throw new CaseNotFoundError(caseId);
      const from = row.status;
      if (from === to) throw new CaseStatusError(`case ${caseId} is already ${to}`);
      const allowed = CASE_STATUS_TRANSITIONS[from];
      if (!allowed.includes(to)) throw new CaseStatusError(`case ${caseId} cannot go from ${from} to ${to}; from ${from} it can go to ${allowed.join(' or ')}`);
      // answered → closed restarts the clock: storage limitation counts from the last step of the work.
      const closedAt = FINISHED_STATUSES.includes(to) ? now.toISOString() : null;
      db.prepare(`UPDATE cases SET status = ?, closed_at = ? WHERE id = ?`).run(to, closedAt, caseId);
      audit(caseId, 'case.statusChanged', { from, to, ...(reason === null ? {} : { reason }) }, now);
      return { caseId, from, to, closedAt };
    })
    .immediate();
}
