import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Remembered for the browser tab or window only: the next start warns again. */
const DISMISSED_KEY = 'auskunft.dbKeyBannerDismissed';

/** A command that starts the web UI with a fresh random key (the app keeps its key in the keychain). */
const KEY_COMMAND = 'AUSKUNFT_DB_KEY="$(openssl rand -base64 32)" npm run web -- --workspace auskunft.yaml';

function dismissed(): boolean {
  try {
    return sessionStorage.getItem(DISMISSED_KEY) === '1';
  } catch {
    return false;
  }
}

/** The case database is not encrypted: says how to change that, and can be hidden for this session. */
export function DbKeyBanner() {
  const { t } = useTranslation();
  const [hidden, setHidden] = useState(dismissed);
  if (hidden) return null;
  const [before, after] = t('app.notEncryptedHowTo', { command: '\u0000' }).split('\u0000');
  return (
    <div className="banner banner-warning" role="region" aria-label={t('app.notEncrypted')} data-testid="db-key-banner">
      <p>
        <strong>{t('app.notEncrypted')}</strong> {before}
        <code>{KEY_COMMAND}</code>
        {after}
      </p>
      <button
        type="button"
        className="small"
        onClick={() => {
          try {
            sessionStorage.setItem(DISMISSED_KEY, '1');
          } catch {
            // no storage (a locked-down browser): hidden until the page reloads
          }
          setHidden(true);
        }}
      >
        {t('app.notEncryptedDismiss')}
      </button>
    </div>
  );
}
