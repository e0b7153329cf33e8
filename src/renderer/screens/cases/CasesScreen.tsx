import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi, useApiEvents } from '../../api/ApiContext.js';
import { navigate, routeHref } from '../../app/router.js';
import { ErrorMessage } from '../../ui/ErrorMessage.js';
import { formatDate } from '../../ui/format.js';
import { useAsync } from '../../ui/useAsync.js';
import { DeadlineBadge } from './DeadlineBadge.js';
import { NewCaseDialog } from './NewCaseDialog.js';
import { RetentionSetting } from './RetentionSetting.js';

/** Every request with its deadline: the officer's to-do list, most urgent warnings first in sight. */
export function CasesScreen() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const cases = useAsync(() => api.cases.list({}), []);
  const [creating, setCreating] = useState(false);
  useApiEvents((event) => {
    if (event.type === 'cases') cases.reload();
  });
  const lang = i18n.language;
  return (
    <section className="screen" aria-labelledby="cases-title">
      <div className="screen-head">
        <h1 id="cases-title">{t('cases.title')}</h1>
        <button type="button" className="primary" onClick={() => setCreating(true)}>
          {t('cases.new')}
        </button>
      </div>
      <ErrorMessage error={cases.error} />
      {cases.data && cases.data.length === 0 && <p className="empty">{t('cases.empty')}</p>}
      {cases.data && cases.data.length > 0 && (
        <table className="table cases-table">
          <caption className="visually-hidden">{t('cases.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('cases.reference')}</th>
              <th scope="col">{t('cases.person')}</th>
              <th scope="col">{t('cases.received')}</th>
              <th scope="col">{t('cases.due')}</th>
              <th scope="col">{t('cases.status')}</th>
              <th scope="col">{t('cases.warning')}</th>
            </tr>
          </thead>
          <tbody>
            {cases.data.map((c) => (
              <tr key={c.id} className={c.warning ? `row-${c.warning}` : undefined}>
                <td>
                  <a href={routeHref({ screen: 'case', caseId: c.id, tab: 'overview' })}>{c.id}</a>
                </td>
                <td>{c.subjectName ?? t('cases.unnamed')}</td>
                <td>{formatDate(c.receivedOn, lang)}</td>
                <td>
                  {formatDate(c.effectiveDueOn, lang)}
                  {c.extension && <span className="muted"> ({t('cases.extended')})</span>}
                </td>
                <td>{t(`status.${c.status}`)}</td>
                <td>
                  <DeadlineBadge summary={c} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <RetentionSetting />
      <NewCaseDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(id) => {
          setCreating(false);
          navigate({ screen: 'case', caseId: id, tab: 'overview' });
        }}
      />
    </section>
  );
}
