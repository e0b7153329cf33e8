import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext.js';
import { ErrorMessage } from '../../ui/ErrorMessage.js';

/** Storage limitation (Art. 5(1)(e)): closed cases are purged after N months, keeping only the accountability record. */
export function RetentionSetting() {
  const { t } = useTranslation();
  const api = useApi();
  const [months, setMonths] = useState('');
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<Error>();
  useEffect(() => {
    void api.settings.get({}).then((s) => setMonths(s.retentionMonths === null ? '' : String(s.retentionMonths)));
  }, [api]);
  return (
    <form
      className="settings"
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(false);
        api.settings.set({ retentionMonths: months.trim() === '' ? null : Number(months) }).then(
          () => {
            setSaved(true);
            setError(undefined);
          },
          (err: Error) => setError(err),
        );
      }}
    >
      <h2>{t('retention.title')}</h2>
      <label>
        {t('retention.label')}{' '}
        <input type="number" min={1} max={120} inputMode="numeric" value={months} onChange={(e) => setMonths(e.target.value)} className="input-narrow" />
      </label>{' '}
      <button type="submit">{t('common.save')}</button>
      <p className="hint">{t('retention.hint')}</p>
      <span aria-live="polite">{saved ? t('common.saved') : ''}</span>
      <ErrorMessage error={error} />
    </form>
  );
}
