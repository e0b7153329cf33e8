import type { Match, Strength } from '../../shared/findings.js';

/**
 * Strength of a finding from its matches: weak when only the name matched, strong as soon as any
 * exact identifier did (DESIGN.md "Findings and match strength"). No matches at all is weak too:
 * nothing ties the record to the subject, so it must not be sent without a person's decision.
 * A guarded match (the controller's own address, a role mailbox, an over-broad IP) counts like a name.
 */
export function strengthOf(matches: ReadonlyArray<Match>): Strength {
  return matches.some((m) => m.type !== 'name' && m.guard === undefined) ? 'strong' : 'weak';
}
