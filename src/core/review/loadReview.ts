import type { ReadonlyDb } from '../store/db.js';
import type { CaseId } from '../store/ids.js';
import type { CaseReview, FindingDecision, Redaction, ReviewState } from './reviewTypes.js';

interface DecisionRow {
  finding_id: string;
  state: string;
  reason: string | null;
  decided_at: string;
}

/** A row of `redactions`, selected with REDACTION_COLUMNS. */
export interface RedactionRow {
  id: number;
  finding_id: string | null;
  text: string;
  reason: string;
  created_at: string;
}
export const REDACTION_COLUMNS = 'id, finding_id, text, reason, created_at';

export function redactionOf(row: RedactionRow): Redaction {
  return { id: row.id, findingId: row.finding_id, text: row.text, reason: row.reason, createdAt: row.created_at };
}

/** Every decision and redaction of a case. */
export function loadReview(db: ReadonlyDb, caseId: CaseId): CaseReview {
  const decisions = new Map<string, FindingDecision>();
  for (const row of db
    .prepare<[string], DecisionRow>(`SELECT finding_id, state, reason, decided_at FROM review_decisions WHERE case_id = ?`)
    .all(caseId)) {
    // The table's CHECK admits only the three states.
    decisions.set(row.finding_id, { findingId: row.finding_id, state: row.state as ReviewState, reason: row.reason, decidedAt: row.decided_at });
  }
  const redactions: Redaction[] = db
    .prepare<[string], RedactionRow>(`SELECT ${REDACTION_COLUMNS} FROM redactions WHERE case_id = ? ORDER BY id`)
    .all(caseId)
    .map(redactionOf);
  return { decisions, redactions };
}
