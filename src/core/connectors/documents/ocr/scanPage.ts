import { extname } from 'node:path';
import type { Locator } from '../../../../shared/findings.js';
import type { OriginalContext } from '../../connector.js';
import { openPdf } from '../pdfPages.js';
import { readDocumentOriginal } from '../readDocumentOriginal.js';
import { imagePage, loadSharp } from './pageImages.js';

/** A review image is drawn no larger than this on its long side: enough to read, small to send. */
const REVIEW_LONG_SIDE = 1600;
/** PDF pages are drawn at the resolution OCR read them at, so the word boxes fit. */
const PDF_DPI = 200;

/**
 * One page of a scanned document as the review shows it: the page OCR read (turned as OCR turned
 * it), scaled down, as PNG. Null when the file is gone or changed (readDocumentOriginal checks it is
 * still inside the source) or has no such page. The word boxes in the finding refer to the full-size
 * page; `scale` says how much smaller this image is.
 */
export async function scanPageImage(configuredPath: string, locator: Locator, page: number, rotation: number, ctx: OriginalContext): Promise<{ png: Buffer; scale: number } | null> {
  const original = await readDocumentOriginal(configuredPath, locator, ctx);
  if (!original) return null;
  const extension = extname(original.filename).toLowerCase();
  let png: Buffer;
  if (extension === '.pdf') {
    const pdf = await openPdf(new Uint8Array(original.bytes.buffer, original.bytes.byteOffset, original.bytes.byteLength), ctx.signal);
    try {
      if (page > pdf.pageCount) return null;
      png = await pdf.renderPage(page, PDF_DPI);
    } finally {
      await pdf.close();
    }
  } else {
    png = await imagePage(original.bytes, page);
  }
  const sharp = await loadSharp();
  const turned = rotation ? await sharp(png).rotate(rotation).png().toBuffer() : png;
  const { width = 1, height = 1 } = await sharp(turned).metadata();
  const scale = Math.min(1, REVIEW_LONG_SIDE / Math.max(width, height));
  if (scale === 1) return { png: turned, scale };
  return { png: await sharp(turned).resize({ width: Math.round(width * scale) }).png().toBuffer(), scale };
}
