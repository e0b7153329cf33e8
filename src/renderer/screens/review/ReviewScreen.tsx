import { useCallback, useEffect, useMemo, useReducer, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { RedactionSuggestion } from '../../../shared/api.js';
import { useApi } from '../../api/ApiContext.js';
import { currentLang } from '../../i18n/i18n.js';
import { Dialog, DialogActions } from '../../ui/Dialog.js';
import { ErrorMessage } from '../../ui/ErrorMessage.js';
import { formatNumber } from '../../ui/format.js';
import { FindingDetail } from './FindingDetail.js';
import { FindingList } from './FindingList.js';
import { filterFindings, filterFromHash, searchIndex } from './filterFindings.js';
import { ReviewFilters } from './ReviewFilters.js';
import { readyFirstReviewPage, REST_PAGE, takeFirstReviewPage } from './reviewListPreload.js';
import { initialReviewState, reviewReducer } from './reviewState.js';
import { selectionInRecord } from './selectionInRecord.js';
import { undoText, useReviewCommands } from './useReviewCommands.js';
import { useReviewKeys } from './useReviewKeys.js';

/** How long j/k may be held before the detail of the row under the cursor is loaded. */
const DETAIL_DELAY_MS = 60;
/** How long "saved" stays on screen. */
const NOTICE_MS = 2500;

/** Pauses before asking again for a page of the list that failed. */
const RETRY_DELAYS_MS = [500, 2000];

/** `call`, asked again after each of RETRY_DELAYS_MS while `wanted()`; the last error if all fail. */
async function withRetries<T>(call: () => Promise<T>, wanted: () => boolean): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (err) {
      const delay = RETRY_DELAYS_MS[attempt];
      if (delay === undefined) throw err;
      await new Promise((resolve) => setTimeout(resolve, delay));
      if (!wanted()) throw err;
    }
  }
}

/**
 * The review: a keyboard-driven list of every finding, filters, and the detail of the current one.
 * Every decision is sent to the engine at once; the list shows what the engine saved.
 */
export function ReviewScreen({ caseId }: { caseId: string }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  // Opened at start-up, the first page is often here before the screen: shown in the first render.
  const [state, dispatch] = useReducer(reviewReducer, undefined, () =>
    // A link may ask for a filter (a bar of the overview's charts): `…/review?source=archive`.
    initialReviewState(readyFirstReviewPage(caseId, currentLang()), filterFromHash(window.location.hash)),
  );
  const early = useRef(state.list);
  const { list, error, restError, restRun, filter, activeId, detail, html, pending, reason, caseWide, notice } = state;
  const perform = useReviewCommands(api, caseId, state, dispatch);
  // The confirmation fades after a moment; screen readers got it from the live region already.
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => dispatch({ type: 'noticeCleared' }), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice]);
  // The workspace may name its sources ("Archiv Vertrieb"): shown instead of their ids everywhere here.
  useEffect(() => {
    let current = true;
    api.sources.list({}).then(
      (view) => current && dispatch({ type: 'sourcesLoaded', labels: new Map(view.sources.flatMap((s) => (s.label ? [[s.id, s.label] as const] : []))) }),
      () => undefined, // without labels the ids are shown, as before
    );
    return () => {
      current = false;
    };
  }, [api]);
  const { sourceLabels } = state;
  const sourceLabel = useCallback((id: string) => sourceLabels.get(id) ?? id, [sourceLabels]);
  const searchRef = useRef<HTMLInputElement>(null);
  const recordRef = useRef<HTMLDivElement>(null);

  // The first rows come alone, so the list paints at once; the rest follows in pages: the list grows
  // while it loads, and the engine answers the current finding's detail between two pages.
  /** Where the next page starts, and how long the list is: kept across a retry of the rest. */
  const progress = useRef({ caseId, next: 0, total: 0 });
  useEffect(() => {
    let current = true;
    const shown = early.current;
    early.current = undefined;
    (shown?.caseId === caseId ? Promise.resolve(shown) : takeFirstReviewPage(api, caseId, currentLang()))
      .then((first) => {
        if (!current) return;
        progress.current = { caseId, next: first.rows.length, total: first.total };
        dispatch({ type: 'firstPageLoaded', list: first });
      })
      .catch((err: Error) => current && dispatch({ type: 'failed', error: err }));
    return () => {
      current = false;
    };
  }, [api, caseId]);

  useEffect(() => {
    const at = progress.current;
    if (!restRun || at.caseId !== caseId) return;
    let current = true;
    const lang = currentLang();
    (async () => {
      while (at.next < at.total) {
        // A page that fails is asked for again twice (the engine may be busy with a search or an
        // export); then the officer sees why and can try again, from where the list stopped.
        const page = await withRetries(() => api.review.list({ caseId, lang, offset: at.next, limit: REST_PAGE }), () => current);
        if (!current) return;
        at.next += page.rows.length;
        // A page with no rows: the list is shorter than it was (a new search); what came is all.
        const total = (at.total = page.rows.length ? page.total : at.next);
        dispatch({ type: 'pageLoaded', rows: page.rows, total });
      }
    })().catch((err: Error) => current && dispatch({ type: 'restFailed', error: err }));
    return () => {
      current = false;
    };
  }, [api, caseId, restRun]);

  // A copy of data found elsewhere is reviewed through its group's entry (FindingSummary.copies).
  const rows = useMemo(() => (list?.rows ?? []).filter((r) => !r.copyOf), [list]);
  // Filters are enabled once every page is here (ReviewFilters): until then the search index would
  // be rebuilt for each page, and a filtered list would silently lack the findings still loading.
  const loaded = !!list && list.rows.length >= list.total;
  const index = useMemo(() => (loaded ? searchIndex(rows, sourceLabel) : []), [rows, loaded, sourceLabel]);
  const visible = useMemo(() => (loaded ? filterFindings(rows, index, filter) : rows), [rows, index, filter, loaded]);
  const activeIndex = activeId === null ? -1 : visible.findIndex((r) => r.id === activeId);

  // The current row must always be one the officer can see.
  useEffect(() => {
    if (visible.length && activeIndex < 0) dispatch({ type: 'activated', id: visible[0]!.id });
    if (!visible.length && activeId !== null && list) dispatch({ type: 'activated', id: null });
  }, [visible, activeIndex, activeId, list]);

  useEffect(() => {
    dispatch({ type: 'detailRequested' });
    if (activeId === null) return;
    let current = true;
    const timer = setTimeout(() => {
      api.review.detail({ caseId, findingId: activeId, lang: currentLang() }).then(
        (d) => {
          if (!current) return;
          dispatch({ type: 'detailLoaded', detail: d });
          if (d.original && d.kind === 'mail') {
            api.review.mailHtml({ caseId, findingId: activeId }).then(
              (r) => current && dispatch({ type: 'htmlLoaded', html: r.html }),
              () => current && dispatch({ type: 'htmlLoaded', html: null }),
            );
          } else dispatch({ type: 'htmlLoaded', html: null });
        },
        (err: Error) => current && dispatch({ type: 'failed', error: err }),
      );
    }, DETAIL_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, caseId, activeId]);

  /** The row `delta` rows from the current one among those shown (clamped), or null when none is. */
  const neighbour = (delta: number): string | null => {
    if (!visible.length) return null;
    return visible[Math.min(visible.length - 1, Math.max(0, (activeIndex < 0 ? 0 : activeIndex) + delta))]!.id;
  };
  const move = (delta: number) => {
    const id = neighbour(delta);
    if (id !== null) dispatch({ type: 'activated', id });
  };
  const close = () => dispatch({ type: 'dialogClosed' });
  const activate = useCallback((id: string) => dispatch({ type: 'activated', id }), []);

  const include = (ids: readonly string[], advance: boolean) => void perform({ type: 'decide', ids, decision: 'include', reason: null, then: advance ? neighbour(1) : null });
  const reset = () => activeId && void perform({ type: 'decide', ids: [activeId], decision: 'open', reason: null, then: null });
  const undo = () => void perform({ type: 'undo' });

  const acceptSuggestions = (suggestions: readonly RedactionSuggestion[]) => {
    if (!detail) return;
    const redactions = [...new Map(suggestions.map((s) => [s.text.toLowerCase(), { text: s.text, reason: s.reason, caseWide: false }])).values()];
    void perform({ type: 'redact', findingId: detail.finding.id, redactions });
  };

  /**
   * `r`: redact the selected text (asking why), or else offer the Art. 15(4) suggestions, listed in a
   * dialog to confirm: a key pressed with nothing selected must never remove text unseen.
   */
  const startRedaction = () => {
    if (!detail || !recordRef.current) return;
    const selection = selectionInRecord(recordRef.current);
    if (selection) {
      dispatch({ type: 'dialogOpened', pending: { kind: 'redact', selection }, reason: t('review.defaultRedactionReason') });
      return;
    }
    const open = detail.suggestions.filter((s) => !detail.marks.some((m) => m.field === s.field && m.start < s.end && s.start < m.end));
    if (open.length) dispatch({ type: 'dialogOpened', pending: { kind: 'suggestions', suggestions: open } });
    else dispatch({ type: 'noticeShown', notice: t('review.selectFirst') });
  };

  const askExclude = (ids: readonly string[]) => {
    if (!ids.length) return;
    dispatch({ type: 'dialogOpened', pending: { kind: 'exclude', ids } });
  };

  useReviewKeys({
    enabled: pending === null,
    next: () => move(1),
    previous: () => move(-1),
    include: () => activeId && include([activeId], true),
    exclude: () => activeId && askExclude([activeId]),
    redact: startRedaction,
    undo,
    search: () => searchRef.current?.focus(),
  });

  if (error && !list) return <ErrorMessage error={error} />;
  if (!list) return <p aria-live="polite">{t('common.loading')}</p>;
  if (!list.total) return <p className="empty">{t('review.empty')}</p>;
  const complete = list.rows.length >= list.total;

  const lang = i18n.language;
  const lastUndo = state.undo.at(-1);
  const undecided = rows.filter((r) => r.decision === 'open').length;
  const visibleIds = visible.map((r) => r.id);
  return (
    <section className="review" aria-labelledby="review-title">
      <h2 id="review-title" className="visually-hidden">
        {t('review.title')}
      </h2>
      <div className="review-side">
        <ReviewFilters sourceLabel={sourceLabel} list={list} filter={filter} onChange={(f) => dispatch({ type: 'filterChanged', filter: f })} searchRef={searchRef} disabled={!complete} />
        {/* Announced once, when all is loaded: not at each page. */}
        <p className="review-counts" aria-live="polite">
          {complete && t('review.counts', { shown: formatNumber(visible.length, lang), total: formatNumber(rows.length, lang), open: formatNumber(undecided, lang) })}
        </p>
        {!complete && !restError && (
          <p className="review-loading" data-testid="review-loading">
            <progress max={list.total} value={list.rows.length} aria-label={t('review.loadingRest', { loaded: formatNumber(list.rows.length, lang), total: formatNumber(list.total, lang) })} />
            <span>{t('review.loadingRest', { loaded: formatNumber(list.rows.length, lang), total: formatNumber(list.total, lang) })}</span>
          </p>
        )}
        {!complete && restError && (
          <div className="banner banner-error" role="alert" data-testid="review-rest-failed">
            <span>{t('review.restFailed', { loaded: formatNumber(list.rows.length, lang), total: formatNumber(list.total, lang), reason: restError.message })}</span>{' '}
            <button
              type="button"
              className="small"
              onClick={() => {
                dispatch({ type: 'restRetried' });
              }}
            >
              {t('review.retryRest')}
            </button>
          </div>
        )}
        <div className="bulk" role="group" aria-label={t('review.bulkLabel')}>
          <button type="button" className="small" disabled={!complete || !visible.length} onClick={() => dispatch({ type: 'dialogOpened', pending: { kind: 'include-many', ids: visibleIds } })}>
            {t('review.includeShown', { count: visible.length })}
          </button>
          <button type="button" className="small" disabled={!complete || !visible.length} onClick={() => askExclude(visibleIds)}>
            {t('review.excludeShown', { count: visible.length })}
          </button>
        </div>
        {/* The confirmation sits in a line of its own beside the list: it never covers the record. */}
        <p className="review-notice" aria-hidden="true">
          {notice && <span className="toast">{notice}</span>}
        </p>
        <FindingList sourceLabel={sourceLabel} rows={visible} activeId={activeId} onActivate={activate} label={t('review.listLabel')} />
        <p className="hint keys">{t('review.keys')}</p>
      </div>
      <div className="review-detail" ref={recordRef}>
        <ErrorMessage error={error} />
        <p className="visually-hidden" aria-live="polite">
          {notice}
        </p>
        {detail && detail.finding.id === activeId ? (
          <FindingDetail
            caseId={caseId}
            detail={detail}
            html={html}
            onInclude={() => activeId && include([activeId], false)}
            onExclude={() => activeId && askExclude([activeId])}
            onRedactSelection={startRedaction}
            onReset={reset}
            undo={lastUndo ? undoText(lastUndo, t) : null}
            onUndo={undo}
            onAcceptSuggestions={acceptSuggestions}
            onRemoveRedaction={(redaction) => void perform({ type: 'unredact', findingId: detail.finding.id, redaction })}
            activityOptions={list?.activities ?? []}
            sourceLabel={sourceLabel}
            onSetActivities={(activities) => void perform({ type: 'setActivities', findingId: detail.finding.id, activities })}
          />
        ) : (
          <p className="muted">{activeId ? t('common.loading') : t('review.nothingSelected')}</p>
        )}
      </div>

      <Dialog open={pending?.kind === 'exclude'} title={t('review.excludeTitle', { count: pending?.kind === 'exclude' ? pending.ids.length : 0 })} onClose={close}>
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            if (pending?.kind !== 'exclude') return;
            void perform({ type: 'decide', ids: pending.ids, decision: 'exclude', reason, then: pending.ids.length === 1 ? neighbour(1) : null });
            close();
          }}
        >
          <label htmlFor="exclude-reason">{t('review.excludeReason')}</label>
          <input id="exclude-reason" autoFocus required minLength={3} value={reason} onChange={(e) => dispatch({ type: 'reasonChanged', reason: e.target.value })} />
          {/* The usual reasons, visible at once: one click fills the field, which stays editable. */}
          <div className="reason-choices" role="group" aria-label={t('review.reasonChoices')}>
            {(['notSubject', 'duplicate', 'internal', 'thirdParty'] as const).map((k) => (
              <button key={k} type="button" className="small" aria-pressed={reason === t(`review.reasons.${k}`)} onClick={() => dispatch({ type: 'reasonChanged', reason: t(`review.reasons.${k}`) })}>
                {t(`review.reasons.${k}`)}
              </button>
            ))}
          </div>
          <p className="hint">{t('review.excludeHint')}</p>
          <DialogActions onCancel={close} confirm={t('review.exclude')} />
        </form>
      </Dialog>

      <Dialog open={pending?.kind === 'redact'} title={t('review.redactTitle')} onClose={close}>
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            if (pending?.kind !== 'redact' || !detail) return;
            void perform({ type: 'redact', findingId: detail.finding.id, redactions: [{ text: pending.selection.text, reason, caseWide }] });
            close();
          }}
        >
          <p>
            {t('review.redactText')}: <code>{pending?.kind === 'redact' ? pending.selection.text : ''}</code>
          </p>
          <label htmlFor="redact-reason">{t('review.redactReason')}</label>
          <input id="redact-reason" autoFocus required minLength={3} value={reason} onChange={(e) => dispatch({ type: 'reasonChanged', reason: e.target.value })} />
          <label className="checkbox">
            <input type="checkbox" checked={caseWide} onChange={(e) => dispatch({ type: 'caseWideChanged', caseWide: e.target.checked })} /> {t('review.redactCaseWide')}
          </label>
          <p className="hint">{t('review.redactHint')}</p>
          <DialogActions onCancel={close} confirm={t('review.redact')} />
        </form>
      </Dialog>

      <Dialog
        open={pending?.kind === 'suggestions'}
        title={t('review.suggestionsConfirmTitle', { count: pending?.kind === 'suggestions' ? pending.suggestions.length : 0 })}
        onClose={close}
      >
        <p>{t('review.suggestionsConfirmText')}</p>
        <ul className="suggestion-confirm" data-testid="suggestions-confirm">
          {(pending?.kind === 'suggestions' ? pending.suggestions : []).map((s) => (
            <li key={`${s.field}-${s.start}`}>
              <code>{s.text}</code> <span className="muted">— {s.reason}</span>
            </li>
          ))}
        </ul>
        <DialogActions
          onCancel={close}
          confirm={t('review.suggestionsConfirm')}
          onConfirm={() => {
            if (pending?.kind === 'suggestions') acceptSuggestions(pending.suggestions);
            close();
          }}
        />
      </Dialog>

      <Dialog open={pending?.kind === 'include-many'} title={t('review.includeManyTitle')} onClose={close}>
        <p>{t('review.includeManyText', { count: pending?.kind === 'include-many' ? pending.ids.length : 0 })}</p>
        <DialogActions
          onCancel={close}
          confirm={t('review.include')}
          onConfirm={() => {
            if (pending?.kind === 'include-many') include(pending.ids, false);
            close();
          }}
        />
      </Dialog>
    </section>
  );
}

