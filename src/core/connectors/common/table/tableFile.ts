import { constants } from 'node:fs';
import { access, open, stat } from 'node:fs/promises';
import { SourceError } from '../../connector.js';

export type TableFormat = 'csv' | 'xlsx';

/**
 * The format of a table file by its first bytes, not its name: an .xlsx is a ZIP ("PK\3\4"), the old
 * binary .xls is an OLE2 container that we cannot read and say so, anything else is read as CSV text.
 */
export async function tableFormat(absolute: string, configured: string): Promise<TableFormat> {
  const handle = await open(absolute, 'r');
  try {
    const head = Buffer.alloc(8);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    if (bytesRead >= 4 && head.readUInt32BE(0) === 0x504b0304) return 'xlsx';
    if (bytesRead >= 8 && head.readUInt32BE(0) === 0xd0cf11e0 && head.readUInt32BE(4) === 0xa1b11ae1) {
      throw new SourceError(`${configured} is an old binary Excel file (.xls), which cannot be read: save it as .xlsx or CSV`);
    }
    return 'csv';
  } finally {
    await handle.close();
  }
}

/** The file's absolute path, after checking that it is a readable file; otherwise a SourceError that says why. */
export async function requireReadableFile(configured: string, resolvePath: (path: string) => string, what: string): Promise<string> {
  const absolute = resolvePath(configured);
  try {
    const info = await stat(absolute);
    if (!info.isFile()) throw new SourceError(`${what} ${configured} is not a file`);
    await access(absolute, constants.R_OK);
  } catch (err) {
    if (err instanceof SourceError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new SourceError(`${what} ${configured} ${code === 'ENOENT' ? 'does not exist' : `cannot be read (${code ?? (err as Error).message})`}`);
  }
  return absolute;
}
