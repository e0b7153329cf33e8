import { EXTENSION_REASON_CODES, type ExtensionReasonCode } from '../../shared/extensionReasons.js';
import type { Lang } from '../register/localizedText.js';

export { EXTENSION_REASON_CODES, type ExtensionReasonCode };

/**
 * The reasons of the short list in words ("taking into account the complexity and number of the
 * requests", Art. 12(3) sentence 2); a free text says what they mean for this case. The interim
 * notice and the letter give both to the person.
 */
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
