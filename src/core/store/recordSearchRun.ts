import type { SearchResult, SourceReport } from '../../shared/findings.js';
import { duplicateKeyOf } from '../search/duplicateKey.js';
import type { WritableDb } from './db.js';
import { CaseNotFoundError, CaseStoreError } from './errors.js';
import { newRunId, type CaseId } from './ids.js';
import type { SearchRunRecord, SearchRunStatus } from './searchRunRecord.js';

export interface SearchRunMeta {
  readonly startedAt: Date;
  readonly finishedAt: Date;
  /** The workspace file the run searched with; the case's own workspace may change later. */
  readonly workspacePath: string;
}

/**
 * Store a finished search run: what was searched for, every source's report and every finding, in
 * one transaction, so a crash never leaves a run with half its findings.
 */
export function recordSearchRun(db: WritableDb, caseId: CaseId, result: SearchResult, meta: Readonly<SearchRunMeta>): SearchRunRecord {
  assertConsistent(result);
  const run: SearchRunRecord = {
    id: newRunId(),
    caseId,
    startedAt: meta.startedAt.toISOString(),
    finishedAt: meta.finishedAt.toISOString(),
    status: runStatus(result.sources),
    workspacePath: meta.workspacePath,
  };

  const caseExists = db.prepare<[string], number>(`SELECT 1 FROM cases WHERE id = ?`).pluck();
  const insertRun = db.prepare(
    `INSERT INTO search_runs (id, case_id, started_at, finished_at, status, workspace_path, subject_json, finding_count, identifier_warnings_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertSource = db.prepare(
    `INSERT INTO source_runs (run_id, source_id, type, status, scanned, error, warnings_json) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  // One prepared statement reused for every row: preparing per row would dominate the time of a
  // 50k-finding run.
  const insertFinding = db.prepare(
    `INSERT INTO findings (run_id, case_id, finding_id, source_id, locator_json, strength, matches_json, activities_json,
                           categories_json, title, date, record_json, duplicate_key)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );

  db.transaction(() => {
    if (caseExists.get(caseId) === undefined) throw new CaseNotFoundError(caseId);
    insertRun.run(run.id, caseId, run.startedAt, run.finishedAt, run.status, run.workspacePath, JSON.stringify(result.subject), result.findings.length, JSON.stringify(result.identifierWarnings ?? []));
    for (const s of result.sources) {
      insertSource.run(run.id, s.id, s.type, s.status, s.scanned, s.error, JSON.stringify(s.warnings));
    }
    for (const f of result.findings) {
      insertFinding.run(
        run.id,
        caseId,
        f.id,
        f.source,
        JSON.stringify(f.locator),
        f.strength,
        JSON.stringify(f.matches),
        JSON.stringify(f.activities),
        JSON.stringify(f.categories),
        f.title,
        f.date,
        f.record === undefined ? null : JSON.stringify(f.record),
        duplicateKeyOf(f),
      );
    }
  }).immediate();
  return run;
}

/** `ok` when every source is complete, `failed` when every source failed, `partial` in between. */
export function runStatus(sources: readonly SourceReport[]): Exclude<SearchRunStatus, 'running'> {
  if (sources.every((s) => s.status === 'ok')) return 'ok';
  if (sources.every((s) => s.status === 'failed')) return 'failed';
  return 'partial';
}

// The schema would reject these too, but as a bare "constraint failed" that names neither the
// source nor the finding.
function assertConsistent(result: SearchResult): void {
  const sources = new Set<string>();
  for (const s of result.sources) {
    if (sources.has(s.id)) throw new CaseStoreError(`search result reports source "${s.id}" twice`);
    sources.add(s.id);
  }
  const findings = new Set<string>();
  for (const f of result.findings) {
    if (!sources.has(f.source)) throw new CaseStoreError(`finding ${f.id} names source "${f.source}", which the search result does not report`);
    if (findings.has(f.id)) throw new CaseStoreError(`search result contains finding ${f.id} twice`);
    findings.add(f.id);
  }
}
