import type { Lang, RedactionSuggestion } from '../../../shared/api.js';
import type { ThirdPartyHit } from '../../thirdParty/attachmentView.js';

const REASONS: Record<Lang, Record<RedactionSuggestion['type'], string>> = {
  de: {
    email: 'Art. 15 Abs. 4 DSGVO: E-Mail-Adresse einer anderen Person',
    phone: 'Art. 15 Abs. 4 DSGVO: Telefonnummer einer anderen Person',
    customerId: 'Art. 15 Abs. 4 DSGVO: Kundennummer einer anderen Person',
    row: 'Art. 15 Abs. 4 DSGVO: Datensatz einer anderen Person',
  },
  en: {
    email: 'Art. 15(4) GDPR: another person\u2019s email address',
    phone: 'Art. 15(4) GDPR: another person\u2019s phone number',
    customerId: 'Art. 15(4) GDPR: another person\u2019s customer number',
    row: 'Art. 15(4) GDPR: another person\u2019s record',
  },
};

/**
 * Other people's identifiers in a record and its attachments (core/thirdParty), proposed for
 * redaction with the Art. 15(4) reason (the copy must not adversely affect the rights of others).
 */
export function thirdPartySuggestions(hits: readonly ThirdPartyHit[], lang: Lang): RedactionSuggestion[] {
  return hits.map((h) => ({ field: h.field, start: h.start, end: h.end, text: h.text, type: h.type, reason: REASONS[lang][h.type] }));
}
