import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Lang } from '../../shared/api.js';
import { de } from './de.js';
import { en } from './en.js';

const LANG_KEY = 'auskunft.lang';

/** The language the officer chose last time; German by default (the officer's letters are German). */
export function savedLang(): Lang {
  return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'de';
}

/** German by default, English on request. */
export async function initI18n(): Promise<void> {
  const lng = savedLang();
  await i18next.use(initReactI18next).init({
    resources: { de: { translation: de }, en: { translation: en } },
    lng,
    fallbackLng: 'de',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = lng;
}

export function setLanguage(lang: Lang): void {
  localStorage.setItem(LANG_KEY, lang);
  void i18next.changeLanguage(lang);
  document.documentElement.lang = lang;
}

/** The current language as the API wants it. */
export function currentLang(): Lang {
  return i18next.language === 'en' ? 'en' : 'de';
}
