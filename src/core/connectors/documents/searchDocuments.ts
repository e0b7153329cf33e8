import { createHash } from 'node:crypto';
import { basename, extname } from 'node:path';
import type { Match } from '../../../shared/findings.js';
import type { SubjectQuery } from '../../domain/subjectQuery.js';
import type { SearchContext, SearchEvent } from '../connector.js';
import { requireFolder } from '../common/mail/folderSource.js';
import { readFileWithinLimit } from '../common/readFileWithinLimit.js';
import { locatorPath } from '../common/mail/mailFiles.js';
import { mailEvents } from '../common/mail/mailEvents.js';
import { MAX_MESSAGE_BYTES } from '../common/mail/mailLimits.js';
import { scanMessage } from '../common/mail/scanMessage.js';
import { walkFiles, type UnreadableFolder } from '../common/mail/walkFiles.js';
import { msgEvents } from '../common/outlook/msgEvents.js';
import { dedupeMatches } from '../common/table/scanRow.js';
import { MAX_DOCUMENT_BYTES, MAX_DOCUMENT_RECORD_CHARS } from './documentLimits.js';
import { DocxReadError, docxText } from './docxText.js';
import { openPdf, PdfReadError } from './pdfPages.js';
import { plainText } from './plainText.js';
import { ocrPageMatches, type OcrPageMatches } from './ocr/ocrMatches.js';
import { defaultOcrWorkers, OcrUnavailableError } from './ocr/ocrEngine.js';
import { ImageReadError, imagePage, imagePageCount, MAX_IMAGE_PAGES } from './ocr/pageImages.js';
import { PageReader } from './ocr/pageReader.js';

type DocumentKind = 'pdf' | 'docx' | 'txt' | 'eml' | 'msg' | 'image';

const KIND_OF_EXTENSION: Readonly<Record<string, DocumentKind>> = {
  '.pdf': 'pdf',
  '.docx': 'docx',
  '.txt': 'txt',
  '.eml': 'eml',
  '.msg': 'msg',
  '.jpg': 'image',
  '.jpeg': 'image',
  '.png': 'image',
  '.tif': 'image',
  '.tiff': 'image',
};

/** Pages a scan is drawn at for OCR when it has no text layer: enough for 8-point type, fast to draw. */
const PDF_OCR_DPI = 200;

export interface DocumentSearchOptions {
  /** Read scans (image files, PDF pages without text) with OCR. Default: on. */
  readonly ocr?: boolean;
}

/** Everything one file contributes, collected so that several files can be read at once. */
type FileEvents = SearchEvent[];

/**
 * Files that are not documents and hold nothing about customers: OS folder metadata. Office lock
 * files (`~$brief.docx`) hold only the name of whoever had the document open.
 */
const IGNORED_NAMES = new Set(['.ds_store', 'desktop.ini']);
const isIgnored = (name: string) => IGNORED_NAMES.has(name.toLowerCase()) || name.startsWith('~$');

/**
 * Search a folder of documents, recursively: PDF (text layer, and OCR for pages without one), DOCX,
 * TXT, EML, Outlook MSG and scanned images (JPEG, PNG, TIFF), one finding per file. Whatever could not be
 * searched is said: an encrypted or broken file, a scan OCR could not read, and one summary of the
 * file types that are not read at all.
 *
 * Files are read a few at a time (as many as there are OCR workers), so both cores read scans while
 * events still come out in the folder's order.
 */
export async function* searchDocuments(configuredPath: string, subject: SubjectQuery, ctx: SearchContext, options: DocumentSearchOptions = {}): AsyncGenerator<SearchEvent> {
  const absolute = await requireFolder(configuredPath, ctx);
  const root = { absolute, configured: configuredPath };
  const unreadable: UnreadableFolder[] = [];
  const skipped = new Map<string, number>();
  const reader = options.ocr === false ? undefined : new PageReader(ctx.textCache);
  const inFlight: { path: string; events: Promise<Settled<FileEvents>> }[] = [];
  const window = reader ? defaultOcrWorkers() : 1;
  let scanned = 0;
  const drain = async function* (): AsyncGenerator<SearchEvent> {
    const next = inFlight.shift()!;
    const settled = await next.events;
    if (!settled.ok) throw settled.error;
    yield* settled.value;
    ctx.progress({ scanned: ++scanned, detail: next.path });
  };
  try {
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
      const path = locatorPath(root, file);
      // OCR takes about a second a page: each page read is progress the officer sees.
      const onPage = (page: number, pages: number) => ctx.progress({ scanned, detail: `${path}, Seite ${page}/${pages}` });
      inFlight.push({ path, events: settle(collect(searchDocument(file, path, kind, subject, ctx, reader, onPage))) });
      while (inFlight.length >= window) yield* drain();
    }
    while (inFlight.length) yield* drain();
  } finally {
    // Files still being read when the search stops are abandoned; their errors are not the caller's.
    await Promise.all(inFlight.map((f) => f.events));
    await reader?.close();
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
      message: `${total} file${total === 1 ? '' : 's'} of types that are not searched (only PDF, DOCX, TXT, EML, MSG, JPEG, PNG and TIFF are): ${list}`,
      uncovered: true,
    };
  }
}

type Settled<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown };

function settle<T>(promise: Promise<T>): Promise<Settled<T>> {
  return promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
}

async function collect(events: AsyncIterable<SearchEvent>): Promise<FileEvents> {
  const out: FileEvents = [];
  for await (const event of events) out.push(event);
  return out;
}

type OnPage = (page: number, pages: number) => void;

async function* searchDocument(
  file: string,
  path: string,
  kind: DocumentKind,
  subject: SubjectQuery,
  ctx: SearchContext,
  reader: PageReader | undefined,
  onPage: OnPage,
): AsyncGenerator<SearchEvent> {
  const limit = kind === 'eml' || kind === 'msg' ? MAX_MESSAGE_BYTES : MAX_DOCUMENT_BYTES;
  const read = await readFileWithinLimit(file, limit, { path });
  if ('warning' in read) {
    yield read.warning;
    return;
  }
  const { bytes } = read;
  try {
    if (kind === 'eml') yield* mailEvents(await scanMessage(bytes, subject), { path });
    else if (kind === 'msg') yield* msgEvents(bytes, { path }, subject);
    else if (kind === 'pdf') yield* searchPdf(bytes, path, subject, ctx, reader, onPage);
    else if (kind === 'image') yield* searchImage(bytes, path, subject, ctx, reader, onPage);
    else yield* textEvents(kind === 'docx' ? await docxText(bytes) : plainText(bytes), path, subject);
  } catch (err) {
    if (!(err instanceof PdfReadError || err instanceof DocxReadError || err instanceof ImageReadError || err instanceof OcrUnavailableError)) throw err;
    yield { kind: 'warning', locator: { path }, message: err.message, uncovered: true };
  }
}

/**
 * A scanned image (JPEG, PNG, TIFF with any number of pages) read by OCR. One finding per file; the
 * locator names the first page that concerns the subject, as for a PDF.
 */
async function* searchImage(bytes: Buffer, path: string, subject: SubjectQuery, ctx: SearchContext, reader: PageReader | undefined, onPage: OnPage): AsyncGenerator<SearchEvent> {
  if (!reader) {
    yield { kind: 'warning', locator: { path }, message: 'a scanned image, and OCR is switched off for this source (ocr: false); it was not searched', uncovered: true };
    return;
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const pages = await imagePageCount(bytes);
  const read = Math.min(pages, MAX_IMAGE_PAGES);
  const results: OcrPageMatches[] = [];
  const texts: string[] = [];
  for (let page = 1; page <= read; page++) {
    const result = await reader.read(sha256, page, () => imagePage(bytes, page), ctx.signal);
    onPage(page, read);
    texts.push(result.text);
    results.push(ocrPageMatches(subject, result, page, result));
  }
  if (pages > read) {
    yield { kind: 'warning', locator: { path, page: read + 1 }, message: `image of ${pages} pages: pages ${read + 1}–${pages} were not searched (limit ${MAX_IMAGE_PAGES})`, uncovered: true };
  }
  yield* ocrFinding(path, results, texts.join('\n\n'), pages, null);
}

/** The finding of a document whose text OCR read, wholly or in part. */
function* ocrFinding(path: string, pages: OcrPageMatches[], text: string, pageCount: number, date: string | null, typed: { matches: Match[]; firstPage?: number } = { matches: [] }): Generator<SearchEvent> {
  const matched = pages.filter((p) => p.matches.length);
  const matches = dedupeMatches([...typed.matches, ...matched.flatMap((p) => p.matches)]);
  if (!matches.length) return;
  const firstPage = Math.min(typed.firstPage ?? Infinity, matched[0]?.page.page ?? Infinity);
  yield {
    kind: 'finding',
    locator: { path, page: firstPage },
    matches,
    title: path,
    date,
    record: { kind: 'document', text: clip(text), pages: pageCount, machineRead: true, ocr: matched.map((p) => p.page) },
  };
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
async function* searchPdf(bytes: Buffer, path: string, subject: SubjectQuery, ctx: SearchContext, reader: PageReader | undefined, onPage: OnPage): AsyncGenerator<SearchEvent> {
  const pdf = await openPdf(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), ctx.signal);
  const matches: Match[] = [];
  const needOcr: number[] = [];
  const ocrPages: OcrPageMatches[] = [];
  const pageTexts = new Map<number, string>();
  let firstPage: number | undefined;
  let anyText = false;
  try {
    for await (const page of pdf.pages()) {
      if (page.needsOcr) needOcr.push(page.number);
      if (!page.text.trim()) continue;
      anyText = true;
      pageTexts.set(page.number, page.text);
      const found = subject.scanText(page.text, `page ${page.number}`);
      if (found.length && firstPage === undefined) firstPage = page.number;
      matches.push(...found);
    }
    if (reader && needOcr.length) {
      // Only the pages without a text layer are read by OCR: the typed pages are exact already.
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      for (const number of needOcr) {
        const result = await reader.read(sha256, number, () => pdf.renderPage(number, PDF_OCR_DPI), ctx.signal);
        onPage(number, pdf.pageCount);
        pageTexts.set(number, result.text);
        ocrPages.push(ocrPageMatches(subject, result, number, result));
      }
    }
  } finally {
    await pdf.close();
  }
  if (needOcr.length && !reader) {
    yield {
      kind: 'warning',
      locator: { path, page: needOcr[0]! },
      message: anyText
        ? `no text layer on page${needOcr.length === 1 ? '' : 's'} ${needOcr.join(', ')}, and OCR is switched off for this source (ocr: false); ${needOcr.length === 1 ? 'it was' : 'they were'} not searched`
        : 'no text layer, and OCR is switched off for this source (ocr: false); the document was not searched',
      uncovered: true,
    };
  }
  const text = [...pageTexts].sort(([a], [b]) => a - b).map(([, t]) => t).join('\n\n');
  if (ocrPages.length) {
    yield* ocrFinding(path, ocrPages, text, pdf.pageCount, pdf.created, { matches, ...(firstPage !== undefined && { firstPage }) });
    return;
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
