import type { Finding } from '../../shared/findings.js';

/** A `findings` row as read back; the JSON columns hold parts of the findings contract verbatim. */
export interface FindingRow {
  finding_id: string;
  source_id: string;
  locator_json: string;
  strength: string;
  matches_json: string;
  activities_json: string;
  categories_json: string;
  title: string;
  date: string | null;
  record_json: string | null;
}

export const FINDING_COLUMNS =
  'finding_id, source_id, locator_json, strength, matches_json, activities_json, categories_json, title, date, record_json';

// Rows are written only by recordSearchRun from typed Findings, and a file from a newer schema is
// refused at open, so the JSON is trusted here: validating 50k findings with zod on every read
// would cost more than the whole query.
export function findingFromRow(row: FindingRow): Finding {
  const finding: Finding = {
    id: row.finding_id,
    source: row.source_id,
    locator: JSON.parse(row.locator_json) as Finding['locator'],
    strength: row.strength as Finding['strength'],
    matches: JSON.parse(row.matches_json) as Finding['matches'],
    activities: JSON.parse(row.activities_json) as Finding['activities'],
    categories: JSON.parse(row.categories_json) as Finding['categories'],
    title: row.title,
    date: row.date,
  };
  if (row.record_json !== null) finding.record = JSON.parse(row.record_json) as NonNullable<Finding['record']>;
  return finding;
}
