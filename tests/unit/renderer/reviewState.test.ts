import { describe, expect, it } from 'vitest';
import type { Decision, FindingSummary, Redaction, ReviewList } from '../../../src/shared/api.js';
import { initialReviewState, previousDecisions, reviewReducer, UNDO_LIMIT, undoCommands, undoFocus, type ReviewState, type UndoEntry } from '../../../src/renderer/screens/review/reviewState.js';
import { summaryRow } from './findingSummaryRow.js';

const row = (id: string, over: Partial<FindingSummary> = {}): FindingSummary => summaryRow(id, { categories: [], activities: [], ...over });

const list = (rows: FindingSummary[], total = rows.length): ReviewList => ({ caseId: 'A-1', searchedAt: null, total, offset: 0, rows, categories: [], activities: [] });
const decision = (findingId: string, state: Decision['state'], reason: string | null = null, redactions: Redaction[] = []): Decision => ({ findingId, state, reason, redactions, decidedAt: null });
const redaction = (id: string, text: string): Redaction => ({ id, text, reason: 'Art. 15(4)', caseWide: false, createdAt: '2026-01-01T00:00:00.000Z' });

function loaded(rows: FindingSummary[]): ReviewState {
  return reviewReducer(initialReviewState(undefined), { type: 'firstPageLoaded', list: list(rows) });
}

describe('reviewReducer', () => {
  it('starts on the first row of the first page and counts a run for the rest', () => {
    const state = loaded([row('1'), row('2')]);
    expect(state.activeId).toBe('1');
    expect(state.restRun).toBe(1);
    expect(initialReviewState(list([row('9')])).activeId).toBe('9');
  });

  it('appends pages and keeps the current row', () => {
    let state = reviewReducer(initialReviewState(undefined), { type: 'firstPageLoaded', list: list([row('1')], 3) });
    state = reviewReducer(state, { type: 'activated', id: '1' });
    state = reviewReducer(state, { type: 'pageLoaded', rows: [row('2'), row('3')], total: 3 });
    expect(state.list?.rows.map((r) => r.id)).toEqual(['1', '2', '3']);
    expect(state.activeId).toBe('1');
  });

  it('puts saved decisions into rows and detail, moves on, and records the undo entry', () => {
    let state = loaded([row('1'), row('2')]);
    state = reviewReducer(state, { type: 'detailLoaded', detail: { finding: { id: '1' }, decision: decision('1', 'open') } as never });
    const undo: UndoEntry = { kind: 'decide', decision: 'include', previous: [{ findingId: '1', state: 'open', reason: null }], title: 'Mail 1' };
    state = reviewReducer(state, { type: 'decisionsSaved', decisions: [decision('1', 'include')], notice: 'saved', then: '2', undo });
    expect(state.list?.rows[0]?.decision).toBe('include');
    expect(state.detail?.decision.state).toBe('include');
    expect(state.activeId).toBe('2');
    expect(state.notice).toBe('saved');
    expect(state.undo).toEqual([undo]);
  });

  it('keeps at most UNDO_LIMIT entries and drops the newest when undone, showing its finding again', () => {
    let state = loaded([row('1'), row('2')]);
    const entry = (n: number): UndoEntry => ({ kind: 'decide', decision: 'include', previous: [{ findingId: String(n), state: 'open', reason: null }], title: '' });
    for (let n = 0; n < UNDO_LIMIT + 5; n++) state = reviewReducer(state, { type: 'decisionsSaved', decisions: [], notice: '', then: null, undo: entry(n) });
    expect(state.undo).toHaveLength(UNDO_LIMIT);
    state = reviewReducer(state, { type: 'activated', id: '2' });
    state = reviewReducer(state, { type: 'undone', notice: 'undone', focus: '1' });
    expect(state.undo).toHaveLength(UNDO_LIMIT - 1);
    expect(state.activeId).toBe('1');
  });

  it('opens a dialog with a fresh reason and closes it', () => {
    let state = loaded([row('1')]);
    state = reviewReducer(state, { type: 'caseWideChanged', caseWide: true });
    state = reviewReducer(state, { type: 'dialogOpened', pending: { kind: 'exclude', ids: ['1'] } });
    expect(state).toMatchObject({ pending: { kind: 'exclude' }, reason: '', caseWide: false });
    state = reviewReducer(state, { type: 'reasonChanged', reason: 'Doppelt vorhanden' });
    expect(state.reason).toBe('Doppelt vorhanden');
    expect(reviewReducer(state, { type: 'dialogClosed' }).pending).toBeNull();
  });
});

describe('undo', () => {
  it('remembers the decisions before a command, with the reason the open detail knows', () => {
    let state = loaded([row('1', { decision: 'exclude' }), row('2', { decision: 'redact' })]);
    state = reviewReducer(state, { type: 'detailLoaded', detail: { finding: { id: '1' }, decision: decision('1', 'exclude', 'Doppelt vorhanden') } as never });
    expect(previousDecisions(state, ['1', '2', 'gone'])).toEqual([
      { findingId: '1', state: 'exclude', reason: 'Doppelt vorhanden' },
      { findingId: '2', state: 'redact', reason: null },
    ]);
  });

  it('sets decisions back per state and reason; redacted goes back to included, an unknown exclusion reason is named', () => {
    const entry: UndoEntry = {
      kind: 'decide',
      decision: 'include',
      title: '',
      previous: [
        { findingId: '1', state: 'open', reason: null },
        { findingId: '2', state: 'redact', reason: null },
        { findingId: '3', state: 'open', reason: null },
        { findingId: '4', state: 'exclude', reason: null },
      ],
    };
    expect(undoCommands(entry, 'restored')).toEqual([
      { type: 'decide', ids: ['1', '3'], decision: 'open', reason: null, then: null },
      { type: 'decide', ids: ['2'], decision: 'include', reason: null, then: null },
      { type: 'decide', ids: ['4'], decision: 'exclude', reason: 'restored', then: null },
    ]);
    expect(undoFocus(entry)).toBeNull();
  });

  it('takes a redaction back, and reopens the finding it had included', () => {
    const r = redaction('7', 'Max Agent');
    const entry: UndoEntry = { kind: 'redact', findingId: '1', added: [r], wasOpen: true, title: 'Mail 1' };
    expect(undoCommands(entry, '')).toEqual([
      { type: 'unredact', findingId: '1', redaction: r },
      { type: 'decide', ids: ['1'], decision: 'open', reason: null, then: '1' },
    ]);
    expect(undoCommands({ ...entry, wasOpen: false }, '')).toHaveLength(1);
    expect(undoFocus(entry)).toBe('1');
  });

  it('puts a removed redaction back as it was', () => {
    const r = { ...redaction('7', 'Max Agent'), caseWide: true };
    expect(undoCommands({ kind: 'unredact', findingId: '1', redaction: r, title: '' }, '')).toEqual([
      { type: 'redact', findingId: '1', redactions: [{ text: 'Max Agent', reason: 'Art. 15(4)', caseWide: true }] },
    ]);
  });
});
