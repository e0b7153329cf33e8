import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';

/** One page of a PDF as text. */
export interface PdfPage {
  /** 1-based. */
  readonly number: number;
  readonly text: string;
  /** The page has no text but draws something (a scanned image, outlined glyphs): only OCR could read it. */
  readonly needsOcr: boolean;
}

export interface PdfDocument {
  readonly pageCount: number;
  /** The creation date from the document info, ISO 8601, if it has one. */
  readonly created: string | null;
  pages(): AsyncGenerator<PdfPage>;
  /** One page drawn as a PNG at `dpi`, for OCR of a page without a text layer. */
  renderPage(number: number, dpi: number): Promise<Buffer>;
  close(): Promise<void>;
}

/** Why a PDF could not be opened, phrased for the officer. */
export class PdfReadError extends Error {
  override readonly name = 'PdfReadError';
}

type PdfJs = typeof PdfJsModule;
let pdfjs: Promise<PdfJs> | undefined;

/**
 * pdf.js is loaded on first use: it is several megabytes of code that a search without PDFs, or
 * any other command, should not pay for. The legacy build is the one that runs under plain Node.
 */
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjs;
}

/**
 * Open a PDF for text extraction with pdf.js. Nothing is rendered and no font is installed;
 * `isEvalSupported: false` keeps a hostile font program from reaching `new Function`.
 */
export async function openPdf(bytes: Uint8Array, signal: AbortSignal): Promise<PdfDocument> {
  const { getDocument, OPS } = await loadPdfJs();
  const task = getDocument({ data: bytes, isEvalSupported: false, useSystemFonts: false, disableFontFace: true, stopAtErrors: false, verbosity: 0 });
  const onAbort = () => void task.destroy();
  signal.addEventListener('abort', onAbort, { once: true });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (err) {
    signal.removeEventListener('abort', onAbort);
    await task.destroy().catch(() => undefined);
    signal.throwIfAborted();
    throw new PdfReadError(describePdfError(err));
  }
  const paintOps = new Set(PAINT_OPS.map((name) => OPS[name]));
  const info = await doc.getMetadata().catch(() => undefined);
  const creation = (info?.info as { CreationDate?: unknown } | undefined)?.CreationDate;

  return {
    pageCount: doc.numPages,
    created: typeof creation === 'string' ? pdfDate(creation) : null,
    async *pages() {
      for (let number = 1; number <= doc.numPages; number++) {
        signal.throwIfAborted();
        const page = await doc.getPage(number);
        try {
          const content = await page.getTextContent();
          let text = '';
          for (const item of content.items) if ('str' in item) text += item.str + (item.hasEOL ? '\n' : '');
          let needsOcr = false;
          if (!text.trim()) {
            const ops = await page.getOperatorList();
            needsOcr = ops.fnArray.some((fn) => paintOps.has(fn));
          }
          yield { number, text, needsOcr };
        } finally {
          page.cleanup();
        }
      }
    },
    async renderPage(number, dpi) {
      signal.throwIfAborted();
      const page = await doc.getPage(number);
      try {
        const viewport = page.getViewport({ scale: dpi / 72 });
        // pdf.js draws through its Node canvas factory (@napi-rs/canvas, prebuilt, no system Cairo).
        const factory = (doc as unknown as { canvasFactory: CanvasFactory }).canvasFactory;
        const { canvas, context } = factory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
        try {
          await page.render({ canvasContext: context, viewport, canvas } as unknown as Parameters<typeof page.render>[0]).promise;
          return Buffer.from(await canvas.encode('png'));
        } finally {
          factory.destroy({ canvas, context });
        }
      } finally {
        page.cleanup();
      }
    },
    async close() {
      signal.removeEventListener('abort', onAbort);
      await doc.destroy();
    },
  };
}

/** The part of pdf.js's Node canvas factory that renderPage uses. */
interface CanvasFactory {
  create(width: number, height: number): { canvas: { encode(format: 'png'): Promise<Uint8Array> }; context: unknown };
  destroy(pair: { canvas: unknown; context: unknown }): void;
}

/** Operators that put something visible on a page: with no text beside them, the page needs OCR. */
const PAINT_OPS = [
  'paintImageXObject',
  'paintInlineImageXObject',
  'paintImageMaskXObject',
  'paintImageMaskXObjectGroup',
  'paintInlineImageXObjectGroup',
  'paintImageXObjectRepeat',
  'paintImageMaskXObjectRepeat',
  'paintSolidColorImageMask',
  'constructPath',
  'fill',
  'eoFill',
  'stroke',
  'fillStroke',
  'eoFillStroke',
  'shadingFill',
] as const;

function describePdfError(err: unknown): string {
  const name = (err as { name?: string } | null)?.name;
  const message = err instanceof Error ? err.message : String(err);
  if (name === 'PasswordException') return 'the PDF is encrypted with a password; its content was not searched';
  if (name === 'InvalidPDFException') return `not a readable PDF (${message}); its content was not searched`;
  return `the PDF cannot be read (${message}); its content was not searched`;
}

/** A PDF date string (`D:20240304091500+01'00'`, ISO 32000-1 §7.9.4) as ISO 8601, or null. */
export function pdfDate(value: string): string | null {
  const m = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|[+-]\d{2}'?\d{2}'?)?/.exec(value.trim());
  if (!m) return null;
  const [, y, mo = '01', d = '01', h, mi = '00', s = '00', zone] = m;
  const day = `${y}-${mo}-${d}`;
  if (h === undefined) return day;
  const offset = zone === undefined ? '' : zone === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.replace(/'/g, '').slice(3, 5) || '00'}`;
  return `${day}T${h}:${mi}:${s}${offset}`;
}
