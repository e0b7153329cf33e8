import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '../../../shared/api.js';

/** Overdue and due-soon warnings in words, not only in colour. */
export function DeadlineBadge({ summary }: { summary: Pick<CaseSummary, 'warning' | 'daysLeft'> }) {
  const { t } = useTranslation();
  if (summary.warning === 'overdue') return <span className="badge badge-danger">{t('cases.overdue', { count: -summary.daysLeft })}</span>;
  if (summary.warning === 'dueSoon') return <span className="badge badge-warning">{t('cases.dueSoon', { count: summary.daysLeft })}</span>;
  return null;
}
