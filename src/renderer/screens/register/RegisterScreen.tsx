import { useTranslation } from 'react-i18next';
import type { RegisterActivityView } from '../../../shared/api.js';
import { useApi } from '../../api/ApiContext.js';
import { currentLang } from '../../i18n/i18n.js';
import { ErrorMessage } from '../../ui/ErrorMessage.js';
import { useAsync } from '../../ui/useAsync.js';

/** The register of processing activities, readable, with each validation problem shown where it is. */
export function RegisterScreen() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const view = useAsync(() => api.register.get({ lang: currentLang() }), [i18n.language]);
  const r = view.data;
  return (
    <section className="screen" aria-labelledby="register-title">
      <h1 id="register-title">{t('register.title')}</h1>
      <ErrorMessage error={view.error} />
      {r && (
        <>
          <p className="muted">
            {r.file} · {r.valid ? t('register.valid') : t('register.invalid')}
          </p>
          {r.errors.length > 0 && (
            <div className="banner banner-error" role="alert">
              <strong>{t('register.fileErrors')}</strong>
              <ul>
                {r.errors.map((e, i) => (
                  <li key={i}>{issueText(e, t)}</li>
                ))}
              </ul>
            </div>
          )}
          <nav aria-label={t('register.toc')} className="toc">
            <ul>
              {r.activities.map((a) => (
                <li key={a.index}>
                  <a href={`#/register`} onClick={(e) => { e.preventDefault(); document.getElementById(`activity-${a.index}`)?.scrollIntoView(); }}>
                    {a.name}
                  </a>
                  {a.errors.length > 0 && <span className="badge badge-danger">{t('register.errorCount', { count: a.errors.length })}</span>}
                </li>
              ))}
            </ul>
          </nav>
          {r.activities.map((a) => (
            <ActivityCard key={a.index} activity={a} />
          ))}
        </>
      )}
    </section>
  );
}

function ActivityCard({ activity: a }: { activity: RegisterActivityView }) {
  const { t } = useTranslation();
  const list = (items: string[]) => (items.length ? <ul>{items.map((x, i) => <li key={i}>{x}</li>)}</ul> : <span className="muted">—</span>);
  return (
    <article id={`activity-${a.index}`} className={`activity${a.errors.length ? ' activity-invalid' : ''}`} aria-labelledby={`activity-${a.index}-title`}>
      <h2 id={`activity-${a.index}-title`}>
        {a.name} {a.id && <code className="muted">{a.id}</code>}
        {a.localCopy === false && <span className="badge">{t('register.registerOnly')}</span>}
      </h2>
      {a.errors.length > 0 && (
        <div className="banner banner-error" role="alert">
          <ul>
            {a.errors.map((e, i) => (
              <li key={i}>{issueText(e, t)}</li>
            ))}
          </ul>
        </div>
      )}
      <dl className="activity-fields">
        <dt>{t('register.purposes')}</dt>
        <dd>{list(a.purposes)}</dd>
        <dt>{t('register.categories')}</dt>
        <dd>{list(a.categories)}</dd>
        <dt>{t('register.legalBasis')}</dt>
        <dd>{list(a.legalBasis)}</dd>
        <dt>{t('register.recipients')}</dt>
        <dd>{list(a.recipients)}</dd>
        <dt>{t('register.transfers')}</dt>
        <dd>{list(a.transfers)}</dd>
        <dt>{t('register.retention')}</dt>
        <dd>{a.retention ?? '—'}</dd>
        <dt>{t('register.source')}</dt>
        <dd>{a.source ?? t('register.fromSubject')}</dd>
        <dt>{t('register.automated')}</dt>
        <dd>{a.automatedDecisions ?? t('register.none')}</dd>
      </dl>
    </article>
  );
}

function issueText(e: { path: string; line: number | null; message: string }, t: (key: string, options?: Record<string, unknown>) => string): string {
  return `${e.line ? `${t('register.line', { line: e.line })}, ` : ''}${e.path ? `${e.path}: ` : ''}${e.message}`;
}
