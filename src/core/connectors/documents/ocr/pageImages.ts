import type { default as sharpFunction, Sharp } from 'sharp';

/**
 * Larger images are scaled down to this long side before OCR: an A4 page at 300 dpi is 3508 pixels
 * high, which is all tesseract needs; a 48-megapixel phone photo would only cost time and memory.
 */
const MAX_LONG_SIDE = 3508;
/** Decoding refuses images above this many pixels (a hostile TIFF can declare gigapixels). */
const MAX_INPUT_PIXELS = 120_000_000;
/** A multi-page TIFF with more pages is read up to this page; the rest is reported as not searched. */
export const MAX_IMAGE_PAGES = 500;
/**
 * A page whose darkest and lightest greys are closer than this (of 255) is a low-contrast photo or a
 * faded carbon copy. Tesseract's own global binarisation turns such a page, with the sensor's noise,
 * into confetti; it is smoothed lightly and binarised at its Otsu threshold first. Ordinary scans
 * (black text on white) are left alone: tesseract reads them best as they are.
 */
const LOW_CONTRAST_RANGE = 150;
/**
 * The smoothing before binarisation, in pixels (Gaussian sigma). Enough to average out sensor noise;
 * more blurs strokes together, and OCR then reads "55501" as "555301", another person's number.
 */
const DENOISE_SIGMA = 1.5;

/** Why an image could not be decoded, phrased for the officer. */
export class ImageReadError extends Error {
  override readonly name = 'ImageReadError';
}

type SharpFactory = typeof sharpFunction;
let sharpModule: Promise<SharpFactory> | undefined;

/** sharp (libvips) is loaded on first use: a search without images should not pay for it. */
export function loadSharp(): Promise<SharpFactory> {
  sharpModule ??= import('sharp').then((m) => m.default);
  return sharpModule;
}

/**
 * How many pages a JPEG, PNG or TIFF (multi-page, CCITT G4 fax included) has, without decoding them.
 *
 * sharp (libvips, prebuilt for Node and Electron, no system libraries) decodes every format the
 * scanners and fax servers write, including G4 and multi-page TIFF, which the browser-grade decoders
 * in tesseract.js do not.
 */
export async function imagePageCount(bytes: Buffer): Promise<number> {
  const sharp = await loadSharp();
  try {
    const meta = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS }).metadata();
    return meta.pages ?? 1;
  } catch (err) {
    throw new ImageReadError(`not a readable image (${describe(err)}); it was not searched`);
  }
}

/** One page (1-based) of an image file as a greyscale PNG, EXIF orientation applied. */
export async function imagePage(bytes: Buffer, page: number): Promise<Buffer> {
  const sharp = await loadSharp();
  try {
    return await preparePage(sharp(bytes, { page: page - 1, limitInputPixels: MAX_INPUT_PIXELS }));
  } catch (err) {
    throw new ImageReadError(`page ${page} cannot be decoded (${describe(err)}); it was not searched`);
  }
}

/** Greyscale, upright, at most A4 300 dpi, binarised if the page is faint. */
export async function preparePage(image: Sharp): Promise<Buffer> {
  const meta = await image.metadata();
  let pipeline = image.rotate().greyscale();
  const width = meta.autoOrient?.width ?? meta.width ?? 0;
  const height = meta.autoOrient?.height ?? meta.height ?? 0;
  if (Math.max(width, height) > MAX_LONG_SIDE) pipeline = pipeline.resize(width >= height ? { width: MAX_LONG_SIDE } : { height: MAX_LONG_SIDE });
  const grey = await pipeline.png().toBuffer();
  const sharp = await loadSharp();
  const { channels } = await sharp(grey).stats();
  const { min, max } = channels[0]!;
  if (max - min >= LOW_CONTRAST_RANGE) return grey;
  const smooth = await sharp(grey).blur(DENOISE_SIGMA).raw().toBuffer({ resolveWithObject: true });
  return sharp(smooth.data, { raw: smooth.info }).threshold(otsuThreshold(smooth.data)).png().toBuffer();
}

/** Otsu's threshold of 8-bit grey pixels: the level that best separates ink from paper. */
export function otsuThreshold(pixels: Uint8Array): number {
  const histogram = new Float64Array(256);
  for (const value of pixels) histogram[value]!++;
  let sum = 0;
  for (let level = 0; level < 256; level++) sum += level * histogram[level]!;
  let below = 0;
  let sumBelow = 0;
  let best = 0;
  let threshold = 127;
  for (let level = 0; level < 256; level++) {
    below += histogram[level]!;
    if (below === 0) continue;
    const above = pixels.length - below;
    if (above === 0) break;
    sumBelow += level * histogram[level]!;
    const between = below * above * (sumBelow / below - (sum - sumBelow) / above) ** 2;
    if (between > best) {
      best = between;
      threshold = level;
    }
  }
  return threshold;
}

/** The image turned clockwise by `degrees`, as PNG. */
export async function rotated(png: Buffer, degrees: 90 | 180 | 270): Promise<Buffer> {
  const sharp = await loadSharp();
  return sharp(png).rotate(degrees).png().toBuffer();
}

function describe(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.split('\n')[0]!.replace(/^Input (buffer|file) /, '');
}

/** Width and height of an image in pixels. */
export async function imageSize(png: Buffer): Promise<{ width: number; height: number }> {
  const sharp = await loadSharp();
  const { width = 1, height = 1 } = await sharp(png).metadata();
  return { width, height };
}
