import type { AuskunftHandlers, Overview } from '../../../shared/api.js';
import { loadReview } from '../../review/loadReview.js';
import { CaseNotFoundError, getCase, latestRunId, parseCaseId } from '../../store/index.js';
import type { AppContext } from '../context.js';
import { findingSummaries } from '../review/findingSummaries.js';
import { decisionOf } from '../review/reviewDecisions.js';
import { registerNames } from '../review/reviewService.js';

const DECISION_LABELS = {
  de: { open: 'Offen', include: 'Aufgenommen', exclude: 'Ausgeschlossen', redact: 'Geschwärzt' },
  en: { open: 'Undecided', include: 'Included', exclude: 'Excluded', redact: 'Redacted' },
} as const;

/** "How big is this request?": counts per source, category, activity, decision and record kind. */
export function overviewService(ctx: AppContext): AuskunftHandlers['overview'] {
  return {
    async get({ caseId, lang }) {
      const id = parseCaseId(caseId);
      const stored = getCase(ctx.db, id);
      if (!stored) throw new CaseNotFoundError(id);
      const rows = findingSummaries(ctx.db, id);
      const review = loadReview(ctx.db, id);
      const names = registerNames(ctx, stored.workspacePath, lang);
      const count = (keys: Iterable<string>, label: (key: string) => string = (k) => k) => {
        const counts = new Map<string, number>();
        for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
        return [...counts].map(([key, n]) => ({ key, label: label(key), count: n })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
      };
      const runId = latestRunId(ctx.db, id);
      const sources = runId
        ? ctx.db
            .prepare<[string], { source_id: string; status: 'ok' | 'partial' | 'failed'; error: string | null; warnings: number }>(
              `SELECT source_id, status, error, json_array_length(warnings_json) AS warnings FROM source_runs WHERE run_id = ? ORDER BY rowid`,
            )
            .all(runId)
        : [];
      const strong = rows.filter((r) => r.strength === 'strong').length;
      const overview: Overview = {
        caseId: id,
        total: rows.length,
        strong,
        weak: rows.length - strong,
        bySource: count(rows.map((r) => r.source), (k) => names.sources.get(k) ?? k),
        byCategory: count(rows.flatMap((r) => r.categories), (k) => names.categories.get(k) ?? k),
        byActivity: count(rows.flatMap((r) => r.activities), (k) => names.activities.get(k) ?? k),
        byDecision: count(rows.map((r) => decisionOf(review, r.id).state), (k) => DECISION_LABELS[lang][k as keyof (typeof DECISION_LABELS)['de']] ?? k),
        byKind: count(rows.map((r) => r.kind)),
        incompleteSources: sources.filter((s) => s.status !== 'ok').map((s) => ({ id: s.source_id, status: s.status, error: s.error, warnings: s.warnings })),
      };
      return overview;
    },
  };
}
