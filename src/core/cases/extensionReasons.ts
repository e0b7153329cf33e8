import type { Lang } from '../register/localizedText.js';

/**
 * The reasons Art. 12(3) sentence 2 accepts for extending the deadline ("taking into account the
 * complexity and number of the requests"), as a short list the officer picks from; a free text
 * says what it means for this case. The interim notice and the letter give both to the person.
 */
export const EXTENSION_REASON_CODES = ['complex-request', 'many-systems', 'many-requests', 'third-party-review'] as const;
export type ExtensionReasonCode = (typeof EXTENSION_REASON_CODES)[number];

const LABELS: Readonly<Record<Lang, Readonly<Record<ExtensionReasonCode, string>>>> = {
  de: {
    'complex-request': 'Ihr Ersuchen ist umfangreich und komplex',
    'many-systems': 'Ihre Daten liegen in vielen Systemen, die einzeln durchsucht werden müssen',
    'many-requests': 'uns liegen derzeit besonders viele Anträge vor',
    'third-party-review': 'zahlreiche Unterlagen enthalten auch Angaben über andere Personen, die wir zu deren Schutz prüfen müssen (Art. 15 Abs. 4 DSGVO)',
  },
  en: {
    'complex-request': 'your request is extensive and complex',
    'many-systems': 'your data is held in many systems that must each be searched',
    'many-requests': 'we are currently handling a particularly large number of requests',
    'third-party-review': 'many documents also contain information about other people that we must review to protect them (Art. 15(4) GDPR)',
  },
};

export function isExtensionReasonCode(value: string): value is ExtensionReasonCode {
  return (EXTENSION_REASON_CODES as readonly string[]).includes(value);
}

/** The reasons in words, the listed ones first, then the free text. */
export function extensionReasonText(codes: readonly string[], text: string | null, lang: Lang): string {
  const listed = codes.filter(isExtensionReasonCode).map((c) => LABELS[lang][c]);
  return [...listed, ...(text?.trim() ? [text.trim()] : [])].join('; ');
}
