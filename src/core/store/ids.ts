import { randomInt, randomUUID } from 'node:crypto';
import { CaseStoreError } from './errors.js';

declare const caseIdBrand: unique symbol;
declare const runIdBrand: unique symbol;

/** A case reference like `AUS-2026-0001-K7QF`, as the officer quotes it in letters. */
export type CaseId = string & { readonly [caseIdBrand]: true };

/** One search run of a case (a UUID; nobody quotes it). */
export type RunId = string & { readonly [runIdBrand]: true };

// Crockford base32 leaves out I, L, O and U so that a reference read aloud or typed from a
// letter cannot be misread.
const SUFFIX_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const SUFFIX_LENGTH = 4;
const CASE_ID_PATTERN = /^AUS-(\d{4})-(\d{4,})-([0-9A-HJKMNP-TV-Z]{4})$/;
const RUN_ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Build a case reference from the year the request arrived and its number in that year. The random
 * suffix keeps a reference unique when a number is reused after a deletion or on another laptop, so
 * old correspondence never points at a different person's case.
 */
export function formatCaseId(year: number, sequence: number, random: (max: number) => number = randomInt): CaseId {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new CaseStoreError(`case year out of range: ${year}`);
  if (!Number.isInteger(sequence) || sequence < 1) throw new CaseStoreError(`case number out of range: ${sequence}`);
  let suffix = '';
  for (let i = 0; i < SUFFIX_LENGTH; i++) suffix += SUFFIX_ALPHABET[random(SUFFIX_ALPHABET.length)];
  return `AUS-${year}-${String(sequence).padStart(4, '0')}-${suffix}` as CaseId;
}

/** The case number within its year, e.g. 1 for `AUS-2026-0001-K7QF`; undefined for a foreign id. */
export function caseSequence(id: string): number | undefined {
  const m = CASE_ID_PATTERN.exec(id);
  return m?.[2] === undefined ? undefined : Number(m[2]);
}

/** Whether text has the shape of a case reference. */
export function isCaseId(text: string): text is CaseId {
  return CASE_ID_PATTERN.test(text);
}

/** Accept a case reference typed by a person or read from a file; case-insensitive, trimmed. */
export function parseCaseId(text: string): CaseId {
  const candidate = text.trim().toUpperCase();
  if (!isCaseId(candidate)) throw new CaseStoreError(`not a case reference: "${text}" (expected e.g. AUS-2026-0001-K7QF)`);
  return candidate;
}

/** A fresh run id. */
export function newRunId(): RunId {
  return randomUUID() as RunId;
}

/** Accept a run id read from outside (CLI argument, IPC payload). */
export function parseRunId(text: string): RunId {
  if (!RUN_ID_PATTERN.test(text)) throw new CaseStoreError(`not a search run id: "${text}"`);
  return text as RunId;
}
