import type { WritableDb } from '../db.js';

/**
 * Schema v8: what the letter needs to say what is missing and why (Art. 12(3), 12(4), 15).
 * - `finding_activities`: the officer's per-finding override of the register activities a finding
 *   belongs to (an accounting mail in the support mailbox is not "contact by email"). Keyed by
 *   `finding_id` like `review_decisions`, so it survives a re-search; no row: the source's mapping.
 * - `case_no_data_confirmations`: register activities that keep a local copy but that no searched
 *   source covers, which the officer checked by hand and confirmed to hold no data about the person.
 * - `case_extensions.reason_codes_json`: the reasons of an extension from the short list
 *   (core/cases/extensionReasons.ts), beside the free text; `[]` for extensions recorded before.
 */
export const version = 8;

export function up(db: WritableDb): void {
  db.exec(`
    CREATE TABLE finding_activities (
      case_id         TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
      finding_id      TEXT NOT NULL,
      activities_json TEXT NOT NULL CHECK (json_valid(activities_json) AND json_array_length(activities_json) > 0),
      set_at          TEXT NOT NULL,
      PRIMARY KEY (case_id, finding_id)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE case_no_data_confirmations (
      case_id      TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
      activity_id  TEXT NOT NULL,
      confirmed_at TEXT NOT NULL,
      actor        TEXT NOT NULL,
      PRIMARY KEY (case_id, activity_id)
    ) STRICT, WITHOUT ROWID;

    ALTER TABLE case_extensions ADD COLUMN reason_codes_json TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(reason_codes_json));
  `);
}
