import type { WritableDb } from '../db.js';

/**
 * Schema v1: cases, what was searched for, and what each search run found.
 *
 * Never edit a released migration: stores in the field already ran it. Change the schema in a new
 * numbered file instead (docs/STYLE.md §10).
 *
 * Choices that later migrations must keep in mind:
 * - STRICT tables, so a wrong type is an error at insert instead of a surprise at export.
 * - Every row of personal data hangs off `cases` through ON DELETE CASCADE: deleting a case is the
 *   erasure at the end of the retention period, and must leave nothing behind (Art. 5(1)(e), 17).
 * - `cases.status` has no CHECK: the workflow will grow states, and SQLite can only change a CHECK
 *   by rebuilding the table. The code validates it instead (caseRecord.ts).
 * - Closed vocabularies from the findings contract (strength, source status, identifier type) do
 *   have CHECKs: the contract only changes additively, and a stray value is a bug to catch early.
 * - `findings` carries `case_id` next to `run_id` so review can look a finding up by case across
 *   runs; the composite foreign key keeps the two from ever disagreeing.
 * - `source_state` is keyed by source, not by case: it holds IMAP cursors (UIDVALIDITY, UIDNEXT)
 *   and never personal data, so it outlives cases.
 */
export const version = 1;

export function up(db: WritableDb): void {
  db.exec(`
    CREATE TABLE cases (
      id                    TEXT PRIMARY KEY,
      created_at            TEXT NOT NULL,
      received_on           TEXT NOT NULL CHECK (date(received_on) IS received_on),
      status                TEXT NOT NULL,
      subject_name          TEXT,
      identity_verification TEXT,
      workspace_path        TEXT
    ) STRICT;

    CREATE TABLE subject_identifiers (
      id      INTEGER PRIMARY KEY,
      case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
      type    TEXT NOT NULL CHECK (type IN ('email', 'phone', 'customerId', 'ip', 'otherId', 'name')),
      value   TEXT NOT NULL,
      label   TEXT
    ) STRICT;
    CREATE INDEX subject_identifiers_by_case ON subject_identifiers (case_id);

    CREATE TABLE search_runs (
      id             TEXT PRIMARY KEY,
      case_id        TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
      started_at     TEXT NOT NULL,
      finished_at    TEXT,
      status         TEXT NOT NULL CHECK (status IN ('running', 'ok', 'partial', 'failed')),
      workspace_path TEXT NOT NULL,
      subject_json   TEXT NOT NULL,
      UNIQUE (id, case_id),
      CHECK ((status = 'running') = (finished_at IS NULL))
    ) STRICT;
    CREATE INDEX search_runs_by_case ON search_runs (case_id, started_at);

    CREATE TABLE source_runs (
      run_id        TEXT NOT NULL REFERENCES search_runs (id) ON DELETE CASCADE,
      source_id     TEXT NOT NULL,
      type          TEXT NOT NULL,
      status        TEXT NOT NULL CHECK (status IN ('ok', 'partial', 'failed')),
      scanned       INTEGER NOT NULL CHECK (scanned >= 0),
      error         TEXT,
      warnings_json TEXT NOT NULL,
      PRIMARY KEY (run_id, source_id)
    ) STRICT;

    CREATE TABLE findings (
      id              INTEGER PRIMARY KEY,
      run_id          TEXT NOT NULL,
      case_id         TEXT NOT NULL,
      finding_id      TEXT NOT NULL,
      source_id       TEXT NOT NULL,
      locator_json    TEXT NOT NULL,
      strength        TEXT NOT NULL CHECK (strength IN ('strong', 'weak')),
      matches_json    TEXT NOT NULL,
      activities_json TEXT NOT NULL,
      categories_json TEXT NOT NULL,
      title           TEXT NOT NULL,
      date            TEXT,
      record_json     TEXT,
      UNIQUE (run_id, finding_id),
      FOREIGN KEY (run_id, case_id) REFERENCES search_runs (id, case_id) ON DELETE CASCADE,
      FOREIGN KEY (run_id, source_id) REFERENCES source_runs (run_id, source_id) ON DELETE CASCADE
    ) STRICT;
    CREATE INDEX findings_by_case ON findings (case_id, finding_id);
    CREATE INDEX findings_by_source ON findings (run_id, source_id);

    CREATE TABLE source_state (
      source_id TEXT NOT NULL,
      key       TEXT NOT NULL,
      value     TEXT NOT NULL,
      PRIMARY KEY (source_id, key)
    ) STRICT, WITHOUT ROWID;
  `);
}
