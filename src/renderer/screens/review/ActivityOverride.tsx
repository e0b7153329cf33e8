import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface ActivityOverrideProps {
  readonly activities: readonly string[];
  readonly overridden: boolean;
  /** Every activity of the register, with its display name. */
  readonly options: readonly { readonly id: string; readonly name: string }[];
  /** Save the chosen activities; `null` goes back to the source's mapping. */
  readonly onChange: (activities: string[] | null) => void;
}

/**
 * The register activities a finding belongs to. The source maps every record to its activities; an
 * accounting mail in the support mailbox belongs to accounting, and the letter lists it there.
 */
export function ActivityOverride({ activities, overridden, options, onChange }: ActivityOverrideProps) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<string>(activities[0] ?? '');
  const name = (id: string) => options.find((o) => o.id === id)?.name ?? id;
  return (
    <section className="activity-override" aria-label={t('review.activityLabel')} data-testid="activity-override">
      <p>
        {t('review.activityLabel')}: <strong data-testid="finding-activities">{activities.map(name).join('; ') || '—'}</strong>{' '}
        <span className="muted">{overridden ? t('review.activityChosen') : t('review.activityFromSource')}</span>
      </p>
      <label>
        {t('review.activityChange')}{' '}
        <select value={chosen} onChange={(e) => setChosen(e.target.value)} data-testid="activity-select">
          {options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </label>{' '}
      <button type="button" className="small" disabled={!chosen || (activities.length === 1 && activities[0] === chosen)} onClick={() => onChange([chosen])}>
        {t('review.activitySet')}
      </button>
      {overridden && (
        <button type="button" className="small" onClick={() => onChange(null)}>
          {t('review.activityReset')}
        </button>
      )}
    </section>
  );
}
