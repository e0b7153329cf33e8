import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../shared/api.js';
import { useApi } from '../../api/ApiContext.js';
import { reviewHref, routeHref } from '../../app/router.js';
import { currentLang } from '../../i18n/i18n.js';
import { ErrorMessage } from '../../ui/ErrorMessage.js';
import { formatDateTime, formatNumber } from '../../ui/format.js';
import { useAsync } from '../../ui/useAsync.js';
import { BarChart, StackedBar } from './BarChart.js';

/** "How big is this request?" before the review starts: findings per source, category, activity and decision. */
export function OverviewScreen({ caseDetail }: { caseDetail: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const lang = i18n.language;
  const overview = useAsync(() => api.overview.get({ caseId: caseDetail.id, lang: currentLang() }), [caseDetail.id, lang, caseDetail.lastSearch?.startedAt]);
  const o = overview.data;
  const subject = caseDetail.subject;
  // A bar opens the review filtered to what it counts.
  const review = (key: 'source' | 'category' | 'decision' | 'activity' | 'kind') => (value: string) => reviewHref(caseDetail.id, { [key]: value });
  const showIn = (label: string) => t('overview.showInReview', { label });
  const identifiers = [subject.name, ...subject.emails, ...subject.phones, ...subject.customerIds, ...subject.ips, ...subject.otherIds.map((x) => `${x.label}: ${x.value}`)].filter(Boolean);

  return (
    <section aria-labelledby="overview-title">
      <h2 id="overview-title">{t('overview.title')}</h2>
      <div className="cards">
        <div className="card">
          <h3>{t('overview.subject')}</h3>
          <p>{identifiers.join(' · ')}</p>
          {caseDetail.identityVerification && (
            <p className="muted">
              {t('overview.verified')}: {t(`verification.${caseDetail.identityVerification.method}.label`)}
              {caseDetail.identityVerification.note && ` — ${caseDetail.identityVerification.note}`}
            </p>
          )}
        </div>
        <div className="card">
          <h3>{t('overview.lastSearch')}</h3>
          {caseDetail.lastSearch ? (
            <p>
              {formatDateTime(caseDetail.lastSearch.startedAt, lang)} · {t(`runStatus.${caseDetail.lastSearch.status}`)}
            </p>
          ) : (
            <p>
              {t('overview.noSearch')} <a href={routeHref({ screen: 'case', caseId: caseDetail.id, tab: 'search' })}>{t('search.start')}</a>
            </p>
          )}
        </div>
        {o && (
          <div className="card card-total">
            <h3>{t('overview.findings')}</h3>
            <p className="big" data-testid="total-findings">
              {formatNumber(o.total, lang)}
            </p>
            <p className="muted">{t('overview.strongWeak', { strong: formatNumber(o.strong, lang), weak: formatNumber(o.weak, lang) })}</p>
            <StackedBar
              label={t('overview.strongWeak', { strong: o.strong, weak: o.weak })}
              parts={[
                { key: 'strong', label: t('strength.strong'), count: o.strong, className: 'seg-strong' },
                { key: 'weak', label: t('strength.weak'), count: o.weak, className: 'seg-weak' },
              ]}
            />
          </div>
        )}
      </div>
      <ErrorMessage error={overview.error} />
      {o && o.incompleteSources.length > 0 && (
        <div className="banner banner-warning" role="status">
          {t('overview.incomplete')}:{' '}
          {o.incompleteSources.map((s) => `${s.id} (${t(`sourceState.${s.status}`)}${s.error ? `: ${s.error}` : ''})`).join('; ')}
        </div>
      )}
      {o && o.total > 0 && (
        <div className="charts">
          <BarChart id="source" title={t('overview.bySource')} rows={o.bySource} lang={lang} href={review('source')} linkLabel={showIn} />
          <BarChart id="category" title={t('overview.byCategory')} rows={o.byCategory} lang={lang} href={review('category')} linkLabel={showIn} />
          <BarChart id="decision" title={t('overview.byDecision')} rows={o.byDecision} lang={lang} href={review('decision')} linkLabel={showIn} />
          <BarChart id="activity" title={t('overview.byActivity')} rows={o.byActivity} lang={lang} href={review('activity')} linkLabel={showIn} />
          <BarChart id="kind" title={t('overview.byKind')} rows={o.byKind.map((k) => ({ ...k, label: t(`kind.${k.key}`) }))} lang={lang} href={review('kind')} linkLabel={showIn} />
        </div>
      )}
    </section>
  );
}
