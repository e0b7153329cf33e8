import { DbKeyBanner } from './DbKeyBanner.js';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../shared/api.js';
import { useApi } from '../api/ApiContext.js';
import { ErrorMessage } from '../ui/ErrorMessage.js';
import { lazyScreen, LazyPart } from '../ui/Loading.js';
import { useAsync } from '../ui/useAsync.js';
import { AppInfoContext, useAppInfo } from './AppInfoContext.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import { routeHref, useRoute, type Route } from './router.js';
import { loadCaseLayout, loadCasesScreen, loadRegisterScreen, loadSourcesScreen } from './screenModules.js';

// Each screen is a chunk of its own, loaded when first shown (main.tsx starts the current one early).
const CasesScreen = lazyScreen(loadCasesScreen, (m) => m.CasesScreen);
const SourcesScreen = lazyScreen(loadSourcesScreen, (m) => m.SourcesScreen);
const RegisterScreen = lazyScreen(loadRegisterScreen, (m) => m.RegisterScreen);
const CaseLayout = lazyScreen(loadCaseLayout, (m) => m.CaseLayout);

/**
 * The shell: top navigation, workspace status, and the current screen. `bootInfo` is the app.info call
 * main.tsx sent before React's first render, so it travels while React starts; reloads ask again.
 */
export function App({ bootInfo, readyInfo }: { bootInfo?: Promise<AppInfo>; readyInfo?: AppInfo }) {
  const { t } = useTranslation();
  const api = useApi();
  const route = useRoute();
  const boot = useRef(bootInfo);
  const info = useAsync(() => {
    const early = boot.current;
    boot.current = undefined;
    return early ?? api.app.info({});
  }, [], readyInfo);

  if (!info.data) {
    return (
      <main className="boot" id="main">
        {info.error ? <ErrorMessage error={info.error} /> : <p aria-live="polite">{t('common.loading')}</p>}
      </main>
    );
  }
  const nav: { route: Route; label: string; active: boolean }[] = [
    { route: { screen: 'cases' }, label: t('nav.cases'), active: route.screen === 'cases' || route.screen === 'case' },
    { route: { screen: 'sources' }, label: t('nav.sources'), active: route.screen === 'sources' },
    { route: { screen: 'register' }, label: t('nav.register'), active: route.screen === 'register' },
  ];
  return (
    <AppInfoContext.Provider value={{ info: info.data, refresh: info.reload }}>
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="topbar">
        <span className="brand" aria-hidden="true">
          Auskunft
        </span>
        <nav aria-label={t('nav.main')}>
          <ul className="nav">
            {nav.map((item) => (
              <li key={item.label}>
                <a href={routeHref(item.route)} aria-current={item.active ? 'page' : undefined}>
                  {item.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div className="topbar-end">
          <WorkspaceStatus />
          <LanguageSwitch />
        </div>
      </header>
      {info.data.workspaceError && <ErrorMessage title={t('app.workspaceError')} error={info.data.workspaceError} />}
      {info.data.keychain === 'unavailable' && <div className="banner banner-warning">{t('app.keychainUnavailable')}</div>}
      {!info.data.dbEncrypted && <DbKeyBanner />}
      <main id="main" tabIndex={-1}>
        <LazyPart key={route.screen}>
          <Screen route={route} />
        </LazyPart>
      </main>
    </AppInfoContext.Provider>
  );
}

function Screen({ route }: { route: Route }) {
  switch (route.screen) {
    case 'cases':
      return <CasesScreen />;
    case 'sources':
      return <SourcesScreen />;
    case 'register':
      return <RegisterScreen />;
    case 'case':
      return <CaseLayout caseId={route.caseId} tab={route.tab} />;
  }
}

function WorkspaceStatus() {
  const { t } = useTranslation();
  const api = useApi();
  const { info, refresh } = useAppInfo();
  const name = info.workspacePath?.split(/[\\/]/).slice(-2).join('/') ?? t('app.noWorkspace');
  return (
    <span className="workspace" title={info.workspacePath ?? ''}>
      <span className="workspace-label">{t('app.workspace')}:</span> {info.controllerName ? `${info.controllerName} · ` : ''}
      {name}
      {info.transport === 'electron' && (
        <button type="button" className="link-button" onClick={() => void api.app.openWorkspace({}).then(refresh)}>
          {t('app.openWorkspace')}
        </button>
      )}
    </span>
  );
}
