import { appendFileSync } from 'node:fs';
import { readAuditLog } from '../../review/auditLog.js';
import { loadReview } from '../../review/loadReview.js';
import { deleteCase, listCases, type CaseId } from '../../store/index.js';
import type { AppContext } from '../context.js';
import { forgetFindingSummaries } from '../review/findingSummaries.js';
import { addMonths } from '../../cases/deadline.js';

/**
 * One line per purged case in `accountability.jsonl`: what the controller must still be able to show
 * (Art. 5(2)) after the case's personal data is gone. Reference, dates, counts and package hashes;
 * no identifier, no finding, no redacted text.
 */
export interface AccountabilityRecord {
  readonly caseId: string;
  readonly receivedOn: string;
  readonly status: string;
  readonly lastActivity: string;
  readonly purgedOn: string;
  readonly decisions: { readonly included: number; readonly excluded: number };
  readonly redactions: number;
  readonly packages: readonly { readonly at: string; readonly manifestSha256: unknown }[];
}

/**
 * Erase answered and closed cases whose last recorded activity (the export of the answer, a decision)
 * lies more than `months` back: storage limitation, Art. 5(1)(e). The audit log is the only record of
 * when a case was last worked on, so a case without one is kept.
 */
export function purgeExpiredCases(ctx: AppContext, months: number, accountabilityFile: string): AccountabilityRecord[] {
  const today = ctx.today();
  const purged: AccountabilityRecord[] = [];
  for (const c of listCases(ctx.db)) {
    if (c.status !== 'answered' && c.status !== 'closed') continue;
    const log = readAuditLog(ctx.db, c.id as CaseId);
    const last = log.at(-1)?.at;
    if (!last || addMonths(last.slice(0, 10), months) > today) continue;
    const review = loadReview(ctx.db, c.id as CaseId);
    const states = [...review.decisions.values()].map((d) => d.state);
    const record: AccountabilityRecord = {
      caseId: c.id,
      receivedOn: c.receivedOn,
      status: c.status,
      lastActivity: last,
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
