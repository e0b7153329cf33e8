import type { Decision, DecisionState, FindingDetail, FindingSummary, Redaction, RedactionSuggestion, ReviewList } from '../../../shared/api.js';
import { NO_FILTER, type FindingFilter } from './filterFindings.js';
import type { TextSelection } from './selectionInRecord.js';

/** A dialog the officer must answer before anything is sent. */
export type Pending =
  | { readonly kind: 'exclude'; readonly ids: readonly string[] }
  | { readonly kind: 'redact'; readonly selection: TextSelection }
  | { readonly kind: 'include-many'; readonly ids: readonly string[] }
  | { readonly kind: 'suggestions'; readonly suggestions: readonly RedactionSuggestion[] };

/** A redaction as it is asked for: the text, why, and whether it applies to the whole case. */
export interface RedactionRequest {
  readonly text: string;
  readonly reason: string;
  readonly caseWide: boolean;
}

/**
 * Everything the officer can change in the review, by name. The keyboard, the buttons and the bulk
 * actions all build one of these and hand it to `perform` (useReviewCommands.ts): one path to the
 * engine, one place that records what `u` takes back.
 */
export type ReviewCommand =
  | {
      readonly type: 'decide';
      readonly ids: readonly string[];
      readonly decision: 'include' | 'exclude' | 'open';
      readonly reason: string | null;
      /** The finding to show once the engine saved it (`i` and `x` move on); null: stay. */
      readonly then: string | null;
    }
  | { readonly type: 'redact'; readonly findingId: string; readonly redactions: readonly RedactionRequest[] }
  | { readonly type: 'unredact'; readonly findingId: string; readonly redaction: Redaction }
  | { readonly type: 'setActivities'; readonly findingId: string; readonly activities: readonly string[] | null }
  | { readonly type: 'undo' };

/** One decision as it stood before a command changed it: enough to set it back. */
export interface PreviousDecision {
  readonly findingId: string;
  readonly state: DecisionState;
  /** Null where it was not known (a bulk action over rows whose reason the list does not carry). */
  readonly reason: string | null;
}

/** What `u` takes back, newest last. */
export type UndoEntry =
  | { readonly kind: 'decide'; readonly decision: 'include' | 'exclude' | 'open'; readonly previous: readonly PreviousDecision[]; readonly title: string }
  | { readonly kind: 'redact'; readonly findingId: string; readonly added: readonly Redaction[]; readonly wasOpen: boolean; readonly title: string }
  | { readonly kind: 'unredact'; readonly findingId: string; readonly redaction: Redaction; readonly title: string };

/** How many actions `u` can take back, one after another. */
export const UNDO_LIMIT = 50;

export interface ReviewState {
  readonly list: ReviewList | undefined;
  readonly error: Error | undefined;
  /** Why the rest of the list (after the first page) did not load; `restRun` counts the attempts. */
  readonly restError: Error | undefined;
  readonly restRun: number;
  readonly filter: FindingFilter;
  readonly activeId: string | null;
  readonly detail: FindingDetail | undefined;
  /** The current mail's original HTML: undefined while loading, null when there is none. */
  readonly html: string | null | undefined;
  readonly pending: Pending | null;
  /** The reason typed in the open dialog, and its "whole case" checkbox. */
  readonly reason: string;
  readonly caseWide: boolean;
  /** A short confirmation ("saved"), announced and shown for a moment. */
  readonly notice: string;
  readonly undo: readonly UndoEntry[];
  /** The workspace's names of its sources (`label:`), by id. */
  readonly sourceLabels: ReadonlyMap<string, string>;
}

export type ReviewAction =
  | { readonly type: 'firstPageLoaded'; readonly list: ReviewList }
  | { readonly type: 'pageLoaded'; readonly rows: readonly FindingSummary[]; readonly total: number }
  | { readonly type: 'restFailed'; readonly error: Error }
  | { readonly type: 'restRetried' }
  | { readonly type: 'failed'; readonly error: Error }
  | { readonly type: 'filterChanged'; readonly filter: FindingFilter }
  | { readonly type: 'activated'; readonly id: string | null }
  | { readonly type: 'detailRequested' }
  | { readonly type: 'detailLoaded'; readonly detail: FindingDetail | undefined }
  | { readonly type: 'htmlLoaded'; readonly html: string | null }
  | { readonly type: 'decisionsSaved'; readonly decisions: readonly Decision[]; readonly notice: string; readonly then: string | null; readonly undo: UndoEntry | null }
  | { readonly type: 'findingSaved'; readonly detail: FindingDetail; readonly notice: string; readonly undo: UndoEntry | null }
  /** The newest undo entry was taken back; `focus` is the finding it was about, shown again. */
  | { readonly type: 'undone'; readonly notice: string; readonly focus: string | null }
  | { readonly type: 'dialogOpened'; readonly pending: Pending; readonly reason?: string }
  | { readonly type: 'dialogClosed' }
  | { readonly type: 'reasonChanged'; readonly reason: string }
  | { readonly type: 'caseWideChanged'; readonly caseWide: boolean }
  | { readonly type: 'noticeShown'; readonly notice: string }
  | { readonly type: 'noticeCleared' }
  | { readonly type: 'sourcesLoaded'; readonly labels: ReadonlyMap<string, string> };

export function initialReviewState(ready: ReviewList | undefined, filter: FindingFilter = NO_FILTER): ReviewState {
  return {
    list: ready,
    error: undefined,
    restError: undefined,
    restRun: 0,
    filter,
    activeId: ready?.rows[0]?.id ?? null,
    detail: undefined,
    html: undefined,
    pending: null,
    reason: '',
    caseWide: false,
    notice: '',
    undo: [],
    sourceLabels: new Map(),
  };
}

/** Put what the engine saved into the list's rows. */
function withDecisions(list: ReviewList | undefined, decisions: readonly Decision[]): ReviewList | undefined {
  if (!list) return list;
  const byId = new Map(decisions.map((d) => [d.findingId, d]));
  return { ...list, rows: list.rows.map((r) => { const d = byId.get(r.id); return d ? { ...r, decision: d.state, redactions: d.redactions.length } : r; }) };
}

function pushUndo(stack: readonly UndoEntry[], entry: UndoEntry | null): readonly UndoEntry[] {
  return entry ? [...stack, entry].slice(-UNDO_LIMIT) : stack;
}

/** The review screen's state, changed only by named actions. */
export function reviewReducer(state: ReviewState, action: ReviewAction): ReviewState {
  switch (action.type) {
    case 'firstPageLoaded':
      return { ...state, list: action.list, activeId: state.activeId ?? action.list.rows[0]?.id ?? null, restError: undefined, restRun: state.restRun + 1 };
    case 'pageLoaded':
      return state.list ? { ...state, list: { ...state.list, rows: [...state.list.rows, ...action.rows], total: action.total } } : state;
    case 'restFailed':
      return { ...state, restError: action.error };
    case 'restRetried':
      return { ...state, restError: undefined, restRun: state.restRun + 1 };
    case 'failed':
      return { ...state, error: action.error };
    case 'filterChanged':
      return { ...state, filter: action.filter };
    case 'activated':
      return action.id === state.activeId ? state : { ...state, activeId: action.id };
    case 'detailRequested':
      return { ...state, html: undefined, detail: state.activeId === null ? undefined : state.detail };
    case 'detailLoaded':
      return { ...state, detail: action.detail };
    case 'htmlLoaded':
      return { ...state, html: action.html };
    case 'decisionsSaved': {
      const saved = action.decisions.find((d) => d.findingId === state.detail?.finding.id);
      return {
        ...state,
        error: undefined,
        list: withDecisions(state.list, action.decisions),
        detail: state.detail && saved ? { ...state.detail, decision: saved } : state.detail,
        activeId: action.then ?? state.activeId,
        notice: action.notice,
        undo: pushUndo(state.undo, action.undo),
      };
    }
    case 'findingSaved': {
      const { detail } = action;
      const list = withDecisions(state.list, [detail.decision]);
      return {
        ...state,
        error: undefined,
        detail: state.detail === undefined || state.detail.finding.id === detail.finding.id ? detail : state.detail,
        list: list && { ...list, rows: list.rows.map((r) => (r.id === detail.finding.id ? { ...r, activities: detail.finding.activities } : r)) },
        notice: action.notice || state.notice,
        undo: pushUndo(state.undo, action.undo),
      };
    }
    case 'undone':
      return { ...state, undo: state.undo.slice(0, -1), notice: action.notice, activeId: action.focus ?? state.activeId };
    case 'dialogOpened':
      return { ...state, pending: action.pending, reason: action.reason ?? '', caseWide: false };
    case 'dialogClosed':
      return { ...state, pending: null };
    case 'reasonChanged':
      return { ...state, reason: action.reason };
    case 'caseWideChanged':
      return { ...state, caseWide: action.caseWide };
    case 'noticeShown':
      return { ...state, notice: action.notice };
    case 'noticeCleared':
      return state.notice ? { ...state, notice: '' } : state;
    case 'sourcesLoaded':
      return { ...state, sourceLabels: action.labels };
  }
}

/** The decisions of `ids` as they stand now, to set them back later (the current detail knows its reason). */
export function previousDecisions(state: ReviewState, ids: readonly string[]): PreviousDecision[] {
  const rows = new Map((state.list?.rows ?? []).map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const row = rows.get(id);
    if (!row) return [];
    const reason = state.detail?.finding.id === id ? state.detail.decision.reason : null;
    return [{ findingId: id, state: row.decision, reason }];
  });
}

/** The finding an undo entry is about, when it is one finding. */
export function undoFocus(entry: UndoEntry): string | null {
  if (entry.kind !== 'decide') return entry.findingId;
  return entry.previous.length === 1 ? entry.previous[0]!.findingId : null;
}

/**
 * The commands that take `entry` back. A decision goes back to what it was (grouped, one call per
 * state and reason); "redacted" is "included" with the redactions still there. Added redactions are
 * removed (and a finding the redaction included is open again); a removed one is put back.
 */
export function undoCommands(entry: UndoEntry, fallbackReason: string): ReviewCommand[] {
  switch (entry.kind) {
    case 'decide': {
      const groups = new Map<string, { decision: 'include' | 'exclude' | 'open'; reason: string | null; ids: string[] }>();
      for (const p of entry.previous) {
        const decision = p.state === 'redact' ? 'include' : p.state;
        const reason = decision === 'exclude' ? (p.reason ?? fallbackReason) : null;
        const key = `${decision}\u0000${reason ?? ''}`;
        const group = groups.get(key) ?? { decision, reason, ids: [] };
        group.ids.push(p.findingId);
        groups.set(key, group);
      }
      const single = entry.previous.length === 1 ? entry.previous[0]!.findingId : null;
      return [...groups.values()].map((g) => ({ type: 'decide' as const, ids: g.ids, decision: g.decision, reason: g.reason, then: single }));
    }
    case 'redact':
      return [
        ...entry.added.map((redaction) => ({ type: 'unredact' as const, findingId: entry.findingId, redaction })),
        ...(entry.wasOpen ? [{ type: 'decide' as const, ids: [entry.findingId], decision: 'open' as const, reason: null, then: entry.findingId }] : []),
      ];
    case 'unredact':
      return [{ type: 'redact', findingId: entry.findingId, redactions: [{ text: entry.redaction.text, reason: entry.redaction.reason, caseWide: entry.redaction.caseWide }] }];
  }
}
