import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail, CaseStatus } from '../../../shared/api.js';
import { useApi } from '../../api/ApiContext.js';
import { currentLang } from '../../i18n/i18n.js';
import { ErrorMessage } from '../../ui/ErrorMessage.js';
import { formatDate } from '../../ui/format.js';
import { STATUS_ORDER } from './caseStatusOrder.js';
import { SentDialog } from './SentDialog.js';

const FINISHED: readonly CaseStatus[] = ['sent', 'answered', 'closed'];

/**
 * The case's status as a row of steps. Every status is offered; a move the engine does not allow
 * from here (core/cases/changeCaseStatus.ts) says where the case can go instead, rather than being
 * hidden. "Versendet" asks for the date and the channel. Each move is audited by the engine.
 */
export function CaseStatusControl({ caseDetail: c, onChanged }: { caseDetail: CaseDetail; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [error, setError] = useState<Error | string>();
  const [sending, setSending] = useState(false);
  const label = (s: CaseStatus) => (s === 'review' && s !== c.status && FINISHED.includes(c.status) ? t('cases.reopen') : t(`status.${s}`));

  const choose = (to: CaseStatus) => {
    if (to === c.status) return;
    if (!c.nextStatuses.includes(to)) {
      setError(t('caseStatus.notAllowed', { from: t(`status.${c.status}`), to: t(`status.${to}`), allowed: c.nextStatuses.map(label).join(', ') }));
      return;
    }
    if (to === 'sent') return setSending(true);
    api.cases.setStatus({ caseId: c.id, status: to, lang: currentLang() }).then(() => (setError(undefined), onChanged()), setError);
  };

  return (
    <div className="case-status">
      <div role="group" aria-labelledby="case-status-label" className="status-steps">
        <span id="case-status-label" className="status-label">
          {t('cases.status')}:
        </span>
        {STATUS_ORDER.map((s) => (
          <button key={s} type="button" data-status={s} aria-pressed={s === c.status} onClick={() => choose(s)}>
            {label(s)}
          </button>
        ))}
      </div>
      {c.sent && (
        <p className="hint" data-testid="case-sent">
          {t('caseStatus.sentOn', { date: formatDate(c.sent.on, i18n.language), channel: t(`channel.${c.sent.channel}`) })}
        </p>
      )}
      <ErrorMessage error={error} title={typeof error === 'string' ? t('caseStatus.notAllowedTitle') : undefined} />
      <SentDialog
        open={sending}
        caseDetail={c}
        onClose={() => setSending(false)}
        onSent={() => {
          setSending(false);
          setError(undefined);
          onChanged();
        }}
      />
    </div>
  );
}
