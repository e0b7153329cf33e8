import { z } from 'zod';
import type { Subject } from '../../shared/subject.js';
import type { VerificationMethod } from '../../shared/verification.js';
import type { CaseRecord, StoredIdentifier } from './caseRecord.js';
import type { WritableDb } from './db.js';
import { CaseStoreError } from './errors.js';
import { caseSequence, formatCaseId, type CaseId } from './ids.js';

export interface NewCase {
  /** The day the request arrived (YYYY-MM-DD); the deadline runs from it, not from data entry. */
  readonly receivedOn: string;
  readonly subject: Subject;
  readonly identityVerification?: string | null;
  readonly workspacePath?: string | null;
  /** How identifiers were verified, each named by its type and value as stored in `subject`. */
  readonly verifications?: readonly NewVerification[];
  /** Who verified them (the officer at the keyboard); recorded with each verification. */
  readonly verifiedBy?: string;
}

export interface NewVerification {
  readonly type: StoredIdentifier['type'];
  readonly value: string;
  readonly method: VerificationMethod;
  readonly note: string;
}

const receivedOnSchema = z.iso.date();

/** Record a new access request and its subject's identifiers; the case starts `open`. */
export function createCase(db: WritableDb, input: Readonly<NewCase>, now: Date = new Date()): CaseRecord {
  if (!receivedOnSchema.safeParse(input.receivedOn).success) {
    throw new CaseStoreError(`receivedOn must be a date like 2026-01-31, got "${input.receivedOn}"`);
  }
  const year = Number(input.receivedOn.slice(0, 4));
  const createdAt = now.toISOString();
  const subject = input.subject;

  const idsOfYear = db.prepare<[string], string>(`SELECT id FROM cases WHERE id LIKE ?`).pluck();
  const insertCase = db.prepare(
    `INSERT INTO cases (id, created_at, received_on, status, subject_name, identity_verification, workspace_path)
     VALUES (?, ?, ?, 'open', ?, ?, ?)`,
  );
  const insertIdentifier = db.prepare(
    `INSERT INTO subject_identifiers (case_id, type, value, label, verification_method, verification_note, verified_at, verified_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const verificationOf = new Map((input.verifications ?? []).map((v) => [`${v.type}:${v.value}`, v]));
  const unknown = [...verificationOf.keys()].filter((key) => !identifierRows(subject).some(([type, value]) => `${type}:${value}` === key));
  if (unknown.length) throw new CaseStoreError(`verification for an identifier the subject does not have: ${unknown.join(', ')}`);
  const by = input.verifiedBy ?? 'unknown';
  const identifiers: StoredIdentifier[] = identifierRows(subject).map(([type, value, label]) => {
    const v = verificationOf.get(`${type}:${value}`);
    return { type: type as StoredIdentifier['type'], value, label, verification: v ? { method: v.method, note: v.note, at: createdAt, by } : null };
  });

  // IMMEDIATE: the next case number is read and used under one write lock, so two processes
  // cannot hand out the same number.
  const id = db
    .transaction((): CaseId => {
      const highest = idsOfYear.all(`AUS-${year}-%`).reduce((max, existing) => Math.max(max, caseSequence(existing) ?? 0), 0);
      const caseId = formatCaseId(year, highest + 1);
      insertCase.run(caseId, createdAt, input.receivedOn, subject.name ?? null, input.identityVerification ?? null, input.workspacePath ?? null);
      for (const { type, value, label, verification: v } of identifiers) {
        insertIdentifier.run(caseId, type, value, label, v?.method ?? null, v?.note ?? null, v?.at ?? null, v?.by ?? null);
      }
      return caseId;
    })
    .immediate();

  return {
    id,
    createdAt,
    receivedOn: input.receivedOn,
    status: 'open',
    subjectName: subject.name ?? null,
    workspacePath: input.workspacePath ?? null,
    closedAt: null,
    sent: null,
    subject,
    identifiers,
    identityVerification: input.identityVerification ?? null,
  };
}

type IdentifierRow = readonly [type: string, value: string, label: string | null];

// The name is stored as an identifier too: `cases.subject_name` is only the label a case list shows,
// while `subject_identifiers` is the complete record of what was searched for.
function identifierRows(subject: Subject): IdentifierRow[] {
  return [
    ...(subject.name === undefined ? [] : [['name', subject.name, null] as const]),
    ...subject.emails.map((v) => ['email', v, null] as const),
    ...subject.phones.map((v) => ['phone', v, null] as const),
    ...subject.customerIds.map((v) => ['customerId', v, null] as const),
    ...subject.ips.map((v) => ['ip', v, null] as const),
    ...subject.otherIds.map((o) => ['otherId', o.value, o.label] as const),
  ];
}
