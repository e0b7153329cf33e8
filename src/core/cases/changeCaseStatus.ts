import { auditAppender } from '../review/auditLog.js';
import type { DecideOptions } from '../review/decideFindings.js';
import { ReviewError } from '../review/reviewError.js';
import type { Sent } from '../../shared/api.js';
import type { CaseStatus } from '../store/caseRecord.js';
import { localDate } from './deadline.js';
import type { WritableDb } from '../store/db.js';
import { CaseNotFoundError } from '../store/errors.js';
import type { CaseId } from '../store/ids.js';

/**
 * The moves a case may make. The work runs open → review → sent → answered → closed: the officer
 * writes the package, sends it (recording date and channel, the proof of a timely answer), and marks
 * the case answered once nothing comes back. A reviewed case can still be marked answered directly
 * (stores from before `sent` did so). A case can be closed without an answer (withdrawn, or refused
 * under Art. 12(5)); a sent, answered or closed case can be reopened into review (the person asks
 * back, a source turns up late). Nothing jumps back to `open`: that would hide that the case was
 * already searched.
 */
export const CASE_STATUS_TRANSITIONS: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  open: ['review', 'closed'],
  review: ['sent', 'answered', 'closed'],
  sent: ['answered', 'closed', 'review'],
  answered: ['closed', 'review'],
  closed: ['review'],
};

/**
 * Statuses in which the case's work is done: the deadline no longer warns, and the retention period
 * runs from entering one of them (sent → answered restarts it, as answered → closed does).
 */
export const FINISHED_STATUSES: readonly CaseStatus[] = ['sent', 'answered', 'closed'];

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
  /** When the case became sent, answered or closed; null after a reopening. */
  readonly closedAt: string | null;
  /** For a move to `sent`: when and how; otherwise null. */
  readonly sent: Sent | null;
}

export interface StatusChangeOptions extends DecideOptions {
  /** Why, e.g. why a closed case is reopened; goes into the audit log. */
  readonly reason?: string | null;
  /** Required for `sent`, refused otherwise: the day the answer went out (not after today, not before receipt) and how. */
  readonly sent?: Sent | null;
}

/** The statuses a case in `status` may move to. */
export function nextCaseStatuses(status: CaseStatus): readonly CaseStatus[] {
  return CASE_STATUS_TRANSITIONS[status];
}

/**
 * Move a case to another status: the one way every status change is made (UI, CLI, a search that
 * puts an open case into review). It checks the move against `CASE_STATUS_TRANSITIONS`, records when
 * the case was finished (the retention period runs from there), and appends a `case.statusChanged`
 * entry to the audit log in the same transaction; a move to `sent` records and audits its date and
 * channel.
 *
 * @example
 *   changeCaseStatus(db, caseId, 'sent', { sent: { on: '2026-02-12', channel: 'post' } });
 */
export function changeCaseStatus(db: WritableDb, caseId: CaseId, to: CaseStatus, options: StatusChangeOptions = {}): CaseStatusChange {
  const reason = options.reason?.trim() || null;
  if (reason !== null && reason.length > MAX_STATUS_REASON_LENGTH) throw new CaseStatusError(`the reason is longer than ${MAX_STATUS_REASON_LENGTH} characters`);
  const now = options.now ?? new Date();
  const sent = options.sent ?? null;
  if (to === 'sent' && sent === null) throw new CaseStatusError('a case is marked sent with the date and the channel it was sent by');
  if (to !== 'sent' && sent !== null) throw new CaseStatusError(`only a move to sent records a sending date and channel, not one to ${to}`);
  if (sent !== null && sent.on > localDate(now)) throw new CaseStatusError(`the answer cannot be sent in the future (${sent.on})`);
  const audit = auditAppender(db, options.actor);
  return db
    .transaction((): CaseStatusChange => {
      const row = db.prepare<[string], { status: CaseStatus; received_on: string }>(`SELECT status, received_on FROM cases WHERE id = ?`).get(caseId);
      if (!row) throw new CaseNotFoundError(caseId);
      const from = row.status;
      if (from === to) throw new CaseStatusError(`case ${caseId} is already ${to}`);
      const allowed = CASE_STATUS_TRANSITIONS[from];
      if (!allowed.includes(to)) throw new CaseStatusError(`case ${caseId} cannot go from ${from} to ${to}; from ${from} it can go to ${allowed.join(' or ')}`);
      if (sent !== null && sent.on < row.received_on) throw new CaseStatusError(`the answer cannot be sent (${sent.on}) before the request was received (${row.received_on})`);
      // answered → closed restarts the clock: storage limitation counts from the last step of the work.
      const closedAt = FINISHED_STATUSES.includes(to) ? now.toISOString() : null;
      db.prepare(`UPDATE cases SET status = ?, closed_at = ? WHERE id = ?`).run(to, closedAt, caseId);
      // A reopened case keeps its last sending: the answer did go out then.
      if (sent !== null) db.prepare(`UPDATE cases SET sent_on = ?, sent_channel = ? WHERE id = ?`).run(sent.on, sent.channel, caseId);
      audit(caseId, 'case.statusChanged', { from, to, ...(sent === null ? {} : { sentOn: sent.on, channel: sent.channel }), ...(reason === null ? {} : { reason }) }, now);
      return { caseId, from, to, closedAt, sent };
    })
    .immediate();
}
