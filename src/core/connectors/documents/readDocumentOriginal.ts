import { readFile, stat } from 'node:fs/promises';
import { basename, extname, isAbsolute, relative } from 'node:path';
import type { Locator } from '../../../shared/findings.js';
import type { OriginalContext, OriginalFile } from '../connector.js';
import { MAX_MESSAGE_BYTES } from '../common/mail/mailLimits.js';
import { readFileMessageOriginal } from '../common/mail/mailOriginal.js';
import { msgText } from '../common/outlook/msgEvents.js';
import { MAX_DOCUMENT_BYTES } from './documentLimits.js';
import { docxText } from './docxText.js';
import { openPdf } from './pdfPages.js';
import { plainText } from './plainText.js';

/**
 * The document file itself, byte for byte (Art. 15(3): the copy of the data as held; a letter is
 * held as this PDF or DOCX, not as the text Auskunft extracted from it). An EML is read like a mail
 * file, checked by its Message-ID. The path must stay inside the configured folder: a locator comes
 * from the case store, and a tampered one must not make the export ship an arbitrary file.
 *
 * Compressed formats do not show their text in their bytes, so the original also offers its text,
 * extracted the way the search did, for the export's check against case-wide redactions.
 */
export async function readDocumentOriginal(configuredPath: string, locator: Locator, ctx: OriginalContext): Promise<OriginalFile | null> {
  if (locator.path === undefined) return null;
  const extension = extname(locator.path).toLowerCase();
  if (extension === '.eml') return readFileMessageOriginal(configuredPath, locator, ctx, false);
  const root = ctx.resolvePath(configuredPath);
  const file = ctx.resolvePath(locator.path);
  const inside = relative(root, file);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return null;
  let bytes: Buffer;
  try {
    const info = await stat(file);
    if (!info.isFile() || info.size > (extension === '.msg' ? MAX_MESSAGE_BYTES : MAX_DOCUMENT_BYTES)) return null;
    bytes = await readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw err;
  }
  return { filename: basename(file), bytes, searchable: () => documentText(bytes, extension, ctx.signal) };
}

async function documentText(bytes: Buffer, extension: string, signal: AbortSignal): Promise<string[]> {
  if (extension === '.docx') return [await docxText(bytes)];
  if (SCAN_EXTENSIONS.has(extension)) throw new ScanTextUnknownError();
  if (extension === '.msg') {
    try {
      return [msgText(bytes)];
    } catch {
      return [plainText(bytes)]; // not readable as .msg: its bytes are all there is
    }
  }
  if (extension !== '.pdf') return [plainText(bytes)];
  const pdf = await openPdf(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), signal);
  const pages: string[] = [];
  try {
    for await (const page of pdf.pages()) {
      if (page.needsOcr) throw new ScanTextUnknownError();
      pages.push(page.text);
    }
  } finally {
    await pdf.close();
  }
  return pages;
}

const SCAN_EXTENSIONS: ReadonlySet<string> = new Set(['.jpg', '.jpeg', '.png', '.tif', '.tiff']);

/**
 * A scan's text is in its pixels: the export cannot show that a redacted word is absent from it, so
 * it withholds the scan whenever a redaction could apply and ships the redacted OCR text instead.
 */
class ScanTextUnknownError extends Error {
  override readonly name = 'ScanTextUnknownError';
  constructor() {
    super('a scanned page holds its text only as an image');
  }
}
