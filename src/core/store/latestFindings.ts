import type { Finding } from '../../shared/findings.js';
import type { ReadonlyDb } from './db.js';
import type { CaseId } from './ids.js';
import { findingsOfRun, latestRunId } from './latestSearchRun.js';

/** The findings of a case's most recent finished search run; empty when it was never searched. */
export function latestFindings(db: ReadonlyDb, caseId: CaseId): Finding[] {
  const runId = latestRunId(db, caseId);
  return runId === undefined ? [] : findingsOfRun(db, runId);
}
