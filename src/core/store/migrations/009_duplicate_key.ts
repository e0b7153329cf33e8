import { duplicateKeyOf } from '../../search/duplicateKey.js';
import type { WritableDb } from '../db.js';

/**
 * Schema v9: `findings.duplicate_key` (search/duplicateKey.ts), so review and export treat the copies
 * of one mail in several sources or folders as one item. Runs recorded before are keyed here from
 * their stored records, so an existing case is deduplicated too.
 */
export const version = 9;

export function up(db: WritableDb): void {
  db.exec(`
    ALTER TABLE findings ADD COLUMN duplicate_key TEXT;
    CREATE INDEX findings_by_duplicate ON findings (run_id, duplicate_key) WHERE duplicate_key IS NOT NULL;
  `);
  const set = db.prepare(`UPDATE findings SET duplicate_key = ? WHERE id = ?`);
  const rows = db.prepare<[], { id: number; locator_json: string; title: string; date: string | null; record_json: string | null }>(
    `SELECT id, locator_json, title, date, record_json FROM findings WHERE record_json IS NOT NULL`,
  );
  for (const row of rows.iterate()) {
    const key = duplicateKeyOf({ locator: JSON.parse(row.locator_json), title: row.title, date: row.date, record: JSON.parse(row.record_json!) });
    if (key !== null) set.run(key, row.id);
  }
}
