import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchStatus, SourceSearchStatus } from '../../../shared/api.js';
import { useApi, useApiEvents } from '../../api/ApiContext.js';
import { routeHref } from '../../app/router.js';
import { ErrorMessage } from '../../ui/ErrorMessage.js';
import { formatDuration, formatNumber } from '../../ui/format.js';
import { useAsync } from '../../ui/useAsync.js';
import { describeWarnings } from './describeWarnings.js';

/** Run the search: a bar per source with counts and time left, cancel, and every warning in plain words. */
export function SearchScreen({ caseId, onFinished }: { caseId: string; onFinished: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const loaded = useAsync(() => api.search.status({ caseId }), [caseId]);
  // A source the workspace names (`label:`) is shown by that name rather than "archive (mbox)".
  const sourcesView = useAsync(() => api.sources.list({}), []);
  const labels = new Map((sourcesView.data?.sources ?? []).flatMap((s) => (s.label ? [[s.id, s.label] as const] : [])));
  const [live, setLive] = useState<SearchStatus | null>(null);
  const [error, setError] = useState<Error>();
  useApiEvents((event) => {
    if (event.type !== 'search' || event.status.caseId !== caseId) return;
    setLive(event.status);
    if (event.status.state !== 'running') onFinished();
  });
  const status = live && (!loaded.data || live.searchId === loaded.data.searchId || live.startedAt >= loaded.data.startedAt) ? live : (loaded.data ?? null);
  const running = status?.state === 'running';

  return (
    <section aria-labelledby="search-title">
      <div className="screen-head">
        <h2 id="search-title">{t('search.title')}</h2>
        {running ? (
          <button type="button" className="danger" onClick={() => status && api.search.cancel({ searchId: status.searchId }).catch(setError)}>
            {t('search.cancel')}
          </button>
        ) : (
          <button
            type="button"
            className="primary"
            onClick={() => {
              setError(undefined);
              api.search.start({ caseId }).then(setLive, setError);
            }}
          >
            {status ? t('search.again') : t('search.start')}
          </button>
        )}
      </div>
      <p className="hint">{t('search.hint')}</p>
      <ErrorMessage error={error ?? loaded.error} />
      <p aria-live="polite" className="search-state">
        {status && t(`search.state.${status.state}`)}
        {status?.state === 'done' && (
          <>
            {' '}
            <a href={routeHref({ screen: 'case', caseId, tab: 'review' })}>{t('search.toReview')}</a>
          </>
        )}
      </p>
      {status?.error && <ErrorMessage error={status.error} />}
      {status && (
        <ul className="source-progress" aria-label={t('search.sources')}>
          {status.sources.map((s) => (
            <SourceProgress key={s.id} source={s} label={labels.get(s.id)} />
          ))}
        </ul>
      )}
    </section>
  );
}

function SourceProgress({ source, label: named }: { source: SourceSearchStatus; label: string | undefined }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const running = source.state === 'running';
  const finished = !running && source.state !== 'waiting';
  const groups = describeWarnings(source.warnings);
  const label = named ?? `${source.id} (${source.type})`;
  return (
    <li className={`source source-${source.state}`} data-source={source.id}>
      <div className="source-line">
        <strong>{label}</strong>
        <span className={`badge badge-state-${source.state}`}>{t(`sourceState.${source.state}`)}</span>
      </div>
      <progress
        aria-label={t('search.progressOf', { source: source.id })}
        max={source.total ?? (finished || source.share !== null ? 1 : undefined)}
        value={source.total ? source.scanned : finished ? 1 : (source.share ?? undefined)}
      />
      <p className="source-counts">
        {t('search.scanned', { count: source.scanned, formatted: formatNumber(source.scanned, lang) })}
        {source.total !== null && ` / ${formatNumber(source.total, lang)}`}
        {/* Findings are counted when the source has been read: a running count of 0 would say nothing was found. */}
        {!running && ` · ${t('search.findings', { count: source.findings, formatted: formatNumber(source.findings, lang) })}`}
        {running && source.etaSeconds !== null && ` · ${t('search.eta', { time: formatDuration(source.etaSeconds, lang) })}`}
        {running && source.detail && ` · ${source.detail}`}
      </p>
      {source.error && <p className="source-error">{t('search.sourceError', { error: source.error })}</p>}
      {groups.length > 0 && (
        <ul className="warnings">
          {groups.map((g) => (
            <li key={`${g.kind}-${g.message}-${String(g.uncovered)}`} className={g.uncovered ? 'warning-uncovered' : undefined}>
              <span>
                {t(`warnings.${g.uncovered ? 'unread' : 'problem'}.${g.kind}`, { count: g.count })}
                {g.places.length > 0 && `: ${t(`warnings.places.${g.kind}`, { count: g.places.length })} ${g.places.join(', ')}${g.count > g.places.length ? ' …' : ''}`}
              </span>
              <span className="muted"> — {g.message}</span>
            </li>
          ))}
          {source.warningCount > source.warnings.length && <li className="muted">{t('search.moreWarnings', { count: source.warningCount - source.warnings.length })}</li>}
        </ul>
      )}
    </li>
  );
}
