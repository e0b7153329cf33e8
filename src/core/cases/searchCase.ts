import type { SearchResult } from '../../shared/findings.js';
import { ConfigError } from '../config/configError.js';
import { compileSubject, InvalidIdentifierError } from '../identity/compileSubject.js';
import { auditAppender } from '../review/auditLog.js';
import { ReviewError } from '../review/reviewError.js';
import { runSearch, type SearchOptions } from '../search/runSearch.js';
import type { WritableDb } from '../store/db.js';
import { CaseNotFoundError } from '../store/errors.js';
import { getCase } from '../store/getCase.js';
import type { CaseId } from '../store/ids.js';
import { recordSearchRun } from '../store/recordSearchRun.js';
import { derivedTextCache } from '../store/derivedTextCache.js';
import { sourceStateStore } from '../store/sourceStateStore.js';
import type { SearchRunRecord } from '../store/searchRunRecord.js';
import { loadWorkspace } from '../workspace/loadWorkspace.js';
import type { Workspace } from '../workspace/workspace.js';

export interface CaseSearch {
  /** Null when the search was cancelled: nothing of it is recorded. */
  readonly run: SearchRunRecord | null;
  readonly result: SearchResult;
  readonly workspace: Workspace;
}

/**
 * Search every source of the case's workspace for the case's subject and store the run with its
 * audit entry (`auskunft case search`). Decisions made on earlier runs stay: they are keyed by
 * finding id, which is stable across runs. A cancelled search records nothing: the findings of the
 * sources read so far would be taken for the whole, so the case keeps its previous run.
 */
export async function searchCase(db: WritableDb, caseId: CaseId, options: SearchOptions & { readonly now?: () => Date; readonly actor?: string } = {}): Promise<CaseSearch> {
  const c = getCase(db, caseId);
  if (!c) throw new CaseNotFoundError(caseId);
  if (!c.workspacePath) throw new ReviewError(`case ${caseId} has no workspace to search`);
  const workspace = loadWorkspace(c.workspacePath);
  let query;
  try {
    query = compileSubject(c.subject);
  } catch (err) {
    // The subject was checked when the case was created; this only happens with a hand-edited store.
    if (err instanceof InvalidIdentifierError) throw new ConfigError(`case ${caseId}`, err.field, err.reason);
    throw err;
  }
  const clock = options.now ?? (() => new Date());
  const startedAt = clock();
  // Per-source state (IMAP positions, the subject's matched UIDs) lives in the case store, keyed by
  // workspace and source, so 'case search' and the app both re-search incrementally.
  const stateFor = options.stateFor ?? ((sourceId: string) => sourceStateStore(db, `${workspace.file}#${sourceId}`));
  // OCR text is kept in the same store, by file content, so no case pays for a scan twice.
  const textCache = options.textCache ?? derivedTextCache(db);
  const result = await runSearch(workspace, c.subject, query, { ...options, stateFor, textCache });
  if (options.signal?.aborted) return { run: null, result, workspace };
  const finishedAt = clock();
  const audit = auditAppender(db, options.actor);
  const run = db
    .transaction(() => {
      const recorded = recordSearchRun(db, caseId, result, { startedAt, finishedAt, workspacePath: workspace.file });
      const strong = result.findings.filter((f) => f.strength === 'strong').length;
      audit(
        caseId,
        'search.recorded',
        {
          run: recorded.id,
          status: recorded.status,
          sources: result.sources.map((s) => ({ id: s.id, status: s.status, scanned: s.scanned })),
          findings: result.findings.length,
          strong,
          weak: result.findings.length - strong,
        },
        finishedAt,
      );
      return recorded;
    })
    .immediate();
  return { run, result, workspace };
}
