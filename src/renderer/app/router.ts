import { useEffect, useState } from 'react';
import { parseRoute, routeHref, type Route } from './routes.js';

export { parseRoute, reviewHref, routeHref, type CaseTab, type Route } from './routes.js';

export function navigate(route: Route): void {
  window.location.hash = routeHref(route).slice(1);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const update = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}
