import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../shared/api.js';
import { Dialog } from '../../ui/Dialog.js';
import { formatDate } from '../../ui/format.js';
import { CaseStatusControl } from './CaseStatusControl.js';
import { DeadlineBadge } from './DeadlineBadge.js';
import { ExtendDialog } from './ExtendDialog.js';
import { IdentifierWarnings } from './IdentifierWarnings.js';


/** The case's person, deadline and status, with extension and the drafted notice (deletion is CaseDelete, after the tabs). */
export function CaseHeader({ caseDetail: c, onChanged }: { caseDetail: CaseDetail; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const [extending, setExtending] = useState(false);
  const [showNotice, setShowNotice] = useState(false);
  const lang = i18n.language;

  return (
    <>
      <header className="case-head">
        <div>
          <h1 id="case-title">
            {c.subjectName ?? t('cases.unnamed')} <span className="case-ref">{c.id}</span>
          </h1>
          <p className="case-dates">
            {t('cases.received')}: {formatDate(c.receivedOn, lang)} · {t('cases.due')}: <strong>{formatDate(c.effectiveDueOn, lang)}</strong>
            {c.extension && (
              <>
                {' '}
                ({t('cases.extendedFrom', { date: formatDate(c.dueOn, lang) })}){' '}
                <button type="button" className="link-button" onClick={() => setShowNotice(true)}>
                  {t('extend.showNotice')}
                </button>
              </>
            )}{' '}
            <DeadlineBadge summary={c} />
          </p>
        </div>
        <div className="case-actions">
          {!c.extension && (
            <button type="button" onClick={() => setExtending(true)}>
              {t('extend.button')}
            </button>
          )}
        </div>
      </header>
      <CaseStatusControl caseDetail={c} onChanged={onChanged} />
      <IdentifierWarnings warnings={c.identifierWarnings} testId="case-identifier-warnings" />
      <details className="case-identifiers">
        <summary>{t('cases.identifiers')}</summary>
        <ul>
          {c.identifiers.map((i) => (
            <li key={`${i.type}:${i.value}`}>
              {t(`identifierType.${i.type}`)}: <code>{i.value}</code> –{' '}
              {i.verification
                ? t('cases.verifiedBy', { method: t(`verification.${i.verification.method}.label`), by: i.verification.by, at: formatDate(i.verification.at.slice(0, 10), lang) })
                : t('cases.unverified')}
            </li>
          ))}
        </ul>
      </details>
      <ExtendDialog
        open={extending}
        caseId={c.id}
        onClose={() => setExtending(false)}
        onExtended={() => {
          setExtending(false);
          onChanged();
          setShowNotice(true);
        }}
      />
      <Dialog open={showNotice} title={t('extend.noticeTitle')} onClose={() => setShowNotice(false)} wide>
        <p className="hint">{t('extend.noticeHint')}</p>
        <label htmlFor="notice-text" className="visually-hidden">
          {t('extend.noticeTitle')}
        </label>
        <textarea id="notice-text" className="notice" readOnly rows={16} value={c.extension?.notice ?? ''} />
        <div className="dialog-actions">
          <button type="button" onClick={() => void navigator.clipboard?.writeText(c.extension?.notice ?? '')}>
            {t('common.copy')}
          </button>
          <button type="button" className="primary" onClick={() => setShowNotice(false)}>
            {t('common.close')}
          </button>
        </div>
      </Dialog>
    </>
  );
}
