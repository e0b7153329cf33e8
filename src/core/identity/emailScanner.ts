import { literalHint } from './literalHint.js';
import type { MatchCollector } from './matchCollector.js';
import type { ScannedText } from './scannedText.js';
import { isWordCharCode, percentEscapeAt, percentEscapeBefore } from './tokenBoundary.js';

/** Characters that, right before an address, make it part of a longer local part. */
const LOCAL_PART_JOINERS = new Set(['.', '+', '-', '_']);

/**
 * Finds the subject's email addresses as whole addresses in a text.
 *
 * An address matches only where it is not glued to more address: `xj.weiss@x.de`,
 * `j.weiss@x.de.evil.org` and `j.weiss@x.de-evil.org` are other mailboxes. Web logs carry
 * addresses URL-encoded in query strings (`j.weiss%40x.de`), so the percent-encoded form is
 * searched as well, and a `%XX` escape next to an address counts as the character it encodes.
 */
export class EmailScanner {
  private readonly needles: ReadonlyArray<{ readonly email: string; readonly needle: string }>;
  /** Matches wherever one of the addresses may stand: scan() does nothing in a text it does not match. */
  readonly hint: RegExp | undefined;

  constructor(emails: ReadonlyArray<string>) {
    this.needles = emails.flatMap((email) => {
      const encoded = encodeURIComponent(email).toLowerCase();
      return encoded === email ? [{ email, needle: email }] : [{ email, needle: email }, { email, needle: encoded }];
    });
    this.hint = literalHint(this.needles.map((n) => n.needle));
  }

  /** Add a match for each subject address that occurs in the text. */
  scan(scanned: ScannedText, out: MatchCollector): void {
    if (!this.hint?.test(scanned.text)) return;
    const lower = scanned.lower;
    for (const { email, needle } of this.needles) {
      if (out.has('email', email)) continue;
      for (let at = lower.indexOf(needle); at !== -1; at = lower.indexOf(needle, at + 1)) {
        const end = at + needle.length;
        if (startsAddress(lower, at) && endsAddress(lower, end)) {
          out.add('email', email, scanned.text.slice(at, end));
          break;
        }
      }
    }
  }
}

function startsAddress(lower: string, at: number): boolean {
  if (at === 0) return true;
  const escaped = percentEscapeBefore(lower, at);
  const before = escaped ?? lower.charAt(at - 1);
  return !isWordCharCode(before.charCodeAt(0)) && !LOCAL_PART_JOINERS.has(before);
}

function endsAddress(lower: string, end: number): boolean {
  if (end >= lower.length) return true;
  const escaped = percentEscapeAt(lower, end);
  const after = escaped ?? lower.charAt(end);
  if (after === '.') {
    // A dot ends a sentence, unless a domain label follows it ("x.de.evil.org").
    const next = escaped === undefined ? end + 1 : end + 3;
    return !(next < lower.length && isWordCharCode(lower.charCodeAt(next)));
  }
  return !isWordCharCode(after.charCodeAt(0)) && after !== '-' && after !== '@';
}
