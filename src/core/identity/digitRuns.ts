import { isWordCharAt } from './tokenBoundary.js';

// A digit run is digits joined by the separators people put into phone numbers and ids: spaces
// (also NBSP, thin and ideographic space), hyphens and dashes, "/", "." and parentheses. Full-width
// forms are included because Japanese IMEs and some PDF extractors produce them.
const DIGITS = '0-9\\uFF10-\\uFF19';
const SEPARATORS = ' \\t\\u00A0\\u2009\\u202F\\u3000\\-./()\\u2010-\\u2015\\u2212\\uFF08\\uFF09\\uFF0D\\uFF0E\\uFF0F';
// Linear by construction: digits and separators are disjoint classes, and a separator group of at
// most four characters must be followed by a digit, so every position has one way to match and
// backtracking is bounded by four characters. Newlines end a run: a number is written on one line.
const RUN = new RegExp(`[+\\uFF0B(\\uFF08]?[${DIGITS}](?:[${DIGITS}]|[${SEPARATORS}]{1,4}(?=[${DIGITS}]))*`, 'g');
const WHITESPACE_PIECES = /[^\s]+/gu;
const FULL_WIDTH_ZERO = 0xff10;

// Extensions written after a number ("ext. 12", "App. 12", "Durchw. 12"): they are part of how the
// number stands in the text, so a window ending at the run's last chunk takes them along. Durchwahl
// digits are part of the number itself (see normalizePhone), so they count among the run's digits.
const EXTENSION = /[ \t\u00A0]*[,;]?[ \t\u00A0]*(?<![\p{L}])(?:ext|extension|x|app|apparat|nst|nebenstelle|(durchw|durchwahl|dw))\.?[ \t\u00A0]*:?[ \t\u00A0]*([0-9]{1,6})(?![0-9])/iuy;

/** Texts with a Durchwahl marker: the number's last digits stand after a word, out of the hint's reach. */
export const DURCHWAHL_MARKER = /durchw|(?<![a-z])dw(?![a-z])/i;

/**
 * A regex that finds any of `sequences` (digit strings) written with up to four separators between
 * digits, full-width digits included: "345678" finds "34 56 78" and "3456-78". One pass of it over a
 * text decides whether digit runs need looking at, with no per-run work on texts that cannot
 * contain the sequence. Undefined for no sequences.
 */
export function digitSequenceHint(sequences: Iterable<string>): RegExp | undefined {
  const patterns = [...new Set(sequences)]
    .filter((seq) => /^[0-9]+$/.test(seq))
    .map((seq) => [...seq].map((d) => `[${d}${String.fromCharCode(FULL_WIDTH_ZERO + Number(d))}]`).join(`[${SEPARATORS}]{0,4}`));
  return patterns.length > 0 ? new RegExp(patterns.join('|')) : undefined;
}

/** A maximal run of digits and separators in a text. */
export interface DigitRun {
  readonly start: number;
  /** End of the run; after an extension marker if one follows. */
  readonly end: number;
  /** End of the last digit, before any extension marker. */
  readonly digitsEnd: number;
  /** The run's digits in ASCII, separators removed, followed by any Durchwahl digits. */
  readonly digits: string;
  /** Digits of a "Durchw. 12" suffix, which belong to the number; "" if there is none. */
  readonly durchwahlDigits: string;
  /** The run follows `%2B`, a URL-encoded "+". */
  readonly encodedPlus: boolean;
  /** A letter or digit touches the run's start: its first chunk belongs to a longer token. */
  readonly gluedBefore: boolean;
  /** A letter or digit touches the run's end: its last chunk belongs to a longer token. */
  readonly gluedAfter: boolean;
}

/** A whitespace-separated piece of a run ("07022", "7896848-0"): numbers start and end at chunks. */
export interface DigitChunk {
  readonly start: number;
  readonly end: number;
  readonly digits: string;
}

/**
 * Call `visit` for every digit run of at least `minDigits` digits. The regex finds runs; their
 * digits are extracted only for runs long enough, so a text of dates and prices costs one regex pass.
 */
export function forEachDigitRun(text: string, minDigits: number, visit: (run: DigitRun) => void): void {
  // A copy per call keeps `lastIndex` private, should `visit` ever scan another text; V8 shares
  // the compiled code between copies.
  const runs = new RegExp(RUN);
  for (let m = runs.exec(text); m !== null; m = runs.exec(text)) {
    const run = m[0];
    if (run.length < minDigits) continue;
    const start = m.index;
    const digitsEnd = start + run.length;
    EXTENSION.lastIndex = digitsEnd;
    const extension = EXTENSION.exec(text);
    const end = extension ? EXTENSION.lastIndex : digitsEnd;
    const durchwahlDigits = extension?.[1] !== undefined ? (extension[2] ?? '') : '';
    const digits = asciiDigits(run) + durchwahlDigits;
    if (digits.length < minDigits) continue;
    const encodedPlus = start >= 3 && text.slice(start - 3, start).toLowerCase() === '%2b';
    const gluedBefore = isWordCharAt(text, encodedPlus ? start - 4 : start - 1);
    const gluedAfter = isWordCharAt(text, end);
    visit({ start, end, digitsEnd, digits, durchwahlDigits, encodedPlus, gluedBefore, gluedAfter });
  }
}

/** The whitespace-separated chunks of a run that contain digits; separator-only pieces like " / " drop out. */
export function chunksOf(text: string, run: DigitRun): DigitChunk[] {
  const chunks: DigitChunk[] = [];
  const body = text.slice(run.start, run.digitsEnd);
  for (const m of body.matchAll(WHITESPACE_PIECES)) {
    const digits = asciiDigits(m[0]);
    if (digits) chunks.push({ start: run.start + m.index, end: run.start + m.index + m[0].length, digits });
  }
  return chunks;
}

/** The digits of `s` in ASCII: full-width digits folded, everything else dropped. */
export function asciiDigits(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code >= 0x30 && code <= 0x39) out += s.charAt(i);
    else if (code >= FULL_WIDTH_ZERO && code <= FULL_WIDTH_ZERO + 9) out += String.fromCharCode(code - FULL_WIDTH_ZERO + 0x30);
  }
  return out;
}
