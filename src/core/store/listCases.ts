import { CASE_COLUMNS, caseSummaryFromRow, type CaseRow, type CaseSummary } from './caseRecord.js';
import type { ReadonlyDb } from './db.js';

/** Every case, the most recently received first (the officer works against deadlines). */
export function listCases(db: ReadonlyDb): CaseSummary[] {
  return db
    .prepare<[], CaseRow>(`SELECT ${CASE_COLUMNS} FROM cases ORDER BY received_on DESC, created_at DESC, id DESC`)
    .all()
    .map(caseSummaryFromRow);
}
