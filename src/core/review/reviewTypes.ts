/**
 * Where a finding stands in review. Every finding starts `pending`; only `included` findings are part
 * of the answer, and weak (name-only) findings are never included without a person's decision
 * (docs/ARCHITECTURE.md "match strength").
 */
export type ReviewState = 'pending' | 'included' | 'excluded';

export const REVIEW_STATES: readonly ReviewState[] = ['pending', 'included', 'excluded'];

/** The current decision on one finding. `reason` is required for `excluded` (Art. 5(2): accountability). */
export interface FindingDecision {
  readonly findingId: string;
  readonly state: ReviewState;
  readonly reason: string | null;
  readonly decidedAt: string;
}

/**
 * Text to remove from the copy, with the reason (e.g. "Art. 15(4): third party"). Every occurrence is
 * replaced, ignoring case; `findingId` null means every record of the case.
 */
export interface Redaction {
  readonly id: number;
  readonly findingId: string | null;
  readonly text: string;
  readonly reason: string;
  readonly createdAt: string;
}

/** Everything decided for a case, as review and export read it. */
export interface CaseReview {
  /** The decision per finding id; a finding missing here is pending. */
  readonly decisions: ReadonlyMap<string, FindingDecision>;
  readonly redactions: readonly Redaction[];
}

/** The state of a finding under a review: pending unless decided. */
export function stateOf(review: CaseReview, findingId: string): ReviewState {
  return review.decisions.get(findingId)?.state ?? 'pending';
}

/** The redactions that apply to one finding: its own and the case-wide ones. */
export function redactionsFor(review: CaseReview, findingId: string): Redaction[] {
  return review.redactions.filter((r) => r.findingId === null || r.findingId === findingId);
}
