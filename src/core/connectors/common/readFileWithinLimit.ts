import { readFile, stat } from 'node:fs/promises';
import type { Locator } from '../../../shared/findings.js';
import type { FoundWarning } from '../connector.js';

/** A whole file read into memory, or the warning that says why it was not (and so not searched). */
export type FileRead = { readonly bytes: Buffer } | { readonly warning: FoundWarning };

/**
 * Read a file that a parser needs whole (one message, one PDF), refusing one above `limit` bytes
 * before reading it, so a hostile or mislabelled file cannot exhaust memory (docs/STYLE.md §8). Either
 * way the officer learns of a file not searched: the warning is `uncovered`.
 */
export async function readFileWithinLimit(file: string, limit: number, locator: Locator, what: 'file' | 'message' = 'file'): Promise<FileRead> {
  try {
    const info = await stat(file);
    if (info.size > limit) {
      return { warning: { kind: 'warning', locator, message: `${what} of ${info.size} bytes exceeds the ${limit}-byte limit; not searched`, uncovered: true } };
    }
    return { bytes: await readFile(file) };
  } catch (err) {
    return { warning: { kind: 'warning', locator, message: `cannot read file: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, uncovered: true } };
  }
}
