import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportStatus, Lang } from '../../../shared/api.js';
import { useApi, useApiEvents } from '../../api/ApiContext.js';
import { useAppInfo } from '../../app/AppInfoContext.js';
import { routeHref } from '../../app/router.js';
import { currentLang } from '../../i18n/i18n.js';
import { ErrorMessage } from '../../ui/ErrorMessage.js';
import { formatNumber } from '../../ui/format.js';
import { useAsync } from '../../ui/useAsync.js';
import { ZipPasswordField, zipPasswordIssue } from './ZipPasswordField.js';

/** The response package: what goes in, writing it with progress, then the folder. */
export function ExportScreen({ caseId }: { caseId: string }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const { info } = useAppInfo();
  const [previewVersion, setPreviewVersion] = useState(0);
  const preview = useAsync(() => api.exports.preview({ caseId }), [caseId, previewVersion]);
  const [status, setStatus] = useState<ExportStatus | null>(null);
  const [lang, setLang] = useState<Lang>(currentLang());
  const [error, setError] = useState<Error>();
  const [opened, setOpened] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [passwordTried, setPasswordTried] = useState(false);
  const [shownPassword, setShownPassword] = useState(false);
  const [acceptUndecided, setAcceptUndecided] = useState(false);
  useApiEvents((event) => {
    if (event.type === 'export' && event.status.caseId === caseId && (!status || event.status.exportId === status.exportId)) setStatus(event.status);
  });
  const p = preview.data;
  const l = i18n.language;
  const running = status?.state === 'running';

  return (
    <section aria-labelledby="export-title">
      <h2 id="export-title">{t('export.title')}</h2>
      <ErrorMessage error={preview.error ?? error} />
      {p && (
        <>
          <dl className="export-counts">
            <dt>{t('decision.include')}</dt>
            <dd data-testid="count-include">{formatNumber(p.included, l)}</dd>
            <dt>{t('decision.redact')}</dt>
            <dd data-testid="count-redact">{formatNumber(p.redacted, l)}</dd>
            <dt>{t('decision.exclude')}</dt>
            <dd data-testid="count-exclude">{formatNumber(p.excluded, l)}</dd>
            <dt>{t('decision.open')}</dt>
            <dd data-testid="count-open">{formatNumber(p.undecided, l)}</dd>
          </dl>
          {p.blockers.includes('noSearch') && (
            <div className="banner banner-warning" role="status">
              {t('export.blocker.noSearch')} <a href={routeHref({ screen: 'case', caseId, tab: 'search' })}>{t('export.fix.noSearch')}</a>
            </div>
          )}
          {p.undecided > 0 && (
            <div className="banner banner-warning" role="status">
              {t('export.blocker.undecided', { count: p.undecided })} {p.undecidedStrong > 0 && t('export.undecidedStrong', { count: p.undecidedStrong })}{' '}
              <a href={routeHref({ screen: 'case', caseId, tab: 'review' })}>{t('export.fix.undecided')}</a>
            </div>
          )}
          {p.unsearched.length > 0 && (
            <div className="banner banner-warning" role="status" data-testid="unsearched">
              <p>{t('export.unsearched')}</p>
              <ul>
                {p.unsearched.map((a) => (
                  <li key={a.id}>
                    {a.name}{' '}
                    {a.confirmed ? (
                      <span data-testid={`confirmed-${a.id}`}>— {t('export.confirmedNoData')}</span>
                    ) : (
                      <button
                        type="button"
                        className="small"
                        data-testid={`confirm-${a.id}`}
                        onClick={() => api.exports.confirmNoData({ caseId, activityIds: [a.id] }).then(() => setPreviewVersion((v) => v + 1), setError)}
                      >
                        {t('export.confirmNoData')}
                      </button>
                    )}
                  </li>
                ))}
              </ul>
              <p className="hint">{t('export.unsearchedHint')}</p>
            </div>
          )}
          <form
            className="form export-form"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              setError(undefined);
              setOpened('');
              const issue = zipPasswordIssue(password, shownPassword ? password : repeat);
              setPasswordTried(true);
              if (issue) return document.getElementById(issue === 'short' ? 'zip-password' : 'zip-password-repeat')?.focus();
              api.exports.start({ caseId, lang, password: password || null, acceptUndecided }).then(setStatus, setError);
            }}
          >
            <label>
              {t('export.language')}{' '}
              <select value={lang} onChange={(e) => setLang(e.target.value === 'en' ? 'en' : 'de')}>
                <option value="de">Deutsch</option>
                <option value="en">English</option>
              </select>
            </label>
            <ZipPasswordField
              password={password}
              repeat={repeat}
              issue={passwordTried ? zipPasswordIssue(password, shownPassword ? password : repeat) : undefined}
              onChange={(next, nextRepeat) => (setPassword(next), setRepeat(nextRepeat))}
              shown={shownPassword}
              onShownChange={setShownPassword}
            />
            <p className="hint">{t('export.passwordHint')}</p>
            {p.undecided > 0 && (
              <label className="checkbox">
                <input type="checkbox" checked={acceptUndecided} onChange={(e) => setAcceptUndecided(e.target.checked)} /> {t('export.acceptUndecided', { count: p.undecided })}
              </label>
            )}
            <p className="hint">{t('export.hint')}</p>
            <button type="submit" className="primary" disabled={p.blockers.length > 0 || running || (p.undecided > 0 && !acceptUndecided)}>
              {t('export.create')}
            </button>
          </form>
        </>
      )}
      {status && (
        <div className="export-status" aria-live="polite">
          <progress max={status.total || 1} value={status.done} aria-label={t('export.progress')} />
          <p>
            {t(`export.state.${status.state}`)} {status.state === 'running' && `— ${t(`export.step.${status.step}`)}`}
          </p>
          {status.error && <ErrorMessage error={status.error} />}
          {status.state === 'done' && status.path && (
            <>
              <p>
                {t('export.writtenTo')} <code data-testid="export-path">{status.path}</code>
              </p>
              {status.summary && (
                <p>
                  {t('export.summary', { items: status.summary.items, pages: status.summary.pages, redacted: status.summary.redactedItems })}
                  {status.summary.withheld > 0 && ` ${t('export.withheld', { count: status.summary.withheld })}`}
                </p>
              )}
              {status.internPath && (
                <p className="banner banner-warning" role="status">
                  {t('export.internWrittenTo')} <code data-testid="intern-path">{status.internPath}</code>
                </p>
              )}
              {status.summary && status.summary.retentionWarnings.length > 0 && (
                <div className="banner banner-warning" role="status" data-testid="retention-warnings">
                  <p>{t('export.retention', { count: status.summary.retentionWarnings.length })}</p>
                  <ul>
                    {status.summary.retentionWarnings.slice(0, 20).map((w) => (
                      <li key={`${w.finding}-${w.activity}`}>
                        {t('export.retentionLine', { source: w.source, date: w.date, age: w.ageDays, days: w.retentionDays, activity: w.activity })}
                      </li>
                    ))}
                  </ul>
                </div>
              )}
              {status.summary?.auditProblems.length ? <ErrorMessage title={t('export.auditProblems')} error={status.summary.auditProblems.join('; ')} /> : null}
              <ul className="files">
                {status.files.map((f) => (
                  <li key={f.name}>
                    <code>{f.name}</code> <span className="muted">({formatNumber(f.bytes, l)} B)</span>
                  </li>
                ))}
              </ul>
              {info.transport === 'electron' ? (
                <button type="button" onClick={() => api.exports.openFolder({ exportId: status.exportId }).then(() => setOpened(t('export.opened')), setError)}>
                  {t('export.openFolder')}
                </button>
              ) : (
                <p className="hint">{t('export.openFolderBrowser')}</p>
              )}
              <span aria-live="polite">{opened}</span>
            </>
          )}
        </div>
      )}
    </section>
  );
}
