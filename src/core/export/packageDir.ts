import { randomBytes } from 'node:crypto';
import { open, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { ExportError } from './exportError.js';
import { listFiles, readManifest } from './manifest.js';
import { FILES_DIR } from './packageFiles.js';

/** How many files are flushed to disk at once before the package is renamed into place. */
const CONCURRENT_SYNCS = 16;

/**
 * Build a folder completely under a temporary name beside `target`, flush it to disk, then rename it
 * into place (docs/ARCHITECTURE.md "Crash safety"): whoever looks at `target` sees the previous package, nothing,
 * or the complete new one, never half of one. A previous package at `target` is replaced; any other
 * folder there is refused, so a mistyped `--out ~/Documents` never deletes the officer's files.
 * Leftovers of a killed run (temporary folders whose process is gone) are removed first.
 */
export async function writeDirectoryAtomically<T>(target: string, build: (temp: string) => Promise<T>, kind: FolderKind = PACKAGE_FOLDER): Promise<T> {
  const dir = resolve(target);
  const parent = dirname(dir);
  const name = basename(dir);
  await mkdir(parent, { recursive: true });
  await assertReplaceable(dir, kind);
  await removeStaleLeftovers(parent, name);

  const tag = `${process.pid}.${randomBytes(4).toString('hex')}`;
  const temp = join(parent, `.${name}.${tag}.tmp`);
  await mkdir(temp, { mode: 0o700 });
  let result: T;
  try {
    result = await build(temp);
    await syncTree(temp);
  } catch (err) {
    await rm(temp, { recursive: true, force: true });
    throw err;
  }

  const old = join(parent, `.${name}.${tag}.old`);
  const hadOld = await exists(dir);
  if (hadOld) await rename(dir, old);
  try {
    await rename(temp, dir);
  } catch (err) {
    if (hadOld) await rename(old, dir).catch(() => undefined);
    await rm(temp, { recursive: true, force: true });
    throw err;
  }
  await syncDirectory(parent);
  if (hadOld) await rm(old, { recursive: true, force: true });
  return result;
}

/** What a folder that may be replaced looks like: which option names it, and how to recognise an earlier one. */
export interface FolderKind {
  readonly option: string;
  readonly what: string;
  readonly isOurs: (dir: string) => Promise<boolean>;
}

const PACKAGE_FOLDER: FolderKind = { option: '--out', what: 'an Auskunft package (no manifest.json)', isOurs: async (dir) => (await readManifest(dir)) !== null };

async function assertReplaceable(dir: string, kind: FolderKind): Promise<void> {
  const info = await stat(dir).catch(() => undefined);
  if (!info) return;
  if (!info.isDirectory()) throw new ExportError(`${dir} exists and is not a folder; choose another ${kind.option}`);
  const entries = await readdir(dir);
  if (entries.length === 0) return;
  if (!(await kind.isOurs(dir))) {
    throw new ExportError(`${dir} exists and is not ${kind.what}; choose an empty or new folder for ${kind.option}`);
  }
}

/** Remove `.NAME.<pid>.<rand>.tmp|old` folders of processes that no longer run. */
async function removeStaleLeftovers(parent: string, name: string): Promise<void> {
  const prefix = `.${name}.`;
  for (const entry of await readdir(parent)) {
    if (!entry.startsWith(prefix)) continue;
    const m = /^(\d+)\.[0-9a-f]{8}\.(tmp|old)$/.exec(entry.slice(prefix.length));
    if (!m) continue;
    if (isRunning(Number(m[1]))) continue;
    await rm(join(parent, entry), { recursive: true, force: true });
  }
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Flush the package to disk before the rename publishes it: the top-level files (letter, data.json,
 * manifest, ZIP, internal report) and every folder. The thousands of small originals in files/ are
 * not flushed one by one: that cost seconds per export (measured: 2–4 s for 2,750 files), a power
 * cut is what it would guard against, and then `auskunft verify` names any original that did not
 * reach the disk (the manifest that lists them is flushed) and a re-export rewrites them. A killed
 * process, the usual crash, loses nothing: the page cache survives it.
 */
async function syncTree(dir: string): Promise<void> {
  const files = (await listFiles(dir)).filter((f) => !f.startsWith(`${FILES_DIR}/`));
  let next = 0;
  const worker = async () => {
    while (next < files.length) await syncPath(join(dir, ...files[next++]!.split('/')));
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENT_SYNCS, files.length) }, worker));
  const folders = new Set<string>([FILES_DIR]);
  for (const file of files) {
    const parts = file.split('/');
    for (let n = 1; n < parts.length; n++) folders.add(parts.slice(0, n).join('/'));
  }
  for (const folder of folders) await syncDirectory(join(dir, ...folder.split('/')));
  await syncDirectory(dir);
}

async function syncPath(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function syncDirectory(path: string): Promise<void> {
  // Windows cannot open a folder for fsync; NTFS journals the rename itself.
  if (process.platform === 'win32') return;
  await syncPath(path).catch(() => undefined);
}

async function exists(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined)) !== undefined;
}
