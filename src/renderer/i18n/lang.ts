import type { Lang } from '../../shared/api.js';

/*
 * The chosen language without i18next: the boot module asks for the first data in it before
 * i18next (and React) are loaded.
 */

export const LANG_KEY = 'auskunft.lang';

/** The language the officer chose last time; German by default (the officer's letters are German). */
export function savedLang(): Lang {
  return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'de';
}
