import type { ReadonlyDb } from '../store/db.js';
import type { CaseId } from '../store/ids.js';
import { auditEntryHash, GENESIS_HASH, iterateAuditLog, textFingerprint, type AuditEntry } from './auditLog.js';
import { loadReview } from './loadReview.js';

/** One problem found in a case's audit log, naming the entry (or the table row) it concerns. */
export interface AuditProblem {
  readonly caseId: CaseId;
  /** The entry's number in the case's log; undefined for a row that no entry explains. */
  readonly seq?: number;
  readonly message: string;
}

export interface AuditVerification {
  readonly caseId: CaseId;
  readonly entries: number;
  /** The hash of the last entry: quoting it elsewhere (the internal report) anchors the chain. */
  readonly head: string;
  readonly problems: readonly AuditProblem[];
}

/**
 * Check a case's audit log (`auskunft audit verify`):
 * 1. the chain: numbers run 1..n, each entry's `prevHash` is the hash of the one before, and each
 *    stored hash is the hash of the entry as it stands now;
 * 2. the state: replaying the log gives exactly the decisions, redactions and extension in the
 *    tables, so a decision changed behind the log's back is caught too.
 * Tamper-evident, not tamper-proof: someone who can write the file can rebuild the whole chain, which
 * is why the export quotes the head hash in the internal report.
 */
export function verifyAuditLog(db: ReadonlyDb, caseId: CaseId): AuditVerification {
  const problems: AuditProblem[] = [];
  const at = (e: AuditEntry) => `entry ${e.seq} (${e.action}, ${e.at})`;
  const replay = new Replay();

  // One pass, one entry at a time: the chain is checked and the state replayed as the log is read.
  let count = 0;
  let prev = GENESIS_HASH;
  for (const e of iterateAuditLog(db, caseId)) {
    count += 1;
    if (e.seq !== count) problems.push({ caseId, seq: e.seq, message: `${at(e)}: expected entry number ${count}; an entry before it is missing` });
    if (e.prevHash !== prev) problems.push({ caseId, seq: e.seq, message: `${at(e)}: does not link to the entry before it; an entry was removed, inserted or altered` });
    if (auditEntryHash(e) !== e.hash) problems.push({ caseId, seq: e.seq, message: `${at(e)}: its content does not match its hash; the entry was altered` });
    if ('unparseable' in e.detail) problems.push({ caseId, seq: e.seq, message: `${at(e)}: its detail is not valid JSON` });
    replay.apply(e);
    prev = e.hash;
  }

  problems.push(...replayProblems(db, caseId, replay));
  return { caseId, entries: count, head: prev, problems };
}

/** What the log says the decisions, redactions, extension and status are, entry by entry. */
class Replay {
  readonly decided = new Map<string, { state: unknown; reason: unknown; seq: number }>();
  readonly redacted = new Map<number, { finding: unknown; reason: unknown; textSha256: unknown; seq: number }>();
  extension: { reason: unknown; seq: number } | undefined;
  status: { to: unknown; seq: number } | undefined;

  apply(e: AuditEntry): void {
    const d = e.detail;
    if (e.action === 'finding.decided') this.decided.set(String(d['finding']), { state: d['state'], reason: d['reason'] ?? null, seq: e.seq });
    if (e.action === 'finding.redacted') this.redacted.set(Number(d['redaction']), { finding: d['finding'] ?? null, reason: d['reason'], textSha256: d['textSha256'], seq: e.seq });
    if (e.action === 'finding.unredacted') this.redacted.delete(Number(d['redaction']));
    if (e.action === 'deadline.extended') this.extension = { reason: d['reason'], seq: e.seq };
    if (e.action === 'case.statusChanged') this.status = { to: d['to'], seq: e.seq };
  }
}

function replayProblems(db: ReadonlyDb, caseId: CaseId, replay: Replay): AuditProblem[] {
  const problems: AuditProblem[] = [];
  const { decided, redacted, extension, status } = replay;

  const review = loadReview(db, caseId);
  for (const [findingId, decision] of review.decisions) {
    const logged = decided.get(findingId);
    if (!logged) {
      problems.push({ caseId, message: `the decision on finding ${findingId} (${decision.state}) has no entry in the audit log` });
    } else if (logged.state !== decision.state || logged.reason !== decision.reason) {
      problems.push({ caseId, seq: logged.seq, message: `entry ${logged.seq}: the decision on finding ${findingId} was changed outside the audit log (log: ${String(logged.state)}, table: ${decision.state})` });
    }
    decided.delete(findingId);
  }
  for (const [findingId, logged] of decided) {
    if (logged.state !== 'pending') problems.push({ caseId, seq: logged.seq, message: `entry ${logged.seq}: the decision on finding ${findingId} is missing from the table` });
  }

  for (const r of review.redactions) {
    const logged = redacted.get(r.id);
    if (!logged) {
      problems.push({ caseId, message: `redaction ${r.id} has no entry in the audit log` });
    } else if (logged.finding !== r.findingId || logged.reason !== r.reason || logged.textSha256 !== textFingerprint(r.text)) {
      problems.push({ caseId, seq: logged.seq, message: `entry ${logged.seq}: redaction ${r.id} was changed outside the audit log` });
    }
    redacted.delete(r.id);
  }
  for (const [id, logged] of redacted) problems.push({ caseId, seq: logged.seq, message: `entry ${logged.seq}: redaction ${id} is missing from the table` });

  const row = db.prepare<[string], { reason: string }>(`SELECT reason FROM case_extensions WHERE case_id = ?`).get(caseId);
  if (row && !extension) problems.push({ caseId, message: 'the deadline extension has no entry in the audit log' });
  if (!row && extension) problems.push({ caseId, seq: extension.seq, message: `entry ${extension.seq}: the deadline extension is missing from the table` });
  if (row && extension && row.reason !== extension.reason) problems.push({ caseId, seq: extension.seq, message: `entry ${extension.seq}: the reason for the deadline extension was changed outside the audit log` });

  // Stores from before migration 003 changed the status without a log entry, so only a case whose
  // log records status changes can be held to them: its last one must be the status it has.
  const current = db.prepare<[string], string>(`SELECT status FROM cases WHERE id = ?`).pluck().get(caseId);
  if (status && current !== undefined && status.to !== current) {
    problems.push({ caseId, seq: status.seq, message: `entry ${status.seq}: the case status was changed outside the audit log (log: ${String(status.to)}, table: ${current})` });
  }
  return problems;
}
