import { useTranslation } from 'react-i18next';
import { setLanguage } from '../i18n/i18n.js';

/** German by default; the choice is remembered on this machine. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <label className="lang-switch">
      <span className="visually-hidden">{t('app.language')}</span>
      <select value={i18n.language} onChange={(e) => void setLanguage(e.target.value === 'en' ? 'en' : 'de')}>
        <option value="de">Deutsch</option>
        <option value="en">English</option>
      </select>
    </label>
  );
}
