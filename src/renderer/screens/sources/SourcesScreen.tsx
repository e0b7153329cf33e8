import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiOutput, SourceView } from '../../../shared/api.js';
import { useApi } from '../../api/ApiContext.js';
import { useAppInfo } from '../../app/AppInfoContext.js';
import { ErrorMessage } from '../../ui/ErrorMessage.js';
import { useAsync } from '../../ui/useAsync.js';
import { SourceForm } from './SourceForm.js';

/** The workspace's sources, with "check connection" each, and a form per source type to add or edit one. */
export function SourcesScreen() {
  const { t } = useTranslation();
  const api = useApi();
  const { info, refresh } = useAppInfo();
  const view = useAsync(() => api.sources.list({}), []);
  const [checks, setChecks] = useState<Record<string, { ok: boolean; message: string } | 'checking'>>({});
  const [tables, setTables] = useState<Record<string, ApiOutput<'sources.tables'> | 'loading'>>({});
  const [editing, setEditing] = useState<SourceView | 'new' | null>(null);
  const [error, setError] = useState<Error>();

  const check = (id: string) => {
    setChecks((c) => ({ ...c, [id]: 'checking' }));
    api.sources.check({ sourceId: id }).then(
      (result) => setChecks((c) => ({ ...c, [id]: result })),
      (err: Error) => setChecks((c) => ({ ...c, [id]: { ok: false, message: err.message } })),
    );
  };

  // A database source lists its tables with their row counts, so the officer sees what a search will read.
  const listTables = (id: string) => {
    setTables((c) => ({ ...c, [id]: 'loading' }));
    api.sources.tables({ sourceId: id }).then(
      (result) => setTables((c) => ({ ...c, [id]: result })),
      (err: Error) => setTables((c) => ({ ...c, [id]: { supported: true, tables: [], error: err.message } })),
    );
  };

  return (
    <section className="screen" aria-labelledby="sources-title">
      <div className="screen-head">
        <h1 id="sources-title">{t('sources.title')}</h1>
        <button type="button" className="primary" onClick={() => setEditing('new')} disabled={!view.data}>
          {t('sources.add')}
        </button>
      </div>
      {view.data && <p className="muted">{view.data.workspacePath}</p>}
      <ErrorMessage error={view.error ?? error} />
      {view.data && (
        <table className="table sources-table">
          <caption className="visually-hidden">{t('sources.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('sources.id')}</th>
              <th scope="col">{t('sources.type')}</th>
              <th scope="col">{t('sources.location')}</th>
              <th scope="col">{t('sources.activities')}</th>
              <th scope="col">{t('sources.connection')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('sources.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {view.data.sources.map((s) => {
              const result = checks[s.id];
              const listed = tables[s.id];
              return (
                <tr key={s.id} data-source={s.id}>
                  <td>
                    <strong>{s.id}</strong>
                  </td>
                  <td>{s.type}</td>
                  <td>
                    <code>{s.summary}</code>
                    {s.secret && (
                      <span className={`badge ${s.secret.stored || (s.secret.ref && 'env' in s.secret.ref) ? '' : 'badge-warning'}`}>
                        {s.secret.ref && 'env' in s.secret.ref ? t('sources.secretEnv', { name: s.secret.ref.env }) : s.secret.stored ? t('sources.secretStored') : t('sources.secretMissing')}
                      </span>
                    )}
                  </td>
                  <td>{s.activities.join(', ')}</td>
                  <td aria-live="polite">
                    {result === 'checking' && t('sources.checking')}
                    {result && result !== 'checking' && <span className={result.ok ? 'check-ok' : 'check-failed'}>{(result.ok ? '✓ ' : '✗ ') + result.message}</span>}
                    {listed === 'loading' && <div>{t('sources.tablesLoading')}</div>}
                    {listed && listed !== 'loading' && listed.error && <div className="check-failed">{'✗ ' + listed.error}</div>}
                    {listed && listed !== 'loading' && !listed.error && (
                      <ul className="source-tables" aria-label={t('sources.tablesLabel', { id: s.id })}>
                        {listed.tables.map((tb) => (
                          <li key={tb.name}>
                            <code>{tb.name}</code>
                            {tb.view ? ` (${t('sources.view')})` : ''}: {tb.rows === null ? t('sources.rowsUnknown') : t('sources.rows', { count: tb.rows })}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td className="row-actions">
                    <button type="button" className="small" onClick={() => check(s.id)} aria-label={t('sources.checkLabel', { id: s.id })}>
                      {t('sources.check')}
                    </button>
                    {s.type === 'database' && (
                      <button type="button" className="small" onClick={() => listTables(s.id)} aria-label={t('sources.tablesLabel', { id: s.id })}>
                        {t('sources.tables')}
                      </button>
                    )}
                    <button type="button" className="small" onClick={() => setEditing(s)} aria-label={t('sources.editLabel', { id: s.id })}>
                      {t('sources.edit')}
                    </button>
                    <button
                      type="button"
                      className="small danger"
                      aria-label={t('sources.removeLabel', { id: s.id })}
                      onClick={() => api.sources.remove({ sourceId: s.id }).then(() => view.reload(), setError)}
                    >
                      {t('sources.remove')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {view.data && editing !== null && (
        <SourceForm
          view={view.data}
          source={editing === 'new' ? null : editing}
          keychain={info.keychain}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            view.reload();
            refresh();
          }}
        />
      )}
    </section>
  );
}
