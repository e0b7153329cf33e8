import type { Finding } from '../../shared/findings.js';
import type { ReadonlyDb } from './db.js';
import { FINDING_COLUMNS, findingFromRow, type FindingRow } from './findingRow.js';
import type { CaseId, RunId } from './ids.js';

/**
 * A finding of a run without its content (title, matches, record), with the review state of the
 * case: enough to plan an export and count, while the records themselves are read batch by batch
 * with `findingsByKeys`, so a case with many records never holds all of them in memory.
 */
export interface FindingKeyRow {
  /** The row's key in `findings`, for `findingsByKeys`. */
  key: number;
  finding_id: string;
  source_id: string;
  strength: string;
  /** The record's kind (`record_json.kind`), null when the source kept no record. */
  kind: string | null;
  /** The review state; null when no decision was recorded (pending). */
  state: string | null;
  locator_json: string;
  activities_json: string;
  categories_json: string;
  date: string | null;
  /** The finding's duplicate group (search/duplicateKey.ts); null when it stands alone. */
  duplicate_key: string | null;
}

/** Every finding of one run as a FindingKeyRow, in the order the search reported them (as findingsOfRun). */
export function findingKeysOfRun(db: ReadonlyDb, caseId: CaseId, runId: RunId): FindingKeyRow[] {
  return db
    .prepare<[string, string], FindingKeyRow>(
      `SELECT f.id AS key, f.finding_id, f.source_id, f.strength, json_extract(f.record_json, '$.kind') AS kind, d.state,
              f.locator_json, f.activities_json, f.categories_json, f.date, f.duplicate_key
         FROM findings f LEFT JOIN review_decisions d ON d.case_id = ? AND d.finding_id = f.finding_id
        WHERE f.run_id = ? ORDER BY f.id`,
    )
    .all(caseId, runId);
}

/** The findings with these keys (FindingKeyRow.key), in the order of the keys. */
export function findingsByKeys(db: ReadonlyDb, keys: readonly number[]): Finding[] {
  if (keys.length === 0) return [];
  const rows = db
    .prepare<[string], FindingRow & { key: number }>(`SELECT id AS key, ${FINDING_COLUMNS} FROM findings WHERE id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(keys));
  const byKey = new Map(rows.map((r) => [r.key, r]));
  return keys.map((key) => {
    const row = byKey.get(key);
    if (row === undefined) throw new Error(`finding ${key} is no longer in the case store`);
    return findingFromRow(row);
  });
}
