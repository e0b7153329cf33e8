import type { AuskunftApi, Lang, ReviewList } from '../../../shared/api.js';

/** Rows in the first call of a list: a screenful and more, small enough to arrive at once. */
export const FIRST_PAGE = 200;

/**
 * Rows in each later call: about 1.4 MB of JSON, 50–100 ms in the engine and in the page. Small enough
 * that a finding's detail, asked for meanwhile, is answered at once; large enough that 50,000 rows
 * take ten calls.
 */
export const REST_PAGE = 5_000;

/**
 * A preloaded page older than this is not used: decisions may have changed since. A start-up takes
 * well under it; a page nobody took by then was for a screen that never opened.
 */
const PRELOAD_MAX_AGE_MS = 5_000;

const preloaded = new Map<string, { readonly at: number; readonly page: Promise<ReviewList>; value?: ReviewList }>();
const keyOf = (caseId: string, lang: Lang) => `${caseId}\u0000${lang}`;

function firstPage(api: AuskunftApi, caseId: string, lang: Lang): Promise<ReviewList> {
  return api.review.list({ caseId, lang, offset: 0, limit: FIRST_PAGE });
}

/**
 * Ask for the first rows of a case's review list before the screen exists. When the app starts on a
 * review route, the list then loads while the shell still waits for `app.info`, instead of after it.
 */
export function preloadReviewList(api: AuskunftApi, caseId: string, lang: Lang): void {
  const key = keyOf(caseId, lang);
  if (preloaded.has(key)) return;
  const page = firstPage(api, caseId, lang);
  const entry: { at: number; page: Promise<ReviewList>; value?: ReviewList } = { at: performance.now(), page };
  // A failed preload is not an error yet: the screen asks again, and shows that error if it fails too.
  page.then((value) => (entry.value = value), () => preloaded.delete(key));
  preloaded.set(key, entry);
}

/**
 * The preloaded first page if it has arrived and is fresh (once): the screen's first render then shows
 * the list, instead of "loading" and the list one render later.
 */
export function readyFirstReviewPage(caseId: string, lang: Lang): ReviewList | undefined {
  const key = keyOf(caseId, lang);
  const early = preloaded.get(key);
  if (!early?.value || performance.now() - early.at > PRELOAD_MAX_AGE_MS) return undefined;
  preloaded.delete(key);
  return early.value;
}

/** The first page of the list: the preloaded one when it is fresh (once), else a new call. */
export function takeFirstReviewPage(api: AuskunftApi, caseId: string, lang: Lang): Promise<ReviewList> {
  const key = keyOf(caseId, lang);
  const early = preloaded.get(key);
  preloaded.delete(key);
  if (early && performance.now() - early.at <= PRELOAD_MAX_AGE_MS) return early.page.catch(() => firstPage(api, caseId, lang));
  return firstPage(api, caseId, lang);
}
