import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { lstat, readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/** Version of `manifest.json` (schemas/manifest.schema.json). */
export const MANIFEST_SCHEMA_VERSION = 1;
export const MANIFEST_FILE = 'manifest.json';
/** Files hashed at once while a manifest is built or checked. */
const CONCURRENT_HASHES = 16;
/** Files up to this size are read whole to hash them; larger ones are streamed. */
const SMALL_FILE_BYTES = 1024 * 1024;
/**
 * The officer's accountability record (Art. 5(2)) is never part of the package: it is written to a
 * sibling folder `<package>.intern` (or `--intern-out`), so a package folder sent as a whole cannot
 * leak it. An `intern/` folder inside a package is a leak that `auskunft verify` names.
 */
export const INTERNAL_DIR = 'intern';
export const INTERNAL_DIR_SUFFIX = '.intern';

/** Where the internal report of the package in `packageDir` goes when no folder is named. */
export function defaultInternalDir(packageDir: string): string {
  return `${packageDir.replace(/[\\/]+$/, '')}${INTERNAL_DIR_SUFFIX}`;
}

export interface ManifestEntry {
  readonly path: string; // relative to the package folder, with "/"
  readonly size: number;
  readonly sha256: string;
}

export interface Manifest {
  readonly schemaVersion: number;
  readonly algorithm: 'sha256';
  readonly createdAt: string;
  readonly files: ManifestEntry[];
}

/**
 * Files the manifest does not cover: itself and the encrypted ZIP (which contains the manifest, so it
 * cannot be listed in it). The internal report (outside the package) records the SHA-256 of the
 * manifest and of the ZIP instead, which ties all three together.
 */
export function isOutsideManifest(path: string): boolean {
  return path === MANIFEST_FILE || (!path.includes('/') && path.toLowerCase().endsWith('.zip'));
}

/** Path, size and SHA-256 of every file of the package folder the manifest covers, sorted by path. */
export async function buildManifest(dir: string, now: Date = new Date()): Promise<Manifest> {
  const paths = (await listFiles(dir)).filter((path) => !isOutsideManifest(path));
  const files: ManifestEntry[] = new Array(paths.length);
  let next = 0;
  // A package has thousands of small files: hash several at once so the reads overlap.
  const worker = async () => {
    while (next < paths.length) {
      const i = next++;
      const path = paths[i]!;
      files[i] = { path, ...(await hashFile(join(dir, ...path.split('/')))) };
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENT_HASHES, paths.length) }, worker));
  return { schemaVersion: MANIFEST_SCHEMA_VERSION, algorithm: 'sha256', createdAt: now.toISOString(), files };
}

/** What `auskunft verify` found. */
export interface ManifestCheck {
  readonly verified: number;
  readonly problems: { readonly path: string; readonly problem: 'missing' | 'size' | 'sha256' | 'unexpected' }[];
}

/**
 * Re-check a package folder against its manifest: every listed file exists with the listed size and
 * SHA-256, and no file was added (a file slipped into a package is as much a change as an edit).
 */
export async function checkManifest(dir: string, manifest: Manifest): Promise<ManifestCheck> {
  const problems: ManifestCheck['problems'][number][] = [];
  const listed = new Set<string>();
  let verified = 0;
  for (const entry of manifest.files) {
    listed.add(entry.path);
    // A manifest is input too: an entry like "../x" must not make verify read outside the folder.
    if (entry.path.split('/').some((p) => p === '..' || p === '') || entry.path.startsWith('/')) {
      problems.push({ path: entry.path, problem: 'unexpected' });
      continue;
    }
    const full = join(dir, ...entry.path.split('/'));
    const info = await lstat(full).catch(() => undefined);
    if (!info?.isFile()) {
      problems.push({ path: entry.path, problem: 'missing' });
      continue;
    }
    if (info.size !== entry.size) {
      problems.push({ path: entry.path, problem: 'size' });
      continue;
    }
    const { sha256 } = await hashFile(full);
    if (sha256 !== entry.sha256) problems.push({ path: entry.path, problem: 'sha256' });
    else verified++;
  }
  for (const path of await listFiles(dir)) {
    if (!isOutsideManifest(path) && !listed.has(path)) problems.push({ path, problem: 'unexpected' });
  }
  return { verified, problems };
}

/** Read and shape-check `manifest.json`; null when it is missing or not a manifest. */
export async function readManifest(dir: string): Promise<Manifest | null> {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(join(dir, MANIFEST_FILE), 'utf8'));
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const m = value as Partial<Manifest>;
  const entryOk = (e: unknown): e is ManifestEntry => {
    const x = e as Partial<ManifestEntry> | null;
    return typeof x?.path === 'string' && typeof x.size === 'number' && typeof x.sha256 === 'string';
  };
  if (m.algorithm !== 'sha256' || !Array.isArray(m.files) || !m.files.every(entryOk)) return null;
  return m as Manifest;
}

export async function hashFile(path: string): Promise<{ size: number; sha256: string }> {
  const info = await stat(path);
  if (info.size <= SMALL_FILE_BYTES) {
    // One read instead of a stream: a stream's setup costs more than reading a small file whole.
    const bytes = await readFile(path);
    return { size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
  }
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    size += chunk.length;
  }
  return { size, sha256: hash.digest('hex') };
}

/** Every regular file below `dir`, as "/"-separated relative paths, sorted; symlinks are listed, not followed. */
export async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (folder: string) => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const full = join(folder, entry.name);
      if (entry.isDirectory()) await walk(full);
      else out.push(relative(dir, full).split(sep).join('/'));
    }
  };
  await walk(dir);
  return out.sort();
}
