import { CaseNotFoundError } from '../store/errors.js';
import type { ReadonlyDb, WritableDb } from '../store/db.js';
import { getCase } from '../store/getCase.js';
import type { CaseId } from '../store/ids.js';
import { auditAppender } from '../review/auditLog.js';
import type { DecideOptions } from '../review/decideFindings.js';
import { ReviewError } from '../review/reviewError.js';
import { localDate, responseDeadline, type ResponseDeadline } from './deadline.js';
import { EXTENSION_REASON_CODES, isExtensionReasonCode } from './extensionReasons.js';

/** An extension asked for after the first month (Art. 12(3)): refused, the deadline stays. */
export class ExtensionTooLateError extends ReviewError {
  override readonly name: string = 'ExtensionTooLateError';
}

/** A case's deadline, with its extension if one was recorded. */
export function caseDeadline(db: ReadonlyDb, caseId: CaseId): ResponseDeadline {
  const c = getCase(db, caseId);
  if (!c) throw new CaseNotFoundError(caseId);
  const row = db.prepare<[string], { reason: string; codes: string }>(`SELECT reason, reason_codes_json AS codes FROM case_extensions WHERE case_id = ?`).get(caseId);
  return responseDeadline(c.receivedOn, row ? { reason: row.reason, codes: JSON.parse(row.codes) as string[] } : null);
}

export interface ExtendOptions extends DecideOptions {
  /** Reasons from the short list (cases/extensionReasons.ts), beside the free text. */
  readonly reasonCodes?: readonly string[];
  /** The day the interim notice goes (or went) to the person, YYYY-MM-DD; default: today. */
  readonly noticeOn?: string;
}

/**
 * Extend a case's deadline by two months (Art. 12(3) sentence 2), with the reasons that the interim
 * notice and the letter state. Art. 12(3) allows it once, and only by telling the person within the
 * first month: an extension whose notice falls after the first month is refused, and the deadline
 * stays as it was.
 */
export function extendDeadline(db: WritableDb, caseId: CaseId, reason: string, options: ExtendOptions = {}): ResponseDeadline {
  const why = reason.trim();
  if (!why) throw new ReviewError('extending the deadline needs the reasons (Art. 12(3): they are given to the person)');
  const codes = [...new Set(options.reasonCodes ?? [])];
  const unknown = codes.filter((c) => !isExtensionReasonCode(c));
  if (unknown.length) throw new ReviewError(`unknown extension reason ${unknown.join(', ')}; use ${EXTENSION_REASON_CODES.join(', ')}`);
  const now = options.now ?? new Date();
  const today = localDate(now);
  const noticeOn = options.noticeOn ?? today;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(noticeOn)) throw new ReviewError(`the notice date must look like 2026-01-31, not "${noticeOn}"`);
  if (noticeOn > today) throw new ReviewError(`the notice date ${noticeOn} is in the future`);
  const audit = auditAppender(db, options.actor);
  return db
    .transaction(() => {
      const before = caseDeadline(db, caseId);
      if (before.extendedDue) throw new ReviewError(`the deadline of case ${caseId} is already extended to ${before.extendedDue}; Art. 12(3) allows one extension`);
      if (noticeOn < before.receivedOn) throw new ReviewError(`the notice date ${noticeOn} is before the request arrived (${before.receivedOn})`);
      if (noticeOn > before.due) {
        throw new ExtensionTooLateError(
          `the first month of case ${caseId} ended on ${before.due}: Art. 12(3) allows an extension only if the person is told within it; the extension is refused and the deadline stays ${before.due}`,
        );
      }
      db.prepare(`INSERT INTO case_extensions (case_id, reason, recorded_at, reason_codes_json) VALUES (?, ?, ?, ?)`).run(caseId, why, now.toISOString(), JSON.stringify(codes));
      const after = caseDeadline(db, caseId);
      audit(caseId, 'deadline.extended', { reason: why, reasonCodes: codes, noticeOn, due: after.due, until: after.extendedDue }, now);
      return after;
    })
    .immediate();
}
