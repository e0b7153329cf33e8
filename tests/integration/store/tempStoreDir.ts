import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';

/**
 * A fresh temp directory per test, removed afterwards; `closeLater` registers a connection to close
 * first, so a failing assertion never leaves a file handle open on the directory.
 */
export function useTempStoreDir(): { dir: () => string; file: (name?: string) => string; closeLater: <T extends { close(): unknown }>(db: T) => T } {
  let current: string | undefined;
  let open: { close(): unknown }[] = [];
  beforeEach(() => {
    current = mkdtempSync(join(tmpdir(), 'auskunft-store-'));
  });
  afterEach(() => {
    for (const db of open) db.close();
    open = [];
    if (current) rmSync(current, { recursive: true, force: true });
  });
  const dir = (): string => {
    if (!current) throw new Error('temp dir used outside a test');
    return current;
  };
  return {
    dir,
    file: (name = 'cases.db') => join(dir(), name),
    closeLater: (db) => {
      open.push(db);
      return db;
    },
  };
}
