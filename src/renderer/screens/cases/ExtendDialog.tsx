import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EXTENSION_REASON_CODES, type ExtensionReasonCode } from '../../../shared/extensionReasons.js';
import { useApi } from '../../api/ApiContext.js';
import { currentLang } from '../../i18n/i18n.js';
import { Dialog, DialogActions } from '../../ui/Dialog.js';
import { ErrorMessage } from '../../ui/ErrorMessage.js';

/** Art. 12(3): two more months, with the reason recorded and a notice to the person drafted. */
export function ExtendDialog({ open, caseId, onClose, onExtended }: { open: boolean; caseId: string; onClose: () => void; onExtended: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [reason, setReason] = useState('');
  const [codes, setCodes] = useState<ExtensionReasonCode[]>([]);
  const [error, setError] = useState<Error>();
  return (
    <Dialog open={open} title={t('extend.title')} onClose={onClose}>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          api.cases.extend({ caseId, reason, reasonCodes: codes, lang: currentLang() }).then(() => {
            setError(undefined);
            onExtended();
          }, setError);
        }}
      >
        <p className="hint">{t('extend.hint')}</p>
        <fieldset>
          <legend>{t('extend.reasonCodes')}</legend>
          {EXTENSION_REASON_CODES.map((code) => (
            <label key={code} className="checkbox">
              <input
                type="checkbox"
                checked={codes.includes(code)}
                onChange={(e) => setCodes((list) => (e.target.checked ? [...list, code] : list.filter((c) => c !== code)))}
              />{' '}
              {t(`extend.code.${code}`)}
            </label>
          ))}
        </fieldset>
        <label htmlFor="extend-reason">{t('extend.reason')}</label>
        <textarea id="extend-reason" rows={3} required minLength={3} value={reason} onChange={(e) => setReason(e.target.value)} />
        <ErrorMessage error={error} />
        <DialogActions onCancel={onClose} confirm={t('extend.confirm')} />
      </form>
    </Dialog>
  );
}
