import { literalHint } from './literalHint.js';
import type { MatchCollector } from './matchCollector.js';
import { nameTokenNeedles, nameTokens, nameTokenVariants, normalizeName } from './nameVariants.js';
import type { ScannedText } from './scannedText.js';

const NAME_CHAR = /[\p{L}\p{M}]/u;
const ASCII = /^[ -~]*$/;
const TOKEN_JOINERS = new Set(['-', "'", '\u2019']);
/** Whitespace between two parts of one name; more than this is layout, not a name. */
const MAX_GAP = 12;
const SPACE_GAP = /^\s+$/u;
const COMMA_GAP = /^\s*,\s*$/u;
const INITIAL_GAP = /^\.\s*$/u;

interface Token {
  readonly start: number;
  readonly end: number;
  /** The text between this token and the one it was reached from. */
  readonly gap: string;
}

/**
 * Finds the subject's name in a text: a weak match (docs/ARCHITECTURE.md "Findings and match strength").
 *
 * Matches by whole tokens, ignoring case, diacritics and ü/ue, ß/ss: "Jürgen Weiß", "Juergen
 * Weiss", "Weiß, Jürgen" and "Weiss Jurgen". First and last name must stand next to each other,
 * with only the subject's middle names (or their initials) between them. A surname alone never
 * matches: it names a family, and in German often a colour or a trade ("Weiß", "Müller").
 * A hyphenated name is one token, so "Müller-Lüdenscheidt" is not "Müller".
 */
export class NameScanner {
  /** The name as the officer wrote it, whitespace collapsed: the match value. */
  readonly value: string;
  private readonly first: ReadonlySet<string>;
  private readonly last: ReadonlySet<string>;
  private readonly middles: ReadonlySet<string>;
  private readonly middleInitials: ReadonlySet<string>;
  private readonly needles: ReadonlyArray<string>;
  /** Finds a spelling of the surname; the scan starts only if this and firstNameHint both hit. */
  private readonly surnameHint: RegExp | undefined;
  private readonly firstNameHint: RegExp | undefined;
  private readonly single: boolean;

  constructor(name: string) {
    const tokens = nameTokens(name);
    const firstToken = tokens[0];
    const lastToken = tokens[tokens.length - 1];
    if (firstToken === undefined || lastToken === undefined) throw new Error('a name needs at least one letter');
    this.value = name.normalize('NFC').trim().replace(/\s+/gu, ' ');
    this.single = tokens.length === 1;
    this.first = nameTokenVariants(firstToken);
    this.last = nameTokenVariants(lastToken);
    const middleTokens = tokens.slice(1, -1);
    this.middles = new Set(middleTokens.flatMap((t) => [...nameTokenVariants(t)]));
    this.middleInitials = new Set(middleTokens.map((t) => normalizeName(t).charAt(0)));
    this.needles = nameTokenNeedles(lastToken);
    this.surnameHint = literalHint(this.needles);
    this.firstNameHint = this.single ? undefined : literalHint(nameTokenNeedles(firstToken));
  }

  /** Matches wherever a spelling of the surname stands: scan() does nothing in a text it does not match. */
  get hint(): RegExp | undefined {
    return this.surnameHint;
  }

  /** Surname spellings a server-side search can look for (IMAP SEARCH is case-insensitive). */
  get searchTerms(): ReadonlyArray<string> {
    return this.needles.filter((n) => n === n.normalize('NFC'));
  }

  /** Add a name match if the full name occurs in the text. */
  scan(scanned: ScannedText, out: MatchCollector): void {
    if (out.has('name', this.value)) return;
    if (!this.surnameHint?.test(scanned.text) || (this.firstNameHint && !this.firstNameHint.test(scanned.text))) return;
    const { text, lower } = scanned;
    const examined = new Set<number>();
    for (const needle of this.needles) {
      for (let at = lower.indexOf(needle), next = 0; at !== -1; at = lower.indexOf(needle, next)) {
        const token = tokenAround(text, at, at + needle.length);
        // Resume after the whole token: in "weißweißweiß…" every hit would otherwise re-read it.
        next = Math.max(at + needle.length, token.end);
        if (examined.has(token.start)) continue;
        examined.add(token.start);
        if (!this.last.has(keyOf(scanned, token))) continue;
        const span = this.single ? token : (this.forwardFrom(scanned, token) ?? this.reversedFrom(scanned, token));
        if (span) {
          out.add('name', this.value, text.slice(span.start, span.end));
          return;
        }
      }
    }
  }

  /** "Jürgen Weiß", "Anna Maria Müller", "Anna M. Müller": walk back from the surname. */
  private forwardFrom(scanned: ScannedText, surname: Token): { start: number; end: number } | undefined {
    let current = surname;
    for (let step = 0; step <= this.middles.size; step++) {
      const previous = tokenBefore(scanned.text, current.start);
      if (!previous) return undefined;
      const key = keyOf(scanned, previous);
      const initial = key.length === 1;
      if (!SPACE_GAP.test(previous.gap) && !(initial && INITIAL_GAP.test(previous.gap))) return undefined;
      if (!initial && this.first.has(key)) return { start: previous.start, end: surname.end };
      if (!(initial ? this.middleInitials.has(key) : this.middles.has(key))) return undefined;
      current = previous;
    }
    return undefined;
  }

  /** "Weiß, Jürgen" and "WEISS JUERGEN": the first name right after the surname. */
  private reversedFrom(scanned: ScannedText, surname: Token): { start: number; end: number } | undefined {
    const next = tokenAfter(scanned.text, surname.end);
    if (!next || !(SPACE_GAP.test(next.gap) || COMMA_GAP.test(next.gap))) return undefined;
    return this.first.has(keyOf(scanned, next)) ? { start: surname.start, end: next.end } : undefined;
  }
}

/**
 * The comparison key of a token. Most tokens are plain ASCII, whose key is just the lower-cased
 * text already at hand; only the others pay for Unicode normalization.
 */
function keyOf(scanned: ScannedText, token: Token): string {
  const lower = scanned.lower.slice(token.start, token.end);
  return ASCII.test(lower) ? lower : normalizeName(scanned.text.slice(token.start, token.end));
}

function isNameChar(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const code = text.charCodeAt(i);
  if (code < 0x80) return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
  return (code >= 0xd800 && code <= 0xdfff) || NAME_CHAR.test(text.charAt(i));
}

/** A hyphen or apostrophe between two letters belongs to the name ("Müller-Lüdenscheidt", "O'Brien"). */
function isJoinerAt(text: string, i: number): boolean {
  return TOKEN_JOINERS.has(text.charAt(i)) && isNameChar(text, i - 1) && isNameChar(text, i + 1);
}

function tokenAround(text: string, from: number, to: number): Token {
  let start = from;
  while (isNameChar(text, start - 1) || isJoinerAt(text, start - 1)) start--;
  let end = to;
  while (isNameChar(text, end) || isJoinerAt(text, end)) end++;
  return { start, end, gap: '' };
}

function tokenBefore(text: string, pos: number): Token | undefined {
  let end = pos;
  while (end > 0 && pos - end <= MAX_GAP && !isNameChar(text, end - 1)) end--;
  if (!isNameChar(text, end - 1)) return undefined;
  const token = tokenAround(text, end - 1, end);
  return { ...token, gap: text.slice(end, pos) };
}

function tokenAfter(text: string, pos: number): Token | undefined {
  let start = pos;
  while (start < text.length && start - pos <= MAX_GAP && !isNameChar(text, start)) start++;
  if (!isNameChar(text, start)) return undefined;
  const token = tokenAround(text, start, start + 1);
  return { ...token, gap: text.slice(pos, start) };
}
