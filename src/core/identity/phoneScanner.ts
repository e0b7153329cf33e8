import type { CountryCode } from 'libphonenumber-js/max';
import type { DigitChunk, DigitRun } from './digitRuns.js';
import type { MatchCollector } from './matchCollector.js';
import { lineNumbersOf, parsePhone, type NormalizedPhone, type PhoneParseResult } from './normalizePhone.js';

/**
 * How many trailing digits of a subject number a run must contain before libphonenumber looks at
 * it. Six digits of the national number appear in every way of writing it (groups only split
 * them, and runs are compared without separators), and rule out nearly all dates, prices and ids.
 */
const KEY_DIGITS = 6;
/** E.164's 15 digits, an international prefix of up to four ("0011") and a "(0)" trunk prefix. */
const MAX_WINDOW_DIGITS = 20;
/**
 * Parsed candidates kept between calls. A hostile or generated text can repeat one digit run
 * thousands of times ("0 1 7 6 1 2 3 4 5 6 7 8 " × 50 000 took 25 s uncached); parsing is pure, so
 * equal candidates share one result. Cleared when full, which bounds memory.
 */
const PARSE_CACHE_SIZE = 4096;

interface SubjectLine {
  /** The subject's number in E.164: the match value. */
  readonly e164: string;
  readonly extension?: string;
}

/**
 * Finds the subject's phone numbers in text, however they are written, by comparing in E.164.
 *
 * A run of digits and separators may hold several numbers ("0711 123456 0176 1234567") or one
 * number and a date. A number starts and ends at a whitespace-separated chunk, and the longest
 * valid number starting at a chunk is the one the text means: in "07022 7896848-12" or
 * "07022 78968481" that is a different line, and the subject's "07022 7896848" inside it does not
 * match. Digits inside a chunk are never split off.
 */
export class PhoneScanner {
  private readonly lines = new Map<string, SubjectLine>();
  /** The last digits of each subject number's national number: a run without one of them is skipped. */
  readonly keys: ReadonlyArray<string>;
  /** The subject's numbers as bare digits with country code ("4970227896848"), as logs and CDRs write them. */
  private readonly bareDigits = new Map<string, string>();
  /** Fewest digits a run can have and still hold one of the subject's numbers. */
  readonly minDigits: number;
  private readonly parsed = new Map<string, PhoneParseResult>();

  constructor(
    phones: ReadonlyArray<NormalizedPhone>,
    private readonly region: CountryCode,
  ) {
    const keys = new Set<string>();
    let minDigits = Infinity;
    for (const phone of phones) {
      const callingCodeLength = phone.e164.length - 1 - phone.nationalNumber.length;
      for (const e164 of lineNumbersOf(phone)) {
        if (!this.lines.has(e164)) this.lines.set(e164, { e164, ...(phone.extension !== undefined && { extension: phone.extension }) });
        const national = e164.slice(1 + callingCodeLength);
        keys.add(national.slice(-KEY_DIGITS));
        minDigits = Math.min(minDigits, national.length);
        this.bareDigits.set(e164.slice(1), e164);
      }
    }
    this.keys = [...keys];
    this.minDigits = Number.isFinite(minDigits) ? minDigits : 0;
  }

  /** True if the scanner has numbers to look for. */
  get active(): boolean {
    return this.lines.size > 0;
  }

  /** Look for the subject's numbers in one digit run of `text`. */
  scanRun(text: string, run: DigitRun, chunksOfRun: () => DigitChunk[], out: MatchCollector): void {
    if (!this.containsKey(run.digits) || this.allFound(out)) return;
    const chunks = chunksOfRun();
    const first = run.gluedBefore ? 1 : 0;
    const last = run.gluedAfter ? chunks.length - 2 : chunks.length - 1;
    for (let i = first; i <= last; i++) {
      const startChunk = chunks[i];
      if (!startChunk) break;
      // The digits of the longest window from chunk i, and where each shorter window ends in them.
      let windowDigits = '';
      const windowEnds: number[] = [];
      for (let j = i; j <= last; j++) {
        const digits = chunks[j]?.digits ?? '';
        if (windowDigits.length + digits.length > MAX_WINDOW_DIGITS) break;
        windowDigits += digits;
        windowEnds.push(windowDigits.length);
      }
      const reachesEnd = i + windowEnds.length - 1 === chunks.length - 1;
      if (!this.containsKey(reachesEnd ? windowDigits + run.durchwahlDigits : windowDigits)) continue;
      const canParse = startsLikeNumber(text, startChunk) || (i === 0 && run.encodedPlus);
      for (let k = windowEnds.length - 1; k >= 0; k--) {
        const j = i + k;
        const endChunk = chunks[j];
        if (!endChunk) break;
        const digits = windowDigits.slice(0, windowEnds[k]) + (j === chunks.length - 1 ? run.durchwahlDigits : '');
        if (!this.containsKey(digits)) break;
        const windowEnd = j === chunks.length - 1 ? run.end : endChunk.end;
        const foundStart = i === 0 && run.encodedPlus ? startChunk.start - 3 : startChunk.start;
        const found = trimOpenParenthesis(text.slice(foundStart, windowEnd));
        const bare = i === j && /^[0-9]+$/.test(text.slice(startChunk.start, endChunk.end)) ? this.bareDigits.get(digits) : undefined;
        if (bare !== undefined) {
          out.add('phone', bare, found);
          break;
        }
        if (!canParse) continue;
        const candidate = (i === 0 && run.encodedPlus ? '+' : '') + text.slice(startChunk.start, windowEnd);
        const parsed = this.parse(candidate);
        if (!parsed.ok) continue;
        this.matchNumber(parsed.phone, found, out);
        break;
      }
      if (this.allFound(out)) return;
    }
  }

  /** Add a match if `phone` is one of the subject's lines; true if it was. */
  matchNumber(phone: NormalizedPhone, found: string, out: MatchCollector): boolean {
    for (const e164 of lineNumbersOf(phone)) {
      const line = this.lines.get(e164);
      // Two different extensions behind one switchboard are two people; a missing one on either
      // side still reaches the subject's line.
      if (!line || (line.extension !== undefined && phone.extension !== undefined && line.extension !== phone.extension)) continue;
      out.add('phone', line.e164, found);
      return true;
    }
    return false;
  }

  private parse(candidate: string): PhoneParseResult {
    let result = this.parsed.get(candidate);
    if (result === undefined) {
      if (this.parsed.size >= PARSE_CACHE_SIZE) this.parsed.clear();
      result = parsePhone(candidate, { defaultRegion: this.region });
      this.parsed.set(candidate, result);
    }
    return result;
  }

  /** Every subject number is already in `out`: the rest of the text cannot add a phone match. */
  private allFound(out: MatchCollector): boolean {
    for (const e164 of this.lines.keys()) if (!out.has('phone', e164)) return false;
    return true;
  }

  private containsKey(digits: string): boolean {
    for (const key of this.keys) if (digits.includes(key)) return true;
    return false;
  }
}

/** A written number begins with "+", "00…" or the trunk "0…" (possibly in parentheses). */
function startsLikeNumber(text: string, chunk: DigitChunk): boolean {
  const lead = text.slice(chunk.start, chunk.start + 2).normalize('NFKC');
  return lead.startsWith('+') || lead.startsWith('0') || lead === '(0';
}

function trimOpenParenthesis(found: string): string {
  return found.startsWith('(') && !found.includes(')') ? found.slice(1) : found;
}
