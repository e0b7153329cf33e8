import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubjectCheck, VerificationMethod } from '../../../shared/api.js';
import { useApi } from '../../api/ApiContext.js';
import { useAppInfo } from '../../app/AppInfoContext.js';
import { Dialog, DialogActions } from '../../ui/Dialog.js';
import { ErrorMessage } from '../../ui/ErrorMessage.js';
import { IdentifierWarnings } from './IdentifierWarnings.js';

const METHODS: readonly VerificationMethod[] = ['knownContact', 'customerAccount', 'callback', 'postal', 'inPerson', 'idDocument', 'other'];

/**
 * The identifiers a method confirms unless the officer says otherwise: a reply from the known address
 * confirms the addresses, a callback the numbers, the customer account its number and addresses. In
 * person, by post or by ID document, the person is confirmed with everything they gave.
 */
const COVERED_BY: Record<VerificationMethod, readonly string[] | 'all'> = {
  knownContact: ['email'],
  customerAccount: ['customerId', 'email'],
  callback: ['phone'],
  postal: 'all',
  inPerson: 'all',
  idDocument: 'all',
  other: 'all',
};
const covers = (method: VerificationMethod, type: string) => COVERED_BY[method] === 'all' || (COVERED_BY[method] as readonly string[]).includes(type);
const idKey = (i: { type: string; value: string }) => `${i.type}:${i.value}`;

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
  const [check, setCheck] = useState<SubjectCheck>();
  const [checkError, setCheckError] = useState<Error>();
  // Per identifier (type:value): confirmed by the verification or not; absent: the method's default.
  const [covered, setCovered] = useState<Record<string, boolean>>({});

  const subject = useMemo(() => {
    const otherIds = lines(form.otherIds.replace(/,/g, '\n')).map((line) => {
      const [label, ...value] = line.split(':');
      return value.length ? { label: label!.trim(), value: value.join(':').trim() } : { label: 'ID', value: line };
    });
    return {
      ...(form.name.trim() ? { name: form.name.trim() } : {}),
      emails: lines(form.emails),
      phones: lines(form.phones),
      customerIds: lines(form.customerIds),
      ips: lines(form.ips),
      otherIds,
    };
  }, [form.name, form.emails, form.phones, form.customerIds, form.ips, form.otherIds]);
  const empty = !subject.name && !subject.emails.length && !subject.phones.length && !subject.customerIds.length && !subject.ips.length && !subject.otherIds.length;

  // The normal forms, merged duplicates and the guard's warnings, as the officer types (debounced).
  useEffect(() => {
    if (!open || empty) {
      setCheck(undefined);
      setCheckError(undefined);
      return;
    }
    const timer = setTimeout(() => {
      api.cases.checkSubject({ subject, identityVerification: null }).then(
        (result) => (setCheck(result), setCheckError(undefined)),
        (err: Error) => (setCheck(undefined), setCheckError(err)),
      );
    }, 300);
    return () => clearTimeout(timer);
  }, [api, open, empty, subject]);

  const checkable = (check?.identifiers ?? []).filter((i) => i.type !== 'name');
  const isCovered = (i: { type: string; value: string }) => covered[idKey(i)] ?? covers(form.method, i.type);
  const shownWarnings = (check?.warnings ?? []).filter((w) => w.kind !== 'unverified' || !isCovered(w));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const identifiers = check ? checkable.filter(isCovered).map((i) => i.value) : undefined;
    api.cases
      .create({
        receivedOn: form.receivedOn,
        subject,
        identityVerification: { method: form.method, note: form.note, ...(identifiers ? { identifiers } : {}) },
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
          {checkError && <ErrorMessage error={checkError} />}
          {check && (
            <div className="subject-check" data-testid="subject-check" aria-live="polite">
              <h3>{t('newCase.checkTitle')}</h3>
              <ul>
                {check.identifiers.map((i) => (
                  <li key={idKey(i)} data-type={i.type}>
                    {t(`identifierType.${i.type}`)}: <code>{i.value}</code>
                    {i.written.length > 1
                      ? ` (${t('newCase.mergedCount', { count: i.written.length })})`
                      : i.written[0] !== i.value
                        ? ` (${t('newCase.writtenAs', { written: i.written[0] })})`
                        : ''}
                  </li>
                ))}
              </ul>
              <IdentifierWarnings warnings={shownWarnings} testId="subject-warnings" />
            </div>
          )}
        </fieldset>
        <fieldset>
          <legend>{t('newCase.verification')}</legend>
          <p className="hint">{t('newCase.verificationHint')}</p>
          <div className="radio-list">
            {METHODS.map((m) => (
              <label key={m} className="radio">
                <input type="radio" name="verification" value={m} checked={form.method === m} onChange={() => (setForm({ ...form, method: m }), setCovered({}))} />
                <span>
                  <strong>{t(`verification.${m}.label`)}</strong> <span className="muted">{t(`verification.${m}.hint`)}</span>
                </span>
              </label>
            ))}
          </div>
          <label htmlFor="nc-note">{form.method === 'idDocument' ? t('newCase.doubts') : t('newCase.note')}</label>
          <textarea id="nc-note" rows={2} value={form.note} onChange={set('note')} required={form.method === 'idDocument' || form.method === 'other'} />
          {form.method === 'idDocument' && <p className="banner banner-warning">{t('newCase.idDocumentWarning')}</p>}
          {checkable.length > 0 && (
            <div className="verification-coverage">
              <p className="hint">{t('newCase.coveredHint')}</p>
              {checkable.map((i) => (
                <label key={idKey(i)} className="checkbox">
                  <input type="checkbox" checked={isCovered(i)} onChange={(e) => setCovered({ ...covered, [idKey(i)]: e.target.checked })} />{' '}
                  <code>{i.value}</code> – {t('newCase.covered')}
                </label>
              ))}
            </div>
          )}
        </fieldset>
        <ErrorMessage error={error} />
        <DialogActions onCancel={onClose} confirm={t('newCase.create')} disabled={busy} />
      </form>
    </Dialog>
  );
}
