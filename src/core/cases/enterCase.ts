import type { IdentifierWarning } from '../../shared/findings.js';
import type { Subject } from '../../shared/subject.js';
import { compileControllerIdentity } from '../identity/controllerIdentity.js';
import { guardIdentifiers } from '../identity/identifierGuard.js';
import { describeIdentifier, identifierKey, normalFormOf, normalizeSubject, type NormalizedSubject } from '../identity/subjectIdentifiers.js';
import { currentActor } from '../review/auditLog.js';
import type { DecideOptions } from '../review/decideFindings.js';
import type { CaseRecord } from '../store/caseRecord.js';
import type { ReadonlyDb, WritableDb } from '../store/db.js';
import type { Controller } from '../workspace/workspace.js';
import { openCasesWithSameIdentifier, verifiedKeys, resolveVerifications, type VerificationInput } from './caseIdentifiers.js';
import { openCase } from './openCase.js';

export interface CaseEntry {
  readonly receivedOn: string;
  readonly subject: Subject;
  readonly workspacePath: string | null;
  /** The case-level record as before (CLI `--identity`, the app's summary); see `verifications` for what counts. */
  readonly identityVerification?: string | null;
  readonly verifications?: readonly VerificationInput[];
}

export interface CheckedEntry {
  readonly normalized: NormalizedSubject;
  /** Guarded, unverified and already-open identifiers, each named. */
  readonly warnings: IdentifierWarning[];
}

/**
 * What case entry tells the officer before a case exists: the identifiers in normal form with
 * duplicates merged, and a named warning for each one that is the controller's, unverified, or in
 * an open case already. Throws InvalidIdentifierError for an identifier that cannot be searched for.
 */
export function checkEntry(db: ReadonlyDb, controller: Controller, subject: Subject, verifications: readonly VerificationInput[] = []): CheckedEntry {
  const normalized = normalizeSubject(subject);
  const { warnings } = guardIdentifiers(normalized.identifiers, compileControllerIdentity(controller));
  const resolved = resolveVerifications(normalized.identifiers, storedOf(normalized.subject), verifications);
  for (const id of normalized.identifiers) {
    if (id.type === 'name' || resolved.some((v) => v.type === id.type && (normalFormOf(v.type, v.value) ?? v.value) === id.value)) continue;
    warnings.push({ kind: 'unverified', type: id.type, value: id.value, message: `${describeIdentifier(id)} is not verified: findings matched only by it are held for review, never included automatically` });
  }
  warnings.push(...openCasesWithSameIdentifier(db, normalized.identifiers));
  return { normalized, warnings };
}

/**
 * Record a new request at case entry (API, `case create`, `run`): the subject normalised and merged,
 * each identifier with its verification, and the warnings of checkEntry. The audit entry carries the
 * verifications (method, who, a fingerprint of the identifier; never the identifier itself).
 */
export function enterCase(db: WritableDb, controller: Controller, entry: CaseEntry, options: DecideOptions = {}): { created: CaseRecord } & CheckedEntry {
  const checked = checkEntry(db, controller, entry.subject, entry.verifications);
  const verifications = resolveVerifications(checked.normalized.identifiers, storedOf(checked.normalized.subject), entry.verifications ?? []);
  const created = openCase(
    db,
    {
      receivedOn: entry.receivedOn,
      subject: checked.normalized.subject,
      workspacePath: entry.workspacePath,
      identityVerification: entry.identityVerification ?? null,
      verifications,
      verifiedBy: options.actor ?? currentActor(),
    },
    { ...options, warnings: checked.warnings.map((w) => ({ kind: w.kind, type: w.type })), merged: checked.normalized.merged.length },
  );
  return { created, ...checked };
}

/** The subject's identifiers as createCase stores them, before normalisation. */
function storedOf(subject: Subject): { type: CaseRecord['identifiers'][number]['type']; value: string }[] {
  return [
    ...(subject.name === undefined ? [] : [{ type: 'name' as const, value: subject.name }]),
    ...subject.emails.map((value) => ({ type: 'email' as const, value })),
    ...subject.phones.map((value) => ({ type: 'phone' as const, value })),
    ...subject.customerIds.map((value) => ({ type: 'customerId' as const, value })),
    ...subject.ips.map((value) => ({ type: 'ip' as const, value })),
    ...subject.otherIds.map((o) => ({ type: 'otherId' as const, value: o.value })),
  ];
}

/**
 * The warnings a case shows after entry: its guarded and unverified identifiers, other open cases
 * with the same identifier, and what its last search found over-broad. Without a workspace (it could
 * not be loaded) the controller's identifiers are not known, and only the rest is shown.
 */
export function warningsOfCase(db: ReadonlyDb, controller: Controller | undefined, c: CaseRecord, lastRun?: readonly IdentifierWarning[]): IdentifierWarning[] {
  const identifiers = normalizeSubject(c.subject).identifiers;
  const warnings = controller ? guardIdentifiers(identifiers, compileControllerIdentity(controller)).warnings : [];
  const verified = verifiedKeys(c);
  for (const id of identifiers) {
    if (id.type === 'name' || verified.has(identifierKey(id.type, id.value))) continue;
    warnings.push({ kind: 'unverified', type: id.type, value: id.value, message: `${describeIdentifier(id)} is not verified: findings matched only by it are held for review, never included automatically` });
  }
  warnings.push(...openCasesWithSameIdentifier(db, identifiers, c.id));
  warnings.push(...(lastRun ?? []).filter((w) => w.kind === 'over-broad'));
  return warnings;
}
