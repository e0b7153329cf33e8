import { createHash } from 'node:crypto';
import { userInfo } from 'node:os';
import type { ReadonlyDb, WritableDb } from '../store/db.js';
import type { CaseId } from '../store/ids.js';

/** What happened to a case; one entry per change, in the order it was made. */
export type AuditAction =
  | 'case.created'
  | 'identifier.verified'
  | 'search.recorded'
  | 'finding.decided'
  | 'finding.redacted'
  | 'finding.unredacted'
  | 'deadline.extended'
  | 'case.statusChanged'
  | 'package.exported'
  | 'finding.activitiesSet'
  | 'activity.noDataConfirmed';

/** One entry of a case's audit log, as stored. `detail` never holds a redacted text, only its hash. */
export interface AuditEntry {
  readonly caseId: CaseId;
  readonly seq: number;
  readonly at: string; // ISO 8601 UTC
  readonly actor: string;
  readonly action: AuditAction;
  readonly detail: Readonly<Record<string, unknown>>;
  /** The stored JSON of `detail`, exactly as hashed. */
  readonly detailJson: string;
  readonly prevHash: string;
  readonly hash: string;
}

/** The `prevHash` of a case's first entry. */
export const GENESIS_HASH = '0'.repeat(64);

interface AuditRow {
  case_id: string;
  seq: number;
  at: string;
  actor: string;
  action: string;
  detail_json: string;
  prev_hash: string;
  hash: string;
}

/**
 * The hash that chains an entry to the one before it. It covers every stored column, so changing any
 * of them, or removing or reordering an entry, breaks the chain from that entry on.
 */
export function auditEntryHash(e: Pick<AuditEntry, 'caseId' | 'seq' | 'at' | 'actor' | 'action' | 'detailJson' | 'prevHash'>): string {
  return createHash('sha256').update(JSON.stringify([e.caseId, e.seq, e.at, e.actor, e.action, e.detailJson, e.prevHash])).digest('hex');
}

/** The person at the keyboard, for the log: the OS account, which is what the officer logged in with. */
export function currentActor(): string {
  try {
    return userInfo().username || 'unknown';
  } catch {
    // userInfo() throws when the uid has no passwd entry (some containers).
    return `uid:${process.getuid?.() ?? 'unknown'}`;
  }
}

/**
 * An appender bound to one connection: statements are prepared once, so a bulk decision over 50k
 * findings costs one insert each. Call it inside the transaction that makes the change, so that the
 * change and its log entry commit together or not at all.
 */
export function auditAppender(db: WritableDb, actor: string = currentActor()) {
  const last = db.prepare<[string], { seq: number; hash: string }>(`SELECT seq, hash FROM audit_log WHERE case_id = ? ORDER BY seq DESC LIMIT 1`);
  const insert = db.prepare(
    `INSERT INTO audit_log (case_id, seq, at, actor, action, detail_json, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return (caseId: CaseId, action: AuditAction, detail: Readonly<Record<string, unknown>>, now: Date = new Date()): AuditEntry => {
    if (!db.inTransaction) throw new Error('audit entries must be written inside the transaction that makes the change');
    const prev = last.get(caseId);
    const entry = {
      caseId,
      seq: (prev?.seq ?? 0) + 1,
      at: now.toISOString(),
      actor,
      action,
      detail,
      detailJson: JSON.stringify(detail),
      prevHash: prev?.hash ?? GENESIS_HASH,
    };
    const hash = auditEntryHash(entry);
    insert.run(caseId, entry.seq, entry.at, entry.actor, entry.action, entry.detailJson, entry.prevHash, hash);
    return { ...entry, hash };
  };
}

const AUDIT_COLUMNS = 'case_id, seq, at, actor, action, detail_json, prev_hash, hash';

/** A case's audit log in order. Detail that is not valid JSON is returned as `{ unparseable: text }` for verify to report. */
export function readAuditLog(db: ReadonlyDb, caseId: CaseId): AuditEntry[] {
  return [...iterateAuditLog(db, caseId)];
}

/**
 * The same, one entry at a time: a bulk decision over 50,000 findings writes 50,000 entries, and
 * checking them need not hold them all. No other statement may run on `db` until it is done.
 */
export function* iterateAuditLog(db: ReadonlyDb, caseId: CaseId): Generator<AuditEntry> {
  for (const row of db.prepare<[string], AuditRow>(`SELECT ${AUDIT_COLUMNS} FROM audit_log WHERE case_id = ? ORDER BY seq`).iterate(caseId)) yield entryOf(row);
}

/** The first `head` and last `tail` entries of a case's log, and how many it has: what a report quotes. */
export function auditLogExcerpt(db: ReadonlyDb, caseId: CaseId, head: number, tail: number): { readonly total: number; readonly head: AuditEntry[]; readonly tail: AuditEntry[] } {
  const total = db.prepare<[string], number>(`SELECT count(*) FROM audit_log WHERE case_id = ?`).pluck().get(caseId) ?? 0;
  const first = db.prepare<[string, number], AuditRow>(`SELECT ${AUDIT_COLUMNS} FROM audit_log WHERE case_id = ? ORDER BY seq LIMIT ?`).all(caseId, head);
  const lastCount = Math.max(0, Math.min(tail, total - first.length));
  const last = db.prepare<[string, number], AuditRow>(`SELECT ${AUDIT_COLUMNS} FROM audit_log WHERE case_id = ? ORDER BY seq DESC LIMIT ?`).all(caseId, lastCount).reverse();
  return { total, head: first.map(entryOf), tail: last.map(entryOf) };
}

function entryOf(row: AuditRow): AuditEntry {
  return {
    caseId: row.case_id as CaseId,
    seq: row.seq,
    at: row.at,
    actor: row.actor,
    action: row.action as AuditAction,
    detail: parseDetail(row.detail_json),
    detailJson: row.detail_json,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/** The SHA-256 of a redacted text, as the log records it in place of the text. */
export function textFingerprint(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function parseDetail(json: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : { unparseable: json };
  } catch {
    return { unparseable: json };
  }
}
