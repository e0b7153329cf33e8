import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../shared/api.js';
import { SEND_CHANNELS, type SendChannel } from '../../../shared/sendChannels.js';
import { useApi } from '../../api/ApiContext.js';
import { useAppInfo } from '../../app/AppInfoContext.js';
import { currentLang } from '../../i18n/i18n.js';
import { formatDateInput, parseDateInput } from '../../ui/dateInput.js';
import { Dialog, DialogActions } from '../../ui/Dialog.js';
import { ErrorMessage } from '../../ui/ErrorMessage.js';
import { formatDate } from '../../ui/format.js';

/** Mark the case sent: the day the answer went out and how, the proof that it was in time (Art. 12(3)). */
export function SentDialog({ open, caseDetail: c, onClose, onSent }: { open: boolean; caseDetail: CaseDetail; onClose: () => void; onSent: () => void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const { info } = useAppInfo();
  const lang = i18n.language;
  const [date, setDate] = useState(() => formatDateInput(info.today, lang));
  const [channel, setChannel] = useState<SendChannel>();
  const [errors, setErrors] = useState<{ date?: string; channel?: string }>({});
  const [error, setError] = useState<Error>();
  const dateRef = useRef<HTMLInputElement>(null);
  const channelRef = useRef<HTMLInputElement>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const on = parseDateInput(date);
    const found: { date?: string; channel?: string } = {};
    if (on === null) found.date = t('validation.date');
    else if (on > info.today) found.date = t('caseStatus.sentInFuture');
    else if (on < c.receivedOn) found.date = t('caseStatus.sentBeforeReceipt', { date: formatDate(c.receivedOn, lang) });
    if (!channel) found.channel = t('caseStatus.channelMissing');
    setErrors(found);
    if (found.date) return dateRef.current?.focus();
    if (found.channel || !on || !channel) return channelRef.current?.focus();
    api.cases.setStatus({ caseId: c.id, status: 'sent', sent: { on, channel }, lang: currentLang() }).then(() => (setError(undefined), onSent()), setError);
  };

  return (
    <Dialog open={open} title={t('caseStatus.sentTitle')} onClose={onClose}>
      <form className="form" noValidate onSubmit={submit}>
        <p className="hint">{t('caseStatus.sentHint')}</p>
        <label htmlFor="sent-date">{t('caseStatus.sentDate')}</label>
        <input
          id="sent-date"
          ref={dateRef}
          value={date}
          inputMode="numeric"
          placeholder={t('validation.datePlaceholder')}
          aria-invalid={errors.date ? true : undefined}
          aria-describedby={errors.date ? 'sent-date-error' : undefined}
          onChange={(e) => setDate(e.target.value)}
        />
        {errors.date && (
          <p id="sent-date-error" className="field-error">
            {errors.date}
          </p>
        )}
        <fieldset aria-describedby={errors.channel ? 'sent-channel-error' : undefined}>
          <legend>{t('caseStatus.channel')}</legend>
          {SEND_CHANNELS.map((ch, i) => (
            <label key={ch} className="radio">
              <input type="radio" name="sent-channel" value={ch} ref={i === 0 ? channelRef : undefined} checked={channel === ch} onChange={() => setChannel(ch)} aria-invalid={errors.channel ? true : undefined} />
              <span>{t(`channel.${ch}`)}</span>
            </label>
          ))}
          {errors.channel && (
            <p id="sent-channel-error" className="field-error">
              {errors.channel}
            </p>
          )}
        </fieldset>
        <ErrorMessage error={error} />
        <DialogActions onCancel={onClose} confirm={t('caseStatus.sentConfirm')} />
      </form>
    </Dialog>
  );
}
