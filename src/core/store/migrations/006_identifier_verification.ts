import type { WritableDb } from '../db.js';

/**
 * Schema v6: verification per identifier. A case used to record one text for how "the person" was
 * verified; but a reply from the known address verifies that address, not an IP the request also
 * named. Each row of `subject_identifiers` now says how it was verified (Art. 12(6)), when and by
 * whom; an identifier without a method is unverified, and findings matched only by unverified
 * identifiers are never included automatically (core/review/includeStrongFindings.ts).
 *
 * - `verification_method` takes the methods of shared/verification.ts; no CHECK, as the list may grow
 *   and SQLite cannot change a CHECK without rebuilding the table. The code validates it.
 * - Existing cases keep what they had: the case-level record applied to the person as a whole, so it
 *   is copied to every identifier of the case, with the method it was stored with ("callback: …", as
 *   the app wrote it) or `other` for the CLI's free text, the case's creation as the time, and the
 *   actor of its `case.created` audit entry (or "unknown"). Cases without a record stay unverified.
 *   `cases.identity_verification` is kept as the case's summary.
 * - `search_runs.identifier_warnings_json`: the guard's warnings of a run (controller's own and
 *   over-broad identifiers), so review and the internal report show why a finding counts as weak.
 *   Earlier runs had none.
 */
export const version = 6;

const METHODS = new Set(['knownContact', 'customerAccount', 'callback', 'postal', 'inPerson', 'idDocument', 'other']);
const PREFIX = /^([a-zA-Z]+): ?([\s\S]*)$/;

export function up(db: WritableDb): void {
  db.exec(`
    ALTER TABLE subject_identifiers ADD COLUMN verification_method TEXT;
    ALTER TABLE subject_identifiers ADD COLUMN verification_note TEXT;
    ALTER TABLE subject_identifiers ADD COLUMN verified_at TEXT;
    ALTER TABLE subject_identifiers ADD COLUMN verified_by TEXT;
    ALTER TABLE search_runs ADD COLUMN identifier_warnings_json TEXT NOT NULL DEFAULT '[]';
  `);
  const cases = db
    .prepare<[], { id: string; created_at: string; identity_verification: string; actor: string | null }>(
      `SELECT c.id, c.created_at, c.identity_verification,
              (SELECT a.actor FROM audit_log a WHERE a.case_id = c.id AND a.action = 'case.created' ORDER BY a.seq LIMIT 1) AS actor
         FROM cases c WHERE c.identity_verification IS NOT NULL AND trim(c.identity_verification) <> ''`,
    )
    .all();
  const update = db.prepare(
    `UPDATE subject_identifiers SET verification_method = ?, verification_note = ?, verified_at = ?, verified_by = ? WHERE case_id = ?`,
  );
  for (const c of cases) {
    const m = PREFIX.exec(c.identity_verification);
    const known = m !== null && METHODS.has(m[1]!);
    update.run(known ? m[1]! : 'other', known ? (m[2] ?? '') : c.identity_verification, c.created_at, c.actor ?? 'unknown', c.id);
  }
}
