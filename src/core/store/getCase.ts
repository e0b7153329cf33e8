import type { Subject } from '../../shared/subject.js';
import { CASE_COLUMNS, caseSummaryFromRow, type CaseRecord, type CaseRow } from './caseRecord.js';
import type { ReadonlyDb } from './db.js';
import type { CaseId } from './ids.js';

interface IdentifierRow {
  type: string;
  value: string;
  label: string | null;
}

/** One case with its subject, or undefined when the store has no such case. */
export function getCase(db: ReadonlyDb, id: CaseId): CaseRecord | undefined {
  const row = db.prepare<[string], CaseRow>(`SELECT ${CASE_COLUMNS} FROM cases WHERE id = ?`).get(id);
  if (row === undefined) return undefined;
  const identifiers = db
    .prepare<[string], IdentifierRow>(`SELECT type, value, label FROM subject_identifiers WHERE case_id = ? ORDER BY id`)
    .all(id);
  return { ...caseSummaryFromRow(row), subject: subjectFromRows(identifiers), identityVerification: row.identity_verification };
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
