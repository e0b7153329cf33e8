import type { Match, Strength } from '../../shared/findings.js';

/**
 * Strength of a finding from its matches: weak when only the name matched, strong as soon as any
 * exact identifier did (docs/ARCHITECTURE.md "Findings and match strength"). No matches at all is weak too:
 * nothing ties the record to the subject, so it must not be sent without a person's decision.
 * A guarded match (the controller's own address, a role mailbox, an over-broad IP) counts like a name,
 * and so does one read by OCR with a confidence below OCR_STRONG_CONFIDENCE.
 */
export function strengthOf(matches: ReadonlyArray<Match>): Strength {
  return matches.some((m) => m.type !== 'name' && m.guard === undefined && (m.confidence === undefined || m.confidence >= OCR_STRONG_CONFIDENCE)) ? 'strong' : 'weak';
}

/**
 * An identifier read by OCR makes a finding strong only if tesseract was at least this sure of the
 * words it stands in (0–100). Below, a misread character could make another person's number look
 * like the subject's, so a person decides. Clean scans read at 85–96; a blurred photo at 40–70.
 */
export const OCR_STRONG_CONFIDENCE = 70;
