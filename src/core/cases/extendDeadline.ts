import { CaseNotFoundError } from '../store/errors.js';
import type { ReadonlyDb, WritableDb } from '../store/db.js';
import { getCase } from '../store/getCase.js';
import type { CaseId } from '../store/ids.js';
import { auditAppender } from '../review/auditLog.js';
import type { DecideOptions } from '../review/decideFindings.js';
import { ReviewError } from '../review/reviewError.js';
import { localDate, responseDeadline, type ResponseDeadline } from './deadline.js';

/** A case's deadline, with its extension if one was recorded. */
export function caseDeadline(db: ReadonlyDb, caseId: CaseId): ResponseDeadline {
  const c = getCase(db, caseId);
  if (!c) throw new CaseNotFoundError(caseId);
  const row = db.prepare<[string], { reason: string }>(`SELECT reason FROM case_extensions WHERE case_id = ?`).get(caseId);
  return responseDeadline(c.receivedOn, row ?? null);
}

/**
 * Extend a case's deadline by two months (Art. 12(3) sentence 2), with the reasons that the letter
 * states. Art. 12(3) allows it once, and the person must be told within the first month: `late` says
 * that the first month is already over, so the officer knows the extension may not hold.
 */
export function extendDeadline(db: WritableDb, caseId: CaseId, reason: string, options: DecideOptions = {}): ResponseDeadline & { readonly late: boolean } {
  const why = reason.trim();
  if (!why) throw new ReviewError('extending the deadline needs the reasons (Art. 12(3): they are given to the person)');
  const now = options.now ?? new Date();
  const audit = auditAppender(db, options.actor);
  return db
    .transaction(() => {
      const before = caseDeadline(db, caseId);
      if (before.extendedDue) throw new ReviewError(`the deadline of case ${caseId} is already extended to ${before.extendedDue}; Art. 12(3) allows one extension`);
      db.prepare(`INSERT INTO case_extensions (case_id, reason, recorded_at) VALUES (?, ?, ?)`).run(caseId, why, now.toISOString());
      const after = caseDeadline(db, caseId);
      audit(caseId, 'deadline.extended', { reason: why, due: after.due, until: after.extendedDue }, now);
      return { ...after, late: localDate(now) > after.due };
    })
    .immediate();
}
