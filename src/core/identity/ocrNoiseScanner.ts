import type { IdentifierType } from '../../shared/findings.js';

/**
 * What OCR writes for a character it misreads, by the character the page really shows. Only
 * same-length confusions are tolerated: a dropped or inserted character could turn another
 * person's identifier ("K-104421", "xj.weiss@") into the subject's. Tolerated are `,` for `.`
 * (no address has a comma) and letter/digit confusions that no naming scheme produces
 * ("beispie1-gmbh"); not `-` for `.`, which OCR also does: "j-weiss@…" is how another person's
 * mailbox may well be spelled. Every tolerated match is marked `tolerant` and shown as such.
 */
const CONFUSED_AS: Readonly<Record<string, string>> = {
  '0': 'oqd',
  '1': 'lij|!',
  '2': 'z',
  '5': 's',
  '6': 'g',
  '8': 'b',
  '9': 'g',
  o: '0',
  l: '1i|',
  i: '1l|',
  s: '5',
  b: '8',
  z: '2',
  '.': ',',
  '@': '©',
};

/** Separators an identifier's skeleton drops: OCR loses hyphens and inserts spaces. */
const ID_SEPARATORS = /[\s\-–—./_]/gu;
/** Characters OCR puts around a word that are never part of an identifier. */
const EDGE_PUNCTUATION = /^[\s()[\]{}<>"'„“”‚‘’»«,;:!?|]+|[\s()[\]{}<>"'„“”‚‘’»«,;:!?|.]+$/gu;
/** How many OCR words an identifier may be broken into ("K- 55501", "anna.schmidt@ example.net"). */
const MAX_WORDS_PER_ID = 3;

/** One identifier the OCR tolerance may find: its skeleton and how a match reports it. */
interface NoisyNeedle {
  readonly type: IdentifierType;
  readonly value: string;
  /** Lower-case, separators removed for ids; the address itself for emails. */
  readonly skeleton: string;
}

/** A tolerated match, with the span of the OCR text it covers (for word confidences and boxes). */
export interface NoisyMatch {
  readonly type: IdentifierType;
  readonly value: string;
  /** The text as OCR wrote it. */
  readonly found: string;
  readonly start: number;
  readonly end: number;
}

/**
 * Finds ids and email addresses in OCR text that the exact scanners miss because OCR dropped a
 * separator ("K55501" for "K-55501") or confused a character ("K-5550l", "anna,schmidt@…").
 *
 * The comparison is whole-word and same-length, character by character against the subject's
 * identifier: a word is compared to the identifier's skeleton, and each differing character must be
 * a known OCR confusion of the character the identifier has there. So "K-104421" (one digit more)
 * and "xj.weiss@…" (one letter more) never match, and a confusion is only accepted where the
 * identifier itself has the confused character.
 */
export class OcrNoiseScanner {
  private readonly needles: ReadonlyArray<NoisyNeedle>;

  constructor(ids: ReadonlyArray<{ readonly type: 'customerId' | 'otherId'; readonly value: string }>, emails: ReadonlyArray<string>) {
    this.needles = [
      ...ids.map((id) => ({ type: id.type, value: id.value, skeleton: idSkeleton(id.value) })).filter((n) => n.skeleton.length >= 3),
      ...emails.map((email) => ({ type: 'email' as const, value: email, skeleton: email })),
    ];
  }

  get active(): boolean {
    return this.needles.length > 0;
  }

  /** Every tolerated match in `text`, at most one per identifier, in text order. */
  scan(text: string): NoisyMatch[] {
    if (!this.active) return [];
    const words = wordsOf(text);
    const out: NoisyMatch[] = [];
    const seen = new Set<string>();
    for (let i = 0; i < words.length; i++) {
      for (let n = 1; n <= MAX_WORDS_PER_ID && i + n <= words.length; n++) {
        const start = words[i]!.start;
        const end = words[i + n - 1]!.end;
        const raw = text.slice(start, end);
        const trimmed = trimEdges(raw);
        if (!trimmed.text) continue;
        for (const needle of this.needles) {
          const key = `${needle.type}\0${needle.value}`;
          if (seen.has(key)) continue;
          const candidate = needle.type === 'email' ? trimmed.text.replace(/\s+/gu, '').toLowerCase() : idSkeleton(trimmed.text);
          if (!sameUpToConfusions(candidate, needle.skeleton)) continue;
          seen.add(key);
          out.push({ type: needle.type, value: needle.value, found: trimmed.text, start: start + trimmed.offset, end: start + trimmed.offset + trimmed.text.length });
        }
      }
    }
    return out;
  }
}

/**
 * The text with characters OCR confuses with digits read as digits, inside words that are mostly
 * digits ("0l51 2345678g" → "0151 23456789"), so the exact phone and number scanners can run on it.
 * Same length as the input, so a match's position is the same in both.
 */
export function repairDigits(text: string): string {
  return text.replace(/[\p{L}\p{N}|!]+/gu, (word) => {
    const digits = word.replace(/[^0-9]/g, '').length;
    if (digits === 0 || digits * 2 < word.length) return word;
    let out = '';
    for (const ch of word) out += DIGIT_OF[ch] ?? ch;
    return out.length === word.length ? out : word;
  });
}

const DIGIT_OF: Readonly<Record<string, string>> = { O: '0', o: '0', Q: '0', D: '0', l: '1', I: '1', i: '1', '|': '1', '!': '1', Z: '2', z: '2', S: '5', s: '5', B: '8', g: '9' };

function idSkeleton(value: string): string {
  return value.normalize('NFKC').replace(ID_SEPARATORS, '').toLowerCase();
}

function sameUpToConfusions(candidate: string, skeleton: string): boolean {
  if (candidate.length !== skeleton.length) return false;
  for (let i = 0; i < skeleton.length; i++) {
    const want = skeleton[i]!;
    const got = candidate[i]!;
    if (got !== want && !(CONFUSED_AS[want]?.includes(got) ?? false)) return false;
  }
  return true;
}

function wordsOf(text: string): { start: number; end: number }[] {
  const words: { start: number; end: number }[] = [];
  for (const m of text.matchAll(/\S+/gu)) words.push({ start: m.index, end: m.index + m[0].length });
  return words;
}

function trimEdges(raw: string): { text: string; offset: number } {
  const lead = /^[\s()[\]{}<>"'„“”‚‘’»«,;:!?|]+/u.exec(raw)?.[0].length ?? 0;
  const rest = raw.slice(lead).replace(EDGE_PUNCTUATION, '');
  return { text: rest, offset: lead };
}
