import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { STATIC_CONTENT_TYPES } from '../shared/staticContentTypes.js';

/** A file of the built renderer by URL path; undefined outside the folder or for unknown types. */
export async function rendererFile(root: string, urlPath: string): Promise<{ body: Buffer; type: string } | undefined> {
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
    return { body: await readFile(file), type };
  } catch {
    return undefined;
  }
}
