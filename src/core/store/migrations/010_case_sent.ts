import type { WritableDb } from '../db.js';

/**
 * Schema v10: when and how the answer was sent (status `sent`, core/cases/changeCaseStatus.ts). The
 * controller must be able to show that it answered within the deadline (Art. 5(2), Art. 12(3)), and
 * the date the officer posted or handed over the answer is that proof, not the date the package was
 * written.
 *
 * - `sent_on` is the day the officer sent the answer (YYYY-MM-DD, as entered); `sent_channel` one of
 *   `post`, `email`, `inPerson`. Both are NULL until the case is marked sent; a reopened case keeps
 *   them until it is sent again, so the list still shows the earlier answer.
 * - No CHECK on the channel: as with `cases.status` (001), the vocabulary is the API contract's, and
 *   SQLite cannot change a CHECK without rebuilding the table.
 * - Existing stores have no case with that status, so nothing is backfilled.
 */
export const version = 10;

export function up(db: WritableDb): void {
  db.exec(`
    ALTER TABLE cases ADD COLUMN sent_on TEXT;
    ALTER TABLE cases ADD COLUMN sent_channel TEXT;
  `);
}
