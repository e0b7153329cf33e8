import type { DecisionState, FindingSummary } from '../../../shared/api.js';
import type { Strength } from '../../../shared/findings.js';

export interface FindingFilter {
  readonly source: string;
  readonly strength: Strength | '';
  readonly category: string;
  readonly activity: string;
  readonly decision: DecisionState | '';
  /** Words that must all appear in the title or source (case-insensitive). */
  readonly text: string;
}

export const NO_FILTER: FindingFilter = { source: '', strength: '', category: '', activity: '', decision: '', text: '' };

/** Lower-cased search text per row, built once per list so that typing filters 50,000 rows in a few ms. */
export function searchIndex(rows: readonly FindingSummary[]): string[] {
  return rows.map((r) => `${r.title}\u0000${r.source}\u0000${r.date ?? ''}`.toLowerCase());
}

/** The rows that pass every filter, in list order. */
export function filterFindings(rows: readonly FindingSummary[], index: readonly string[], filter: FindingFilter): FindingSummary[] {
  const words = filter.text.toLowerCase().split(/\s+/).filter(Boolean);
  const out: FindingSummary[] = [];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    if (filter.source && r.source !== filter.source) continue;
    if (filter.strength && r.strength !== filter.strength) continue;
    if (filter.decision && r.decision !== filter.decision) continue;
    if (filter.category && !r.categories.includes(filter.category)) continue;
    if (filter.activity && !r.activities.includes(filter.activity)) continue;
    if (words.length) {
      const hay = index[i]!;
      if (!words.every((w) => hay.includes(w))) continue;
    }
    out.push(r);
  }
  return out;
}
