import type { IdentifierWarning } from '../../shared/findings.js';
import type { VerificationMethod } from '../../shared/verification.js';
import { describeIdentifier, identifierKey, normalFormOf, type SubjectIdentifier } from '../identity/subjectIdentifiers.js';
import type { CaseRecord, IdentifierVerification, StoredIdentifier } from '../store/caseRecord.js';
import type { ReadonlyDb } from '../store/db.js';
import type { NewVerification } from '../store/createCase.js';
import { ReviewError } from '../review/reviewError.js';

/** A case's identifier in its normal form, with its verification. */
export interface CaseIdentifier {
  readonly type: StoredIdentifier['type'];
  readonly value: string;
  readonly label: string | null;
  readonly verification: IdentifierVerification | null;
}

/** The identifiers of a case in normal form (the `value` its matches carry), with their verification. */
export function caseIdentifiers(c: Pick<CaseRecord, 'identifiers'>): CaseIdentifier[] {
  return c.identifiers.map((i) => ({ type: i.type, value: normalFormOf(i.type, i.value) ?? i.value, label: i.label, verification: i.verification }));
}

/** Keys (identifierKey) of the case's verified identifiers: their matches may include a finding automatically. */
export function verifiedKeys(c: Pick<CaseRecord, 'identifiers'>): Set<string> {
  return new Set(caseIdentifiers(c).filter((i) => i.verification !== null).map((i) => identifierKey(i.type, i.value)));
}

/** How an identifier (or, without `identifier`, every identifier) was verified, as the officer gives it. */
export interface VerificationInput {
  readonly identifier?: string;
  readonly method: VerificationMethod;
  readonly note: string;
}

/**
 * Turn the officer's verification statements into one per stored identifier. An identifier is named
 * in any spelling ("J.Weiss@…", "0711 1234…"); one the subject does not have is an error naming it,
 * not a silently dropped record. A later statement about the same identifier wins.
 */
export function resolveVerifications(identifiers: readonly SubjectIdentifier[], stored: readonly { type: StoredIdentifier['type']; value: string }[], inputs: readonly VerificationInput[]): NewVerification[] {
  const out = new Map<string, NewVerification>();
  const storedOf = (id: SubjectIdentifier) => stored.find((s) => s.type === id.type && (normalFormOf(s.type, s.value) ?? s.value) === id.value);
  for (const input of inputs) {
    const targets =
      input.identifier === undefined ? identifiers : identifiers.filter((id) => normalFormOf(id.type, input.identifier!) === id.value || id.written.includes(input.identifier!));
    if (!targets.length) throw new ReviewError(`cannot record a verification for "${input.identifier}": the subject has no such identifier`);
    for (const id of targets) {
      const s = storedOf(id);
      if (s) out.set(identifierKey(id.type, id.value), { type: s.type, value: s.value, method: input.method, note: input.note });
    }
  }
  return [...out.values()];
}

/**
 * Open cases (status open or review) that share an exact identifier with this subject: the same
 * person asked twice, or a second case was entered by mistake. The name alone is not the same person.
 */
export function openCasesWithSameIdentifier(db: ReadonlyDb, identifiers: readonly SubjectIdentifier[], except?: string): IdentifierWarning[] {
  const keys = new Map(identifiers.filter((i) => i.type !== 'name').map((i) => [identifierKey(i.type, i.value), i]));
  if (!keys.size) return [];
  const rows = db
    .prepare<[], { case_id: string; type: StoredIdentifier['type']; value: string }>(
      `SELECT i.case_id, i.type, i.value FROM subject_identifiers i JOIN cases c ON c.id = i.case_id
        WHERE c.status IN ('open', 'review') AND i.type <> 'name' ORDER BY c.id, i.id`,
    )
    .all();
  const warnings: IdentifierWarning[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    if (row.case_id === except) continue;
    const key = identifierKey(row.type, normalFormOf(row.type, row.value) ?? row.value);
    const id = keys.get(key);
    if (!id || seen.has(`${row.case_id} ${key}`)) continue;
    seen.add(`${row.case_id} ${key}`);
    warnings.push({ kind: 'open-case', type: id.type, value: id.value, caseId: row.case_id, message: `open case ${row.case_id} already has ${describeIdentifier(id)}: the same person may have asked before` });
  }
  return warnings;
}

/**
 * One warning per unverified identifier that held strong findings back (`auskunft run`), naming it
 * and how many findings only it matched.
 */
export function unverifiedWarnings(identifiers: readonly CaseIdentifier[], unverifiedOnly: readonly { matches: readonly { type: string; value: string; guard?: string }[] }[]): IdentifierWarning[] {
  const warnings: IdentifierWarning[] = [];
  for (const id of identifiers) {
    if (id.type === 'name' || id.verification !== null) continue;
    const key = identifierKey(id.type, id.value);
    const held = unverifiedOnly.filter((f) => f.matches.some((m) => m.guard === undefined && identifierKey(m.type as StoredIdentifier['type'], m.value) === key)).length;
    if (held === 0) continue;
    warnings.push({
      kind: 'unverified',
      type: id.type,
      value: id.value,
      findings: held,
      message: `${describeIdentifier(id)} is not verified: ${held} strong finding(s) matched only by unverified identifiers are held for review (record how it was verified with \`case verify\`, then decide)`,
    });
  }
  return warnings;
}
