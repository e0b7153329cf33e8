/**
 * Lower-case `text` so that every index still points at the same character of the original.
 *
 * Scanners search the lower-cased text and report `found` from the original, so positions must
 * agree. `toLowerCase` only ever lengthens a string (U+0130 "İ" becomes "i̇"), so an equal length
 * means every code unit kept its place; otherwise fall back to folding code point by code point
 * and leaving the few expanding characters as they are.
 */
export function lowerCaseAligned(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let out = '';
  for (const ch of text) {
    const folded = ch.toLowerCase();
    out += folded.length === ch.length ? folded : ch;
  }
  return out;
}
