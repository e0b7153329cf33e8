import { appendFileSync } from 'node:fs';
import { readAuditLog } from '../../review/auditLog.js';
import { loadReview } from '../../review/loadReview.js';
import { deleteCase, listCases, type CaseId } from '../../store/index.js';
import type { AppContext } from '../context.js';
import { forgetFindingSummaries } from '../review/findingSummaries.js';
import { FINISHED_STATUSES } from '../../cases/changeCaseStatus.js';
import { addMonths } from '../../cases/deadline.js';
import { localDate } from '../../cases/deadlineStatus.js';

/**
 * One line per purged case in `accountability.jsonl`: what the controller must still be able to show
 * (Art. 5(2)) after the case's personal data is gone. Reference, dates, counts and package hashes;
 * no identifier, no finding, no redacted text.
 */
export interface AccountabilityRecord {
  readonly caseId: string;
  readonly receivedOn: string;
  readonly status: string;
  /** When the case was answered or closed: the retention period ran from here. */
  readonly closedAt: string;
  readonly lastActivity: string | null;
  readonly purgedOn: string;
  readonly decisions: { readonly included: number; readonly excluded: number };
  readonly redactions: number;
  readonly packages: readonly { readonly at: string; readonly manifestSha256: unknown }[];
}

/**
 * Erase answered and closed cases that were finished more than `months` ago: storage limitation,
 * Art. 5(1)(e). The clock runs from the moment the case was answered or closed (`closedAt`, set by
 * core/cases/changeCaseStatus.ts), not from its last audit entry: looking at a finished case, or
 * verifying its log, must not keep the person's data longer. A reopened case has no `closedAt` and
 * is kept.
 */
export function purgeExpiredCases(ctx: AppContext, months: number, accountabilityFile: string): AccountabilityRecord[] {
  const today = ctx.today();
  const purged: AccountabilityRecord[] = [];
  for (const c of listCases(ctx.db)) {
    if (!FINISHED_STATUSES.includes(c.status) || c.closedAt === null) continue;
    if (addMonths(localDate(new Date(c.closedAt)), months) > today) continue;
    const log = readAuditLog(ctx.db, c.id as CaseId);
    const review = loadReview(ctx.db, c.id as CaseId);
    const states = [...review.decisions.values()].map((d) => d.state);
    const record: AccountabilityRecord = {
      caseId: c.id,
      receivedOn: c.receivedOn,
      status: c.status,
      closedAt: c.closedAt,
      lastActivity: log.at(-1)?.at ?? null,
      purgedOn: today,
      decisions: { included: states.filter((s) => s === 'included').length, excluded: states.filter((s) => s === 'excluded').length },
      redactions: review.redactions.length,
      packages: log.filter((e) => e.action === 'package.exported').map((e) => ({ at: e.at, manifestSha256: e.detail['manifestSha256'] })),
    };
    // Written before the erasure: a crash in between leaves a record of a case that still exists,
    // never an erased case without its record.
    appendFileSync(accountabilityFile, `${JSON.stringify(record)}\n`, { mode: 0o600 });
    deleteCase(ctx.db, c.id as CaseId);
    purged.push(record);
  }
  if (purged.length) {
    forgetFindingSummaries();
    ctx.ports.emit({ type: 'cases' });
  }
  return purged;
}
