import type { WritableDb } from '../db.js';

/**
 * Schema v2: review decisions, redactions, the deadline extension and the tamper-evident audit log.
 *
 * Choices that later migrations must keep in mind:
 * - Decisions are keyed by `finding_id`, not by a findings row: a finding's id is derived from its
 *   source and locator (search/findingId.ts), so a decision survives a re-search of the case.
 * - A finding without a decision row is `pending`; only explicit decisions are stored.
 * - `redactions.finding_id` NULL means case-wide: the text is removed from every record of the case
 *   (one third party named in fifty mails).
 * - `audit_log` holds one hash chain per case, so erasing a case (ON DELETE CASCADE, Art. 17) removes
 *   its whole chain and leaves every other case's chain intact. The triggers make the log
 *   append-only for everything except that erasure; they stop mistakes, the hash chain exposes the
 *   rest (`auskunft audit verify`).
 * - The log stores a SHA-256 of each redacted text, never the text: the internal report quotes the
 *   log, and the point of a redaction is that the text goes nowhere.
 */
export const version = 2;

export function up(db: WritableDb): void {
  db.exec(`
    CREATE TABLE review_decisions (
      case_id    TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
      finding_id TEXT NOT NULL,
      state      TEXT NOT NULL CHECK (state IN ('pending', 'included', 'excluded')),
      reason     TEXT,
      decided_at TEXT NOT NULL,
      PRIMARY KEY (case_id, finding_id),
      CHECK (state <> 'excluded' OR coalesce(length(trim(reason)), 0) > 0)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE redactions (
      id         INTEGER PRIMARY KEY,
      case_id    TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
      finding_id TEXT,
      text       TEXT NOT NULL CHECK (length(text) > 0),
      reason     TEXT NOT NULL CHECK (length(trim(reason)) > 0),
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX redactions_by_case ON redactions (case_id, finding_id);

    CREATE TABLE case_extensions (
      case_id     TEXT PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
      reason      TEXT NOT NULL CHECK (length(trim(reason)) > 0),
      recorded_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE audit_log (
      case_id     TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
      seq         INTEGER NOT NULL CHECK (seq >= 1),
      at          TEXT NOT NULL,
      actor       TEXT NOT NULL,
      action      TEXT NOT NULL,
      detail_json TEXT NOT NULL,
      prev_hash   TEXT NOT NULL,
      hash        TEXT NOT NULL,
      PRIMARY KEY (case_id, seq)
    ) STRICT, WITHOUT ROWID;

    CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
    BEGIN
      SELECT RAISE(ABORT, 'the audit log is append-only');
    END;

    -- A cascade from erasing the case deletes the parent row first, so the case is gone by then.
    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
    WHEN EXISTS (SELECT 1 FROM cases WHERE id = OLD.case_id)
    BEGIN
      SELECT RAISE(ABORT, 'the audit log is append-only');
    END;
  `);
}
