import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/*
 * `npm start` step: build better-sqlite3-multiple-ciphers for Electron's ABI into
 * out/electron-native/<electron version>/ without touching node_modules, whose copy stays built for
 * Node (the CLI and the tests use it). The engine process loads the Electron copy (engineProcess.cts).
 * A prebuilt binary is downloaded when the project publishes one for this Electron; otherwise it is
 * compiled against Electron's headers (needs python3, make and a C++ compiler, like `npm ci`).
 */

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const MODULE = 'better-sqlite3-multiple-ciphers';
const require = createRequire(join(ROOT, 'package.json'));

function main(): void {
  const electronVersion = (JSON.parse(readFileSync(join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version;
  const target = join(ROOT, 'out', 'electron-native', electronVersion, 'better_sqlite3.node');
  if (existsSync(target)) return;

  const moduleDir = join(ROOT, 'node_modules', MODULE);
  const work = join(ROOT, 'out', 'electron-native', `build-${electronVersion}`);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  for (const part of ['package.json', 'binding.gyp', 'src', 'deps', 'lib']) {
    if (existsSync(join(moduleDir, part))) cpSync(join(moduleDir, part), join(work, part), { recursive: true });
  }

  process.stderr.write(`auskunft: preparing ${MODULE} for Electron ${electronVersion} (once) …\n`);
  const run = (file: string, args: string[]) => execFileSync(process.execPath, [file, ...args], { cwd: work, stdio: 'inherit' });
  try {
    run(require.resolve('prebuild-install/bin.js'), ['--runtime', 'electron', '--target', electronVersion, '--arch', process.arch, '--platform', process.platform]);
  } catch {
    // npm passes its bundled node-gyp to scripts; outside npm, fall back to the one on PATH.
    const nodeGyp = process.env['npm_config_node_gyp'];
    const args = ['rebuild', '--release', '--runtime=electron', `--target=${electronVersion}`, '--dist-url=https://electronjs.org/headers'];
    if (nodeGyp) run(nodeGyp, args);
    else execFileSync('node-gyp', args, { cwd: work, stdio: 'inherit' });
  }
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(join(work, 'build', 'Release', 'better_sqlite3.node'), target);
  rmSync(work, { recursive: true, force: true });
}

main();
