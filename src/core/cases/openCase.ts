import type { WritableDb } from '../store/db.js';
import { createCase, type NewCase } from '../store/createCase.js';
import type { CaseRecord } from '../store/caseRecord.js';
import { auditAppender } from '../review/auditLog.js';
import type { DecideOptions } from '../review/decideFindings.js';
import { textFingerprint } from '../review/auditLog.js';
import { caseIdentifiers } from './caseIdentifiers.js';

export interface OpenCaseOptions extends DecideOptions {
  /** Warnings shown at entry, by kind and identifier type, for the log. */
  readonly warnings?: readonly { kind: string; type: string }[];
  /** How many identifiers were merged as duplicates. */
  readonly merged?: number;
}

/** Record a new access request (`auskunft case create`) together with the first entry of its audit log. */
export function openCase(db: WritableDb, input: Readonly<NewCase>, options: OpenCaseOptions = {}): CaseRecord {
  const now = options.now ?? new Date();
  const audit = auditAppender(db, options.actor);
  return db
    .transaction(() => {
      const created = createCase(db, input, now);
      const s = created.subject;
      audit(
        created.id,
        'case.created',
        {
          receivedOn: created.receivedOn,
          workspace: created.workspacePath,
          // Counts, not values: the identifiers are in the case, and the log is quoted in reports.
          identifiers: { names: s.name ? 1 : 0, emails: s.emails.length, phones: s.phones.length, customerIds: s.customerIds.length, ips: s.ips.length, otherIds: s.otherIds.length },
          // Per identifier how it was verified, when and by whom; the identifier only as a SHA-256 of its normal form.
          verifications: caseIdentifiers(created).map((i) => ({
            type: i.type,
            sha256: textFingerprint(i.value),
            ...(i.verification ? { method: i.verification.method, at: i.verification.at, by: i.verification.by } : { method: null }),
          })),
          ...(options.warnings?.length ? { warnings: options.warnings } : {}),
          ...(options.merged ? { merged: options.merged } : {}),
        },
        now,
      );
      return created;
    })
    .immediate();
}
