import { normalFormOf } from '../identity/subjectIdentifiers.js';
import { auditAppender, currentActor, textFingerprint } from '../review/auditLog.js';
import type { DecideOptions } from '../review/decideFindings.js';
import { ReviewError } from '../review/reviewError.js';
import type { WritableDb } from '../store/db.js';
import { CaseNotFoundError } from '../store/errors.js';
import { getCase } from '../store/getCase.js';
import type { CaseId } from '../store/ids.js';
import type { VerificationInput } from './caseIdentifiers.js';
import { caseIdentifiers } from './caseIdentifiers.js';

/**
 * Record how identifiers of an existing case were verified (`auskunft case verify`), with an
 * `identifier.verified` audit entry. Returns how many identifiers it recorded. Findings already held
 * stay pending: including them is the officer's next decision.
 */
export function verifyIdentifiers(db: WritableDb, caseId: CaseId, inputs: readonly VerificationInput[], options: DecideOptions = {}): number {
  const c = getCase(db, caseId);
  if (!c) throw new CaseNotFoundError(caseId);
  const now = options.now ?? new Date();
  const audit = auditAppender(db, options.actor);
  const rows = db.prepare<[string], { id: number; type: string; value: string }>(`SELECT id, type, value FROM subject_identifiers WHERE case_id = ? ORDER BY id`).all(caseId);
  const identifiers = caseIdentifiers(c);
  const update = db.prepare(`UPDATE subject_identifiers SET verification_method = ?, verification_note = ?, verified_at = ?, verified_by = ? WHERE id = ?`);
  const by = options.actor ?? currentActor();
  return db
    .transaction(() => {
      let n = 0;
      for (const input of inputs) {
        const targets = identifiers
          .map((id, i) => ({ id, row: rows[i]! }))
          .filter(({ id }) => input.identifier === undefined || normalFormOf(id.type, input.identifier) === id.value || id.value === input.identifier.trim());
        if (!targets.length) throw new ReviewError(`case ${caseId} has no identifier "${input.identifier}"`);
        for (const { id, row } of targets) {
          update.run(input.method, input.note, now.toISOString(), by, row.id);
          audit(caseId, 'identifier.verified', { type: id.type, sha256: textFingerprint(id.value), method: input.method, by }, now);
          n++;
        }
      }
      return n;
    })
    .immediate();
}
