/*
 * The app's routes as plain data, without React: the boot module (main.tsx) reads the route before
 * React is loaded, to fetch the current screen's code and data at once.
 */

export type CaseTab = 'overview' | 'search' | 'review' | 'export';
export type Route =
  | { readonly screen: 'cases' }
  | { readonly screen: 'sources' }
  | { readonly screen: 'register' }
  | { readonly screen: 'case'; readonly caseId: string; readonly tab: CaseTab };

const CASE_TABS: readonly CaseTab[] = ['overview', 'search', 'review', 'export'];

/** Routes live in the hash (`#/case/AUS-2026-0001-K7QF/review`): the app is one page in Electron and in the browser. */
export function parseRoute(hash: string): Route {
  // A query after the path (`…/review?source=archive`) belongs to the screen, not to the route.
  const parts = hash.replace(/^#\/?/, '').split('?')[0]!.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'sources') return { screen: 'sources' };
  if (parts[0] === 'register') return { screen: 'register' };
  if (parts[0] === 'case' && parts[1]) {
    const tab = CASE_TABS.includes(parts[2] as CaseTab) ? (parts[2] as CaseTab) : 'overview';
    return { screen: 'case', caseId: parts[1], tab };
  }
  return { screen: 'cases' };
}

export function routeHref(route: Route): string {
  switch (route.screen) {
    case 'case':
      return `#/case/${encodeURIComponent(route.caseId)}/${route.tab}`;
    default:
      return `#/${route.screen}`;
  }
}

/** The query after a route's path (`#/case/…/review?source=archive`): what the screen is asked to show. */
export function routeQuery(hash: string): URLSearchParams {
  const at = hash.indexOf('?');
  return new URLSearchParams(at < 0 ? '' : hash.slice(at + 1));
}

/** A link into the review with filters set, e.g. from a bar of the overview's charts. */
export function reviewHref(caseId: string, filter: Readonly<Record<string, string>>): string {
  const query = new URLSearchParams(Object.entries(filter).filter(([, v]) => v)).toString();
  return `${routeHref({ screen: 'case', caseId, tab: 'review' })}${query ? `?${query}` : ''}`;
}
