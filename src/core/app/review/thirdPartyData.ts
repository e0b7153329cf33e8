import { findNumbers } from 'libphonenumber-js/max';
import type { Lang, RedactionSuggestion } from '../../../shared/api.js';
import type { RecordData } from '../../../shared/findings.js';
import { recordTexts } from '../../../shared/recordFields.js';
import type { SubjectQuery } from '../../domain/subjectQuery.js';
import { DEFAULT_PHONE_REGION } from '../../identity/normalizePhone.js';

/**
 * Addresses are looked for with a deliberately simple pattern: a suggestion the officer declines
 * costs a click, a missed one is caught by reading. RFC 5322's full grammar would add nothing here.
 */
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+/g;

/** Texts longer than this are only searched in their first part: suggestions are a help, not a guarantee. */
const MAX_SCANNED_CHARS = 1_000_000;

const REASONS: Record<Lang, Record<RedactionSuggestion['type'], string>> = {
  de: {
    email: 'Art. 15 Abs. 4 DSGVO: E-Mail-Adresse einer anderen Person',
    phone: 'Art. 15 Abs. 4 DSGVO: Telefonnummer einer anderen Person',
  },
  en: {
    email: 'Art. 15(4) GDPR: another person\u2019s email address',
    phone: 'Art. 15(4) GDPR: another person\u2019s phone number',
  },
};

/**
 * Other people's e-mail addresses and phone numbers in a record, proposed for redaction
 * (Art. 15(4): the copy must not adversely affect the rights of others). The subject's own
 * identifiers are recognised with the same matcher the search used and never proposed.
 */
export function thirdPartySuggestions(record: RecordData | undefined, subject: SubjectQuery, lang: Lang): RedactionSuggestion[] {
  const out: RedactionSuggestion[] = [];
  const isSubject = (candidate: string) => subject.scanText(candidate).some((m) => m.type !== 'name');
  for (const { field, text } of recordTexts(record)) {
    const scanned = text.length > MAX_SCANNED_CHARS ? text.slice(0, MAX_SCANNED_CHARS) : text;
    for (const m of scanned.matchAll(EMAIL)) {
      if (isSubject(m[0])) continue;
      out.push({ field, start: m.index, end: m.index + m[0].length, text: m[0], type: 'email', reason: REASONS[lang].email });
    }
    for (const n of findNumbers(scanned, { defaultCountry: DEFAULT_PHONE_REGION, v2: true })) {
      const found = scanned.slice(n.startsAt, n.endsAt);
      if (isSubject(found) || overlapsEmail(out, field, n.startsAt, n.endsAt)) continue;
      out.push({ field, start: n.startsAt, end: n.endsAt, text: found, type: 'phone', reason: REASONS[lang].phone });
    }
  }
  return out;
}

function overlapsEmail(found: readonly RedactionSuggestion[], field: string, start: number, end: number): boolean {
  return found.some((s) => s.field === field && s.start < end && start < s.end);
}
