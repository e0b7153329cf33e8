import { literalHint } from './literalHint.js';
import type { MatchCollector } from './matchCollector.js';
import type { ScannedText } from './scannedText.js';
import { isWordCharAt } from './tokenBoundary.js';

/** An id matched literally as a whole token: a customer number or an otherId with letters. */
export interface TokenId {
  readonly type: 'customerId' | 'otherId';
  /** The id as the officer wrote it (trimmed): the match value. */
  readonly value: string;
}

/** Characters that join an id to a longer one when a letter or digit follows ("K-10442-1", "K-10442.1"). */
const TRAILING_JOINERS = new Set(['-', '.']);

/**
 * Finds ids as whole tokens, ignoring case. `K-10442` matches in "K-10442.", "(K-10442)",
 * "kunde=k-10442&" and "K-10442/2025", but not in "K-104421", "AK-10442", "A-K-10442",
 * "K-10442-1" or "K-10442.1": a letter or digit glued on, or joined by "-" or ".", makes another id
 * (a sub-account, an order under the customer). "/" separates, as in URL paths and "Nr./Jahr".
 */
export class TokenIdScanner {
  private readonly needles: ReadonlyArray<TokenId & { readonly needle: string }>;
  /** Matches wherever one of the ids may stand: scan() does nothing in a text it does not match. */
  readonly hint: RegExp | undefined;

  constructor(ids: ReadonlyArray<TokenId>) {
    this.needles = ids.map((id) => ({ ...id, needle: id.value.toLowerCase() }));
    this.hint = literalHint(this.needles.map((n) => n.needle));
  }

  /** Add a match for each id that occurs in the text as a whole token. */
  scan(scanned: ScannedText, out: MatchCollector): void {
    if (!this.hint?.test(scanned.text)) return;
    const lower = scanned.lower;
    for (const { type, value, needle } of this.needles) {
      if (out.has(type, value)) continue;
      for (let at = lower.indexOf(needle); at !== -1; at = lower.indexOf(needle, at + 1)) {
        const end = at + needle.length;
        if (isWholeToken(lower, at, end)) {
          out.add(type, value, scanned.text.slice(at, end));
          break;
        }
      }
    }
  }
}

function isWholeToken(lower: string, start: number, end: number): boolean {
  if (isWordCharAt(lower, start - 1)) return false;
  if (lower.charAt(start - 1) === '-' && isWordCharAt(lower, start - 2)) return false;
  if (isWordCharAt(lower, end)) return false;
  return !(TRAILING_JOINERS.has(lower.charAt(end)) && isWordCharAt(lower, end + 1));
}
