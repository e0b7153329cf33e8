import { open } from 'node:fs/promises';
import type { TicketFormat } from './ticketsConfig.js';

/** Enough of the file to see its shape; a header line or the first bracket is always within it. */
const HEAD_BYTES = 64 * 1024;

/**
 * Why the file's first bytes do not look like an export of `format`, or null when they do. Only
 * for `check()`: a wrong `format:` should be caught when the officer sets up the source, not found
 * as thousands of warnings in the middle of a deadline.
 */
export async function ticketExportMismatch(absolute: string, format: TicketFormat): Promise<string | null> {
  const handle = await open(absolute, 'r');
  let head: string;
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    // latin1 maps every byte to one character, so the ASCII tokens looked for are found in UTF-8 and
    // windows-1252 alike; UTF-16 (Excel's "Unicode text") is read by dropping its BOM and NUL bytes.
    const latin1 = buffer.toString('latin1', 0, bytesRead);
    head = /^(\xff\xfe|\xfe\xff)/.test(latin1) ? latin1.slice(2).replace(/\0/g, '') : latin1.replace(/^\xef\xbb\xbf/, '');
  } finally {
    await handle.close();
  }
  if (!head.trim()) return 'the file is empty';
  if (format === 'jira-csv') return /Issue key/.test(head.split(/\r?\n/, 1)[0] ?? '') ? null : 'the first line has no "Issue key" column: not a Jira CSV export';
  const first = head.trimStart()[0];
  return first === '{' || first === '[' ? null : `the file does not start with JSON ("${first}")`;
}
