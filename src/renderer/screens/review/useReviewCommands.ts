import { useCallback, useRef, type Dispatch } from 'react';
import { useTranslation } from 'react-i18next';
import type { FindingDetail } from '../../../shared/api.js';
import type { AuskunftApi } from '../../../shared/api.js';
import { currentLang } from '../../i18n/i18n.js';
import { previousDecisions, undoCommands, undoFocus, type ReviewAction, type ReviewCommand, type ReviewState, type UndoEntry } from './reviewState.js';

/** The title of a finding as the list shows it, for the undo label. */
function titleOf(state: ReviewState, id: string): string {
  return state.list?.rows.find((r) => r.id === id)?.title ?? '';
}

/**
 * The one path from the officer to the engine: every decision, redaction and undo is a
 * `ReviewCommand` sent here. What the engine saved goes into the state; what it changed is recorded
 * so that `u` can take it back, through this same path.
 */
export function useReviewCommands(api: AuskunftApi, caseId: string, state: ReviewState, dispatch: Dispatch<ReviewAction>): (command: ReviewCommand) => Promise<void> {
  const { t } = useTranslation();
  const latest = useRef(state);
  latest.current = state;

  const send = useCallback(
    async (command: Exclude<ReviewCommand, { type: 'undo' }>, record: boolean): Promise<void> => {
      const now = latest.current;
      const lang = currentLang();
      switch (command.type) {
        case 'decide': {
          if (!command.ids.length) return;
          const previous = record ? previousDecisions(now, command.ids) : [];
          const saved = await api.review.decide({ caseId, findingIds: [...command.ids], decision: command.decision, reason: command.reason });
          const single = command.ids.length === 1 ? titleOf(now, command.ids[0]!) : '';
          const undo: UndoEntry | null = record ? { kind: 'decide', decision: command.decision, previous, title: single } : null;
          dispatch({ type: 'decisionsSaved', decisions: saved, notice: t('review.saved', { count: saved.length }), then: command.then, undo });
          return;
        }
        case 'redact': {
          const before = rowOrDetailState(now, command.findingId);
          const saved = await api.review.redact({ caseId, findingId: command.findingId, redactions: command.redactions.map((r) => ({ ...r })), lang });
          const known = new Set(before.redactionIds);
          const added = saved.decision.redactions.filter((r) => !known.has(r.id));
          const undo: UndoEntry | null = record ? { kind: 'redact', findingId: command.findingId, added, wasOpen: before.state === 'open', title: saved.finding.title } : null;
          dispatch({ type: 'findingSaved', detail: saved, notice: t('review.saved', { count: 1 }), undo });
          return;
        }
        case 'unredact': {
          const saved = await api.review.unredact({ caseId, findingId: command.findingId, redactionId: command.redaction.id, reason: null, lang });
          const undo: UndoEntry | null = record ? { kind: 'unredact', findingId: command.findingId, redaction: command.redaction, title: saved.finding.title } : null;
          dispatch({ type: 'findingSaved', detail: saved, notice: t('review.saved', { count: 1 }), undo });
          return;
        }
        case 'setActivities': {
          const saved: FindingDetail = await api.review.setActivities({ caseId, findingId: command.findingId, activities: command.activities ? [...command.activities] : null, lang });
          dispatch({ type: 'findingSaved', detail: saved, notice: '', undo: null });
          return;
        }
      }
    },
    [api, caseId, dispatch, t],
  );

  return useCallback(
    async (command: ReviewCommand): Promise<void> => {
      try {
        if (command.type !== 'undo') return await send(command, true);
        const entry = latest.current.undo.at(-1);
        if (!entry) return dispatch({ type: 'noticeShown', notice: t('review.nothingToUndo') });
        // Taken back in order: a removed redaction first, then the decision it had made.
        for (const inverse of undoCommands(entry, t('review.undoReason'))) if (inverse.type !== 'undo') await send(inverse, false);
        dispatch({ type: 'undone', notice: t('review.undone', { what: undoText(entry, t) }), focus: undoFocus(entry) });
      } catch (err) {
        dispatch({ type: 'failed', error: err as Error });
      }
    },
    [send, dispatch, t],
  );
}

/** A finding's decision and redactions as far as the screen knows them. */
function rowOrDetailState(state: ReviewState, findingId: string): { state: string; redactionIds: readonly string[] } {
  if (state.detail?.finding.id === findingId) return { state: state.detail.decision.state, redactionIds: state.detail.decision.redactions.map((r) => r.id) };
  return { state: state.list?.rows.find((r) => r.id === findingId)?.decision ?? 'open', redactionIds: [] };
}

/** What an undo entry takes back, in words: "Aufnehmen: „Angebot für Telefonanlage“". */
export function undoText(entry: UndoEntry, t: (key: string, options?: Record<string, unknown>) => string): string {
  switch (entry.kind) {
    case 'decide': {
      const decision = t(entry.decision === 'open' ? 'review.reset' : `review.${entry.decision}`);
      return entry.previous.length === 1 ? t('review.undoDecideOne', { decision, title: entry.title }) : t('review.undoDecideMany', { decision, count: entry.previous.length });
    }
    case 'redact':
      return t('review.undoRedact', { title: entry.title });
    case 'unredact':
      return t('review.undoUnredact', { text: entry.redaction.text });
  }
}
