import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Decision, FindingDetail as Detail, RedactionSuggestion, ReviewList } from '../../../shared/api.js';
import { useApi } from '../../api/ApiContext.js';
import { currentLang } from '../../i18n/i18n.js';
import { Dialog, DialogActions } from '../../ui/Dialog.js';
import { ErrorMessage } from '../../ui/ErrorMessage.js';
import { formatNumber } from '../../ui/format.js';
import { FindingDetail } from './FindingDetail.js';
import { FindingList } from './FindingList.js';
import { filterFindings, NO_FILTER, searchIndex, type FindingFilter } from './filterFindings.js';
import { ReviewFilters } from './ReviewFilters.js';
import { readyFirstReviewPage, REST_PAGE, takeFirstReviewPage } from './reviewListPreload.js';
import { selectionInRecord, type TextSelection } from './selectionInRecord.js';
import { useReviewKeys } from './useReviewKeys.js';

/** How long j/k may be held before the detail of the row under the cursor is loaded. */
const DETAIL_DELAY_MS = 60;
/** How long "saved" stays on screen. */
const NOTICE_MS = 2500;

type Pending =
  | { readonly kind: 'exclude'; readonly ids: readonly string[] }
  | { readonly kind: 'redact'; readonly selection: TextSelection }
  | { readonly kind: 'include-many'; readonly ids: readonly string[] }
  | { readonly kind: 'suggestions'; readonly suggestions: readonly RedactionSuggestion[] };

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
  const [ready] = useState(() => readyFirstReviewPage(caseId, currentLang()));
  const early = useRef(ready);
  const [list, setList] = useState<ReviewList | undefined>(ready);
  const [error, setError] = useState<Error>();
  const [filter, setFilter] = useState<FindingFilter>(NO_FILTER);
  const [activeId, setActiveId] = useState<string | null>(ready?.rows[0]?.id ?? null);
  const [detail, setDetail] = useState<Detail>();
  const [html, setHtml] = useState<string | null | undefined>(undefined);
  const [pending, setPending] = useState<Pending | null>(null);
  const [reason, setReason] = useState('');
  const [notice, setNotice] = useState('');
  const [caseWide, setCaseWide] = useState(false);
  // The confirmation fades after a moment; screen readers got it from the live region already.
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(''), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice]);
  const searchRef = useRef<HTMLInputElement>(null);
  const recordRef = useRef<HTMLDivElement>(null);

  // The first rows come alone, so the list paints at once; the rest follows in pages: the list grows
  // while it loads, and the engine answers the current finding's detail between two pages.
  const [restRun, setRestRun] = useState(0);
  const [restError, setRestError] = useState<Error>();
  /** Where the next page starts, and how long the list is: kept across a retry of the rest. */
  const progress = useRef({ caseId, next: 0, total: 0 });
  useEffect(() => {
    let current = true;
    const shown = early.current;
    early.current = undefined;
    setRestError(undefined);
    (shown?.caseId === caseId ? Promise.resolve(shown) : takeFirstReviewPage(api, caseId, currentLang()))
      .then((first) => {
        if (!current) return;
        progress.current = { caseId, next: first.rows.length, total: first.total };
        setList(first);
        setActiveId((id) => id ?? first.rows[0]?.id ?? null);
        setRestRun((n) => n + 1);
      })
      .catch((err: Error) => current && setError(err));
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
        setList((loaded) => loaded && { ...loaded, rows: [...loaded.rows, ...page.rows], total });
      }
    })().catch((err: Error) => current && setRestError(err));
    return () => {
      current = false;
    };
  }, [api, caseId, restRun]);

  // A copy of data found elsewhere is reviewed through its group's entry (FindingSummary.copies).
  const rows = useMemo(() => (list?.rows ?? []).filter((r) => !r.copyOf), [list]);
  // Filters are enabled once every page is here (ReviewFilters): until then the search index would
  // be rebuilt for each page, and a filtered list would silently lack the findings still loading.
  const loaded = !!list && list.rows.length >= list.total;
  const index = useMemo(() => (loaded ? searchIndex(rows) : []), [rows, loaded]);
  const visible = useMemo(() => (loaded ? filterFindings(rows, index, filter) : rows), [rows, index, filter, loaded]);
  const activeIndex = activeId === null ? -1 : visible.findIndex((r) => r.id === activeId);

  // The current row must always be one the officer can see.
  useEffect(() => {
    if (visible.length && activeIndex < 0) setActiveId(visible[0]!.id);
    if (!visible.length && activeId !== null && list) setActiveId(null);
  }, [visible, activeIndex, activeId, list]);

  useEffect(() => {
    setHtml(undefined);
    if (activeId === null) {
      setDetail(undefined);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      api.review.detail({ caseId, findingId: activeId, lang: currentLang() }).then(
        (d) => {
          if (!current) return;
          setDetail(d);
          if (d.original && d.kind === 'mail') {
            api.review.mailHtml({ caseId, findingId: activeId }).then((r) => current && setHtml(r.html), () => current && setHtml(null));
          } else setHtml(null);
        },
        (err: Error) => current && setError(err),
      );
    }, DETAIL_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, caseId, activeId]);

  /** Put what the engine saved into the list and the detail. */
  const applyDecisions = useCallback((decisions: readonly Decision[]) => {
    const byId = new Map(decisions.map((d) => [d.findingId, d]));
    setList((current) => current && { ...current, rows: current.rows.map((r) => (byId.has(r.id) ? { ...r, decision: byId.get(r.id)!.state, redactions: byId.get(r.id)!.redactions.length } : r)) });
    setDetail((current) => (current && byId.has(current.finding.id) ? { ...current, decision: byId.get(current.finding.id)! } : current));
    setNotice(t('review.saved', { count: decisions.length }));
  }, [t]);

  const move = useCallback(
    (delta: number) => {
      if (!visible.length) return;
      const next = Math.min(visible.length - 1, Math.max(0, (activeIndex < 0 ? 0 : activeIndex) + delta));
      setActiveId(visible[next]!.id);
    },
    [visible, activeIndex],
  );

  const decide = useCallback(
    (ids: readonly string[], decision: 'include' | 'exclude' | 'open', why: string | null, advance: boolean) => {
      if (!ids.length) return;
      api.review.decide({ caseId, findingIds: [...ids], decision, reason: why }).then((saved) => {
        setError(undefined);
        applyDecisions(saved);
        if (advance) move(1);
      }, setError);
    },
    [api, caseId, applyDecisions, move],
  );

  const redact = useCallback(
    (findingId: string, redactions: { text: string; reason: string; caseWide: boolean }[]) => {
      api.review.redact({ caseId, findingId, redactions, lang: currentLang() }).then((saved) => {
        setError(undefined);
        setDetail(saved);
        applyDecisions([saved.decision]);
      }, setError);
    },
    [api, caseId, applyDecisions],
  );

  const setActivities = useCallback(
    (findingId: string, activities: string[] | null) => {
      api.review.setActivities({ caseId, findingId, activities, lang: currentLang() }).then((saved) => {
        setError(undefined);
        setDetail(saved);
        setList((current) => current && { ...current, rows: current.rows.map((r) => (r.id === findingId ? { ...r, activities: saved.finding.activities } : r)) });
      }, setError);
    },
    [api, caseId],
  );

  const removeRedaction = useCallback(
    (findingId: string, redactionId: string) => {
      api.review.unredact({ caseId, findingId, redactionId, reason: null, lang: currentLang() }).then((saved) => {
        setError(undefined);
        setDetail(saved);
        applyDecisions([saved.decision]);
      }, setError);
    },
    [api, caseId, applyDecisions],
  );

  const acceptSuggestions = useCallback(
    (suggestions: readonly RedactionSuggestion[]) => {
      if (!detail) return;
      redact(
        detail.finding.id,
        [...new Map(suggestions.map((s) => [s.text.toLowerCase(), { text: s.text, reason: s.reason, caseWide: false }])).values()],
      );
    },
    [detail, redact],
  );

  /**
   * `r`: redact the selected text (asking why), or else offer the Art. 15(4) suggestions, listed in a
   * dialog to confirm: a key pressed with nothing selected must never remove text unseen.
   */
  const startRedaction = useCallback(() => {
    if (!detail || !recordRef.current) return;
    const selection = selectionInRecord(recordRef.current);
    if (selection) {
      setReason(t('review.defaultRedactionReason'));
      setCaseWide(false);
      setPending({ kind: 'redact', selection });
      return;
    }
    const open = detail.suggestions.filter((s) => !detail.marks.some((m) => m.field === s.field && m.start < s.end && s.start < m.end));
    if (open.length) setPending({ kind: 'suggestions', suggestions: open });
    else setNotice(t('review.selectFirst'));
  }, [detail, t]);

  const askExclude = (ids: readonly string[]) => {
    if (!ids.length) return;
    setReason('');
    setPending({ kind: 'exclude', ids });
  };

  useReviewKeys({
    enabled: pending === null,
    next: () => move(1),
    previous: () => move(-1),
    include: () => activeId && decide([activeId], 'include', null, true),
    exclude: () => activeId && askExclude([activeId]),
    redact: startRedaction,
    reset: () => activeId && decide([activeId], 'open', null, false),
    search: () => searchRef.current?.focus(),
  });

  if (error && !list) return <ErrorMessage error={error} />;
  if (!list) return <p aria-live="polite">{t('common.loading')}</p>;
  if (!list.total) return <p className="empty">{t('review.empty')}</p>;
  const complete = list.rows.length >= list.total;

  const lang = i18n.language;
  const undecided = rows.filter((r) => r.decision === 'open').length;
  const visibleIds = visible.map((r) => r.id);
  return (
    <section className="review" aria-labelledby="review-title">
      <h2 id="review-title" className="visually-hidden">
        {t('review.title')}
      </h2>
      <div className="review-side">
        <ReviewFilters list={list} filter={filter} onChange={setFilter} searchRef={searchRef} disabled={!complete} />
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
                setRestError(undefined);
                setRestRun((n) => n + 1);
              }}
            >
              {t('review.retryRest')}
            </button>
          </div>
        )}
        <div className="bulk" role="group" aria-label={t('review.bulkLabel')}>
          <button type="button" className="small" disabled={!complete || !visible.length} onClick={() => setPending({ kind: 'include-many', ids: visibleIds })}>
            {t('review.includeShown', { count: visible.length })}
          </button>
          <button type="button" className="small" disabled={!complete || !visible.length} onClick={() => askExclude(visibleIds)}>
            {t('review.excludeShown', { count: visible.length })}
          </button>
        </div>
        <FindingList rows={visible} activeId={activeId} onActivate={setActiveId} label={t('review.listLabel')} />
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
            onInclude={() => activeId && decide([activeId], 'include', null, false)}
            onExclude={() => activeId && askExclude([activeId])}
            onRedactSelection={startRedaction}
            onReset={() => activeId && decide([activeId], 'open', null, false)}
            onAcceptSuggestions={acceptSuggestions}
            onRemoveRedaction={(r) => removeRedaction(detail.finding.id, r.id)}
            activityOptions={list?.activities ?? []}
            onSetActivities={(activities) => setActivities(detail.finding.id, activities)}
          />
        ) : (
          <p className="muted">{activeId ? t('common.loading') : t('review.nothingSelected')}</p>
        )}
        {notice && <p className="toast">{notice}</p>}
      </div>

      <Dialog open={pending?.kind === 'exclude'} title={t('review.excludeTitle', { count: pending?.kind === 'exclude' ? pending.ids.length : 0 })} onClose={() => setPending(null)}>
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            if (pending?.kind !== 'exclude') return;
            decide(pending.ids, 'exclude', reason, pending.ids.length === 1);
            setPending(null);
          }}
        >
          <label htmlFor="exclude-reason">{t('review.excludeReason')}</label>
          <input id="exclude-reason" autoFocus required minLength={3} value={reason} onChange={(e) => setReason(e.target.value)} list="exclude-reasons" />
          <datalist id="exclude-reasons">
            {(['notSubject', 'duplicate', 'internal', 'thirdParty'] as const).map((k) => (
              <option key={k} value={t(`review.reasons.${k}`)} />
            ))}
          </datalist>
          <p className="hint">{t('review.excludeHint')}</p>
          <DialogActions onCancel={() => setPending(null)} confirm={t('review.exclude')} />
        </form>
      </Dialog>

      <Dialog open={pending?.kind === 'redact'} title={t('review.redactTitle')} onClose={() => setPending(null)}>
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            if (pending?.kind !== 'redact' || !detail) return;
            redact(detail.finding.id, [{ text: pending.selection.text, reason, caseWide }]);
            setPending(null);
          }}
        >
          <p>
            {t('review.redactText')}: <code>{pending?.kind === 'redact' ? pending.selection.text : ''}</code>
          </p>
          <label htmlFor="redact-reason">{t('review.redactReason')}</label>
          <input id="redact-reason" autoFocus required minLength={3} value={reason} onChange={(e) => setReason(e.target.value)} />
          <label className="checkbox">
            <input type="checkbox" checked={caseWide} onChange={(e) => setCaseWide(e.target.checked)} /> {t('review.redactCaseWide')}
          </label>
          <p className="hint">{t('review.redactHint')}</p>
          <DialogActions onCancel={() => setPending(null)} confirm={t('review.redact')} />
        </form>
      </Dialog>

      <Dialog
        open={pending?.kind === 'suggestions'}
        title={t('review.suggestionsConfirmTitle', { count: pending?.kind === 'suggestions' ? pending.suggestions.length : 0 })}
        onClose={() => setPending(null)}
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
          onCancel={() => setPending(null)}
          confirm={t('review.suggestionsConfirm')}
          onConfirm={() => {
            if (pending?.kind === 'suggestions') acceptSuggestions(pending.suggestions);
            setPending(null);
          }}
        />
      </Dialog>

      <Dialog open={pending?.kind === 'include-many'} title={t('review.includeManyTitle')} onClose={() => setPending(null)}>
        <p>{t('review.includeManyText', { count: pending?.kind === 'include-many' ? pending.ids.length : 0 })}</p>
        <DialogActions
          onCancel={() => setPending(null)}
          confirm={t('review.include')}
          onConfirm={() => {
            if (pending?.kind === 'include-many') decide(pending.ids, 'include', null, false);
            setPending(null);
          }}
        />
      </Dialog>
    </section>
  );
}

