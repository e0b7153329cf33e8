import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the built pieces are, relative to this compiled file (dist/main/appPaths.js). */
const DIST = dirname(dirname(fileURLToPath(import.meta.url)));

export const RENDERER_DIR = join(DIST, 'renderer');
export const PRELOAD_FILE = join(DIST, 'preload', 'preload.cjs');
export const ENGINE_ENTRY = join(DIST, 'main', 'engine', 'engineProcess.cjs');
/** `npm start` puts better-sqlite3 built for this Electron here (see tooling/prepareElectronSqlite.ts). */
export function electronSqliteBuild(electronVersion: string): string {
  return join(dirname(DIST), 'out', 'electron-native', electronVersion, 'better_sqlite3.node');
}
