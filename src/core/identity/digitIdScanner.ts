import type { DigitChunk, DigitRun } from './digitRuns.js';
import type { MatchCollector } from './matchCollector.js';

/** An id made of digits only, such as a TeamViewer ID "123 456 789". */
export interface DigitId {
  /** The id as the officer wrote it: the match value. */
  readonly value: string;
  readonly digits: string;
}

/**
 * Finds digit-only ids however they are grouped: "123 456 789", "123456789", "123-456-789".
 * The id must fill whole chunks of a digit run, so it never matches inside a longer digit string
 * ("1234567890", "123-456-789-0"); a space-separated neighbour ("ID 123 456 789 12") is another
 * token and does not stop the match.
 */
export class DigitIdScanner {
  /** Fewest digits a run needs to hold one of the ids. */
  readonly minDigits: number;

  /** The ids' digits: a run without one of them is skipped. */
  readonly keys: ReadonlyArray<string>;

  constructor(private readonly ids: ReadonlyArray<DigitId>) {
    this.minDigits = ids.reduce((min, id) => Math.min(min, id.digits.length), Infinity);
    this.keys = ids.map((id) => id.digits);
  }

  /** True if the scanner has ids to look for. */
  get active(): boolean {
    return this.ids.length > 0;
  }

  /** Look for the ids in one digit run of `text`. */
  scanRun(text: string, run: DigitRun, chunksOfRun: () => DigitChunk[], out: MatchCollector): void {
    for (const id of this.ids) {
      if (!run.digits.includes(id.digits) || out.has('otherId', id.value)) continue;
      const chunks = chunksOfRun();
      const first = run.gluedBefore ? 1 : 0;
      const last = run.gluedAfter ? chunks.length - 2 : chunks.length - 1;
      search: for (let i = first; i <= last; i++) {
        let digits = '';
        for (let j = i; j <= last; j++) {
          digits += chunks[j]?.digits ?? '';
          if (digits.length > id.digits.length) break;
          if (digits === id.digits) {
            const start = chunks[i]?.start ?? run.start;
            const end = chunks[j]?.end ?? run.digitsEnd;
            out.add('otherId', id.value, trimOpenParenthesis(text.slice(start, end)));
            break search;
          }
        }
      }
    }
  }
}

function trimOpenParenthesis(found: string): string {
  return found.startsWith('(') && !found.includes(')') ? found.slice(1) : found;
}
