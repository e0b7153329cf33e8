import type { Finding } from '../../shared/findings.js';
import type { WritableDb } from '../store/db.js';
import type { CaseId } from '../store/ids.js';
import { decideFindings, type DecideOptions } from './decideFindings.js';
import type { CaseReview } from './reviewTypes.js';

/** The reason `auskunft run` records when it includes a finding on its own. */
export const AUTO_INCLUDE_REASON = 'strong match: an identifier of the subject matched exactly (included automatically)';

/**
 * Include every strong finding that nobody has decided on yet (`auskunft run`). Weak findings stay
 * pending: a name alone never puts a record into an answer (DESIGN.md "match strength"), and an
 * officer's earlier decision is never overridden. Returns how many were included.
 */
export function includeStrongFindings(db: WritableDb, caseId: CaseId, findings: readonly Finding[], review: CaseReview, options: DecideOptions = {}): number {
  const undecided = findings.filter((f) => f.strength === 'strong' && !review.decisions.has(f.id)).map((f) => f.id);
  return decideFindings(db, caseId, undecided, { state: 'included', reason: AUTO_INCLUDE_REASON }, options);
}
