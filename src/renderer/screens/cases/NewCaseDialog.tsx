import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubjectCheck, VerificationMethod } from '../../../shared/api.js';
import { ENTRY_ISSUE_CODES, fieldKey, issueText, type FieldIssue } from '../../../shared/fieldMessages.js';
import { useApi } from '../../api/ApiContext.js';
import { ApiCallError } from '../../api/apiClient.js';
import { useAppInfo } from '../../app/AppInfoContext.js';
import { Dialog, DialogActions } from '../../ui/Dialog.js';
import { formatDateInput, parseDateInput } from '../../ui/dateInput.js';
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
 * The form's fields by the issue key they show (shared/fieldMessages.ts fieldKey), in the order they
 * appear: the first invalid one gets the focus. `subject` (no identifier at all) is shown at the
 * identifiers' group and focuses the name.
 */
const FIELDS: readonly (readonly [key: string, id: string])[] = [
  ['receivedOn', 'nc-received'],
  ['subject', 'nc-name'],
  ['subject.name', 'nc-name'],
  ['subject.emails', 'nc-emails'],
  ['subject.phones', 'nc-phones'],
  ['subject.customerIds', 'nc-customer'],
  ['subject.ips', 'nc-ips'],
  ['subject.otherIds', 'nc-other'],
  ['identityVerification.note', 'nc-note'],
];
const fieldOf = (issue: FieldIssue): string => {
  const key = fieldKey(issue.path);
  return FIELDS.some(([k]) => k === key) ? key : key.startsWith('subject.otherIds') ? 'subject.otherIds' : key.startsWith('identityVerification') ? 'identityVerification.note' : '';
};

/**
 * Record a new request: when it arrived (the deadline runs from there), the person's identifiers as the
 * letter gives them, and how the identity was verified, proportionately (Art. 12(6)).
 */
export function NewCaseDialog({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const { info } = useAppInfo();
  const lang = i18n.language === 'en' ? 'en' : 'de';
  const [form, setForm] = useState({ receivedOn: formatDateInput(info.today, lang), name: '', emails: '', phones: '', customerIds: '', ips: '', otherIds: '', method: 'knownContact' as VerificationMethod, note: '' });
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState(false);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => (setForm({ ...form, [key]: e.target.value }), setServerIssues([]));
  // After the first attempt to create, every problem is shown at its field and updated as the officer types.
  const [tried, setTried] = useState(false);
  const [serverIssues, setServerIssues] = useState<FieldIssue[]>([]);
  const formRef = useRef<HTMLFormElement>(null);
  const [check, setCheck] = useState<SubjectCheck>();
  const [checkError, setCheckError] = useState<Error>();
  // Per identifier (type:value): confirmed by the verification or not; absent: the method's default.
  const [covered, setCovered] = useState<Record<string, boolean>>({});

  // "Weitere Kennungen" are "label: value"; a line without a label is an error at the field, never a silent "ID".
  const otherIdLines = useMemo(
    () =>
      lines(form.otherIds.replace(/,/g, '\n')).map((line) => {
        const at = line.indexOf(':');
        const label = at > 0 ? line.slice(0, at).trim() : '';
        const value = at > 0 ? line.slice(at + 1).trim() : '';
        return label && value ? { label, value } : null;
      }),
    [form.otherIds],
  );
  const subject = useMemo(() => {
    const otherIds = otherIdLines.filter((o): o is { label: string; value: string } => o !== null);
    return {
      ...(form.name.trim() ? { name: form.name.trim() } : {}),
      emails: lines(form.emails),
      phones: lines(form.phones),
      customerIds: lines(form.customerIds),
      ips: lines(form.ips),
      otherIds,
    };
  }, [form.name, form.emails, form.phones, form.customerIds, form.ips, otherIdLines]);
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
        // An input the contract refuses (a name of blanks) is shown at its field like the rest.
        (err: Error) =>
          err instanceof ApiCallError && err.issues.length
            ? (setCheck({ identifiers: [], warnings: [], issues: [...err.issues] }), setCheckError(undefined))
            : (setCheck(undefined), setCheckError(err)),
      );
    }, 300);
    return () => clearTimeout(timer);
  }, [api, open, empty, subject]);

  const checkable = (check?.identifiers ?? []).filter((i) => i.type !== 'name');
  const isCovered = (i: { type: string; value: string }) => covered[idKey(i)] ?? covers(form.method, i.type);
  const shownWarnings = (check?.warnings ?? []).filter((w) => w.kind !== 'unverified' || !isCovered(w));

  /** What the form can tell without the engine: the date, labels of other ids, an empty subject, the verification note. */
  const localIssues = (): FieldIssue[] => {
    const found: FieldIssue[] = [];
    const receivedOn = parseDateInput(form.receivedOn);
    if (receivedOn === null) found.push({ path: ['receivedOn'], code: 'invalid_format', format: 'date', message: 'not a date' });
    else if (receivedOn > info.today) found.push({ path: ['receivedOn'], code: ENTRY_ISSUE_CODES.futureDate, message: 'in the future' });
    otherIdLines.forEach((o, i) => {
      if (o === null) found.push({ path: ['subject', 'otherIds', i], code: ENTRY_ISSUE_CODES.missingLabel, message: 'label missing' });
    });
    if (empty && !otherIdLines.length) found.push({ path: ['subject'], code: ENTRY_ISSUE_CODES.emptySubject, message: 'no identifier' });
    const note = form.note.trim();
    if (form.method === 'idDocument' && note.length < 10) found.push({ path: ['identityVerification', 'note'], code: 'custom', message: 'an ID document is only proportionate with reasonable doubts' });
    if (form.method === 'other' && note.length < 3) found.push({ path: ['identityVerification', 'note'], code: 'custom', message: 'describe how the identity was verified' });
    return found;
  };
  // The engine numbers other ids among the labelled lines; the officer counts lines.
  const labelledLines = otherIdLines.flatMap((o, i) => (o ? [i] : []));
  const byLine = (issue: FieldIssue): FieldIssue =>
    fieldKey(issue.path).startsWith('subject.otherIds') && issue.code !== ENTRY_ISSUE_CODES.missingLabel
      ? { ...issue, path: issue.path.map((p) => (typeof p === 'number' ? (labelledLines[p] ?? p) : p)) }
      : issue;
  const issues = (tried ? [...localIssues(), ...(check?.issues ?? []), ...serverIssues] : serverIssues).map(byLine);
  const issuesAt = (key: string) => issues.filter((i) => fieldOf(i) === key);
  const otherIssues = issues.filter((i) => fieldOf(i) === '');

  const focusFirst = (found: readonly FieldIssue[]) => {
    const keys = new Set(found.map(fieldOf));
    const first = FIELDS.find(([key]) => keys.has(key));
    if (first) formRef.current?.querySelector<HTMLElement>(`#${first[1]}`)?.focus();
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    setError(undefined);
    setBusy(true);
    try {
      // A fresh check: the one shown may be 300 ms behind the typing.
      const fresh = empty ? undefined : await api.cases.checkSubject({ subject, identityVerification: null });
      if (fresh) setCheck(fresh);
      const found = [...localIssues(), ...(fresh?.issues ?? [])];
      if (found.length) return focusFirst(found.map(byLine));
      const identifiers = fresh ? fresh.identifiers.filter((i) => i.type !== 'name').filter(isCovered).map((i) => i.value) : undefined;
      const created = await api.cases.create({
        receivedOn: parseDateInput(form.receivedOn)!,
        subject,
        identityVerification: { method: form.method, note: form.note, ...(identifiers ? { identifiers } : {}) },
      });
      onCreated(created.id);
    } catch (err) {
      if (err instanceof ApiCallError && err.issues.length) {
        setServerIssues([...err.issues]);
        focusFirst(err.issues);
      } else setError(err as Error);
    } finally {
      setBusy(false);
    }
  };

  /** The messages of one field, each line named when the field holds several ("Eintrag 2 „kaputt“: …"). */
  const fieldErrors = (id: string, field: string, values?: readonly string[]) => {
    const at = issuesAt(field);
    if (!at.length) return null;
    return (
      <ul id={`${id}-error`} className="field-error">
        {at.map((issue, n) => {
          const index = issue.path.find((p): p is number => typeof p === 'number');
          const entry = index === undefined ? '' : t('newCase.entry', { n: index + 1, value: values?.[index] ?? '' });
          return <li key={n}>{entry ? `${entry}: ` : ''}{issueText(issue, lang)}</li>;
        })}
      </ul>
    );
  };
  const invalid = (id: string, field: string) => (issuesAt(field).length ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-error` } : {});
  const otherIdValues = lines(form.otherIds.replace(/,/g, '\n'));

  return (
    <Dialog open={open} title={t('newCase.title')} onClose={onClose} wide>
      <form ref={formRef} onSubmit={(e) => void submit(e)} className="form" noValidate>
        {issues.length > 0 && (
          <p className="banner banner-error" role="alert" data-testid="form-issues">
            {t('newCase.issues', { count: issues.length })}
          </p>
        )}
        <div className="form-row">
          <label htmlFor="nc-received">{t('newCase.receivedOn')}</label>
          <input id="nc-received" value={form.receivedOn} inputMode="numeric" placeholder={t('validation.datePlaceholder')} autoComplete="off" onChange={set('receivedOn')} {...invalid('nc-received', 'receivedOn')} />
          {fieldErrors('nc-received', 'receivedOn')}
          <p className="hint">{t('newCase.receivedHint')}</p>
        </div>
        <fieldset>
          <legend>{t('newCase.identifiers')}</legend>
          {fieldErrors('nc-subject', 'subject')}
          <div className="form-grid">
            <label htmlFor="nc-name">{t('newCase.name')}</label>
            <div>
              <input id="nc-name" value={form.name} onChange={set('name')} autoComplete="off" {...invalid('nc-name', 'subject.name')} />
              {fieldErrors('nc-name', 'subject.name')}
            </div>
            <label htmlFor="nc-emails">{t('newCase.emails')}</label>
            <div>
              <textarea id="nc-emails" rows={2} value={form.emails} onChange={set('emails')} {...invalid('nc-emails', 'subject.emails')} />
              {fieldErrors('nc-emails', 'subject.emails', subject.emails)}
            </div>
            <label htmlFor="nc-phones">{t('newCase.phones')}</label>
            <div>
              <textarea id="nc-phones" rows={2} value={form.phones} onChange={set('phones')} {...invalid('nc-phones', 'subject.phones')} />
              {fieldErrors('nc-phones', 'subject.phones', subject.phones)}
            </div>
            <label htmlFor="nc-customer">{t('newCase.customerIds')}</label>
            <div>
              <textarea id="nc-customer" rows={1} value={form.customerIds} onChange={set('customerIds')} {...invalid('nc-customer', 'subject.customerIds')} />
              {fieldErrors('nc-customer', 'subject.customerIds', subject.customerIds)}
            </div>
            <label htmlFor="nc-ips">{t('newCase.ips')}</label>
            <div>
              <textarea id="nc-ips" rows={1} value={form.ips} onChange={set('ips')} {...invalid('nc-ips', 'subject.ips')} />
              {fieldErrors('nc-ips', 'subject.ips', subject.ips)}
            </div>
            <label htmlFor="nc-other">{t('newCase.otherIds')}</label>
            <div>
              <textarea id="nc-other" rows={1} value={form.otherIds} onChange={set('otherIds')} placeholder="TeamViewer-ID: 123 456 789" {...invalid('nc-other', 'subject.otherIds')} />
              {fieldErrors('nc-other', 'subject.otherIds', otherIdValues)}
            </div>
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
          <textarea id="nc-note" rows={2} value={form.note} onChange={set('note')} {...invalid('nc-note', 'identityVerification.note')} />
          {fieldErrors('nc-note', 'identityVerification.note')}
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
        {otherIssues.length > 0 && (
          <ul className="field-error">
            {otherIssues.map((issue, n) => (
              <li key={n}>{issueText(issue, lang)}</li>
            ))}
          </ul>
        )}
        <ErrorMessage error={error} />
        <DialogActions onCancel={onClose} confirm={t('newCase.create')} disabled={busy} />
      </form>
    </Dialog>
  );
}
