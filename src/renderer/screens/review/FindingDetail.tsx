import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FindingDetail as Detail, Redaction, RedactionMark, RedactionSuggestion } from '../../../shared/api.js';
import type { RecordData } from '../../../shared/findings.js';
import { formatBytes, formatDateTime } from '../../ui/format.js';
import { ActivityOverride } from './ActivityOverride.js';
import { MailHtmlFrame } from './LazyMailHtmlFrame.js';
import { matchFieldLabel } from './matchFieldLabel.js';
import { RedactableText } from './RedactableText.js';
import { ScanPages } from './ScanPages.js';
import { locatorLine } from '../../../shared/locatorLine.js';

export interface FindingDetailProps {
  readonly caseId: string;
  readonly detail: Detail;
  /** The original HTML of a mail, when it has one (undefined while loading). */
  readonly html: string | null | undefined;
  readonly onInclude: () => void;
  readonly onExclude: () => void;
  readonly onRedactSelection: () => void;
  readonly onReset: () => void;
  /** What `u` would take back, in words; null when there is nothing to undo. */
  readonly undo: string | null;
  readonly onUndo: () => void;
  readonly onAcceptSuggestions: (suggestions: RedactionSuggestion[]) => void;
  /** Take a redaction back: its text appears in the copy again (logged). */
  readonly onRemoveRedaction: (redaction: Redaction) => void;
  /** The register's activities, to choose the finding's own (the letter follows the choice). */
  readonly activityOptions: readonly { readonly id: string; readonly name: string }[];
  readonly onSetActivities: (activities: string[] | null) => void;
  /** The name the workspace gives a source (`label:`), by id; the id where it gives none. */
  readonly sourceLabel: (sourceId: string) => string;
}

/** How a record's texts are marked: redactions, suggestions, and the identifiers it was found by. */
interface Marking {
  readonly marks: readonly RedactionMark[];
  readonly redactions: readonly Redaction[];
  readonly suggestions: readonly RedactionSuggestion[];
  readonly highlights: readonly string[];
}

/** One finding as the officer decides about it: what matched, the record by its type, redactions and suggestions. */
export function FindingDetail(props: FindingDetailProps) {
  const { t, i18n } = useTranslation();
  const { detail } = props;
  const { finding, decision } = detail;
  const [view, setView] = useState<'text' | 'html'>('text');
  const lang = i18n.language;
  const open = detail.suggestions.filter((s) => !detail.marks.some((m) => m.field === s.field && m.start < s.end && s.start < m.end));
  const fieldLabel = (field: string) => detail.attachments.find((a) => a.field === field)?.name ?? matchFieldLabel(field, t);
  // What the person's identifiers look like in this record, highlighted in the text and the HTML view.
  const highlights = useMemo(() => [...new Set(finding.matches.map((m) => m.found ?? m.value))], [finding.matches]);
  const marking: Marking = { marks: detail.marks, redactions: decision.redactions, suggestions: open, highlights };

  return (
    <article className="detail" aria-labelledby="detail-title" data-testid="finding-detail">
      <header className="detail-head">
        <h2 id="detail-title">{finding.title}</h2>
        <p className="detail-meta">
          <span className={`badge badge-${finding.strength}`}>{t(`strength.${finding.strength}`)}</span>{' '}
          {detail.thirdParty.flagged && (
            <>
              <span className="badge badge-third-party" data-testid="third-party-flag" title={t('review.thirdPartyFlagHint')}>
                {t('review.thirdPartyFlag')}
              </span>{' '}
            </>
          )}
          <span data-testid="detail-source">{props.sourceLabel(finding.source)}</span> · {t(`kind.${detail.kind}`)} · {formatDateTime(finding.date, lang)}
        </p>
        <details className="locator" data-testid="locator">
          <summary>{t('review.locatorTitle')}</summary>
          <code>{locatorLine(finding.locator)}</code>
        </details>
        <p className="matches">
          {t('review.matched')}:{' '}
          {finding.matches.map((m, i) => (
            <span key={i} className="match">
              {t(`identifier.${m.type}`)} <mark className="match">{m.found ?? m.value}</mark>
              {m.field ? ` (${matchFieldLabel(m.field, t)})` : ''}
              {m.confidence !== undefined && <span className="ocr-confidence"> {t(m.tolerant ? 'review.ocrTolerant' : 'review.ocrConfidence', { confidence: m.confidence })}</span>}
            </span>
          ))}
        </p>
      </header>

      <ActivityOverride
        key={finding.id}
        activities={finding.activities}
        overridden={detail.activitiesOverridden}
        options={props.activityOptions}
        onChange={props.onSetActivities}
      />

      <section className="decision-bar" aria-label={t('review.decisionLabel')}>
        <p className="decision-now" aria-live="polite" data-testid="decision-now" data-state={decision.state}>
          {t('review.decisionIs')}: <strong className={`decision-text-${decision.state}`}>{t(`decision.${decision.state}`)}</strong>
          {decision.reason && <span className="muted"> — {decision.reason}</span>}
        </p>
        <div className="decision-buttons">
          <button type="button" onClick={props.onInclude} aria-keyshortcuts="i">
            {t('review.include')} <kbd>i</kbd>
          </button>
          <button type="button" onClick={props.onExclude} aria-keyshortcuts="x">
            {t('review.exclude')} <kbd>x</kbd>
          </button>
          <button type="button" onClick={props.onRedactSelection} aria-keyshortcuts="r">
            {t('review.redact')} <kbd>r</kbd>
          </button>
          <button type="button" onClick={props.onReset} disabled={decision.state === 'open'}>
            {t('review.reset')}
          </button>
          <button
            type="button"
            onClick={props.onUndo}
            aria-keyshortcuts="u"
            disabled={props.undo === null}
            aria-label={props.undo === null ? undefined : t('review.undoLabel', { what: props.undo })}
            title={props.undo ?? t('review.nothingToUndo')}
            data-testid="undo"
          >
            {t('review.undo')} <kbd>u</kbd>
          </button>
        </div>
        {props.undo !== null && (
          <p className="hint" data-testid="undo-last">
            {t('review.undoLast', { what: props.undo })}
          </p>
        )}
        {finding.strength === 'weak' && decision.state === 'open' && <p className="hint">{t('review.weakHint')}</p>}
        {detail.thirdParty.flagged && decision.state === 'open' && <p className="hint">{t('review.thirdPartyFlagHint')}</p>}
        {detail.thirdParty.unchecked.length > 0 && (
          <div className="banner banner-error" role="alert" data-testid="unchecked-attachments">
            <strong>{t('review.uncheckedFlag')}</strong> {t('review.uncheckedHint')}
            <ul>
              {detail.thirdParty.unchecked.map((u) => (
                <li key={u.name}>
                  <code>{u.name}</code>: {u.message}
                </li>
              ))}
            </ul>
          </div>
        )}
      </section>

      {open.length > 0 && decision.state !== 'exclude' && (
        <section className="suggestions" aria-labelledby="suggestions-title">
          <h3 id="suggestions-title">{t('review.suggestionsTitle', { count: open.length })}</h3>
          <ul>
            {open.map((s) => (
              <li key={`${s.field}-${s.start}`} data-suggestion={s.text}>
                <code>{s.text}</code> <span className="muted">({fieldLabel(s.field)})</span>{' '}
                <button type="button" className="small" onClick={() => props.onAcceptSuggestions([s])}>
                  {t('review.redactThis')}
                </button>
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => props.onAcceptSuggestions(open)}>
            {t('review.redactAll', { count: open.length })}
          </button>
          <p className="hint">{t('review.suggestionsHint')}</p>
        </section>
      )}

      {decision.redactions.length > 0 && (
        <section className="redactions" aria-labelledby="redactions-title">
          <h3 id="redactions-title">{t('review.redactionsTitle', { count: decision.redactions.length })}</h3>
          <ul>
            {decision.redactions.map((r) => (
              <li key={r.id}>
                <code>{r.text}</code> <span className="muted">— {r.reason}</span>
                {r.caseWide && <span className="badge">{t('review.caseWide')}</span>}{' '}
                <button
                  type="button"
                  className="small"
                  data-testid="remove-redaction"
                  aria-label={t(r.caseWide ? 'review.unredactCaseWideLabel' : 'review.unredactLabel', { text: r.text })}
                  onClick={() => props.onRemoveRedaction(r)}
                >
                  {t('review.unredact')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className="record" aria-label={t('review.recordLabel')} data-testid="record">
        {finding.record?.kind === 'mail' && typeof props.html === 'string' && (
          <div className="view-switch" role="group" aria-label={t('review.viewLabel')}>
            <button type="button" aria-pressed={view === 'text'} onClick={() => setView('text')}>
              {t('review.viewText')}
            </button>
            <button type="button" aria-pressed={view === 'html'} onClick={() => setView('html')}>
              {t('review.viewHtml')}
            </button>
          </div>
        )}
        {view === 'html' && typeof props.html === 'string' ? (
          <>
            <p className="hint">{t('review.htmlHint')}</p>
            {finding.record?.kind === 'mail' && <MailHeaders record={finding.record} marking={marking} />}
            <MailHtmlFrame html={props.html} title={t('review.htmlFrameTitle', { title: finding.title })} highlights={highlights} />
          </>
        ) : finding.record?.kind === 'document' && finding.record.ocr?.length ? (
          <div className="scan-beside">
            <div>
              <p className="hint">{t('review.machineRead')}</p>
              <RecordView record={finding.record} marking={marking} />
            </div>
            <ScanPages caseId={props.caseId} findingId={finding.id} pages={finding.record.ocr} />
          </div>
        ) : (
          <>
            <RecordView record={finding.record} marking={marking} />
            {/* Attachments read back as text (a table row per line): marked and redacted like the body. */}
            {detail.attachments.map((a) => (
              <section key={a.field} className="attachment-text" aria-label={t('review.attachmentTitle', { name: a.name })} data-testid="attachment-text">
                <h3>{t('review.attachmentTitle', { name: a.name })}</h3>
                <MarkedText field={a.field} text={a.text} marking={marking} block />
              </section>
            ))}
          </>
        )}
      </section>
    </article>
  );
}

/** A record text, marked; long links shown as their host. */
function MarkedText({ field, text, marking, block = false }: { field: string; text: string; marking: Marking; block?: boolean }) {
  const { t } = useTranslation();
  return (
    <RedactableText
      field={field}
      text={text}
      marks={marking.marks}
      redactions={marking.redactions}
      suggestions={marking.suggestions}
      highlights={marking.highlights}
      matchTitle={t('review.matchTitle')}
      linkLabel={(host) => t('review.linkLabel', { host })}
      block={block}
    />
  );
}

/** Von, An, Cc, Betreff, Datum: above the text and the HTML view alike. */
function MailHeaders({ record, marking }: { record: Extract<RecordData, { kind: 'mail' }>; marking: Marking }) {
  const { t, i18n } = useTranslation();
  const text = (field: string, value: string | undefined) => (value ? <MarkedText field={field} text={value} marking={marking} /> : <span className="muted">—</span>);
  return (
    <dl className="mail-headers">
      <dt>{t('mail.from')}</dt>
      <dd>{text('from', record.from)}</dd>
      <dt>{t('mail.to')}</dt>
      <dd>{text('to', record.to)}</dd>
      {record.cc && (
        <>
          <dt>{t('mail.cc')}</dt>
          <dd>{text('cc', record.cc)}</dd>
        </>
      )}
      <dt>{t('mail.subject')}</dt>
      <dd>{text('subject', record.subject)}</dd>
      <dt>{t('mail.date')}</dt>
      <dd>{formatDateTime(record.date, i18n.language)}</dd>
    </dl>
  );
}

function RecordView({ record, marking }: { record: RecordData | undefined; marking: Marking }) {
  const { t, i18n } = useTranslation();
  const text = (field: string, value: string | undefined, block = false) =>
    value ? <MarkedText field={field} text={value} marking={marking} block={block} /> : <span className="muted">—</span>;
  // Rows, calls, tickets and log lines show their fields the same way: name, then redactable value.
  const fieldsTable = (caption: string, fields: ReadonlyArray<{ name: string; value: string }>, extraRow?: ReactNode) => (
    <table className="table fields">
      <caption className="visually-hidden">{caption}</caption>
      <tbody>
        {fields.map((f) => (
          <tr key={f.name}>
            <th scope="row">{f.name}</th>
            <td>{text(`field:${f.name}`, f.value)}</td>
          </tr>
        ))}
        {extraRow}
      </tbody>
    </table>
  );
  if (!record) return <p className="muted">{t('review.noRecord')}</p>;
  switch (record.kind) {
    case 'mail':
      return (
        <>
          <MailHeaders record={record} marking={marking} />
          <div className="mail-body">{text('text', record.text, true)}</div>
          {record.attachments && record.attachments.length > 0 && (
            <p className="attachments">
              {t('mail.attachments')}: {record.attachments.map((a) => `${a.filename ?? a.contentType} (${formatBytes(a.size, i18n.language)})`).join(', ')}
            </p>
          )}
        </>
      );
    case 'row':
    case 'call':
      return fieldsTable(
        t(`kind.${record.kind}`),
        record.fields,
        record.kind === 'call' && record.recording && (
          <tr>
            <th scope="row">{t('record.recording')}</th>
            <td>{record.recording}</td>
          </tr>
        ),
      );
    case 'ticket':
      return (
        <>
          <h3 className="ticket-title">{text('title', record.title)}</h3>
          {fieldsTable(t('kind.ticket'), record.fields)}
          <ol className="articles">
            {record.articles.map((a, i) => (
              <li key={i}>
                <p className="muted">{[a.from, a.date].filter(Boolean).join(' · ')}</p>
                {text(`article:${i}`, a.text, true)}
              </li>
            ))}
          </ol>
        </>
      );
    case 'logline':
      return (
        <>
          <pre className="logline">{text('text', record.text)}</pre>
          {record.fields && fieldsTable(t('kind.logline'), record.fields)}
        </>
      );
    case 'document':
      return <div className="document">{text('text', record.text, true)}</div>;
  }
}
