import { describe, expect, it } from 'vitest';
import { parseRoute, routeHref } from '../../../src/renderer/app/router.js';

describe('routes in the hash', () => {
  it('parses every screen and falls back to the case list', () => {
    expect(parseRoute('')).toEqual({ screen: 'cases' });
    expect(parseRoute('#/sources')).toEqual({ screen: 'sources' });
    expect(parseRoute('#/register')).toEqual({ screen: 'register' });
    expect(parseRoute('#/case/AUS-2026-0001-K7QF/review')).toEqual({ screen: 'case', caseId: 'AUS-2026-0001-K7QF', tab: 'review' });
    expect(parseRoute('#/case/AUS-2026-0001-K7QF/nonsense')).toEqual({ screen: 'case', caseId: 'AUS-2026-0001-K7QF', tab: 'overview' });
    expect(parseRoute('#/whatever')).toEqual({ screen: 'cases' });
  });

  it('round-trips', () => {
    const route = { screen: 'case', caseId: 'AUS-2026-0001-K7QF', tab: 'export' } as const;
    expect(parseRoute(routeHref(route))).toEqual(route);
  });
});
