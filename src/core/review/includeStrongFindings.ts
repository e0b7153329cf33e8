import type { Finding } from '../../shared/findings.js';
import { identifierKey } from '../identity/subjectIdentifiers.js';
import type { WritableDb } from '../store/db.js';
import type { CaseId } from '../store/ids.js';
import { decideFindings, type DecideOptions } from './decideFindings.js';
import { copiesOf } from './duplicateCopies.js';
import type { CaseReview } from './reviewTypes.js';

/** The reason `auskunft run` records when it includes a finding on its own. */
export const AUTO_INCLUDE_REASON = 'strong match: a verified identifier of the subject matched exactly (included automatically)';

/** Strong findings nobody decided on, split into those a verified identifier matched and the rest. */
export function strongUndecided(findings: readonly Finding[], review: CaseReview, verified: ReadonlySet<string>): { readonly verified: Finding[]; readonly unverifiedOnly: Finding[] } {
  const out = { verified: [] as Finding[], unverifiedOnly: [] as Finding[] };
  for (const f of findings) {
    if (f.strength !== 'strong' || review.decisions.has(f.id)) continue;
    const byVerified = f.matches.some((m) => m.type !== 'name' && m.guard === undefined && verified.has(identifierKey(m.type, m.value)));
    (byVerified ? out.verified : out.unverifiedOnly).push(f);
  }
  return out;
}

/** A strong finding that must wait for the officer, and why (core/thirdParty: other people's data). */
export interface HeldFinding {
  readonly findingId: string;
  readonly reason: string;
}

/**
 * Include every strong finding that nobody has decided on yet and that a verified identifier matched
 * (`auskunft run`). Weak findings stay pending: a name alone never puts a record into an answer
 * (docs/ARCHITECTURE.md "match strength"); so do findings matched only by identifiers nobody verified (Art.
 * 12(6): an address in a request letter may be someone else's), and an officer's earlier decision is
 * never overridden. A `held` finding (other people's data, an attachment that could not be read)
 * stays pending too, with its reason recorded and logged, so the review shows why it waits. Returns
 * how many were included and the strong findings held as unverified.
 */
export function includeStrongFindings(
  db: WritableDb,
  caseId: CaseId,
  findings: readonly Finding[],
  review: CaseReview,
  verified: ReadonlySet<string>,
  options: DecideOptions = {},
  held: readonly HeldFinding[] = [],
): { readonly included: number; readonly unverifiedOnly: Finding[] } {
  const split = strongUndecided(findings, review, verified);
  const holds = new Map(held.map((h) => [h.findingId, h.reason]));
  return db
    .transaction(() => {
      for (const f of [...split.verified, ...split.unverifiedOnly]) {
        const reason = holds.get(f.id);
        if (reason !== undefined) decideFindings(db, caseId, [f.id], { state: 'pending', reason }, options);
      }
      // A decision applies to every copy of the same data: a copy the officer already decided on keeps
      // its whole group out of the automatic include, so that decision is not overridden through it.
      const candidates = split.verified.filter((f) => !holds.has(f.id)).map((f) => f.id);
      const copies = copiesOf(db, caseId, candidates);
      const undecided = candidates.filter((id) => !(copies.get(id) ?? []).some((copy) => review.decisions.has(copy)));
      const included = decideFindings(db, caseId, undecided, { state: 'included', reason: AUTO_INCLUDE_REASON }, options);
      return { included, unverifiedOnly: split.unverifiedOnly };
    })
    .immediate();
}
