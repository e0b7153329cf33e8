import type { Lang, RedactionSuggestion } from '../../../shared/api.js';
import type { ThirdPartyHit } from '../../thirdParty/attachmentView.js';
import { THIRD_PARTY_REASONS } from '../../thirdParty/thirdPartyReasons.js';

/**
 * Other people's identifiers in a record and its attachments (core/thirdParty), proposed for
 * redaction with the Art. 15(4) reason (the copy must not adversely affect the rights of others).
 */
export function thirdPartySuggestions(hits: readonly ThirdPartyHit[], lang: Lang): RedactionSuggestion[] {
  return hits.map((h) => ({ field: h.field, start: h.start, end: h.end, text: h.text, type: h.type, reason: THIRD_PARTY_REASONS[lang][h.type] }));
}
