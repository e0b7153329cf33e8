import type { WritableDb } from '../store/db.js';
import type { CaseId } from '../store/ids.js';
import { auditAppender, textFingerprint } from './auditLog.js';
import type { DecideOptions } from './decideFindings.js';
import { REDACTION_COLUMNS, redactionOf, type RedactionRow } from './loadReview.js';
import { ReviewError } from './reviewError.js';
import type { Redaction } from './reviewTypes.js';

/**
 * Take a redaction back (a text redacted by mistake, or a third party who agreed to be named): the
 * text appears in the copy again. Like every decision it is logged, with who, when and why, and the
 * text's SHA-256 as the redaction was logged, so the log still shows what was redacted and for how
 * long (Art. 5(2): accountability for what was disclosed). With `findingId`, the redaction must
 * belong to that finding (null: a case-wide one), so a stale screen cannot remove another record's.
 */
export function removeRedaction(
  db: WritableDb,
  caseId: CaseId,
  redactionId: number,
  options: DecideOptions & { readonly reason?: string | null; readonly findingId?: string | null } = {},
): Redaction {
  if (!Number.isSafeInteger(redactionId) || redactionId <= 0) throw new ReviewError(`"${redactionId}" is not a redaction number (see \`auskunft case show\`)`);
  const reason = options.reason?.trim() || null;
  const now = options.now ?? new Date();
  const audit = auditAppender(db, options.actor);
  return db
    .transaction((): Redaction => {
      const row = db
        .prepare<[number, string], RedactionRow>(`SELECT ${REDACTION_COLUMNS} FROM redactions WHERE id = ? AND case_id = ?`)
        .get(redactionId, caseId);
      if (!row) throw new ReviewError(`case ${caseId} has no redaction ${redactionId}`);
      if (options.findingId !== undefined && row.finding_id !== options.findingId) {
        throw new ReviewError(
          `redaction ${redactionId} belongs to ${row.finding_id === null ? 'the whole case' : `finding ${row.finding_id}`}, not to ${options.findingId === null ? 'the whole case' : `finding ${options.findingId}`}`,
        );
      }
      db.prepare(`DELETE FROM redactions WHERE id = ? AND case_id = ?`).run(redactionId, caseId);
      audit(caseId, 'finding.unredacted', { redaction: row.id, finding: row.finding_id, reason, redactedFor: row.reason, textSha256: textFingerprint(row.text) }, now);
      return redactionOf(row);
    })
    .immediate();
}
