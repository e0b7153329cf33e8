import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext.js';
import { navigate } from '../../app/router.js';
import { Dialog, DialogActions } from '../../ui/Dialog.js';
import { ErrorMessage } from '../../ui/ErrorMessage.js';

/**
 * "Fall löschen", at the end of the case: the keyboard reaches the status and the tabs first, and
 * the destructive action last (WCAG 2.4.3), always behind a confirmation.
 */
export function CaseDelete({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const [deleting, setDeleting] = useState(false);
  const [error, setError] = useState<Error>();
  return (
    <footer className="case-footer">
      <ErrorMessage error={error} />
      <button type="button" className="danger" onClick={() => setDeleting(true)}>
        {t('cases.delete')}
      </button>
      <Dialog open={deleting} title={t('cases.deleteTitle')} onClose={() => setDeleting(false)}>
        <p>{t('cases.deleteText', { id: caseId })}</p>
        <DialogActions onCancel={() => setDeleting(false)} confirm={t('cases.deleteConfirm')} danger onConfirm={() => api.cases.delete({ caseId }).then(() => navigate({ screen: 'cases' }), setError)} />
      </Dialog>
    </footer>
  );
}
