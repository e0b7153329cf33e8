import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseStatus, CaseSummary } from '../../../shared/api.js';
import { useApi, useApiEvents } from '../../api/ApiContext.js';
import { navigate, routeHref } from '../../app/router.js';
import { ErrorMessage } from '../../ui/ErrorMessage.js';
import { formatDate } from '../../ui/format.js';
import { useAsync } from '../../ui/useAsync.js';
import { STATUS_ORDER } from './caseStatusOrder.js';
import { NewCaseDialog } from './NewCaseDialog.js';
import { RetentionSetting } from './RetentionSetting.js';

const FINISHED: readonly CaseStatus[] = ['sent', 'answered', 'closed'];

/**
 * The officer's to-do list: cases still being worked on first, the nearest deadline on top, then
 * the finished ones (sent, answered, closed), also by deadline.
 */
function byDeadline(a: CaseSummary, b: CaseSummary): number {
  const done = Number(FINISHED.includes(a.status)) - Number(FINISHED.includes(b.status));
  return done || a.effectiveDueOn.localeCompare(b.effectiveDueOn) || a.id.localeCompare(b.id);
}

/** Every request with its deadline, urgency in colour and in words, the identity check and the sending. */
export function CasesScreen() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const cases = useAsync(() => api.cases.list({}), []);
  const [creating, setCreating] = useState(false);
  const [filter, setFilter] = useState<CaseStatus | 'all' | 'active'>('all');
  const shown = useMemo(
    () =>
      [...(cases.data ?? [])]
        .filter((c) => filter === 'all' || (filter === 'active' ? !FINISHED.includes(c.status) : c.status === filter))
        .sort(byDeadline),
    [cases.data, filter],
  );
  useApiEvents((event) => {
    if (event.type === 'cases') cases.reload();
  });
  const lang = i18n.language;
  return (
    <section className="screen" aria-labelledby="cases-title">
      <div className="screen-head">
        <h1 id="cases-title">{t('cases.title')}</h1>
        <button type="button" className="primary" onClick={() => setCreating(true)}>
          {t('cases.new')}
        </button>
      </div>
      <ErrorMessage error={cases.error} />
      {cases.data && cases.data.length === 0 && <p className="empty">{t('cases.empty')}</p>}
      {cases.data && cases.data.length > 0 && (
        <div className="list-filters">
          <label>
            {t('cases.filter')}{' '}
            <select value={filter} onChange={(e) => setFilter(e.target.value as typeof filter)}>
              <option value="all">{t('cases.filterAll')}</option>
              <option value="active">{t('cases.filterActive')}</option>
              {STATUS_ORDER.map((s) => (
                <option key={s} value={s}>
                  {t(`status.${s}`)}
                </option>
              ))}
            </select>
          </label>{' '}
          <span className="muted" aria-live="polite">
            {t('cases.shown', { count: shown.length, total: cases.data.length })}
          </span>
        </div>
      )}
      {cases.data && cases.data.length > 0 && (
        <table className="table cases-table">
          <caption className="visually-hidden">{t('cases.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('cases.reference')}</th>
              <th scope="col">{t('cases.person')}</th>
              <th scope="col">{t('cases.received')}</th>
              <th scope="col" aria-sort="ascending">
                {t('cases.due')}
              </th>
              <th scope="col">{t('cases.dueIn')}</th>
              <th scope="col">{t('cases.status')}</th>
              <th scope="col">{t('cases.identityCheck')}</th>
              <th scope="col">{t('cases.sent')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((c) => (
              <tr key={c.id} className={c.warning ? `row-${c.warning}` : undefined} data-warning={c.warning ?? undefined}>
                <td>
                  <a href={routeHref({ screen: 'case', caseId: c.id, tab: 'overview' })}>{c.id}</a>
                </td>
                <td>{c.subjectName ?? t('cases.unnamed')}</td>
                <td>{formatDate(c.receivedOn, lang)}</td>
                <td>
                  {formatDate(c.effectiveDueOn, lang)}
                  {c.extension && <span className="muted"> ({t('cases.extended')})</span>}
                </td>
                <td data-testid="due-in" className={c.warning ? `due-${c.warning}` : undefined}>
                  {FINISHED.includes(c.status)
                    ? '—'
                    : c.daysLeft < 0
                      ? t('cases.overdue', { count: -c.daysLeft })
                      : c.daysLeft === 0
                        ? t('cases.dueToday')
                        : t('cases.dueInDays', { count: c.daysLeft })}
                </td>
                <td>{t(`status.${c.status}`)}</td>
                <td data-testid="identity-check">
                  {c.identityCheck.total === 0
                    ? '—'
                    : c.identityCheck.verified === c.identityCheck.total
                      ? t('cases.identityAll')
                      : c.identityCheck.verified === 0
                        ? t('cases.identityNone')
                        : t('cases.identitySome', { verified: c.identityCheck.verified, total: c.identityCheck.total })}
                </td>
                <td data-testid="sent">{c.sent ? `${formatDate(c.sent.on, lang)}, ${t(`channel.${c.sent.channel}`)}` : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <RetentionSetting />
      <NewCaseDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(id) => {
          setCreating(false);
          navigate({ screen: 'case', caseId: id, tab: 'overview' });
        }}
      />
    </section>
  );
}
