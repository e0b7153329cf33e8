import type { IdentifierWarning, SearchResult, SourceReport } from '../../shared/findings.js';
import type { ReadonlyDb } from './db.js';
import { FINDING_COLUMNS, findingFromRow, type FindingRow } from './findingRow.js';
import type { CaseId, RunId } from './ids.js';
import type { SearchRunRecord, SearchRunStatus } from './searchRunRecord.js';

interface RunRow {
  id: string;
  case_id: string;
  started_at: string;
  finished_at: string | null;
  status: string;
  workspace_path: string;
  subject_json: string;
  identifier_warnings_json: string;
}

interface SourceRow {
  source_id: string;
  type: string;
  status: string;
  scanned: number;
  error: string | null;
  warnings_json: string;
}

/** The id of a case's most recent finished run; the one review and export work from. */
export function latestRunId(db: ReadonlyDb, caseId: CaseId): RunId | undefined {
  return db
    .prepare<[string], string>(
      // rowid breaks ties between runs started in the same millisecond, in insertion order.
      `SELECT id FROM search_runs WHERE case_id = ? AND status <> 'running' ORDER BY started_at DESC, rowid DESC LIMIT 1`,
    )
    .pluck()
    .get(caseId) as RunId | undefined;
}

/** A case's most recent finished run with its full result (subject, sources, findings), as it was recorded. */
export function latestSearchRun(db: ReadonlyDb, caseId: CaseId): (SearchRunRecord & { readonly result: SearchResult }) | undefined {
  const run = latestSearchRunWithoutFindings(db, caseId);
  return run && { ...run, result: { ...run.result, findings: findingsOfRun(db, run.id) } };
}

/**
 * A case's most recent finished run with its subject and sources but not its findings: for readers
 * that then read the findings in batches (findingBatches.ts) rather than all at once.
 */
export function latestSearchRunWithoutFindings(
  db: ReadonlyDb,
  caseId: CaseId,
): (SearchRunRecord & { readonly result: Omit<SearchResult, 'findings'> }) | undefined {
  const runId = latestRunId(db, caseId);
  if (runId === undefined) return undefined;
  const run = db.prepare<[string], RunRow>(`SELECT id, case_id, started_at, finished_at, status, workspace_path, subject_json, identifier_warnings_json FROM search_runs WHERE id = ?`).get(runId);
  if (run === undefined) return undefined;
  const sources = db
    .prepare<[string], SourceRow>(`SELECT source_id, type, status, scanned, error, warnings_json FROM source_runs WHERE run_id = ? ORDER BY rowid`)
    .all(runId)
    .map(sourceReportFromRow);
  return {
    id: runId,
    caseId,
    startedAt: run.started_at,
    finishedAt: run.finished_at,
    status: run.status as SearchRunStatus,
    workspacePath: run.workspace_path,
    result: { subject: JSON.parse(run.subject_json) as SearchResult['subject'], sources, ...identifierWarnings(run.identifier_warnings_json) },
  };
}

/** Every finding of one run, in the order the search reported them. */
export function findingsOfRun(db: ReadonlyDb, runId: RunId): SearchResult['findings'] {
  return db.prepare<[string], FindingRow>(`SELECT ${FINDING_COLUMNS} FROM findings WHERE run_id = ? ORDER BY id`).all(runId).map(findingFromRow);
}

function sourceReportFromRow(row: SourceRow): SourceReport {
  return {
    id: row.source_id,
    type: row.type,
    status: row.status as SourceReport['status'],
    scanned: row.scanned,
    warnings: JSON.parse(row.warnings_json) as SourceReport['warnings'],
    error: row.error,
  };
}

/** The run's guard warnings; none is read as absent, as results written before the guard had none. */
function identifierWarnings(json: string): { identifierWarnings?: IdentifierWarning[] } {
  const warnings = JSON.parse(json) as IdentifierWarning[];
  return warnings.length ? { identifierWarnings: warnings } : {};
}
