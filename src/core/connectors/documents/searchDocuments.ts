import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { Match } from '../../../shared/findings.js';
import type { SubjectQuery } from '../../domain/subjectQuery.js';
import type { SearchContext, SearchEvent } from '../connector.js';
import { requireFolder } from '../mail/folderSource.js';
import { locatorPath } from '../mail/mailFiles.js';
import { mailEvents } from '../mail/mailEvents.js';
import { MAX_MESSAGE_BYTES } from '../mail/mailLimits.js';
import { scanMessage } from '../mail/scanMessage.js';
import { walkFiles, type UnreadableFolder } from '../mail/walkFiles.js';
import { dedupeMatches } from '../table/scanRow.js';
import { MAX_DOCUMENT_BYTES, MAX_DOCUMENT_RECORD_CHARS } from './documentLimits.js';
import { DocxReadError, docxText } from './docxText.js';
import { openPdf, PdfReadError } from './pdfPages.js';
import { plainText } from './plainText.js';

type DocumentKind = 'pdf' | 'docx' | 'txt' | 'eml';

const KIND_OF_EXTENSION: Readonly<Record<string, DocumentKind>> = { '.pdf': 'pdf', '.docx': 'docx', '.txt': 'txt', '.eml': 'eml' };

/**
 * Files that are not documents and hold nothing about customers: OS folder metadata. Office lock
 * files (`~$brief.docx`) hold only the name of whoever had the document open.
 */
const IGNORED_NAMES = new Set(['.ds_store', 'desktop.ini']);
const isIgnored = (name: string) => IGNORED_NAMES.has(name.toLowerCase()) || name.startsWith('~$');

/**
 * Search a folder of documents, recursively: PDF (text layer), DOCX, TXT and EML, one finding per
 * file. Whatever could not be searched is said: a scan without text needs OCR, an encrypted or
 * broken file, and one summary of the file types that are not read at all.
 */
export async function* searchDocuments(configuredPath: string, subject: SubjectQuery, ctx: SearchContext): AsyncGenerator<SearchEvent> {
  const absolute = await requireFolder(configuredPath, ctx);
  const root = { absolute, configured: configuredPath };
  const unreadable: UnreadableFolder[] = [];
  const skipped = new Map<string, number>();
  let scanned = 0;
  for await (const file of walkFiles(absolute, () => true, (problem) => unreadable.push(problem))) {
    ctx.signal.throwIfAborted();
    const name = basename(file);
    if (isIgnored(name)) continue;
    const extension = extname(name).toLowerCase();
    const kind = KIND_OF_EXTENSION[extension];
    if (!kind) {
      const label = extension || '(ohne Endung)';
      skipped.set(label, (skipped.get(label) ?? 0) + 1);
      continue;
    }
    yield* searchDocument(file, locatorPath(root, file), kind, subject, ctx);
    ctx.progress({ scanned: ++scanned, detail: locatorPath(root, file) });
  }
  ctx.progress({ scanned });
  for (const { folder, reason } of unreadable) {
    yield { kind: 'warning', locator: { path: locatorPath(root, folder) }, message: `cannot list folder (${reason}); its documents were not searched`, uncovered: true };
  }
  if (skipped.size) {
    const total = [...skipped.values()].reduce((a, b) => a + b, 0);
    const list = [...skipped].sort(([a], [b]) => (a < b ? -1 : 1)).map(([ext, n]) => `${ext} (${n})`).join(', ');
    yield {
      kind: 'warning',
      locator: { path: root.configured },
      message: `${total} file${total === 1 ? '' : 's'} of types that are not searched (only PDF, DOCX, TXT and EML are): ${list}`,
      uncovered: true,
    };
  }
}

async function* searchDocument(file: string, path: string, kind: DocumentKind, subject: SubjectQuery, ctx: SearchContext): AsyncGenerator<SearchEvent> {
  const limit = kind === 'eml' ? MAX_MESSAGE_BYTES : MAX_DOCUMENT_BYTES;
  let bytes: Buffer;
  try {
    const info = await stat(file);
    if (info.size > limit) {
      yield { kind: 'warning', locator: { path }, message: `file of ${info.size} bytes exceeds the ${limit}-byte limit; not searched`, uncovered: true };
      return;
    }
    bytes = await readFile(file);
  } catch (err) {
    yield { kind: 'warning', locator: { path }, message: `cannot read file: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, uncovered: true };
    return;
  }
  try {
    if (kind === 'eml') yield* mailEvents(await scanMessage(bytes, subject), { path });
    else if (kind === 'pdf') yield* searchPdf(bytes, path, subject, ctx);
    else yield* textEvents(kind === 'docx' ? await docxText(bytes) : plainText(bytes), path, subject);
  } catch (err) {
    if (!(err instanceof PdfReadError || err instanceof DocxReadError)) throw err;
    yield { kind: 'warning', locator: { path }, message: err.message, uncovered: true };
  }
}

function* textEvents(text: string, path: string, subject: SubjectQuery): Generator<SearchEvent> {
  const matches = dedupeMatches(subject.scanText(text, 'text'));
  if (!matches.length) return;
  yield { kind: 'finding', locator: { path }, matches, title: path, date: null, record: { kind: 'document', text: clip(text) } };
}

/**
 * A PDF page by page. The locator names the first page that concerns the subject and each match
 * names its page, so the officer can go straight to them.
 */
async function* searchPdf(bytes: Buffer, path: string, subject: SubjectQuery, ctx: SearchContext): AsyncGenerator<SearchEvent> {
  const pdf = await openPdf(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), ctx.signal);
  const matches: Match[] = [];
  const needOcr: number[] = [];
  let firstPage: number | undefined;
  let anyText = false;
  let text = '';
  try {
    for await (const page of pdf.pages()) {
      if (page.needsOcr) needOcr.push(page.number);
      if (!page.text.trim()) continue;
      anyText = true;
      if (text.length < MAX_DOCUMENT_RECORD_CHARS) text += `${text ? '\n\n' : ''}${page.text}`;
      const found = subject.scanText(page.text, `page ${page.number}`);
      if (found.length && firstPage === undefined) firstPage = page.number;
      matches.push(...found);
    }
  } finally {
    await pdf.close();
  }
  if (needOcr.length) {
    yield {
      kind: 'warning',
      locator: { path, page: needOcr[0]! },
      message: anyText
        ? `no text layer on page${needOcr.length === 1 ? '' : 's'} ${needOcr.join(', ')}: needs OCR; ${needOcr.length === 1 ? 'it was' : 'they were'} not searched`
        : 'no text layer: needs OCR; the document was not searched',
      uncovered: true,
    };
  }
  if (!matches.length) return;
  yield {
    kind: 'finding',
    locator: { path, page: firstPage! },
    matches: dedupeMatches(matches),
    title: path,
    date: pdf.created,
    record: { kind: 'document', text: clip(text), pages: pdf.pageCount },
  };
}

function clip(text: string): string {
  return text.length > MAX_DOCUMENT_RECORD_CHARS ? text.slice(0, MAX_DOCUMENT_RECORD_CHARS) : text;
}
