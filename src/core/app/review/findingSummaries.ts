import type { FindingSummary, RecordKind } from '../../../shared/api.js';
import type { Finding, IdentifierType } from '../../../shared/findings.js';
import { latestRunId, type CaseId, type ReadonlyDb, type RunId } from '../../store/index.js';
import { thirdPartyCache } from './thirdPartyCache.js';

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
/** The duplicate groups of the last runs, by finding id of each member. */
const groupCache = new Map<RunId, Map<string, DuplicateGroup>>();

/** A finding's duplicate group (search/duplicateKey.ts) in the review list: its first finding and all members. */
interface DuplicateGroup {
  readonly first: string;
  readonly ids: string[];
}

/** The row ids of the last runs' findings, in order: a page of the list is then a range of row ids. */
const idCache = new Map<RunId, number[]>();
const CACHED_RUNS = 2;

function remember<T>(map: Map<RunId, T>, runId: RunId, value: T): T {
  map.set(runId, value);
  while (map.size > CACHED_RUNS) map.delete(map.keys().next().value!);
  return value;
}

/**
 * The findings of a case's latest run without their records, in the order found: the review list of
 * 50,000 findings must not parse 50,000 mail bodies. `offset`/`limit` give one page of it, read on its
 * own: the UI loads the list in pages, and the engine must answer other calls (a finding's detail)
 * between them instead of reading the whole run at once.
 */
export function findingSummaries(db: ReadonlyDb, caseId: CaseId, page: { readonly offset?: number; readonly limit?: number | null } = {}): SummaryWithoutDecision[] {
  const runId = latestRunId(db, caseId);
  if (runId === undefined) return [];
  const offset = page.offset ?? 0;
  const limit = page.limit ?? null;
  const cached = cache.get(runId);
  if (cached) return offset === 0 && limit === null ? cached : cached.slice(offset, limit === null ? undefined : offset + limit);
  // The first page is on screen at once: it is read from the run's first row on, without the ids of
  // all its findings (the rest of the list asks for those right after).
  if (offset === 0 && limit !== null && !idCache.has(runId)) {
    const first = db.prepare<[string], number | null>(`SELECT min(id) FROM findings WHERE run_id = ?`).pluck().get(runId) ?? null;
    return first === null ? [] : readSummaries(db, runId, first, Number.MAX_SAFE_INTEGER, limit);
  }
  const ids = findingRowIds(db, runId);
  const last = Math.min(ids.length, limit === null ? ids.length : offset + limit) - 1;
  if (offset > last) return [];
  const rows = readSummaries(db, runId, ids[offset]!, ids[last]!, -1);
  // The whole run is kept: the overview and the export read it all, and ask again.
  return offset === 0 && limit === null ? remember(cache, runId, rows) : rows;
}

function findingRowIds(db: ReadonlyDb, runId: RunId): number[] {
  return idCache.get(runId) ?? remember(idCache, runId, db.prepare<[string], number>(`SELECT id FROM findings WHERE run_id = ? ORDER BY id`).pluck().all(runId));
}

/**
 * The run's findings with row ids from `first` to `last`, at most `limit` (-1: all): a range of the
 * table, read in order without sorting.
 */
function readSummaries(db: ReadonlyDb, runId: RunId, first: number, last: number, limit: number): SummaryWithoutDecision[] {
  const kindOfSource = new Map(
    db
      .prepare<[string], { source_id: string; type: string }>(`SELECT source_id, type FROM source_runs WHERE run_id = ?`)
      .all(runId)
      .map((s) => [s.source_id, KIND_OF_SOURCE_TYPE[s.type]] as const),
  );
  // `+run_id` keeps SQLite on the row id range: through the run_id index it would look up and sort
  // every finding of the run for each page, seconds for 50,000.
  const rows = db
    .prepare<[number, number, string, number], SummaryRow>(
      `SELECT finding_id, source_id, strength, title, date, categories_json, activities_json, matches_json
       FROM findings WHERE id BETWEEN ? AND ? AND +run_id = ? ORDER BY id LIMIT ?`,
    )
    .all(first, last, runId, limit);
  const groups = duplicateGroups(db, runId);
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
      ...groupFields(groups.get(r.finding_id), r.finding_id),
    };
  });
}

function groupFields(group: DuplicateGroup | undefined, id: string): Pick<SummaryWithoutDecision, 'copies' | 'copyOf'> {
  if (!group) return {};
  return group.first === id ? { copies: group.ids.filter((other) => other !== id) } : { copyOf: group.first };
}

/**
 * The run's findings that are copies of the same data, grouped, the first found first. Only groups
 * of more than one are read: for most runs this is a short list from the duplicate index.
 */
export function duplicateGroups(db: ReadonlyDb, runId: RunId): Map<string, DuplicateGroup> {
  const cached = groupCache.get(runId);
  if (cached) return cached;
  const rows = db
    .prepare<[string, string], { finding_id: string; duplicate_key: string }>(
      `SELECT finding_id, duplicate_key FROM findings
        WHERE run_id = ? AND duplicate_key IN (SELECT duplicate_key FROM findings WHERE run_id = ? AND duplicate_key IS NOT NULL GROUP BY duplicate_key HAVING count(*) > 1)
        ORDER BY id`,
    )
    .all(runId, runId);
  const byKey = new Map<string, DuplicateGroup>();
  const byId = new Map<string, DuplicateGroup>();
  for (const r of rows) {
    let group = byKey.get(r.duplicate_key);
    if (!group) byKey.set(r.duplicate_key, (group = { first: r.finding_id, ids: [] }));
    group.ids.push(r.finding_id);
    byId.set(r.finding_id, group);
  }
  return remember(groupCache, runId, byId);
}

/** Drop cached summaries: after a case is erased, none of its data may stay in memory. */
export function forgetFindingSummaries(): void {
  cache.clear();
  idCache.clear();
  thirdPartyCache.clear();
  groupCache.clear();
}

/** How many findings a case's latest run has. */
export function findingCount(db: ReadonlyDb, caseId: CaseId): number {
  const runId = latestRunId(db, caseId);
  if (runId === undefined) return 0;
  // Recorded with the run (store/migrations/005): counting would read the index of the whole run.
  return cache.get(runId)?.length ?? idCache.get(runId)?.length ?? db.prepare<[string], number>(`SELECT finding_count FROM search_runs WHERE id = ?`).pluck().get(runId)!;
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
