import { z } from 'zod';

/** The languages an Art. 15 answer is written in: German for the officer's letters, English for the rest. */
export type Lang = 'de' | 'en';

const nonEmptyText = z
  .string({ error: (iss) => (iss.input === undefined ? 'required' : 'expected a text') })
  .trim()
  .min(1, 'must not be empty');

/**
 * A text for the data subject: one string for both languages, or `{ de, en }`. Both languages are
 * required in the object form, because Art. 12(1) wants every answer "in clear and plain language"
 * and a missing translation would silently fall back to the other language.
 */
export const localizedTextSchema = z.union(
  [nonEmptyText, z.strictObject({ de: nonEmptyText, en: nonEmptyText }).readonly()],
  {
    error: (iss) => {
      if (iss.input === undefined) return 'required';
      if (typeof iss.input === 'object' && iss.input !== null && !Array.isArray(iss.input)) {
        return 'a localized text needs both "de" and "en" as non-empty texts';
      }
      return 'expected a text or { de: ..., en: ... }';
    },
  },
);

export type LocalizedText = z.infer<typeof localizedTextSchema>;

/** The text in `lang`; a plain string is the same in every language. */
export function localize(text: LocalizedText, lang: Lang): string {
  return typeof text === 'string' ? text : text[lang];
}
