import type { DerivedTextCache } from '../../connector.js';
import { OCR_REVISION, startOcrEngine, type OcrEngine, type OcrPage } from './ocrEngine.js';
import { imageSize, rotated } from './pageImages.js';

/**
 * Below this mean confidence a page may be sideways or upside down: it is read again turned by 90°,
 * 180° and 270°, and the reading with the most confident words wins. Tesseract's orientation
 * detection needs the legacy OSD model, which is not bundled; reading the three turns costs time
 * only on the rare page that needs it.
 */
const UPRIGHT_CONFIDENCE = 60;
/** Fewer words than this is an empty or nearly empty page: there is no orientation to find. */
const MIN_WORDS_FOR_ORIENTATION = 3;

/**
 * Reads page images with one OCR engine, started on the first page that needs it, and remembers what
 * it read in the cache, by the file's SHA-256 and the page: a second search of the same folder does
 * no OCR at all.
 */
export class PageReader {
  private engine: Promise<OcrEngine> | undefined;

  constructor(
    private readonly cache: DerivedTextCache | undefined,
    private readonly start: () => Promise<OcrEngine> = () => startOcrEngine(),
  ) {}

  /** The page from the cache, or undefined: then `read` must OCR it. */
  cached(fileSha256: string, page: number): OcrPage | undefined {
    const hit = this.cache?.get(cacheKey(fileSha256, page));
    if (hit === undefined) return undefined;
    try {
      return JSON.parse(hit) as OcrPage;
    } catch {
      return undefined; // a damaged entry is read again, not trusted
    }
  }

  async read(fileSha256: string, page: number, image: () => Promise<Buffer>, signal: AbortSignal): Promise<OcrPage> {
    const hit = this.cached(fileSha256, page);
    if (hit) return hit;
    signal.throwIfAborted();
    const engine = await (this.engine ??= this.start());
    const png = await image();
    signal.throwIfAborted();
    const { width, height } = await imageSize(png);
    let best: OcrPage = { ...(await engine.recognize(png)), rotation: 0, width, height };
    if (best.confidence < UPRIGHT_CONFIDENCE && best.words.length >= MIN_WORDS_FOR_ORIENTATION) {
      for (const degrees of [90, 270, 180] as const) {
        signal.throwIfAborted();
        const sideways = degrees !== 180;
        const size = sideways ? { width: height, height: width } : { width, height };
        const turned: OcrPage = { ...(await engine.recognize(await rotated(png, degrees))), rotation: degrees, ...size };
        if (score(turned) > score(best)) best = turned;
        if (best.confidence >= UPRIGHT_CONFIDENCE) break;
      }
    }
    this.cache?.set(cacheKey(fileSha256, page), JSON.stringify(best));
    return best;
  }

  async close(): Promise<void> {
    const engine = this.engine;
    this.engine = undefined;
    if (engine) await (await engine.catch(() => undefined))?.close();
  }
}

function cacheKey(fileSha256: string, page: number): string {
  return `ocr:${OCR_REVISION}:${fileSha256}:${page}`;
}

/** Confident words of real length: a sideways page yields many short, unsure fragments. */
function score(page: OcrPage): number {
  let sum = 0;
  for (const word of page.words) if (word.text.length >= 3) sum += word.confidence;
  return sum;
}
