import { CaseStatusSchema, SendChannelSchema, type CaseStatus, type Sent } from '../../shared/api.js';
import type { Subject } from '../../shared/subject.js';
import type { VerificationMethod } from '../../shared/verification.js';
import type { CaseId } from './ids.js';

// Defined once in shared/api: the app shows and sets the status too.
export { CaseStatusSchema, type CaseStatus } from '../../shared/api.js';

/** A case as `listCases` shows it: no identifiers beyond the name, so a list loads no more personal data than it shows. */
export interface CaseSummary {
  readonly id: CaseId;
  readonly createdAt: string; // ISO 8601 UTC
  readonly receivedOn: string; // YYYY-MM-DD: the one-month deadline of Art. 12(3) runs from here
  readonly status: CaseStatus;
  readonly subjectName: string | null;
  readonly workspacePath: string | null;
  /** When the case was last answered or closed (ISO 8601 UTC); null while it is worked on. Retention runs from here. */
  readonly closedAt: string | null;
  /** When and how the answer was last sent (migration 010); null until the case is marked sent. */
  readonly sent: Sent | null;
}

/** How one identifier was verified (migration 006): method, the officer's note, when and by whom. */
export interface IdentifierVerification {
  readonly method: VerificationMethod;
  readonly note: string;
  readonly at: string; // ISO 8601 UTC
  readonly by: string;
}

/** One row of `subject_identifiers`: the value as stored (see identity/subjectIdentifiers.ts) and its verification. */
export interface StoredIdentifier {
  readonly type: 'name' | 'email' | 'phone' | 'customerId' | 'ip' | 'otherId';
  readonly value: string;
  readonly label: string | null;
  /** Null while the identifier is unverified. */
  readonly verification: IdentifierVerification | null;
}

/** A whole case, with the subject as recorded. */
export interface CaseRecord extends CaseSummary {
  readonly subject: Subject;
  /** The subject's identifiers in the order entered, each with its verification. */
  readonly identifiers: readonly StoredIdentifier[];
  /** How the requester's identity was checked (Art. 12(6)), in the officer's words. */
  readonly identityVerification: string | null;
}

/** Columns `cases` rows are read with; shared by getCase and listCases. */
export const CASE_COLUMNS = 'id, created_at, received_on, status, subject_name, identity_verification, workspace_path, closed_at, sent_on, sent_channel';

export interface CaseRow {
  id: string;
  created_at: string;
  received_on: string;
  status: string;
  subject_name: string | null;
  identity_verification: string | null;
  workspace_path: string | null;
  closed_at: string | null;
  sent_on: string | null;
  sent_channel: string | null;
}

export function caseSummaryFromRow(row: CaseRow): CaseSummary {
  return {
    id: row.id as CaseId,
    createdAt: row.created_at,
    receivedOn: row.received_on,
    status: CaseStatusSchema.parse(row.status),
    subjectName: row.subject_name,
    workspacePath: row.workspace_path,
    closedAt: row.closed_at,
    sent: row.sent_on !== null && row.sent_channel !== null ? { on: row.sent_on, channel: SendChannelSchema.parse(row.sent_channel) } : null,
  };
}
