import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/*
 * `npm run build:app`: electron-builder rebuilds native modules for Electron inside node_modules,
 * which would leave the CLI and the tests with a module of the wrong ABI. Keep the Node build aside
 * and put it back afterwards, whatever electron-builder did.
 */

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const NODE_BUILD = join(ROOT, 'node_modules', 'better-sqlite3-multiple-ciphers', 'build', 'Release', 'better_sqlite3.node');
const BACKUP = join(ROOT, 'out', 'node-native', 'better_sqlite3.node');

const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  // electron-builder 26 rebuilds native modules with @electron/rebuild 4, which needs Node 22.12.
  process.stderr.write(`auskunft: packaging needs Node.js >= 22.12 (this is ${process.versions.node})\n`);
  process.exit(2);
}

mkdirSync(dirname(BACKUP), { recursive: true });
if (existsSync(NODE_BUILD)) copyFileSync(NODE_BUILD, BACKUP);
try {
  execFileSync(process.execPath, [join(ROOT, 'node_modules', 'electron-builder', 'cli.js'), '--config', 'electron-builder.yml', ...process.argv.slice(2)], { cwd: ROOT, stdio: 'inherit' });
} finally {
  if (existsSync(BACKUP)) copyFileSync(BACKUP, NODE_BUILD);
}
