import type { Subject } from '../../shared/subject.js';
import { VerificationMethodSchema } from '../../shared/verification.js';
import { CASE_COLUMNS, caseSummaryFromRow, type CaseRecord, type CaseRow, type StoredIdentifier } from './caseRecord.js';
import type { ReadonlyDb } from './db.js';
import type { CaseId } from './ids.js';

interface IdentifierRow {
  type: string;
  value: string;
  label: string | null;
  verification_method: string | null;
  verification_note: string | null;
  verified_at: string | null;
  verified_by: string | null;
}

/** One case with its subject, or undefined when the store has no such case. */
export function getCase(db: ReadonlyDb, id: CaseId): CaseRecord | undefined {
  const row = db.prepare<[string], CaseRow>(`SELECT ${CASE_COLUMNS} FROM cases WHERE id = ?`).get(id);
  if (row === undefined) return undefined;
  const identifiers = db
    .prepare<[string], IdentifierRow>(
      `SELECT type, value, label, verification_method, verification_note, verified_at, verified_by FROM subject_identifiers WHERE case_id = ? ORDER BY id`,
    )
    .all(id);
  const subject = subjectFromRows(identifiers);
  return { ...caseSummaryFromRow(row), subject, identifiers: identifiers.map(storedIdentifier), identityVerification: row.identity_verification };
}

function storedIdentifier(row: IdentifierRow): StoredIdentifier {
  // A method this version does not know (a newer one wrote it) reads as "other", keeping its note:
  // the identifier stays verified, as the officer recorded.
  const method = VerificationMethodSchema.safeParse(row.verification_method);
  const verification =
    row.verification_method === null || row.verified_at === null
      ? null
      : { method: method.success ? method.data : 'other', note: row.verification_note ?? '', at: row.verified_at, by: row.verified_by ?? 'unknown' } as const;
  return { type: row.type as StoredIdentifier['type'], value: row.value, label: row.label, verification };
}

function subjectFromRows(rows: readonly IdentifierRow[]): Subject {
  const subject: Subject = { emails: [], phones: [], customerIds: [], ips: [], otherIds: [] };
  for (const { type, value, label } of rows) {
    switch (type) {
      case 'name':
        subject.name = value;
        break;
      case 'email':
        subject.emails.push(value);
        break;
      case 'phone':
        subject.phones.push(value);
        break;
      case 'customerId':
        subject.customerIds.push(value);
        break;
      case 'ip':
        subject.ips.push(value);
        break;
      case 'otherId':
        subject.otherIds.push({ label: label ?? '', value });
        break;
      default:
        // The table's CHECK admits only the types above; anything else means a newer schema slipped past the version check.
        throw new Error(`unknown subject identifier type in the case store: ${type}`);
    }
  }
  return subject;
}
