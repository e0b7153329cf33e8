import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo, SourceView, SourcesView } from '../../../shared/api.js';
import { useApi } from '../../api/ApiContext.js';
import { Dialog, DialogActions } from '../../ui/Dialog.js';
import { ErrorMessage } from '../../ui/ErrorMessage.js';
import { configValue, formFields, formValue } from './schemaFields.js';

/**
 * Add or edit one source. The fields come from the connector's own schema, so every type has its form;
 * the password goes to the keychain through `password` and the file gets only `{ keychain: NAME }`.
 */
export function SourceForm({ view, source, keychain, onClose, onSaved }: { view: SourcesView; source: SourceView | null; keychain: AppInfo['keychain']; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [type, setType] = useState(source?.type ?? view.types[0]?.type ?? '');
  const spec = view.types.find((x) => x.type === type);
  const fields = useMemo(() => (spec ? formFields(spec.schema, spec.secretField) : []), [spec]);
  const [values, setValues] = useState<Record<string, string | boolean>>(() => {
    const initial: Record<string, string | boolean> = {};
    if (source && spec) for (const f of formFields(spec.schema, spec.secretField)) initial[f.name] = formValue(f.field, source.config[f.name]);
    return initial;
  });
  const [activities, setActivities] = useState<string[]>(() => {
    const configured = source?.config['activities'];
    return Array.isArray(configured) ? (configured as string[]) : [];
  });
  const [password, setPassword] = useState('');
  const [error, setError] = useState<Error>();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    try {
      const config: Record<string, unknown> = { type };
      for (const f of fields) {
        const value = configValue(f.field, values[f.name] ?? (f.field.kind === 'checkbox' ? false : ''));
        if (value !== undefined && !(f.field.kind === 'checkbox' && value === (f.defaultValue ?? false))) config[f.name] = value;
      }
      if (activities.length) config['activities'] = activities;
      // An unchanged secret reference stays as it is; a typed password replaces it.
      if (spec?.secretField && source?.config[spec.secretField] && !password) config[spec.secretField] = source.config[spec.secretField];
      api.sources.save({ originalId: source?.id ?? null, config, password: password || null }).then(onSaved, setError);
    } catch (err) {
      setError(err as Error);
    }
  };

  return (
    <Dialog open title={source ? t('sources.editTitle', { id: source.id }) : t('sources.addTitle')} onClose={onClose} wide>
      <form className="form" onSubmit={submit}>
        <div className="form-grid">
          <label htmlFor="src-type">{t('sources.type')}</label>
          <select id="src-type" value={type} onChange={(e) => setType(e.target.value)} disabled={source !== null}>
            {view.types.map((x) => (
              <option key={x.type} value={x.type}>
                {t(`sourceType.${x.type}`, { defaultValue: x.type })}
              </option>
            ))}
          </select>
          {fields.map((f) => {
            const id = `src-${f.name}`;
            const label = `${t(`sourceField.${f.name}`, { defaultValue: f.name })}${f.required ? ' *' : ''}`;
            const value = values[f.name] ?? (f.field.kind === 'checkbox' ? f.defaultValue === true : '');
            const set = (v: string | boolean) => setValues({ ...values, [f.name]: v });
            return (
              <FieldRow key={f.name} id={id} label={label}>
                {f.field.kind === 'checkbox' ? (
                  <input id={id} type="checkbox" checked={value === true} onChange={(e) => set(e.target.checked)} />
                ) : f.field.kind === 'select' ? (
                  <select id={id} value={String(value)} onChange={(e) => set(e.target.value)} required={f.required}>
                    <option value="">{f.defaultValue !== undefined ? t('sources.default', { value: String(f.defaultValue) }) : '—'}</option>
                    {f.field.options.map((o) => (
                      <option key={String(o)} value={String(o)}>
                        {String(o)}
                      </option>
                    ))}
                  </select>
                ) : f.field.kind === 'json' ? (
                  <textarea id={id} rows={2} value={String(value)} onChange={(e) => set(e.target.value)} placeholder='{"E-Mail": "email"}' />
                ) : (
                  <input
                    id={id}
                    type={f.field.kind === 'number' ? 'number' : 'text'}
                    value={String(value)}
                    onChange={(e) => set(e.target.value)}
                    required={f.required}
                    placeholder={f.field.kind === 'list' ? (f.field.keyword ?? 'a, b') : f.defaultValue !== undefined ? String(f.defaultValue) : undefined}
                    {...(f.field.kind === 'number' ? { min: f.field.min, max: f.field.max } : {})}
                  />
                )}
              </FieldRow>
            );
          })}
          {spec?.secretField && (
            <FieldRow id="src-password" label={t('sources.password')}>
              <input id="src-password" type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} placeholder={source?.secret?.stored ? t('sources.passwordKept') : ''} />
            </FieldRow>
          )}
        </div>
        {spec?.secretField && <p className="hint">{keychain === 'os' ? t('sources.passwordHintOs') : t('sources.passwordHintMemory')}</p>}
        <fieldset>
          <legend>{t('sources.activities')}</legend>
          <p className="hint">{t('sources.activitiesHint')}</p>
          <div className="checkbox-list">
            {view.activities.map((a) => (
              <label key={a.id}>
                <input type="checkbox" checked={activities.includes(a.id)} onChange={(e) => setActivities(e.target.checked ? [...activities, a.id] : activities.filter((x) => x !== a.id))} /> {a.name}
              </label>
            ))}
          </div>
        </fieldset>
        <ErrorMessage error={error} />
        <DialogActions onCancel={onClose} confirm={t('common.save')} />
      </form>
    </Dialog>
  );
}

function FieldRow({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <>
      <label htmlFor={id}>{label}</label>
      {children}
    </>
  );
}
