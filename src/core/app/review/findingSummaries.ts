import type { FindingSummary, RecordKind } from '../../../shared/api.js';
import type { Finding, IdentifierType } from '../../../shared/findings.js';
import { latestRunId, type CaseId, type ReadonlyDb, type RunId } from '../../store/index.js';

interface SummaryRow {
  finding_id: string;
  source_id: string;
  strength: 'strong' | 'weak';
  title: string;
  date: string | null;
  categories_json: string;
  activities_json: string;
  matches_json: string;
}

export type SummaryWithoutDecision = Omit<FindingSummary, 'decision' | 'redactions'>;

const KINDS = new Set<RecordKind>(['mail', 'row', 'call', 'ticket', 'logline', 'document']);

/**
 * The record kind each source type produces. Reading the kind from `record_json` would make SQLite
 * parse every stored record; for these types it is known from the connector. A type missing here
 * (a new connector) is read from the records.
 */
const KIND_OF_SOURCE_TYPE: Readonly<Record<string, RecordKind>> = {
  mbox: 'mail',
  eml: 'mail',
  maildir: 'mail',
  imap: 'mail',
  table: 'row',
  contacts: 'row',
  calls: 'call',
  tickets: 'ticket',
  weblog: 'logline',
  documents: 'document',
};

/** Summaries of the last runs asked for: a run's findings never change, only decisions do. */
const cache = new Map<RunId, SummaryWithoutDecision[]>();
const CACHED_RUNS = 2;

/**
 * The findings of a case's latest run without their records, in the order found: the review list of
 * 50,000 findings must not parse 50,000 mail bodies. `offset`/`limit` let the UI paint the first rows
 * while the rest loads.
 */
export function findingSummaries(db: ReadonlyDb, caseId: CaseId, page: { readonly offset?: number; readonly limit?: number | null } = {}): SummaryWithoutDecision[] {
  const runId = latestRunId(db, caseId);
  if (runId === undefined) return [];
  const offset = page.offset ?? 0;
  const limit = page.limit ?? null;
  const slice = (all: SummaryWithoutDecision[]) => (offset === 0 && limit === null ? all : all.slice(offset, limit === null ? undefined : offset + limit));
  const cached = cache.get(runId);
  if (cached) return slice(cached);
  // The first page alone is read with LIMIT, so it is on screen at once; any other request reads the
  // whole run once and keeps it, since the UI asks for the rest right after.
  if (offset === 0 && limit !== null) return readSummaries(db, runId, limit);
  const all = readSummaries(db, runId, null);
  cache.set(runId, all);
  while (cache.size > CACHED_RUNS) cache.delete(cache.keys().next().value!);
  return slice(all);
}

function readSummaries(db: ReadonlyDb, runId: RunId, limit: number | null): SummaryWithoutDecision[] {
  const kindOfSource = new Map(
    db
      .prepare<[string], { source_id: string; type: string }>(`SELECT source_id, type FROM source_runs WHERE run_id = ?`)
      .all(runId)
      .map((s) => [s.source_id, KIND_OF_SOURCE_TYPE[s.type]] as const),
  );
  const rows = db
    .prepare<[string, number, number], SummaryRow>(
      `SELECT finding_id, source_id, strength, title, date, categories_json, activities_json, matches_json
       FROM findings WHERE run_id = ? ORDER BY id LIMIT ? OFFSET ?`,
    )
    .all(runId, limit ?? -1, 0);
  const unknownKinds = rows.some((r) => kindOfSource.get(r.source_id) === undefined) ? recordKinds(db, runId) : new Map<string, string>();

  // Category and activity lists repeat across thousands of findings: parse each distinct one once.
  const parsed = new Map<string, string[]>();
  const list = (json: string) => {
    let value = parsed.get(json);
    if (!value) parsed.set(json, (value = JSON.parse(json) as string[]));
    return value;
  };
  return rows.map((r): SummaryWithoutDecision => {
    const kind = kindOfSource.get(r.source_id) ?? unknownKinds.get(r.finding_id);
    return {
      id: r.finding_id,
      source: r.source_id,
      kind: kind && KINDS.has(kind as RecordKind) ? (kind as RecordKind) : 'unknown',
      strength: r.strength,
      title: r.title,
      date: r.date,
      categories: list(r.categories_json),
      activities: list(r.activities_json),
      matchTypes: matchTypesOf(r.matches_json),
    };
  });
}

/** Drop cached summaries: after a case is erased, none of its data may stay in memory. */
export function forgetFindingSummaries(): void {
  cache.clear();
}

/** How many findings a case's latest run has. */
export function findingCount(db: ReadonlyDb, caseId: CaseId): number {
  const runId = latestRunId(db, caseId);
  if (runId === undefined) return 0;
  return cache.get(runId)?.length ?? db.prepare<[string], number>(`SELECT count(*) FROM findings WHERE run_id = ?`).pluck().get(runId)!;
}

function recordKinds(db: ReadonlyDb, runId: RunId): Map<string, string> {
  return new Map(
    db
      .prepare<[string], { finding_id: string; kind: string | null }>(`SELECT finding_id, json_extract(record_json, '$.kind') AS kind FROM findings WHERE run_id = ?`)
      .all(runId)
      .map((r) => [r.finding_id, r.kind ?? 'unknown'] as const),
  );
}

/** The distinct identifier types of a finding's matches, without parsing the whole matches JSON. */
function matchTypesOf(json: string): IdentifierType[] {
  const types = new Set<IdentifierType>();
  for (const m of json.matchAll(/"type":"(\w+)"/g)) types.add(m[1] as IdentifierType);
  return [...types];
}

/** One finding of a case's latest run, with its record; undefined when the run has no such finding. */
export function findingOfCase(db: ReadonlyDb, caseId: CaseId, findingId: string): Finding | undefined {
  const runId = latestRunId(db, caseId);
  if (runId === undefined) return undefined;
  const row = db
    .prepare<[string, string], { source_id: string; locator_json: string; strength: string; matches_json: string; activities_json: string; categories_json: string; title: string; date: string | null; record_json: string | null }>(
      `SELECT source_id, locator_json, strength, matches_json, activities_json, categories_json, title, date, record_json
       FROM findings WHERE run_id = ? AND finding_id = ?`,
    )
    .get(runId, findingId);
  if (!row) return undefined;
  const finding: Finding = {
    id: findingId,
    source: row.source_id,
    locator: JSON.parse(row.locator_json) as Finding['locator'],
    strength: row.strength as Finding['strength'],
    matches: JSON.parse(row.matches_json) as Finding['matches'],
    activities: JSON.parse(row.activities_json) as string[],
    categories: JSON.parse(row.categories_json) as string[],
    title: row.title,
    date: row.date,
  };
  if (row.record_json !== null) finding.record = JSON.parse(row.record_json) as NonNullable<Finding['record']>;
  return finding;
}
