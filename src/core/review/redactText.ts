import type { Redaction } from './reviewTypes.js';

/** Replaces redacted texts in strings; `replaced` counts the replacements made so far. */
export interface Redactor {
  apply(text: string): string;
  /** Whether `text` contains anything this redactor would replace. */
  matches(text: string): boolean;
  /** Where in `text` (already NFC) it would replace: to blank the table cells a redaction overlaps. */
  ranges(text: string): [start: number, end: number][];
  readonly replaced: number;
}

/**
 * A redactor for texts to remove (Art. 15(4)). Matching ignores case and treats any run of whitespace
 * as one space, so a name broken over two lines of a mail is caught as well. The text is REMOVED and
 * replaced with `placeholder`: it never reaches the PDF, the JSON or the files, unlike a black box
 * painted over text that stays extractable underneath.
 *
 * @example
 *   const r = compileRedactions([{ text: 'Erika Muster', ... }], '[geschwärzt]');
 *   r.apply('Gruß an Erika\n Muster') // 'Gruß an [geschwärzt]'
 */
export function compileRedactions(redactions: readonly Pick<Redaction, 'text'>[], placeholder: string): Redactor {
  const texts = [...new Set(redactions.map((r) => r.text.normalize('NFC').trim()).filter((t) => t.length > 0))];
  // Longest first, so that "Erika Muster" wins over "Erika" where both are redacted.
  texts.sort((a, b) => b.length - a.length);
  let replaced = 0;
  if (texts.length === 0) return { apply: (text) => text, matches: () => false, ranges: () => [], get replaced() { return replaced; } };
  const source = texts.map((t) => t.split(/\s+/).map(escapeRegExp).join('\\s+')).join('|');
  const pattern = new RegExp(source, 'giu');
  return {
    apply(text) {
      const normalized = text.normalize('NFC');
      return normalized.replace(pattern, () => {
        replaced++;
        return placeholder;
      });
    },
    ranges(text) {
      return [...text.matchAll(pattern)].map((m): [number, number] => [m.index, m.index + m[0].length]);
    },
    matches(text) {
      pattern.lastIndex = 0;
      const hit = pattern.test(text.normalize('NFC'));
      pattern.lastIndex = 0;
      return hit;
    },
    get replaced() {
      return replaced;
    },
  };
}

/** Apply a redactor to every string inside a JSON-like value (records, locators, matches); keys stay. */
export function redactDeep<T>(value: T, redactor: Redactor): T {
  if (typeof value === 'string') return redactor.apply(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => redactDeep(v, redactor)) as T;
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = redactDeep(v, redactor);
    return out as T;
  }
  return value;
}

/** Whether any string inside a JSON-like value contains a redacted text. */
export function containsRedacted(value: unknown, redactor: Redactor): boolean {
  if (typeof value === 'string') return redactor.matches(value);
  if (Array.isArray(value)) return value.some((v) => containsRedacted(v, redactor));
  if (typeof value === 'object' && value !== null) return Object.values(value).some((v) => containsRedacted(v, redactor));
  return false;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
