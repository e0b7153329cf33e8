import type { Match } from '../../../shared/findings.js';
import type { SubjectQuery } from '../../domain/subjectQuery.js';
import { dedupeMatches } from '../common/table/scanRow.js';
import type { NumberCell, ParsedCall } from './parsedCall.js';

/**
 * The subject's identifiers in one call: each number cell compared in E.164 (so a number one digit
 * off, or the same digits under another area code, is another line), plus the name and caller-id
 * cells scanned as text.
 */
export function scanCall(call: ParsedCall, subject: SubjectQuery): Match[] {
  const matches: Match[] = [];
  for (const cell of call.numbers) matches.push(...matchNumberCell(cell, subject));
  for (const { field, value } of call.texts) matches.push(...subject.scanText(value, field));
  return dedupeMatches(matches);
}

// CDR digits without "+" or "00" ("4970227896848", also grouped "49 7022 7896848").
const BARE_INTERNATIONAL = /^[1-9][0-9 ./()-]*$/;

/**
 * The subject's phone numbers in a cell known to hold one number (E.164 equality). Contacts use it
 * for TEL values too.
 *
 * libphonenumber costs about 50 µs a number, which on a million-row call list is most of the run;
 * the text scanner's digit prefilter rejects other people's numbers in well under a microsecond and
 * finds every form the exact comparison finds, so it gates the exact comparison.
 */
export function matchNumberCell(cell: NumberCell, subject: SubjectQuery): Match[] {
  const raw = cell.value.trim();
  const gateText = cell.internationalWithoutPlus && BARE_INTERNATIONAL.test(raw) ? `+${raw}` : raw;
  const gate = subject.scanText(gateText, cell.field);
  if (!gate.some((m) => m.type === 'phone')) return gate;
  const exact = subject.matchPhoneField(raw, cell.field, { assumeInternationalWithoutPlus: cell.internationalWithoutPlus });
  if (exact.length) return exact;
  // The gate saw "+4970227896848" where the cell says "4970227896848": show what the cell says.
  return gate.map((m) => (m.type === 'phone' && (m.found ?? m.value) === gateText && raw !== m.value ? { ...m, found: raw } : m));
}
