import { opendir } from 'node:fs/promises';
import { join } from 'node:path';

/** A folder that could not be listed; reported as an uncovered warning by the caller. */
export interface UnreadableFolder {
  readonly folder: string;
  readonly reason: string;
}

/**
 * Every regular file below `root` accepted by `accept`, in a stable (sorted) order so that two runs
 * report the same findings in the same order. Symlinks are not followed: a link loop or a link out
 * of the configured folder would search data the officer did not point at.
 */
export async function* walkFiles(
  root: string,
  accept: (path: string, name: string) => boolean,
  onUnreadable: (problem: UnreadableFolder) => void,
): AsyncGenerator<string> {
  let entries: { name: string; dir: boolean; file: boolean }[];
  try {
    entries = [];
    for await (const entry of await opendir(root)) entries.push({ name: entry.name, dir: entry.isDirectory(), file: entry.isFile() });
  } catch (err) {
    onUnreadable({ folder: root, reason: (err as NodeJS.ErrnoException).code ?? String(err) });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(root, entry.name);
    if (entry.dir) yield* walkFiles(path, accept, onUnreadable);
    else if (entry.file && accept(path, entry.name)) yield path;
  }
}
