import type { ReadonlyDb } from '../store/db.js';
import type { CaseId } from '../store/ids.js';
import { latestRunId } from '../store/latestSearchRun.js';

/**
 * The findings with every copy of the same data (search/duplicateKey.ts) in the case's latest run,
 * the given ones first, each once. Older runs are not grouped: review and export work from the latest.
 */
export function withCopies(db: ReadonlyDb, caseId: CaseId, findingIds: readonly string[]): string[] {
  const out = new Set(findingIds);
  const runId = latestRunId(db, caseId);
  if (runId === undefined || findingIds.length === 0) return [...out];
  const copies = db
    .prepare<[string, string, string], string>(
      `SELECT c.finding_id FROM findings f JOIN findings c ON c.run_id = f.run_id AND c.duplicate_key = f.duplicate_key
        WHERE f.run_id = ? AND f.finding_id IN (SELECT value FROM json_each(?)) AND c.run_id = ? ORDER BY c.id`,
    )
    .pluck();
  for (const id of copies.all(runId, JSON.stringify(findingIds), runId)) out.add(id);
  return [...out];
}

/** The other findings of the same data as each of these, by finding id (empty lists left out). */
export function copiesOf(db: ReadonlyDb, caseId: CaseId, findingIds: readonly string[]): Map<string, string[]> {
  const runId = latestRunId(db, caseId);
  const out = new Map<string, string[]>();
  if (runId === undefined || findingIds.length === 0) return out;
  const rows = db
    .prepare<[string, string], { finding_id: string; copy: string }>(
      `SELECT f.finding_id, c.finding_id AS copy FROM findings f JOIN findings c ON c.run_id = f.run_id AND c.duplicate_key = f.duplicate_key AND c.id <> f.id
        WHERE f.run_id = ? AND f.finding_id IN (SELECT value FROM json_each(?)) ORDER BY c.id`,
    )
    .all(runId, JSON.stringify(findingIds));
  for (const r of rows) {
    const list = out.get(r.finding_id);
    if (list) list.push(r.copy);
    else out.set(r.finding_id, [r.copy]);
  }
  return out;
}
