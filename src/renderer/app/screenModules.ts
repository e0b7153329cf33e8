import type { Route } from './routes.js';

/*
 * Every screen is a chunk of its own (vite splits at each `import()`), so the first paint loads only
 * the code of the screen it shows. This module holds no React: the boot module (main.tsx) calls
 * `loadRouteCode` before React is loaded, and the screen's chunk then travels alongside React's.
 */

/** Loads a screen's chunk (the browser fetches it once), and tells whether it is loaded already. */
export interface ScreenLoader<M> {
  (): Promise<M>;
  /** The module once it has loaded: a screen whose code is here renders at once, without suspending. */
  loaded(): M | undefined;
}

function screen<M>(load: () => Promise<M>): ScreenLoader<M> {
  let module: M | undefined;
  return Object.assign(() => load().then((m) => (module = m)), { loaded: () => module });
}

export const loadCasesScreen = screen(() => import('../screens/cases/CasesScreen.js'));
export const loadSourcesScreen = screen(() => import('../screens/sources/SourcesScreen.js'));
export const loadRegisterScreen = screen(() => import('../screens/register/RegisterScreen.js'));
export const loadCaseLayout = screen(() => import('../screens/cases/CaseLayout.js'));
export const loadOverviewScreen = screen(() => import('../screens/overview/OverviewScreen.js'));
export const loadSearchScreen = screen(() => import('../screens/search/SearchScreen.js'));
export const loadReviewScreen = screen(() => import('../screens/review/ReviewScreen.js'));
export const loadExportScreen = screen(() => import('../screens/export/ExportScreen.js'));

const CASE_TABS = { overview: loadOverviewScreen, search: loadSearchScreen, review: loadReviewScreen, export: loadExportScreen } as const;

/**
 * Load the code a route shows. Settles when it has loaded or failed; a failure is left to the
 * screen, which asks again and reports it.
 */
export function loadRouteCode(route: Route): Promise<unknown> {
  const loads: Promise<unknown>[] = [];
  switch (route.screen) {
    case 'cases':
      loads.push(loadCasesScreen());
      break;
    case 'sources':
      loads.push(loadSourcesScreen());
      break;
    case 'register':
      loads.push(loadRegisterScreen());
      break;
    case 'case':
      loads.push(loadCaseLayout(), CASE_TABS[route.tab]());
      break;
  }
  return Promise.allSettled(loads);
}
