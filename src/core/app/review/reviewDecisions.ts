import type { Decision, DecisionState, Redaction } from '../../../shared/api.js';
import { redactionsFor, type CaseReview } from '../../review/reviewTypes.js';

/**
 * A finding's decision in the UI's terms. core/review knows pending, included and excluded; the UI
 * also shows `redact` for an included finding with redactions, because that is what the officer
 * checks again before sending.
 */
export function decisionOf(review: CaseReview, findingId: string): Decision {
  const d = review.decisions.get(findingId);
  const redactions = redactionsFor(review, findingId).map(
    (r): Redaction => ({ id: String(r.id), text: r.text, reason: r.reason, caseWide: r.findingId === null, createdAt: r.createdAt }),
  );
  return { findingId, state: uiState(d?.state ?? 'pending', redactions.length), reason: d?.reason ?? null, redactions, decidedAt: d?.decidedAt ?? null };
}

export function uiState(state: 'pending' | 'included' | 'excluded', redactions: number): DecisionState {
  if (state === 'excluded') return 'exclude';
  if (state === 'included') return redactions > 0 ? 'redact' : 'include';
  return 'open';
}

/** The UI's decision names in core/review's terms. */
export const REVIEW_STATE = { open: 'pending', include: 'included', exclude: 'excluded' } as const;
