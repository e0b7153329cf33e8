import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Lang } from '../../shared/api.js';
import { de } from './de.js';
import { LANG_KEY, savedLang } from './lang.js';

export { savedLang } from './lang.js';

/**
 * The English texts are a chunk of their own, loaded only when English is chosen: German is the
 * default, and every byte of the first load delays the first screen.
 */
async function loadEnglish(): Promise<void> {
  if (i18next.hasResourceBundle('en', 'translation')) return;
  const { en } = await import('./en.js');
  i18next.addResourceBundle('en', 'translation', en);
}

/** German by default, English on request. */
export async function initI18n(): Promise<void> {
  const lng = savedLang();
  const english = lng === 'en' ? import('./en.js') : undefined;
  await i18next.use(initReactI18next).init({
    resources: { de: { translation: de }, ...(english ? { en: { translation: (await english).en } } : {}) },
    lng,
    fallbackLng: 'de',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = lng;
}

export async function setLanguage(lang: Lang): Promise<void> {
  localStorage.setItem(LANG_KEY, lang);
  if (lang === 'en') await loadEnglish();
  await i18next.changeLanguage(lang);
  document.documentElement.lang = lang;
}

/** The current language as the API wants it. */
export function currentLang(): Lang {
  return i18next.language === 'en' ? 'en' : 'de';
}
