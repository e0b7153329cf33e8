import { useMemo, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { DecisionState, RecordKind, ReviewList } from '../../../shared/api.js';
import type { Strength } from '../../../shared/findings.js';
import type { FindingFilter } from './filterFindings.js';

const DECISIONS: readonly DecisionState[] = ['open', 'include', 'exclude', 'redact'];
const STRENGTHS: readonly Strength[] = ['strong', 'weak'];

/** Filters by source, strength, category, activity and decision, and a text search (`/`). */
export function ReviewFilters({
  list,
  filter,
  onChange,
  searchRef,
  disabled,
  sourceLabel,
}: {
  list: ReviewList;
  filter: FindingFilter;
  onChange: (f: FindingFilter) => void;
  searchRef: RefObject<HTMLInputElement | null>;
  /** While the list is still loading, filtering would hide rows that simply have not arrived. */
  disabled: boolean;
  sourceLabel: (sourceId: string) => string;
}) {
  const { t } = useTranslation();
  // Offer only values that occur, computed once per list rather than on every keystroke.
  const used = useMemo(() => {
    const sources = new Set<string>();
    const categories = new Set<string>();
    const activities = new Set<string>();
    const kinds = new Set<RecordKind>();
    for (const r of list.rows) {
      sources.add(r.source);
      kinds.add(r.kind);
      for (const c of r.categories) categories.add(c);
      for (const a of r.activities) activities.add(a);
    }
    return { sources: [...sources].sort(), categories, activities, kinds: [...kinds].sort() };
  }, [list.rows]);
  const sources = used.sources;
  const select = (key: keyof FindingFilter, label: string, options: readonly { value: string; label: string }[]) => (
    <label className="filter">
      <span>{label}</span>
      <select value={filter[key]} onChange={(e) => onChange({ ...filter, [key]: e.target.value })} data-filter={key} disabled={disabled}>
        <option value="">{t('review.all')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <div className="filters" role="search">
      <label className="filter filter-text">
        <span>{t('review.searchLabel')}</span>
        <input ref={searchRef} type="search" disabled={disabled} value={filter.text} onChange={(e) => onChange({ ...filter, text: e.target.value })} placeholder={t('review.searchPlaceholder')} aria-keyshortcuts="/" />
      </label>
      {select('source', t('review.filterSource'), sources.map((s) => ({ value: s, label: sourceLabel(s) })))}
      {select('strength', t('review.filterStrength'), STRENGTHS.map((s) => ({ value: s, label: t(`strength.${s}`) })))}
      {select('category', t('review.filterCategory'), list.categories.filter((c) => used.categories.has(c.id)).map((c) => ({ value: c.id, label: c.name })))}
      {select('activity', t('review.filterActivity'), list.activities.filter((a) => used.activities.has(a.id)).map((a) => ({ value: a.id, label: a.name })))}
      {select('decision', t('review.filterDecision'), DECISIONS.map((d) => ({ value: d, label: t(`decision.${d}`) })))}
      {(used.kinds.length > 1 || filter.kind !== '') && select('kind', t('review.filterKind'), used.kinds.map((k) => ({ value: k, label: t(`kind.${k}`) })))}
    </div>
  );
}
