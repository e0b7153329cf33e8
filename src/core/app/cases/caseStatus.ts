import type { CaseStatus } from '../../../shared/api.js';
import { CaseNotFoundError, type CaseId, type WritableDb } from '../../store/index.js';

/**
 * Move a case to another status. core/store has no status update yet (migration 001 only creates
 * cases); this one statement is the smallest write that does it and moves there with the case layer.
 */
export function setCaseStatus(db: WritableDb, caseId: CaseId, status: CaseStatus): void {
  const { changes } = db.prepare(`UPDATE cases SET status = ? WHERE id = ?`).run(status, caseId);
  if (changes === 0) throw new CaseNotFoundError(caseId);
}
