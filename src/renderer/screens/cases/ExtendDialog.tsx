import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext.js';
import { currentLang } from '../../i18n/i18n.js';
import { Dialog, DialogActions } from '../../ui/Dialog.js';
import { ErrorMessage } from '../../ui/ErrorMessage.js';

/** Art. 12(3): two more months, with the reason recorded and a notice to the person drafted. */
export function ExtendDialog({ open, caseId, onClose, onExtended }: { open: boolean; caseId: string; onClose: () => void; onExtended: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<Error>();
  return (
    <Dialog open={open} title={t('extend.title')} onClose={onClose}>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          api.cases.extend({ caseId, reason, lang: currentLang() }).then(() => {
            setError(undefined);
            onExtended();
          }, setError);
        }}
      >
        <p className="hint">{t('extend.hint')}</p>
        <label htmlFor="extend-reason">{t('extend.reason')}</label>
        <textarea id="extend-reason" rows={3} required minLength={3} value={reason} onChange={(e) => setReason(e.target.value)} />
        <ErrorMessage error={error} />
        <DialogActions onCancel={onClose} confirm={t('extend.confirm')} />
      </form>
    </Dialog>
  );
}
