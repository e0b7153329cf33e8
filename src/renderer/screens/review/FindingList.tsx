import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { FindingSummary } from '../../../shared/api.js';
import { formatDate } from '../../ui/format.js';

/** Every row has the same height: the virtualizer then needs no measuring, which keeps 50,000 rows cheap. */
export const ROW_HEIGHT = 56;

export interface FindingListProps {
  readonly rows: readonly FindingSummary[];
  readonly activeId: string | null;
  readonly onActivate: (id: string) => void;
  readonly label: string;
  /** The workspace's name of a source, by id. */
  readonly sourceLabel: (sourceId: string) => string;
}

/**
 * The findings as a virtualized listbox: only the rows in view exist in the DOM. Keyboard focus stays
 * on the listbox and `aria-activedescendant` names the current row, the pattern screen readers know
 * from mail clients.
 */
export function FindingList({ rows, activeId, onActivate, label, sourceLabel }: FindingListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const activeIndex = activeId === null ? -1 : rows.findIndex((r) => r.id === activeId);
  useEffect(() => {
    if (activeIndex >= 0) virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
  }, [activeIndex, virtualizer]);

  return (
    <div
      ref={scrollRef}
      className="finding-list"
      role="listbox"
      aria-label={label}
      tabIndex={0}
      aria-activedescendant={activeIndex >= 0 ? optionId(rows[activeIndex]!.id) : undefined}
      data-testid="finding-list"
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index]!;
          return (
            <FindingRow
              key={row.id}
              row={row}
              active={row.id === activeId}
              top={item.start}
              position={item.index + 1}
              size={rows.length}
              onActivate={onActivate}
              sourceLabel={sourceLabel}
            />
          );
        })}
      </div>
    </div>
  );
}

export function optionId(findingId: string): string {
  return `finding-${findingId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

const FindingRow = memo(function FindingRow({
  row,
  active,
  top,
  position,
  size,
  onActivate,
  sourceLabel,
}: {
  row: FindingSummary;
  active: boolean;
  top: number;
  position: number;
  size: number;
  onActivate: (id: string) => void;
  sourceLabel: (sourceId: string) => string;
}) {
  const { t, i18n } = useTranslation();
  return (
    <div
      id={optionId(row.id)}
      role="option"
      aria-selected={active}
      aria-posinset={position}
      aria-setsize={size}
      className={`finding-row decision-${row.decision}${active ? ' active' : ''}`}
      style={{ transform: `translateY(${top}px)`, height: ROW_HEIGHT }}
      onMouseDown={(e) => {
        e.preventDefault();
        (e.currentTarget.parentElement?.parentElement as HTMLElement | null)?.focus();
        onActivate(row.id);
      }}
      data-finding={row.id}
    >
      <span className={`decision-mark decision-mark-${row.decision}`} aria-hidden="true" />
      <span className="finding-main">
        <span className="finding-title">{row.title}</span>
        <span className="finding-meta">
          {sourceLabel(row.source)} · {t(`kind.${row.kind}`)} · {formatDate(row.date, i18n.language)}
          {row.redactions > 0 && ` · ${t('review.redactionCount', { count: row.redactions })}`}
        </span>
      </span>
      <span className="finding-tags">
        {row.copies && (
          <span className="badge badge-copies" data-copies={row.copies.length + 1} title={t('review.copiesHint')}>
            {t('review.copies', { count: row.copies.length + 1 })}
          </span>
        )}
        {row.duplicateConflict && <span className="badge badge-conflict">{t('review.duplicateConflict')}</span>}
        <span className={`badge badge-${row.strength}`}>{t(`strength.${row.strength}`)}</span>
        <span className={`badge badge-decision-${row.decision}`}>{t(`decision.${row.decision}`)}</span>
      </span>
    </div>
  );
});
