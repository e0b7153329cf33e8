import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Scheduler, Worker } from 'tesseract.js';

/** One recognised word with tesseract's confidence (0–100) and its box in page pixels. */
export interface OcrWord {
  readonly text: string;
  readonly confidence: number;
  readonly bbox: { readonly x0: number; readonly y0: number; readonly x1: number; readonly y1: number };
}

/** What OCR read on one page image. */
export interface OcrPage {
  readonly text: string;
  /** Tesseract's mean word confidence for the page, 0–100. */
  readonly confidence: number;
  /** Clockwise degrees the image was turned before it was read (a page scanned sideways). */
  readonly rotation: 0 | 90 | 180 | 270;
  /** Size of the image the word boxes refer to (after rotation). */
  readonly width: number;
  readonly height: number;
  readonly words: ReadonlyArray<OcrWord>;
}

export interface OcrEngine {
  /** Read one page image (any format sharp decodes; PNG is what the page decoder hands over). */
  recognize(image: Buffer): Promise<Omit<OcrPage, 'rotation' | 'width' | 'height'>>;
  close(): Promise<void>;
}

/**
 * Languages read on every page. German first: the company's letters are German; English is there for
 * the applications and invoices that come in English. Both models are bundled from npm
 * (`@tesseract.js-data/*`, `4.0.0_best_int`: the integer "best" LSTM models, the accuracy of
 * tessdata_best at a third of its size), so nothing is fetched at run time.
 */
export const OCR_LANGUAGES = ['deu', 'eng'] as const;

/** Changes whenever a cached OCR text could differ: the engine, its models or how pages are prepared. */
export const OCR_REVISION = 'tesseract.js@7/deu+eng/4.0.0_best_int/r1';

/** Tesseract reads a page in one thread; more workers than cores only add memory (~60 MB each). */
export function defaultOcrWorkers(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

const require = createRequire(import.meta.url);

/**
 * Inside the packaged Electron app, modules live in `app.asar`, which a worker thread and the WASM
 * loader cannot read; electron-builder unpacks tesseract.js, its core and the models to
 * `app.asar.unpacked` (see electron-builder.yml), so their paths are rewritten to there.
 */
export function unpackedPath(path: string): string {
  return path.replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');
}

function modelFile(language: string): string {
  return unpackedPath(join(dirname(require.resolve(`@tesseract.js-data/${language}/package.json`)), '4.0.0_best_int', `${language}.traineddata.gz`));
}

/**
 * Start a pool of tesseract.js workers. tesseract.js reads every language from one `langPath`, while
 * npm puts each model in its own package, so the models are copied into a private temporary folder
 * first (4 MB); `cacheMethod: 'none'` keeps tesseract.js from writing its own cache anywhere.
 */
export async function startOcrEngine(workers = defaultOcrWorkers()): Promise<OcrEngine> {
  const { createScheduler, createWorker } = await import('tesseract.js');
  const langPath = await mkdtemp(join(tmpdir(), 'auskunft-ocr-'));
  let scheduler: Scheduler | undefined;
  try {
    await Promise.all(OCR_LANGUAGES.map((language) => copyFile(modelFile(language), join(langPath, `${language}.traineddata.gz`))));
    const workerPath = unpackedPath(join(dirname(require.resolve('tesseract.js/package.json')), 'src', 'worker-script', 'node', 'index.js'));
    const started: Worker[] = await Promise.all(
      Array.from({ length: workers }, () =>
        createWorker([...OCR_LANGUAGES], 1 /* OEM.LSTM_ONLY */, {
          langPath,
          gzip: true,
          cacheMethod: 'none',
          workerPath,
          // tesseract.js logs job progress to the console unless told otherwise; progress is ours to report.
          logger: () => undefined,
          errorHandler: () => undefined,
        },
        // Tesseract prints its diagnostics ("Image too small to scale!!") through tprintf, which
        // goes to this file inside the WASM file system rather than to the officer's terminal.
        { debug_file: '/dev/null' } as never),
      ),
    );
    scheduler = createScheduler();
    for (const worker of started) {
      // The page images carry no usable resolution (a phone photo says 72 dpi, a fax 3810): without
      // this, tesseract prints "Invalid resolution" for each page and guesses.
      await worker.setParameters({ user_defined_dpi: '300' });
      scheduler.addWorker(worker);
    }
  } catch (err) {
    await scheduler?.terminate().catch(() => undefined);
    await rm(langPath, { recursive: true, force: true });
    throw new OcrUnavailableError(err instanceof Error ? err.message : String(err));
  }
  const pool = scheduler;
  return {
    async recognize(image) {
      const { data } = await pool.addJob('recognize', image, {}, { text: true, blocks: true });
      const words: OcrWord[] = [];
      for (const block of data.blocks ?? []) {
        for (const paragraph of block.paragraphs) {
          for (const line of paragraph.lines) {
            for (const word of line.words) words.push({ text: word.text, confidence: Math.round(word.confidence), bbox: word.bbox });
          }
        }
      }
      return { text: data.text, confidence: Math.round(data.confidence), words };
    },
    async close() {
      await pool.terminate().catch(() => undefined);
      await rm(langPath, { recursive: true, force: true });
    },
  };
}

/** The OCR engine could not start (its files are missing from a broken install): scans are not searched. */
export class OcrUnavailableError extends Error {
  override readonly name = 'OcrUnavailableError';
  constructor(reason: string) {
    super(`OCR is not available (${reason}); scanned documents were not searched`);
  }
}
