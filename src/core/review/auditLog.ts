import { createHash } from 'node:crypto';
import { userInfo } from 'node:os';
import type { ReadonlyDb, WritableDb } from '../store/db.js';
import type { CaseId } from '../store/ids.js';

/** What happened to a case; one entry per change, in the order it was made. */
export type AuditAction =
  | 'case.created'
  | 'search.recorded'
  | 'finding.decided'
  | 'finding.redacted'
  | 'finding.unredacted'
  | 'deadline.extended'
  | 'case.statusChanged'
  | 'package.exported';

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

/** A case's audit log in order. Detail that is not valid JSON is returned as `{ unparseable: text }` for verify to report. */
export function readAuditLog(db: ReadonlyDb, caseId: CaseId): AuditEntry[] {
  return db
    .prepare<[string], AuditRow>(`SELECT case_id, seq, at, actor, action, detail_json, prev_hash, hash FROM audit_log WHERE case_id = ? ORDER BY seq`)
    .all(caseId)
    .map((row) => ({
      caseId: row.case_id as CaseId,
      seq: row.seq,
      at: row.at,
      actor: row.actor,
      action: row.action as AuditAction,
      detail: parseDetail(row.detail_json),
      detailJson: row.detail_json,
      prevHash: row.prev_hash,
      hash: row.hash,
    }));
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
