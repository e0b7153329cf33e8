import type { WritableDb } from '../store/db.js';
import type { CaseId } from '../store/ids.js';
import { auditAppender, textFingerprint } from './auditLog.js';
import type { DecideOptions } from './decideFindings.js';
import { ReviewError } from './reviewError.js';
import type { Redaction } from './reviewTypes.js';

/**
 * Texts shorter than this would blank out ordinary words or digits all over the copy ("an", "12");
 * a redaction removes a name, address or number of a third party, which is longer.
 */
export const MIN_REDACTION_CHARS = 3;

/**
 * Redact a text from one finding (or, with `findingId` null, from every record of the case), with the
 * reason, e.g. "Art. 15(4): third party". The log keeps the text's SHA-256, not the text.
 */
export function addRedaction(
  db: WritableDb,
  caseId: CaseId,
  findingId: string | null,
  text: string,
  reason: string,
  options: DecideOptions = {},
): Redaction {
  const trimmedReason = reason.trim();
  if (!trimmedReason) throw new ReviewError('a redaction needs a reason (e.g. "Art. 15(4): third party")');
  const normalized = text.normalize('NFC');
  if (normalized.trim().length < MIN_REDACTION_CHARS) throw new ReviewError(`a redacted text must have at least ${MIN_REDACTION_CHARS} characters`);
  const now = options.now ?? new Date();
  const audit = auditAppender(db, options.actor);
  return db
    .transaction((): Redaction => {
      if (findingId !== null) {
        const known = db.prepare<[string, string], number>(`SELECT 1 FROM findings WHERE case_id = ? AND finding_id = ? LIMIT 1`).pluck();
        if (known.get(caseId, findingId) === undefined) throw new ReviewError(`case ${caseId} has no finding ${findingId}`);
      }
      const { lastInsertRowid } = db
        .prepare(`INSERT INTO redactions (case_id, finding_id, text, reason, created_at) VALUES (?, ?, ?, ?, ?)`)
        .run(caseId, findingId, normalized, trimmedReason, now.toISOString());
      const id = Number(lastInsertRowid);
      audit(caseId, 'finding.redacted', { redaction: id, finding: findingId, reason: trimmedReason, textSha256: textFingerprint(normalized), length: normalized.length }, now);
      return { id, findingId, text: normalized, reason: trimmedReason, createdAt: now.toISOString() };
    })
    .immediate();
}
