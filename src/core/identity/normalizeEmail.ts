// Deliberately simpler than RFC 5322: quoted local parts and IP-literal domains do not occur in the
// subject files officers write, and accepting them would let typos ("max@firma") through.
const EMAIL = /^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+(?:\.[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+)*@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+[\p{L}\p{N}]{2,}$/u;

/**
 * The canonical form of an email address (trimmed, `mailto:` and angle brackets removed, NFC,
 * lower case), or null when the input is not a single address.
 *
 * The whole address is lower-cased, local part included: RFC 5321 lets the local part be case
 * sensitive, but no mail system our users run treats it so, and docs/ARCHITECTURE.md makes the match
 * case-insensitive.
 */
export function normalizeEmail(input: string): string | null {
  let s = input.trim().normalize('NFC');
  if (/^mailto:/i.test(s)) s = s.slice(7);
  if (s.startsWith('<') && s.endsWith('>')) s = s.slice(1, -1).trim();
  s = s.toLowerCase();
  return EMAIL.test(s) ? s : null;
}
