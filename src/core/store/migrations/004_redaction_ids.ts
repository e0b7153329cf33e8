import type { WritableDb } from '../db.js';

/**
 * Schema v4: redaction numbers are never used twice. A redaction can be removed (review/removeRedaction),
 * and with a plain INTEGER PRIMARY KEY SQLite hands the number of a removed newest row to the next
 * one, so the audit log, which names redactions by number, would tell two of them apart only by
 * their time. AUTOINCREMENT never reuses a number. The table is rebuilt (SQLite cannot add
 * AUTOINCREMENT in place), and the sequence starts after the highest number the table or the audit
 * log has ever named, so a redaction removed before this step keeps its number to itself.
 */
export const version = 4;

export function up(db: WritableDb): void {
  db.exec(`
    CREATE TABLE redactions_v4 (
      id         INTEGER PRIMARY KEY AUTOINCREMENT,
      case_id    TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
      finding_id TEXT,
      text       TEXT NOT NULL CHECK (length(text) > 0),
      reason     TEXT NOT NULL CHECK (length(trim(reason)) > 0),
      created_at TEXT NOT NULL
    ) STRICT;
    INSERT INTO redactions_v4 (id, case_id, finding_id, text, reason, created_at)
      SELECT id, case_id, finding_id, text, reason, created_at FROM redactions;
    DROP TABLE redactions;
    ALTER TABLE redactions_v4 RENAME TO redactions;
    CREATE INDEX redactions_by_case ON redactions (case_id, finding_id);

    DELETE FROM sqlite_sequence WHERE name IN ('redactions', 'redactions_v4');
    INSERT INTO sqlite_sequence (name, seq) VALUES ('redactions', max(
      coalesce((SELECT max(id) FROM redactions), 0),
      coalesce((SELECT max(CAST(json_extract(detail_json, '$.redaction') AS INTEGER)) FROM audit_log
                 WHERE action IN ('finding.redacted', 'finding.unredacted')), 0)
    ));
  `);
}
