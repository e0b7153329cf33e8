import type { ReadonlyDb } from '../store/index.js';

interface Row {
  started_at: string;
  finished_at: string | null;
  status: 'running' | 'ok' | 'partial' | 'failed';
  findings: number;
}

/** The latest search run of a case with its number of findings (recorded with it), without reading the findings. */
export function lastSearchSummary(db: ReadonlyDb, caseId: string): { startedAt: string; finishedAt: string | null; status: Row['status']; findings: number } | null {
  const row = db
    .prepare<[string], Row>(
      `SELECT r.started_at, r.finished_at, r.status, r.finding_count AS findings
       FROM search_runs r WHERE r.case_id = ? ORDER BY r.started_at DESC, r.rowid DESC LIMIT 1`,
    )
    .get(caseId);
  return row ? { startedAt: row.started_at, finishedAt: row.finished_at, status: row.status, findings: row.findings } : null;
}
