import { readdir, readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { STATIC_CONTENT_TYPES } from '../shared/staticContentTypes.js';

export interface RendererFile {
  readonly body: Buffer;
  readonly type: string;
}

/**
 * Built assets (`/assets/…`) by file: their names carry a content hash, so one never changes. Kept in
 * memory, a chunk the page asks for is answered at once, not after engine work that holds the thread
 * while its read is pending (the first calls on a cold database take a while).
 */
const assets = new Map<string, RendererFile>();

/**
 * A file of the built renderer by URL path; undefined outside the folder or for unknown types. An
 * asset read before comes from memory, synchronously.
 */
export function rendererFile(root: string, urlPath: string): RendererFile | Promise<RendererFile | undefined> {
  return assets.get(`${resolve(root)}\u0000${urlPath}`) ?? readRendererFile(root, urlPath);
}

async function readRendererFile(root: string, urlPath: string): Promise<RendererFile | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const file = resolve(root, relative);
  // Path traversal: the resolved file must stay inside the renderer folder.
  if (!file.startsWith(resolve(root) + sep)) return undefined;
  const type = STATIC_CONTENT_TYPES[extname(file)];
  if (!type) return undefined;
  try {
    const found = { body: await readFile(file), type };
    if (relative.startsWith('assets/')) assets.set(`${resolve(root)}\u0000${urlPath}`, found);
    return found;
  } catch {
    return undefined;
  }
}

/** Read the built assets into memory before the first page asks for them (a missing folder is no error here). */
export async function loadRendererAssets(root: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(resolve(root, 'assets'));
  } catch {
    return;
  }
  await Promise.all(names.map((name) => readRendererFile(root, `/assets/${encodeURIComponent(name)}`)));
}
