import type { SourceStateStore } from '../connectors/connector.js';
import type { WritableDb } from './db.js';

/**
 * The persistent state of one source between runs (IMAP UIDVALIDITY/UIDNEXT). Source ids are unique
 * only within a workspace: a caller serving several workspaces passes an id that includes the
 * workspace, so two "office" sources do not share cursors. Values must not be personal data; they
 * outlive every case.
 */
export function sourceStateStore(db: WritableDb, sourceId: string): SourceStateStore {
  const select = db.prepare<[string, string], string>(`SELECT value FROM source_state WHERE source_id = ? AND key = ?`).pluck();
  const upsert = db.prepare(
    `INSERT INTO source_state (source_id, key, value) VALUES (?, ?, ?) ON CONFLICT (source_id, key) DO UPDATE SET value = excluded.value`,
  );
  return {
    get: (key) => select.get(sourceId, key),
    set: (key, value) => {
      upsert.run(sourceId, key, value);
    },
  };
}
