/*
 * Entry of the engine utilityProcess. CommonJS on purpose: it must patch native module loading before
 * any ESM module is evaluated, and then loads the ESM engine with a dynamic import.
 */
import type { ParentPortLike } from './engineHost.js';

/**
 * During development (`npm start`) node_modules holds better-sqlite3 compiled for Node, which the CLI
 * and the tests use; Electron's Node has another ABI. `npm start` builds an Electron copy under
 * `out/electron-native/` and main names it in AUSKUNFT_ELECTRON_SQLITE (only when the file exists);
 * the addon load is sent there. The packaged app needs none of this: electron-builder rebuilds the
 * module for Electron.
 */
function redirectNativeSqlite(electronBuild: string | undefined): void {
  if (!electronBuild) return;
  const original = process.dlopen.bind(process);
  process.dlopen = ((module: { exports: unknown }, filename: string, flags?: number) =>
    original(module, filename.endsWith('better_sqlite3.node') ? electronBuild : filename, flags)) as typeof process.dlopen;
}

redirectNativeSqlite(process.env['AUSKUNFT_ELECTRON_SQLITE']);

// Electron gives a utilityProcess `process.parentPort`; its type lives in Electron's typings, which
// this part of the build does not load (engineHost.ts).
const { parentPort } = process as unknown as { parentPort: ParentPortLike };
void import('./engineHost.js').then(({ runEngineHost }) => runEngineHost(parentPort));
