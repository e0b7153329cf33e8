import type { WritableDb } from '../store/db.js';
import { createCase, type NewCase } from '../store/createCase.js';
import type { CaseRecord } from '../store/caseRecord.js';
import { auditAppender } from '../review/auditLog.js';
import type { DecideOptions } from '../review/decideFindings.js';

/** Record a new access request (`auskunft case create`) together with the first entry of its audit log. */
export function openCase(db: WritableDb, input: Readonly<NewCase>, options: DecideOptions = {}): CaseRecord {
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
        },
        now,
      );
      return created;
    })
    .immediate();
}
