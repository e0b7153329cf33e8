import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { VerificationMethod } from '../../../shared/api.js';
import { useApi } from '../../api/ApiContext.js';
import { useAppInfo } from '../../app/AppInfoContext.js';
import { Dialog, DialogActions } from '../../ui/Dialog.js';
import { ErrorMessage } from '../../ui/ErrorMessage.js';

const METHODS: readonly VerificationMethod[] = ['knownContact', 'customerAccount', 'callback', 'postal', 'inPerson', 'idDocument', 'other'];

const lines = (text: string) =>
  text
    .split(/[\n,;]/)
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * Record a new request: when it arrived (the deadline runs from there), the person's identifiers as the
 * letter gives them, and how the identity was verified, proportionately (Art. 12(6)).
 */
export function NewCaseDialog({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (id: string) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const { info } = useAppInfo();
  const [form, setForm] = useState({ receivedOn: info.today, name: '', emails: '', phones: '', customerIds: '', ips: '', otherIds: '', method: 'knownContact' as VerificationMethod, note: '' });
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState(false);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const otherIds = lines(form.otherIds.replace(/,/g, '\n')).map((line) => {
      const [label, ...value] = line.split(':');
      return value.length ? { label: label!.trim(), value: value.join(':').trim() } : { label: 'ID', value: line };
    });
    api.cases
      .create({
        receivedOn: form.receivedOn,
        subject: {
          ...(form.name.trim() ? { name: form.name.trim() } : {}),
          emails: lines(form.emails),
          phones: lines(form.phones),
          customerIds: lines(form.customerIds),
          ips: lines(form.ips),
          otherIds,
        },
        identityVerification: { method: form.method, note: form.note },
      })
      .then(
        (created) => {
          setError(undefined);
          onCreated(created.id);
        },
        (err: Error) => setError(err),
      )
      .finally(() => setBusy(false));
  };

  return (
    <Dialog open={open} title={t('newCase.title')} onClose={onClose} wide>
      <form onSubmit={submit} className="form">
        <div className="form-row">
          <label htmlFor="nc-received">{t('newCase.receivedOn')}</label>
          <input id="nc-received" type="date" required value={form.receivedOn} max={info.today} onChange={set('receivedOn')} />
          <p className="hint">{t('newCase.receivedHint')}</p>
        </div>
        <fieldset>
          <legend>{t('newCase.identifiers')}</legend>
          <div className="form-grid">
            <label htmlFor="nc-name">{t('newCase.name')}</label>
            <input id="nc-name" value={form.name} onChange={set('name')} autoComplete="off" />
            <label htmlFor="nc-emails">{t('newCase.emails')}</label>
            <textarea id="nc-emails" rows={2} value={form.emails} onChange={set('emails')} />
            <label htmlFor="nc-phones">{t('newCase.phones')}</label>
            <textarea id="nc-phones" rows={2} value={form.phones} onChange={set('phones')} />
            <label htmlFor="nc-customer">{t('newCase.customerIds')}</label>
            <textarea id="nc-customer" rows={1} value={form.customerIds} onChange={set('customerIds')} />
            <label htmlFor="nc-ips">{t('newCase.ips')}</label>
            <textarea id="nc-ips" rows={1} value={form.ips} onChange={set('ips')} />
            <label htmlFor="nc-other">{t('newCase.otherIds')}</label>
            <textarea id="nc-other" rows={1} value={form.otherIds} onChange={set('otherIds')} placeholder="TeamViewer-ID: 123 456 789" />
          </div>
          <p className="hint">{t('newCase.identifiersHint')}</p>
        </fieldset>
        <fieldset>
          <legend>{t('newCase.verification')}</legend>
          <p className="hint">{t('newCase.verificationHint')}</p>
          <div className="radio-list">
            {METHODS.map((m) => (
              <label key={m} className="radio">
                <input type="radio" name="verification" value={m} checked={form.method === m} onChange={() => setForm({ ...form, method: m })} />
                <span>
                  <strong>{t(`verification.${m}.label`)}</strong> <span className="muted">{t(`verification.${m}.hint`)}</span>
                </span>
              </label>
            ))}
          </div>
          <label htmlFor="nc-note">{form.method === 'idDocument' ? t('newCase.doubts') : t('newCase.note')}</label>
          <textarea id="nc-note" rows={2} value={form.note} onChange={set('note')} required={form.method === 'idDocument' || form.method === 'other'} />
          {form.method === 'idDocument' && <p className="banner banner-warning">{t('newCase.idDocumentWarning')}</p>}
        </fieldset>
        <ErrorMessage error={error} />
        <DialogActions onCancel={onClose} confirm={t('newCase.create')} disabled={busy} />
      </form>
    </Dialog>
  );
}
