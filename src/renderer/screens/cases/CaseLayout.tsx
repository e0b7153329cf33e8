import { useTranslation } from 'react-i18next';
import { useApi, useApiEvents } from '../../api/ApiContext.js';
import { routeHref, type CaseTab } from '../../app/router.js';
import { loadExportScreen, loadOverviewScreen, loadReviewScreen, loadSearchScreen } from '../../app/screenModules.js';
import { currentLang } from '../../i18n/i18n.js';
import { ErrorMessage } from '../../ui/ErrorMessage.js';
import { lazyScreen, LazyPart } from '../../ui/Loading.js';
import { useAsync } from '../../ui/useAsync.js';
import { CaseDelete } from './CaseDelete.js';
import { CaseHeader } from './CaseHeader.js';

// Each tab is a chunk of its own: opening a review does not load the charts, the search or the export.
const OverviewScreen = lazyScreen(loadOverviewScreen, (m) => m.OverviewScreen);
const SearchScreen = lazyScreen(loadSearchScreen, (m) => m.SearchScreen);
const ReviewScreen = lazyScreen(loadReviewScreen, (m) => m.ReviewScreen);
const ExportScreen = lazyScreen(loadExportScreen, (m) => m.ExportScreen);

const TABS: readonly CaseTab[] = ['overview', 'search', 'review', 'export'];

/**
 * One case: its deadline and status on top, then overview, search, review and export as tabs. The
 * tabs render at once, while the header still loads: the review list then loads in parallel with the
 * case instead of after it.
 */
export function CaseLayout({ caseId, tab }: { caseId: string; tab: CaseTab }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const detail = useAsync(() => api.cases.get({ caseId, lang: currentLang() }), [caseId, i18n.language]);
  useApiEvents((event) => {
    if (event.type === 'cases') detail.reload();
  });
  const c = detail.data;

  return (
    <section className="case" aria-labelledby="case-title">
      <ErrorMessage error={detail.error} />
      {c ? (
        <CaseHeader caseDetail={c} onChanged={detail.reload} />
      ) : (
        <h1 id="case-title" className="case-loading">
          {caseId}
        </h1>
      )}
      <nav aria-label={t('nav.caseTabs')}>
        <ul className="tabs">
          {TABS.map((name) => (
            <li key={name}>
              <a href={routeHref({ screen: 'case', caseId, tab: name })} aria-current={tab === name ? 'page' : undefined}>
                {t(`tabs.${name}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div className="case-body">
        <LazyPart key={tab}>
          {tab === 'overview' && c && <OverviewScreen caseDetail={c} />}
          {tab === 'search' && <SearchScreen caseId={caseId} onFinished={detail.reload} />}
          {tab === 'review' && <ReviewScreen caseId={caseId} />}
          {tab === 'export' && <ExportScreen caseId={caseId} />}
        </LazyPart>
      </div>
      {c && <CaseDelete caseId={c.id} />}
    </section>
  );
}
